// The review queue (reviewers, admins): posts waiting for review, oldest first, decided in place
// with the same three choices as the emailed link (POST /posts/{id}/decision).
//
// The API lists them oldest first (GET /posts?status=pending_review&order=oldest: one index query a
// page of 25, in the order posts started waiting); "Show more" asks for the next page.

import { imagesBlock } from "./images.js";
import { api } from "./config.js";
import { h, reconcile, replace, showError, timeEl } from "./dom.js";
import { announce, safeHref } from "./layout.js";
import { renderMarkdownInto } from "./markdown.js";
import { ready, startPage } from "./page.js";
import { guidelineItems, teachFields } from "./teach.js";
import { decisionLabel } from "./text.js";
import { channelsById, whereItGoes } from "./deliveries.js";
import { authorsTime, timeField } from "./when.js";

const $ = (id) => document.getElementById(id);
const BUTTONS = [
  { value: "approve", label: "Approve", class: "decision approve" },
  { value: "request_changes", label: "Ask for changes", class: "decision changes" },
  { value: "reject", label: "Reject", class: "decision reject" },
];
const DONE = {
  approve: "Approved: it is being published, and the author will get your feedback.",
  request_changes: "Changes asked for: the author will get your feedback.",
  reject: "Rejected: it will not be published, and the author will get your feedback.",
};
const state = { me: null, items: [], cursor: null, channels: new Map() };

/** When the post started waiting for this revision (its last move to pending_review). */
function waitingSince(post) {
  const moves = (post.history || []).filter((change) => change.status === "pending_review");
  return (moves.length ? moves[moves.length - 1].at : null) || post.updatedAt || post.createdAt || "";
}

function author(post) {
  return post.authorName || post.author || "someone";
}

async function alreadyDecided(post, fallback) {
  try {
    const now = await api(`/posts/${encodeURIComponent(post.id)}`);
    const feedback = now.feedback;
    if (feedback && feedback.reviewer && now.revision === post.revision) {
      return `Already decided by ${feedback.reviewer}: ${decisionLabel(feedback.decision)}.`;
    }
  } catch {
    // fall back to the API's own words
  }
  return fallback;
}

function entry(post) {
  const id = post.id;
  const headingId = `q-${id}-heading`;
  const feedbackId = `q-${id}-feedback`;
  const hintId = `q-${id}-hint`;
  const error = h("p", { class: "error", role: "alert", hidden: true });
  const feedback = h("textarea", { id: feedbackId, rows: "3", maxlength: "2000", "aria-describedby": hintId });
  const buttons = BUTTONS.map((b) => h("button", { type: "submit", value: b.value, class: b.class, text: b.label }));
  const own = state.me && post.author === state.me.email;
  const channels = (post.channels || [post.channel]).map((id) => state.channels.get(id)).filter(Boolean);
  const teach = teachFields(state.items, { who: author(post), channels });
  const when = timeField({ label: "Go live at (when you approve; optional)", hint: "In your timezone. Leave it as it is to keep the author's time (or none: as soon as you approve)." });
  when.set(post.publishAt);
  const form = own
    ? h("p", { class: "hint", text: "This is your own post: another reviewer decides it." })
    : h(
      "form",
      { novalidate: true },
      h("div", { class: "field" },
        h("label", { for: feedbackId, text: `Feedback for ${author(post)}` }),
        feedback,
        h("p", { id: hintId, class: "hint", text: "Optional when you approve; needed when you ask for changes or reject." })),
      when.node,
      h("details", { class: "teach" },
        h("summary", { text: "Point to the guidelines or suggest a corrected text (for Ask for changes or Reject)" }),
        teach.node),
      error,
      h("div", { class: "actions decision-buttons", role: "group", "aria-label": `Decision on the post by ${author(post)}` }, buttons),
    );
  const li = h(
    "li",
    { class: "card queue-item", "aria-labelledby": headingId },
    h("h3", { id: headingId, tabindex: "-1" }, `Post by ${author(post)}`),
    h("p", { class: "meta" }, `${whereItGoes(post, state.channels)} · revision ${post.revision} · waiting since `, timeEl(waitingSince(post))),
    answered(post),
    h("blockquote", { class: "post-preview user-text", text: post.text || "" }),
    imagesBlock(post.media),
    authorsTime(post.publishAt),
    post.note ? h("div", { class: "note-box" }, h("h4", { text: "Their note for you" }), h("p", { class: "user-text", text: post.note })) : null,
    post.revision > 1 && post.revisions && post.revisions.length > 1 && post.revisions[post.revisions.length - 2].feedback
      ? h("p", { class: "hint" }, "Earlier feedback: ", h("span", { class: "user-text", text: post.revisions[post.revisions.length - 2].feedback.feedback || decisionLabel(post.revisions[post.revisions.length - 2].feedback.decision) }))
      : null,
    form,
  );
  if (own) return li;

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const decision = event.submitter && event.submitter.value;
    if (!DONE[decision]) return;
    if (!teach.check(decision, feedback, error, author(post))) return;
    const text = feedback.value.trim();
    showError(error, null);
    for (const b of buttons) b.disabled = true;
    try {
      const body = { decision, feedback: text, revision: post.revision, ...teach.values(decision) };
      if (decision === "approve" && when.changed() && when.value()) body.publishAt = when.value();
      const decided = await api(`/posts/${encodeURIComponent(id)}/decision`, { method: "POST", body });
      const done = decided.status === "scheduled" ? "Approved: it is scheduled to go live at its time, and the author will get your feedback." : DONE[decision];
      settle(li, done, "success");
      announce(`Post by ${author(post)}: ${done}`);
    } catch (e) {
      for (const b of buttons) b.disabled = false;
      if (e.status === 401) return;
      if (e.status === 409) {
        settle(li, await alreadyDecided(post, e.message), "notice");
      } else {
        showError(error, e.message);
      }
    }
  });
  return li;
}

