// The header every signed-in page shares: who you are, the main navigation, sign out.

import { signOut } from "./auth.js";
import { h, replace } from "./dom.js";
import { rolesLabel } from "./text.js";

const PAGES = [
  { href: "index.html", label: "Posts" },
  { href: "people.html", label: "People", admin: true },
  { href: "outbox.html", label: "Outbox", title: "The sandbox's outbox and local timeline" },
];

function currentPage() {
  return location.pathname.split("/").pop() || "index.html";
}

/** Fill the header's nav and account area for `me` ({email, name, roles}); null shows a sign-in link. */
export function renderHeader(me) {
  const nav = document.getElementById("nav");
  const account = document.getElementById("account");
  const here = currentPage();
  if (nav) {
    const isAdmin = Boolean(me && (me.roles || []).includes("admins"));
    const links = PAGES.filter((page) => !page.admin || isAdmin);
    replace(
      nav,
      h(
        "ul",
        {},
        links.map((page) =>
          h("li", {}, h("a", { href: page.href, title: page.title, "aria-current": page.href === here ? "page" : null, text: page.label })),
        ),
      ),
    );
  }
  if (account) {
    if (me) {
      replace(
        account,
        h("span", { class: "who" }, h("span", { class: "who-name", text: me.name || me.email }), " ", h("span", { class: "who-roles", text: `(${rolesLabel(me.roles)})` })),
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
