// Channels (admins): the connected accounts, connecting an X account, removing one (after confirming).
// The four X credentials go to the API once; they are never shown back, and the inputs are cleared
// after every attempt, whatever the answer.

import { api } from "./config.js";
import { h, nextId, reconcile, showError } from "./dom.js";
import { announce } from "./layout.js";
import { clearErrors, fieldError, ready, showApiError, startPage } from "./page.js";

const $ = (id) => document.getElementById(id);
const SECRETS = ["apiKey", "apiSecret", "accessToken", "accessTokenSecret"];
const KIND_LABELS = { x: "X", local: "Local timeline (sandbox)" };

function describe(channel) {
  const kind = KIND_LABELS[channel.kind] || channel.kind;
  return channel.handle ? `${kind} · @${String(channel.handle).replace(/^@/, "")}` : kind;
}

function item(channel) {
  const error = h("p", { class: "error", role: "alert", hidden: true });
  const slot = h("div", { class: "inline-slot" });
  const remove = h("button", { type: "button", class: "danger small", text: "Remove", "aria-label": `Remove ${channel.name}` });
  const li = h(
    "li",
    { class: "card channel" },
    h("div", {}, h("h3", { text: channel.name }), h("p", { class: "meta", text: describe(channel) })),
    remove,
    slot,
    error,
  );
  remove.addEventListener("click", () => {
    showError(error, null);
    remove.disabled = true;
    const questionId = nextId("remove-q");
    const yes = h("button", { type: "button", class: "danger small", text: "Yes, remove it" });
    const no = h("button", { type: "button", class: "secondary small", text: "Keep it" });
    const done = () => {
      slot.replaceChildren();
      remove.disabled = false;
    };
    no.addEventListener("click", () => {
      done();
      remove.focus();
    });
    yes.addEventListener("click", async () => {
      yes.disabled = true;
      no.disabled = true;
      try {
        await api(`/channels/${encodeURIComponent(channel.id)}`, { method: "DELETE" });
        li.remove();
        $("channels-empty").hidden = $("channels").childElementCount > 0;
        announce(`${channel.name} is removed.`);
        $("list-heading").focus();
      } catch (e) {
        done();
        if (e.status !== 401) showError(error, e.message);
        remove.focus();
      }
    });
    slot.replaceChildren(
      h("div", { class: "confirm", role: "group", "aria-labelledby": questionId },
        h("p", { id: questionId }, h("strong", { text: `Remove ${channel.name}?` }), " Authors will no longer be able to post to it. Posts already published stay where they are."),
        h("div", { class: "actions" }, yes, no)),
    );
    yes.focus();
  });
  return li;
}

function showChannels(items) {
  reconcile($("channels"), items, (c) => c.id, item);
  $("channels-empty").hidden = items.length > 0;
}

async function loadChannels() {
  const answer = await api("/channels");
  showChannels(Array.isArray(answer) ? answer : answer.items || []);
}

function guessField(error) {
  const text = error.message.toLowerCase();
  if (error.status === 409 || text.includes("name")) return "name";
  return null;
}

function wireAdd() {
  const form = $("add-form");
  const name = $("add-name");
  const fields = { name };
  for (const key of SECRETS) fields[key] = $(`add-${key}`);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form, $("add-error"));
    $("add-status").textContent = "";
    const body = { kind: "x", name: name.value.trim() };
    for (const key of SECRETS) body[key] = fields[key].value.trim();
    const missing = ["name", ...SECRETS].filter((key) => !body[key]);
    if (missing.length) {
      for (const key of missing) fieldError(fields[key], key === "name" ? "Give the channel a name." : "This is needed.");
      fields[missing[0]].focus();
      return;
    }
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    button.textContent = "Checking with X…";
    try {
      const channel = await api("/channels", { method: "POST", body });
      await loadChannels().catch(() => $("channels").append(item(channel)));
      name.value = "";
      const message = `${channel.name} is connected.`;
      $("add-status").textContent = message;
      announce(message);
    } catch (e) {
      if (e.status !== 401) showApiError(e, { fields, general: $("add-error"), guess: guessField });
    } finally {
      for (const key of SECRETS) fields[key].value = ""; // never kept in the page, whatever happened
      button.disabled = false;
      button.textContent = "Connect";
    }
  });
}

async function start() {
  const me = await startPage({ roles: ["admins"] });
  if (!me) return;
  try {
    await loadChannels();
    ready();
  } catch (e) {
    $("loading").hidden = true;
    if (e.status !== 401) showError($("page-error"), e.message);
  }
}

wireAdd();
start();
