// The header every signed-in page shares: who you are, the main navigation, sign out.

import { signOut } from "./auth.js";
import { hostUrl } from "./config.js";
import { h, replace } from "./dom.js";
import { rolesLabel } from "./text.js";

// `roles`: the page is shown to people with any of these roles (none: everyone signed in).
// `probe`: shown only when that sandbox-only address answers (the outbox does not exist on AWS).
export const PAGES = [
  { href: "index.html", label: "Posts" },
  { href: "queue.html", label: "Review queue", roles: ["reviewers", "admins"] },
  { href: "scheduled.html", label: "Scheduled", roles: ["reviewers", "admins"] },
  { href: "attention.html", label: "Needs attention", roles: ["admins"] },
  { href: "people.html", label: "People", roles: ["admins"] },
  { href: "guidelines.html", label: "Guidelines" },
  { href: "channels.html", label: "Channels", roles: ["admins"] },
  { href: "settings.html", label: "Settings", roles: ["admins"] },
  { href: "audit.html", label: "Audit", roles: ["admins"] },
  { href: "outbox.html", label: "Outbox", title: "The sandbox's outbox and local timeline", probe: "/_local/outbox" },
];

const PROBE_KEY = "understudy.probe.";

function currentPage() {
  return location.pathname.split("/").pop() || "index.html";
}

/** Whether `me` may see a page that needs one of `roles` (no roles: anyone signed in). */
export function allowed(me, roles) {
  if (!roles || !roles.length) return true;
  const mine = new Set((me && me.roles) || []);
  return roles.some((role) => mine.has(role));
}

/** Whether a sandbox-only address answers; asked once per tab and remembered. */
async function probe(path) {
  const known = sessionStorage.getItem(PROBE_KEY + path);
  if (known !== null) return known === "1";
  let ok = false;
  try {
    const response = await fetch(await hostUrl(path), { method: "HEAD", cache: "no-store", credentials: "omit" });
    ok = response.ok;
  } catch {
    ok = false;
  }
  sessionStorage.setItem(PROBE_KEY + path, ok ? "1" : "0");
  return ok;
}

/** Fill the header's nav and account area for `me` ({email, name, roles}); null shows a sign-in link. */
export function renderHeader(me) {
  const nav = document.getElementById("nav");
  const account = document.getElementById("account");
  const here = currentPage();
  if (nav) {
    const links = PAGES.filter((page) => allowed(me, page.roles) && (me || !page.roles));
    const items = links.map((page) => {
      const item = h("li", {}, h("a", { href: page.href, title: page.title, "aria-current": page.href === here ? "page" : null, text: page.label }));
      if (page.probe && page.href !== here) {
        item.hidden = true;
        probe(page.probe).then((ok) => {
          item.hidden = !ok;
        });
      }
      return item;
    });
    replace(nav, h("ul", {}, items));
  }
  if (account) {
    if (me) {
      replace(
        account,
        h("span", { class: "who" }, h("span", { class: "who-name", text: me.name || me.email }), " ", h("span", { class: "who-roles", text: `(${rolesLabel(me.roles)})` })),
        h("a", { href: "mfa.html", "aria-current": here === "mfa.html" ? "page" : null, text: "Two-step sign-in" }),
        h("button", { type: "button", class: "link-button", on: { click: signOut }, text: "Sign out" }),
      );
    } else {
      const next = here === "index.html" ? "index.html" : `index.html?next=${encodeURIComponent(here)}`;
      replace(account, h("a", { href: next, text: "Sign in" }));
    }
  }
}

/** Announce a short message to screen readers (the page's polite live region). */
export function announce(message) {
  const region = document.getElementById("announce");
  if (!region) return;
  region.textContent = "";
  // A fresh text node after a tick makes repeated messages announce again.
  setTimeout(() => {
    region.textContent = message;
  }, 50);
}

/** A safe href: http(s) URLs (or same-site paths) only; anything else gives null. */
export function safeHref(url) {
  if (!url) return null;
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}
