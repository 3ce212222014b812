// Needs attention (admins): posts that failed, went out on only some of their channels, were left in
// doubt by an interrupted publish, or expired (GET /attention), each with what happened and only the
// actions that are safe for it (POST /posts/{id}/attention): publish again or it is live (with the
// address an admin checked), each on the channel it concerns, and close with a note for the whole post.
// Every action asks first, in plain words.

import { api } from "./config.js";
import { h, nextId, reconcile, timeEl } from "./dom.js";
import { announce, safeHref } from "./layout.js";
import { clearErrors, fieldError, pagedList, ready, showApiError, startPage } from "./page.js";
import { channelsById, deliveriesList, whereItGoes } from "./deliveries.js";

const $ = (id) => document.getElementById(id);

const CASES = {
  not_published: "Not published: the channel said the post was not created, or it never reached the channel.",
  needs_check: "In doubt: publishing was interrupted, so it is not known whether the post went out. Check the channel first.",
  failed: "Failed before it was approved: the review could not run.",
  expired: "Expired: nobody decided it before the deadline.",
};

// For each action: the button, the question asked before doing it, the confirming button, the result.
const ACTIONS = {
  publish_again: {
    label: "Publish again",
    question: "Publish this post again? It was not created on the channel, so it is sent once more.",
    yes: "Yes, publish it again",
    done: "Sent to be published again; the author is told, and told again when it is live.",
  },
  mark_live: {
    label: "It is live",
    question: "Say the post is live? Paste the address where you found it on the channel.",
    yes: "Yes, it is live",
    done: "Marked live; the author is told with the link.",
    url: true,
  },
  close: {
    label: "Close with a note",
    question: "Close this without publishing? The author gets your note.",
    yes: "Close it",
    done: "Closed; the author is told with your note.",
    noteNeeded: true,
  },
};

const state = { channels: new Map(), cursor: null, items: [] };

function author(post) {
  return post.authorName || post.author || "someone";
}

function field(id, label, control, hint) {
  const hintId = `${id}-hint`;
  control.id = id;
  control.setAttribute("aria-describedby", `${id}-error${hint ? ` ${hintId}` : ""}`);
  return h("div", { class: "field" },
    h("label", { for: id, text: label }),
    control,
    hint ? h("p", { id: hintId, class: "hint", text: hint }) : null,
    h("p", { id: `${id}-error`, class: "error", role: "alert", hidden: true }));
}

/** The inline confirmation for one action on one post (on `channel`, if one); resolves the item when the API agrees. */
function confirmAction(post, action, parts, channel) {
  const spec = ACTIONS[action];
  const prefix = nextId(`a-${action}`);
  const questionId = `${prefix}-q`;
  const url = spec.url ? h("input", { type: "url", inputmode: "url", autocomplete: "off", spellcheck: "false", maxlength: "500" }) : null;
  const note = h("textarea", { rows: "2", maxlength: "1000" });
  const error = h("p", { class: "error", role: "alert", hidden: true });
  const yes = h("button", { type: "submit", class: action === "close" ? "danger small" : "primary small", text: spec.yes });
  const no = h("button", { type: "button", class: "secondary small", text: "Cancel" });
  const form = h("form", { class: "confirm", novalidate: true, "aria-labelledby": questionId },
    h("p", { id: questionId }, h("strong", { text: spec.question })),
    url ? field(`${prefix}-url`, "Address of the live post", url, "As your browser shows it on the channel, for example https://x.com/your_account/status/1234567890.") : null,
    field(`${prefix}-note`, spec.noteNeeded ? "Note for the author (needed)" : "Note for the author (optional)", note),
    error,
    h("div", { class: "actions" }, yes, no));
  const cancel = () => {
    form.remove();
    for (const b of parts.buttons) b.disabled = false;
    parts.buttons[0].focus();
  };
  no.addEventListener("click", cancel);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form, error);
    const body = { action, note: note.value.trim() };
    if (channel) body.channel = channel;
    if (url) body.url = url.value.trim();
    if (url && !body.url) {
      fieldError(url, "Paste the address of the live post.");
      url.focus();
      return;
    }
    if (spec.noteNeeded && !body.note) {
      fieldError(note, "Say why you close it: the author sees this note.");
      note.focus();
      return;
    }
    yes.disabled = true;
    no.disabled = true;
    try {
      await api(`/posts/${encodeURIComponent(post.id)}/attention`, { method: "POST", body });
      settle(parts, spec.done, "success");
      announce(`Post by ${author(post)}: ${spec.done}`);
    } catch (e) {
      yes.disabled = false;
      no.disabled = false;
      if (e.status === 401) return;
      if (e.status === 409) {
        settle(parts, e.message, "notice");
        announce(e.message);
      } else {
        showApiError(e, { fields: url ? { url, note } : { note }, general: error });
      }
    }
  });
  parts.slot.replaceChildren(form);
  (url || note).focus();
}

