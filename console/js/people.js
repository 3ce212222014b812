// People (admins only): who is in training mode, and the switch that takes them in or out of it.

import { api } from "./config.js";
import { h, nextId, showError } from "./dom.js";
import { announce, renderHeader } from "./layout.js";
import { getToken, signInPage } from "./session.js";
import { rolesLabel } from "./text.js";

const $ = (id) => document.getElementById(id);
const state = { cursor: null };

function displayName(user) {
  return user.name || user.email;
}

function consequence(user, turnOn) {
  const name = displayName(user);
  return turnOn
    ? `Posts by ${name} will wait for a reviewer before they go live.`
    : `Posts by ${name} will go live without review.`;
}

function switchCell(user) {
  const id = nextId("training");
  const stateText = h("span", { class: "switch-state", "aria-hidden": "true", text: user.trainingMode ? "On" : "Off" });
  const input = h("input", { type: "checkbox", role: "switch", id, class: "switch-input" });
  input.checked = Boolean(user.trainingMode);
  const confirmSlot = h("div", { class: "inline-slot" });
  const error = h("p", { class: "error", role: "alert", hidden: true });
  const cell = h(
    "td",
    { "data-label": "Training mode" },
    h("label", { for: id, class: "switch" }, input, h("span", { class: "switch-track", "aria-hidden": "true" }), h("span", { class: "visually-hidden", text: `Training mode for ${displayName(user)}` }), stateText),
    confirmSlot,
    error,
  );

  const settle = (on) => {
    input.checked = on;
    stateText.textContent = on ? "On" : "Off";
    input.disabled = false;
    confirmSlot.replaceChildren();
  };

  input.addEventListener("change", () => {
    const turnOn = input.checked;
    const was = !turnOn;
    stateText.textContent = turnOn ? "On" : "Off";
    showError(error, null);
    input.disabled = true; // one change at a time: confirm or cancel first
    const questionId = nextId("confirm");
    const confirm = h("button", { type: "button", class: turnOn ? "primary small" : "danger small", text: turnOn ? "Turn training mode on" : "Turn training mode off" });
    const cancel = h("button", { type: "button", class: "secondary small", text: "Cancel" });
    cancel.addEventListener("click", () => {
      settle(was);
      input.focus();
    });
    confirm.addEventListener("click", async () => {
      confirm.disabled = true;
      cancel.disabled = true;
      try {
        const updated = await api(`/users/${encodeURIComponent(user.email)}`, { method: "PATCH", body: { trainingMode: turnOn } });
        user.trainingMode = Boolean(updated.trainingMode);
        settle(user.trainingMode);
        announce(`Training mode is ${user.trainingMode ? "on" : "off"} for ${displayName(user)}. ${consequence(user, user.trainingMode)}`);
      } catch (e) {
        settle(was);
        showError(error, e.message);
      }
      input.focus();
    });
    confirmSlot.replaceChildren(
      h("div", { class: "confirm", role: "group", "aria-labelledby": questionId },
        h("p", { id: questionId }, h("strong", { text: `Turn training mode ${turnOn ? "on" : "off"} for ${displayName(user)}?` }), " ", consequence(user, turnOn)),
        h("div", { class: "actions" }, confirm, cancel)),
    );
    confirm.focus();
  });
  return cell;
}

function row(user) {
  return h(
    "tr",
    { dataset: { email: user.email } },
    h("th", { scope: "row", "data-label": "Name", text: displayName(user) }),
    h("td", { "data-label": "Email", class: "email-cell", text: user.email }),
    h("td", { "data-label": "Roles", text: rolesLabel(user.roles) }),
    switchCell(user),
  );
}

async function load(cursor = null) {
  const page = await api(cursor ? `/users?cursor=${encodeURIComponent(cursor)}` : "/users");
  const rows = $("people-rows");
  for (const user of page.items || []) rows.append(row(user));
  state.cursor = page.cursor || null;
  $("people-more").hidden = !state.cursor;
  $("people-empty").hidden = rows.childElementCount > 0;
}

function adminsOnly(message) {
  $("people").hidden = true;
  $("admins-only").hidden = false;
  if (message) $("admins-only-message").textContent = `${message} If someone's training mode should change, ask an admin.`;
}

async function start() {
  if (!getToken()) {
    signInPage();
    return;
  }
  try {
    const me = await api("/me");
    renderHeader(me);
    if (!(me.roles || []).includes("admins")) {
      $("loading").hidden = true;
      adminsOnly();
      return;
    }
    await load();
    $("loading").hidden = true;
    $("people").hidden = false;
  } catch (e) {
    $("loading").hidden = true;
    if (e.status === 403) adminsOnly(e.message);
    else if (e.status !== 401) showError($("page-error"), e.message);
  }
}

$("people-more").addEventListener("click", async (event) => {
  const button = event.currentTarget;
  button.disabled = true;
  try {
    await load(state.cursor);
    showError($("page-error"), null);
  } catch (e) {
    showError($("page-error"), e.message);
  } finally {
    button.disabled = false;
  }
});

start();