/** What the post answers: its address now, and its text once the network has told us (never blocking). */
function answered(post) {
  if (!post.replyTo) return null;
  const href = safeHref(post.replyTo);
  const quote = h("p", { class: "user-text answered-text", hidden: true });
  api(`/posts/${encodeURIComponent(post.id)}/reply-to`)
    .then((found) => {
      const text = found.replyTo && found.replyTo.text;
      quote.textContent = text || "";
      quote.hidden = !text;
    })
    .catch(() => {});
  return h("div", { class: "answered" },
    h("p", { class: "reply-to" }, "In reply to ", href ? h("a", { href, rel: "noopener noreferrer", target: "_blank", text: post.replyTo }) : post.replyTo),
    quote);
}

/** Replace the item's form with `message`, then let it leave the queue after a moment. */
function settle(li, message, kind) {
  const form = li.querySelector("form");
  const note = h("p", { class: kind, role: "status", text: message });
  if (form) form.replaceWith(note);
  li.classList.add("settled");
  li.dataset.settled = "1";
}

const queuePath = (cursor) => `/posts?status=pending_review&order=oldest${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;

const keyOf = (post) => `${post.id}#${post.revision}`;

/** The first page (`more` false) or the next one: the API answers oldest first, one query a page. */
async function load(more = false) {
  const page = await api(queuePath(more ? state.cursor : null));
  const posts = (page.items || []).filter((post) => post.status === "pending_review");
  state.cursor = page.cursor || null;
  const list = $("queue");
  if (more) {
    for (const post of posts) {
      if (list.querySelector(`[data-key="${CSS.escape(keyOf(post))}"]`)) continue;
      const li = entry(post);
      li.dataset.key = keyOf(post);
      list.append(li);
    }
  } else {
    // Decided items stay (with their outcome) until the next refresh.
    for (const li of [...list.children].filter((child) => child.dataset.settled)) li.remove();
    reconcile(list, posts, keyOf, entry);
  }
  $("queue-empty").hidden = list.childElementCount > 0;
  $("queue-more").hidden = !state.cursor;
  $("queue-order").textContent = state.cursor
    ? "Oldest first: the post that has waited longest is at the top. More are waiting: Show more lists them."
    : "Oldest first: the post that has waited longest is at the top.";
}

async function loadGuidelines() {
  try {
    const guidelines = await api("/guidelines");
    state.items = guidelineItems(guidelines.markdown);
    if (guidelines.markdown && guidelines.markdown.trim()) renderMarkdownInto($("guidelines"), guidelines.markdown);
    else replace($("guidelines"), h("p", { class: "muted", text: "No guidelines have been written yet." }));
  } catch (e) {
    if (e.status !== 401) replace($("guidelines"), h("p", { class: "error", text: `The guidelines could not be loaded: ${e.message}` }));
  }
}

async function refresh() {
  showError($("queue-error"), null);
  try {
    await load();
  } catch (e) {
    if (e.status !== 401) showError($("queue-error"), e.message);
  }
}

async function start() {
  const me = await startPage({ roles: ["reviewers", "admins"] });
  if (!me) return;
  state.me = me;
  state.channels = await channelsById();
  ready();
  await loadGuidelines(); // first: each queue entry offers the guideline items as checkboxes
  await refresh();
}

$("queue-refresh").addEventListener("click", refresh);
$("queue-more").addEventListener("click", async (event) => {
  const button = event.currentTarget;
  button.disabled = true;
  showError($("queue-error"), null);
  try {
    await load(true);
  } catch (e) {
    if (e.status !== 401) showError($("queue-error"), e.message);
  } finally {
    button.disabled = false;
  }
});
start();