/** The item is dealt with (by this admin or another): say so in place of its actions. */
function settle(parts, message, kind) {
  parts.actions.replaceWith(h("p", { class: kind, role: "status", text: message }));
  parts.slot.replaceChildren();
  parts.li.dataset.settled = "1";
}

function entry(post) {
  const about = post.attention;
  const headingId = `att-${post.id}-heading`;
  const nameOf = (id) => state.channels.get(id)?.name || id;
  const channels = about.channels || [];
  const several = channels.length > 1;
  const live = several ? null : safeHref(post.publishedUrl);
  const parts = { li: null, slot: h("div", { class: "inline-slot" }), buttons: [], actions: null };
  // Publish again and it is live concern one channel each; close is for the whole post.
  const offered = [
    ...channels.flatMap((c) => (c.actions || []).filter((a) => ACTIONS[a]).map((action) => ({ action, channel: c.channel }))),
    ...(about.actions.includes("close") ? [{ action: "close" }] : []),
  ];
  parts.buttons = offered.map(({ action, channel }) => {
    const label = several && channel ? `${ACTIONS[action].label} on ${nameOf(channel)}` : ACTIONS[action].label;
    return h("button", {
      type: "button",
      class: action === "close" ? "secondary small" : "primary small",
      text: label,
      "aria-label": `${label}: the post by ${author(post)}`,
      on: {
        click: () => {
          for (const b of parts.buttons) b.disabled = true;
          confirmAction(post, action, parts, channel);
        },
      },
    });
  });
  parts.actions = h("div", { class: "actions", role: "group", "aria-label": `What to do with the post by ${author(post)}` }, parts.buttons);
  parts.li = h("li", { class: "card queue-item attention-item", "aria-labelledby": headingId, dataset: { case: about.case } },
    h("h3", { id: headingId, tabindex: "-1" }, `Post by ${author(post)}`),
    h("p", { class: "meta" }, `${whereItGoes(post, state.channels)} · revision ${about.revision} · `, timeEl(about.at)),
    h("p", {}, h("strong", { text: CASES[about.case] || about.case })),
    h("p", { class: "what" }, "What happened: ", h("span", { class: "user-text", text: about.what })),
    h("blockquote", { class: "post-preview user-text", text: post.text || "" }),
    several ? deliveriesList(channels, nameOf) : null,
    live ? h("p", {}, h("a", { href: live, rel: "noopener noreferrer", target: "_blank", text: "The address recorded for it" })) : null,
    parts.actions,
    parts.slot);
  return parts.li;
}

function show(items) {
  const list = $("attention");
  for (const li of [...list.children]) if (li.dataset.settled) li.remove(); // dealt with: gone on refresh
  reconcile(list, items, (post) => `${post.id}#${post.updatedAt}`, entry);
  $("list-empty").hidden = items.length > 0;
  $("more").hidden = !state.cursor;
}

const refresh = pagedList("/attention", state, show);

async function start() {
  const me = await startPage({ roles: ["admins"] });
  if (!me) return;
  state.channels = await channelsById();
  ready();
  await refresh();
}

start();
