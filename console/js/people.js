// People (admins only): invite people, change their roles, and the training-mode switch that takes
// them in or out of training ("graduate"), with a confirmation that says what changes.

import { api } from "./config.js";
import { h, nextId, showError } from "./dom.js";
import { announce, renderHeader } from "./layout.js";
import { clearErrors, fieldError, showApiError } from "./page.js";
import { getToken, signInPage } from "./session.js";
import { ROLE_LABELS } from "./text.js";

const $ = (id) => document.getElementById(id);
const state = { cursor: null, mentors: false };
const ROLES = ["reviewers", "admins"];

function userPath(email) {
  return `/users/${encodeURIComponent(email)}`;
}

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
        const updated = await api(userPath(user.email), { method: "PATCH", body: { trainingMode: turnOn } });
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

function rolesCell(user) {
  const error = h("p", { class: "error", role: "alert", hidden: true });
  const boxes = ROLES.map((role) => {
    const input = h("input", { type: "checkbox", value: role });
    input.checked = (user.roles || []).includes(role);
    return { role, input };
  });
  const current = () => boxes.filter((b) => b.input.checked).map((b) => b.role);
  for (const { role, input } of boxes) {
    input.addEventListener("change", async () => {
      showError(error, null);
      const wanted = current();
      for (const b of boxes) b.input.disabled = true;
      try {
        const updated = await api(userPath(user.email), { method: "PATCH", body: { roles: wanted } });
        user.roles = updated.roles || wanted;
        const label = ROLE_LABELS[role] || role;
        announce(`${displayName(user)} ${user.roles.includes(role) ? "is now" : "is no longer"} ${/^[AEIOU]/.test(label) ? "an" : "a"} ${label.toLowerCase()}.`);
      } catch (e) {
        for (const b of boxes) b.input.checked = (user.roles || []).includes(b.role);
        showError(error, e.message);
      } finally {
        for (const b of boxes) b.input.disabled = false;
      }
    });
  }
  return h(
    "td",
    { "data-label": "Roles" },
    h(
      "div",
      { class: "role-checks" },
      boxes.map(({ role, input }) =>
        h("label", { class: "check" }, input, ` ${ROLE_LABELS[role]}`, h("span", { class: "visually-hidden", text: ` for ${displayName(user)}` })),
      ),
    ),
    (user.roles || []).length ? null : h("span", { class: "hint", text: "Author" }),
    error,
  );
}

/** Mentors (shown only when the API reports them): the list, and a small form to change it. */
function mentorsCell(user) {
  const list = () => (Array.isArray(user.mentors) && user.mentors.length ? user.mentors.join(", ") : "—");
  const shown = h("span", { text: list() });
  const error = h("p", { class: "error", role: "alert", hidden: true });
  const slot = h("div", { class: "inline-slot" });
  const change = h("button", { type: "button", class: "link-button", text: "Change", "aria-label": `Change mentors for ${displayName(user)}` });
  change.addEventListener("click", () => {
    showError(error, null);
    change.hidden = true;
    const id = nextId("mentors");
    const input = h("input", { id, type: "text", autocomplete: "off", spellcheck: "false" });
    input.value = (user.mentors || []).join(", ");
    const save = h("button", { type: "submit", class: "primary small", text: "Save" });
    const cancel = h("button", { type: "button", class: "secondary small", text: "Cancel" });
    const close = () => {
      slot.replaceChildren();
      change.hidden = false;
      change.focus();
    };
    cancel.addEventListener("click", close);
    const form = h("form", { novalidate: true },
      h("label", { for: id, text: `Mentors for ${displayName(user)} (emails, separated by commas)` }),
      input,
      h("div", { class: "actions" }, save, cancel));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const mentors = input.value.split(/[,;\s]+/).map((m) => m.trim()).filter(Boolean);
      save.disabled = true;
      try {
        const updated = await api(userPath(user.email), { method: "PATCH", body: { mentors } });
        user.mentors = Array.isArray(updated.mentors) ? updated.mentors : mentors;
        shown.textContent = list();
        announce(`Mentors for ${displayName(user)}: ${list()}.`);
        close();
      } catch (e) {
        save.disabled = false;
        if (e.status !== 401) showError(error, e.message);
        input.setAttribute("aria-invalid", "true");
        input.focus();
      }
    });
    slot.replaceChildren(form);
    input.focus();
  });
  return h("td", { "data-label": "Mentors", class: "email-cell" }, shown, " ", change, slot, error);
}

function row(user) {
  return h(
    "tr",
    { dataset: { email: user.email } },
    h("th", { scope: "row", "data-label": "Name", text: displayName(user) }),
    h("td", { "data-label": "Email", class: "email-cell", text: user.email }),
    rolesCell(user),
    state.mentors ? mentorsCell(user) : null,
    switchCell(user),
  );
}

async function load(cursor = null) {
  const page = await api(cursor ? `/users?cursor=${encodeURIComponent(cursor)}` : "/users");
  const rows = $("people-rows");
  if (!cursor && (page.items || []).some((user) => Array.isArray(user.mentors))) {
    state.mentors = true; // the API reports mentors: show the column
    $("mentors-col").hidden = false;
  }
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
    $("invite").hidden = false;
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

function wireInvite() {
  const form = $("invite-form");
  const email = $("invite-email");
  const name = $("invite-name");
  const roleBoxes = ROLES.map((role) => $(`invite-role-${role}`));
  const fields = { email, name, roles: roleBoxes[0] };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form, $("invite-error"));
    $("invite-status").textContent = "";
    const body = {
      email: email.value.trim(),
      name: name.value.trim() || undefined,
      roles: roleBoxes.filter((box) => box.checked).map((box) => box.value),
      trainingMode: $("invite-training").checked,
    };
    if (!body.email) {
      fieldError(email, "Enter the person's email address.");
      email.focus();
      return;
    }
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    button.textContent = "Sending…";
    try {
      const user = await api("/users", { method: "POST", body });
      const added = row(user);
      $("people-rows").prepend(added);
      $("people-empty").hidden = true;
      form.reset();
      const message = `Invitation sent to ${user.email}.`;
      $("invite-status").textContent = message;
      announce(message);
    } catch (e) {
      if (e.status === 401) return;
      showApiError(e, {
        fields,
        general: $("invite-error"),
        guess: (error) => {
          const text = error.message.toLowerCase();
          if (text.includes("role")) return "roles";
          if (text.includes("name") && !text.includes("email")) return "name";
          if (error.status === 400 || error.status === 409) return "email";
          return null;
        },
      });
    } finally {
      button.disabled = false;
      button.textContent = "Send invitation";
    }
  });
}

wireInvite();
start();
