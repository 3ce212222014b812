// The sandbox's outbox (every email sent) and local timeline (every post published to a `local`
// channel). Emails are shown in sandboxed iframes: no scripts run, but links can be followed.

import { hostUrl, request } from "./config.js";
import { imagesBlock } from "./images.js";
import { h, reconcile, replace, showError, timeEl } from "./dom.js";
import { announce, renderHeader } from "./layout.js";
import { tokenClaims } from "./session.js";

const REFRESH_MS = 3000;
const PAGE = 30;
const $ = (id) => document.getElementById(id);

// No scripts, no same-origin access; links may open the top page (same tab) or a new tab.
const IFRAME_SANDBOX = "allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation";

const state = { emails: [], timeline: [], shown: PAGE, timer: null, busy: false, jumped: false, seen: null };

/** The email's HTML with links opening in the top window rather than inside the frame. */
function framed(html) {
  const base = '<base target="_top">';
  const source = String(html || "");
  const head = /<head(\s[^>]*)?>/i.exec(source);
  if (head) return source.slice(0, head.index + head[0].length) + base + source.slice(head.index + head[0].length);
  return `<!doctype html><html><head><meta charset="utf-8">${base}</head><body>${source}</body></html>`;
}

function emailKey(email) {
  return `${email.index}|${email.sentAt}|${email.subject}`;
}

function renderEmail(email) {
  const headingId = `email-${email.index}-heading`;
  const to = (email.to || []).join(", ");
  const frame = h("iframe", {
    class: "email-frame",
    sandbox: IFRAME_SANDBOX,
    title: `Email to ${to}: ${email.subject || "(no subject)"}`,
    referrerpolicy: "no-referrer",
  });
  if (email.html) frame.srcdoc = framed(email.html);
  return h(
    "li",
    { id: `email-${email.index}` },
    h(
      "article",
      { class: "card email", "aria-labelledby": headingId },
      h("h3", { id: headingId, class: "email-subject", text: email.subject || "(no subject)" }),
      h("dl", { class: "email-meta" }, h("dt", { text: "To" }), h("dd", { text: to }), h("dt", { text: "Sent" }), h("dd", {}, timeEl(email.sentAt))),
      email.html ? frame : h("p", { class: "muted", text: "This email has no HTML part." }),
      email.text ? h("details", { class: "email-text" }, h("summary", { text: "Text version" }), h("pre", { class: "user-text", text: email.text })) : null,
    ),
  );
}

function renderTimelineEntry(entry) {
  // A reply names the answered entry as "<post id>-<revision>"; its place on this page is #post-<post id>.
  const answered = entry.inReplyTo ? String(entry.inReplyTo).replace(/-\d+$/, "") : null;
  return h(
    "li",
    { id: `post-${entry.postId}`, class: "card timeline-entry", tabindex: "-1" },
    answered ? h("p", { class: "reply-to" }, h("a", { href: `#post-${answered}`, text: "In reply to an earlier post" })) : null,
    h("p", { class: "post-text user-text", text: entry.text }),
    imagesBlock(entry.images),
    h("p", { class: "meta" }, `${entry.channel} · published `, timeEl(entry.publishedAt), " · ",
      h("a", { href: `#post-${entry.postId}`, title: "Copy this link to answer the post", text: "Its address" })),
  );
}

function renderRecipients() {
  const select = $("recipient");
  const current = select.value;
  const all = [...new Set(state.emails.flatMap((e) => e.to || []))].sort();
  const have = [...select.options].slice(1).map((o) => o.value);
  if (JSON.stringify(all) === JSON.stringify(have)) return;
  replace(select, h("option", { value: "", text: "Everyone" }), all.map((address) => h("option", { value: address, text: address })));
  select.value = all.includes(current) ? current : "";
}

function render() {
  renderRecipients();
  const recipient = $("recipient").value;
  const newestFirst = state.emails.map((email, index) => ({ ...email, index })).reverse();
  const matching = recipient ? newestFirst.filter((e) => (e.to || []).includes(recipient)) : newestFirst;
  reconcile($("emails"), matching.slice(0, state.shown), emailKey, renderEmail);
  $("emails-older").hidden = matching.length <= state.shown;
  $("emails-empty").hidden = matching.length > 0;
  $("email-count").textContent = `(${matching.length})`;

  const timeline = [...state.timeline].reverse();
  reconcile($("timeline"), timeline, (e) => `${e.postId}|${e.publishedAt}`, renderTimelineEntry);
  $("timeline-empty").hidden = timeline.length > 0;
  $("timeline-count").textContent = `(${timeline.length})`;

  // The local channel's "live post" links point here as outbox.html#post-<id>.
  if (!state.jumped && location.hash.startsWith("#post-")) {
    const target = document.getElementById(location.hash.slice(1));
    if (target) {
      state.jumped = true;
      target.classList.add("highlight");
      target.scrollIntoView({ block: "center" });
      target.focus({ preventScroll: true });
    }
  }
}

async function refresh() {
  if (state.busy) return;
  state.busy = true;
  try {
    const [emails, timeline] = await Promise.all([
      request(await hostUrl("/_local/outbox"), { auth: false }),
      request(await hostUrl("/_local/timeline"), { auth: false }),
    ]);
    const before = state.seen;
    state.emails = Array.isArray(emails) ? emails : [];
    state.timeline = Array.isArray(timeline) ? timeline : [];
    render();
    if (before !== null && state.emails.length > before) {
      const n = state.emails.length - before;
      announce(`${n} new ${n === 1 ? "email" : "emails"}`);
    }
    state.seen = state.emails.length;
    showError($("error"), null);
    replace($("updated"), "Updated ", h("time", { text: new Date().toLocaleTimeString() }));
  } catch (e) {
    const message = e.status === 404
      ? "There is no outbox here: it exists only in the local sandbox (understudy sandbox)."
      : e.message;
    showError($("error"), message);
  } finally {
    state.busy = false;
  }
}

function schedule() {
  clearInterval(state.timer);
  state.timer = $("auto-refresh").checked ? setInterval(refresh, REFRESH_MS) : null;
}

const claims = tokenClaims();
renderHeader(claims ? { name: claims.name || claims.email, email: claims.email, roles: claims["cognito:groups"] || [] } : null);
$("refresh").addEventListener("click", refresh);
$("auto-refresh").addEventListener("change", schedule);
$("recipient").addEventListener("change", render);
$("emails-older").addEventListener("click", () => {
  state.shown += PAGE;
  render();
});
refresh();
schedule();
