// Scheduled (reviewers, admins): approved posts waiting for their time to go live, soonest first
// (GET /scheduled, one query of the schedule index), each with its time in words in the reader's own
// timezone. Admins and the post's author can change the time (POST /posts/{id}/schedule) or cancel
// (POST /posts/{id}/cancel), asked first in plain words.

import { api } from "./config.js";
import { h, reconcile, showError } from "./dom.js";
import { announce, safeHref } from "./layout.js";
import { pagedList, ready, startPage } from "./page.js";
import { rescheduleForm } from "./reschedule.js";
import { inWords, whenEl, zoneName } from "./when.js";
import { channelsById, whereItGoes } from "./deliveries.js";

const $ = (id) => document.getElementById(id);
const state = { me: null, channels: new Map(), cursor: null, items: [] };

function author(post) {
  return post.authorName || post.author || "someone";
}

function mayChange(post) {
  return state.me && ((state.me.roles || []).includes("admins") || post.author === state.me.email);
}

function entry(post) {
  const headingId = `s-${post.id}-heading`;
  const slot = h("div", { class: "inline-slot" });
  const error = h("p", { class: "error", role: "alert", hidden: true });
  const href = safeHref(post.replyTo);
  const actions = mayChange(post)
    ? h("div", { class: "actions" },
      h("button", { type: "button", class: "primary small", text: "Change the time", on: { click: () => reschedule(post, slot, error) } }),
      h("button", { type: "button", class: "secondary small", text: "Cancel it", on: { click: () => cancel(post, slot, error) } }))
    : null;
  return h(
    "li",
    { class: "card queue-item", "aria-labelledby": headingId },
    h("h3", { id: headingId, tabindex: "-1" }, whenEl(post.publishAt)),
    h("p", { class: "meta", text: `${author(post)} on ${whereItGoes(post, state.channels)} · revision ${post.revision}` }),
    post.replyTo ? h("p", { class: "reply-to" }, "In reply to ", href ? h("a", { href, rel: "noopener noreferrer", target: "_blank", text: post.replyTo }) : post.replyTo) : null,
    h("blockquote", { class: "post-preview user-text", text: post.text || "" }),
    actions,
    error,
    slot,
  );
}

function reschedule(post, slot, error) {
  showError(error, null);
  const { form, input } = rescheduleForm(post, {
    label: `New time for the post by ${author(post)}`,
    general: error,
    onKeep: () => slot.replaceChildren(),
    onSaved: async (updated) => {
      announce(`Rescheduled: the post by ${author(post)} goes live ${inWords(updated.publishAt)}.`);
      await refresh();
    },
  });
  slot.replaceChildren(form);
  input.focus();
}

function cancel(post, slot, error) {
  showError(error, null);
  const yes = h("button", { type: "button", class: "danger small", text: "Yes, cancel it" });
  const question = `Cancel the post by ${author(post)}? It will not go live, and ${author(post)} sees it as withdrawn.`;
  yes.addEventListener("click", async () => {
    yes.disabled = true;
    try {
      await api(`/posts/${encodeURIComponent(post.id)}/cancel`, { method: "POST" });
      announce(`Cancelled: the post by ${author(post)} will not go live.`);
      await refresh();
    } catch (e) {
      slot.replaceChildren();
      showError(error, e.message);
    }
  });
  slot.replaceChildren(h("div", { class: "confirm", role: "group", "aria-label": question },
    h("p", { text: question }),
    h("div", { class: "actions" }, yes, h("button", { type: "button", class: "secondary small", text: "Keep it", on: { click: () => slot.replaceChildren() } }))));
  yes.focus();
}

function show(items) {
  reconcile($("scheduled"), items, (post) => `${post.id}#${post.publishAt}`, entry);
  $("list-empty").hidden = items.length > 0;
  $("more").hidden = !state.cursor;
}

const refresh = pagedList("/scheduled", state, show);

async function start() {
  const me = await startPage({ roles: ["reviewers", "admins"] });
  if (!me) return;
  state.me = me;
  $("zone").textContent = zoneName();
  state.channels = await channelsById();
  ready();
  await refresh();
}

start();
