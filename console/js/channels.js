// Channels (admins): the connected accounts, connecting one, removing one (after confirming).
// What each network asks for comes from the API (GET /channels/kinds, made from each channel kind's
// module), so a new network needs nothing here. Secret values go to the API once; they are never shown
// back, and their inputs are cleared after every attempt, whatever the answer.

import { api } from "./config.js";
import { h, nextId, reconcile, showError } from "./dom.js";
import { announce } from "./layout.js";
import { clearErrors, fieldError, ready, showApiError, startPage } from "./page.js";

const $ = (id) => document.getElementById(id);
const LABELS = { local: "Local timeline (sandbox)" }; // kind -> label; the rest come with the forms
let kinds = []; // [{kind, label, intro, fields: [{key, label, hint, secret, maxLength}]}]

function describe(channel) {
  const kind = LABELS[channel.kind] || channel.kind;
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

function chosen() {
  return kinds.find((k) => k.kind === $("add-kind").value) || kinds[0];
}

/** The chosen network's inputs, each with its hint and error slot, in place of the previous network's. */
function showFields() {
  const kind = chosen();
  $("add-intro").textContent = kind ? kind.intro : "";
  $("add-fields").replaceChildren(
    ...(kind ? kind.fields : []).map((field) => {
      const id = `add-${field.key}`;
      const hint = field.hint ? h("p", { id: `${id}-hint`, class: "hint", text: field.hint }) : null;
      const input = h("input", {
        id,
        type: field.secret ? "password" : "text",
        class: field.secret ? "secret" : null,
        autocomplete: "off",
        spellcheck: "false",
        maxlength: field.maxLength,
        "aria-describedby": [hint && hint.id, `${id}-error`].filter(Boolean).join(" "),
      });
      return h("div", { class: "field" }, h("label", { for: id, text: field.label }), input, hint,
        h("p", { id: `${id}-error`, class: "error", role: "alert", hidden: true }));
    }),
  );
}

function wireAdd() {
  const form = $("add-form");
  const name = $("add-name");
  $("add-kind").addEventListener("change", () => {
    clearErrors(form, $("add-error"));
    showFields();
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form, $("add-error"));
    $("add-status").textContent = "";
    const kind = chosen();
    if (!kind) return;
    const fields = { name };
    for (const field of kind.fields) {
      fields[field.key] = $(`add-${field.key}`);
      fields[`${kind.kind}.${field.key}`] = fields[field.key]; // a 422 names the field under its kind
    }
    const body = { kind: kind.kind, name: name.value.trim() };
    for (const field of kind.fields) body[field.key] = fields[field.key].value.trim();
    const missing = ["name", ...kind.fields.map((f) => f.key)].filter((key) => !body[key]);
    const secrets = kind.fields.filter((f) => f.secret).map((f) => fields[f.key]);
    if (missing.length) {
      for (const key of missing) fieldError(fields[key], key === "name" ? "Give the channel a name." : "This is needed.");
      fields[missing[0]].focus();
      return;
    }
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    $("add-kind").disabled = true;
    button.textContent = `Checking with ${kind.label}…`;
    try {
      const channel = await api("/channels", { method: "POST", body });
      await loadChannels().catch(() => $("channels").append(item(channel)));
      name.value = "";
      for (const field of kind.fields) fields[field.key].value = "";
      const message = `${channel.name} is connected.`;
      $("add-status").textContent = message;
      announce(message);
    } catch (e) {
      if (e.status !== 401) showApiError(e, { fields, general: $("add-error"), guess: guessField });
    } finally {
      for (const input of secrets) input.value = ""; // never kept in the page, whatever happened
      button.disabled = false;
      $("add-kind").disabled = false;
      button.textContent = "Connect";
    }
  });
}

async function loadKinds() {
  kinds = (await api("/channels/kinds")).items || [];
  for (const kind of kinds) LABELS[kind.kind] = kind.label;
  $("add-kind").replaceChildren(...kinds.map((k) => h("option", { value: k.kind, text: k.label })));
  showFields();
}

async function start() {
  const me = await startPage({ roles: ["admins"] });
  if (!me) return;
  try {
    await loadKinds();
    await loadChannels();
    ready();
  } catch (e) {
    $("loading").hidden = true;
    if (e.status !== 401) showError($("page-error"), e.message);
  }
}

wireAdd();
start();
