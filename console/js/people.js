// People (admins only): invite people, change their roles, the training-mode switch that takes
// them in or out of training ("graduate"), and deactivating someone who left (listed apart, with
// Reactivate), each with a confirmation that says what changes.

import { api } from "./config.js";
import { h, nextId, showError, timeEl } from "./dom.js";
import { announce, renderHeader } from "./layout.js";
import { clearErrors, fieldError, showApiError } from "./page.js";
import { getToken, signInPage } from "./session.js";
import { ROLE_LABELS } from "./text.js";

const $ = (id) => document.getElementById(id);
const state = { cursor: null, mentors: false, progressFrom: null, me: null };
const SVG = "http://www.w3.org/2000/svg";
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

// --- trainee progress -------------------------------------------------------------------------------

function svg(tag, attrs = {}, text = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text !== null) node.textContent = String(text);
  return node;
}

function percent(share) {
  return share === null || share === undefined ? "—" : `${Math.round(share * 100)}%`;
}

function shortDate(iso) {
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? String(iso) : date.toLocaleDateString(undefined, { day: "numeric", month: "short", timeZone: "UTC" });
}

/** A bar chart of the weeks (approved first time vs changes asked), built as inline SVG with DOM APIs. */
function weeksChart(weeks, name) {
  const titleId = nextId("chart-title");
  const descId = nextId("chart-desc");
  const width = 320;
  const height = 160;
  const base = 130;
  const top = Math.max(1, ...weeks.map((w) => Math.max(w.approvedFirstTime, w.changesAsked)));
  const slot = width / Math.max(1, weeks.length);
  const barWidth = Math.max(4, slot / 2 - 4);
  const summary = weeks.map((w) => `week of ${shortDate(w.weekStart)}: ${w.approvedFirstTime} approved first time, ${w.changesAsked} changes asked`).join("; ");
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", height, role: "img", "aria-labelledby": `${titleId} ${descId}`, class: "progress-chart", focusable: "false" });
  chart.append(svg("title", { id: titleId }, `Last ${weeks.length} weeks for ${name}: approved first time and changes asked`));
  chart.append(svg("desc", { id: descId }, summary ? `${summary}.` : "No weeks to show."));
  chart.append(svg("line", { x1: 0, y1: base, x2: width, y2: base, stroke: "#6b7280", "stroke-width": 1 }));
  weeks.forEach((week, i) => {
    const x = i * slot + 2;
    const bars = [
      { value: week.approvedFirstTime, cls: "bar bar-approved", fill: "#1f7a4d", label: "approved first time" },
      { value: week.changesAsked, cls: "bar bar-changes", fill: "#b45309", label: "changes asked" },
    ];
    bars.forEach((bar, j) => {
      const barHeight = Math.round((bar.value / top) * (base - 10));
      const rect = svg("rect", { class: bar.cls, x: x + j * (barWidth + 2), y: base - barHeight, width: barWidth, height: Math.max(barHeight, 0), fill: bar.fill });
      rect.append(svg("title", {}, `Week of ${shortDate(week.weekStart)}: ${bar.value} ${bar.label}`));
      chart.append(rect);
    });
    chart.append(svg("text", { x: x + barWidth, y: base + 16, "text-anchor": "middle", "font-size": 10, fill: "#374151", "aria-hidden": "true" }, shortDate(week.weekStart)));
  });
  return chart;
}

function duration(hours) {
  if (hours === null || hours === undefined) return "—";
  if (hours < 1) {
    const minutes = Math.max(1, Math.round(hours * 60));
    return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  }
  if (hours < 48) return `${Math.round(hours * 10) / 10} hours`;
  return `${Math.round((hours / 24) * 10) / 10} days`;
}

function showProgress(user, progress) {
  const name = displayName(user);
  $("progress-heading").textContent = `Progress: ${name}`;
  const stat = (label, value) => [h("dt", { text: label }), h("dd", { text: value })];
  const hours = progress.medianHoursToDecision;
  const weeks = Array.isArray(progress.weeks) ? progress.weeks : [];
  const top = Array.isArray(progress.topGuidelines) ? progress.topGuidelines : [];
  $("progress-body").replaceChildren(
    h("p", { class: progress.ready ? "progress-hint ready" : "progress-hint", id: "progress-hint", text: progress.hint || "" }),
    h("dl", { class: "progress-stats" },
      stat("Posts submitted", String(progress.postsSubmitted ?? 0)),
      stat("Approved first time", `${progress.approvedFirstTime ?? 0} (${percent(progress.approvedFirstTimeShare)})`),
      stat("Average rounds of changes", progress.averageRounds === null || progress.averageRounds === undefined ? "—" : String(progress.averageRounds)),
      stat("Typical time to a decision", duration(hours))),
    h("h3", { text: "Guideline items raised most often" }),
    top.length
      ? h("ol", { class: "progress-guidelines" }, top.map((g) => h("li", { text: `${g.item} (${g.count})` })))
      : h("p", { class: "muted", text: "No guideline items raised yet." }),
    h("h3", { text: `The last ${weeks.length} weeks` }),
    h("p", { class: "legend" },
      h("span", { class: "swatch swatch-approved", "aria-hidden": "true" }), " Approved first time ",
      h("span", { class: "swatch swatch-changes", "aria-hidden": "true" }), " Changes asked"),
    weeksChart(weeks, name),
    h("p", { class: "visually-hidden", text: `Summary: ${weeks.map((w) => `week of ${shortDate(w.weekStart)}, ${w.approvedFirstTime} approved first time and ${w.changesAsked} changes asked`).join("; ")}.` }),
  );
}

function markReady(user, progress) {
  const cue = document.querySelector(`tr[data-email="${CSS.escape(user.email)}"] .ready-cue`);
  if (cue) cue.hidden = !(progress && progress.ready && user.trainingMode);
}

async function openProgress(user, button) {
  state.progressFrom = button;
  const panel = $("progress");
  showError($("progress-error"), null);
  $("progress-heading").textContent = `Progress: ${displayName(user)}`;
  $("progress-body").replaceChildren(h("p", { class: "muted", text: "Loading…" }));
  panel.hidden = false;
  $("progress-heading").focus();
  try {
    const progress = await api(`${userPath(user.email)}/progress`);
    showProgress(user, progress);
    markReady(user, progress);
    announce(`Progress for ${displayName(user)}. ${progress.hint || ""}`);
  } catch (e) {
    $("progress-body").replaceChildren();
    if (e.status !== 401) showError($("progress-error"), e.message);
  }
}

function progressControls(user) {
  const button = h("button", { type: "button", class: "secondary small progress-button", text: "Progress", "aria-label": `Progress for ${displayName(user)}` });
  button.addEventListener("click", () => openProgress(user, button));
  const cue = h("span", { class: "ready-cue", hidden: true, text: "Looks ready to graduate" });
  return h("div", { class: "progress-controls" }, button, " ", cue);
}

/** An inline "are you sure?" in ``slot``: the question, what happens, and the action or Cancel. */
function confirmIn(slot, { question, detail, action, danger, onConfirm, onCancel }) {
  const questionId = nextId("confirm");
  const confirm = h("button", { type: "button", class: danger ? "danger small" : "primary small", text: action });
  const cancel = h("button", { type: "button", class: "secondary small", text: "Cancel" });
  cancel.addEventListener("click", () => {
    slot.replaceChildren();
    onCancel();
  });
  confirm.addEventListener("click", () => {
    confirm.disabled = true; // onConfirm replaces the question when it is done
    cancel.disabled = true;
    onConfirm();
  });
  slot.replaceChildren(
    h("div", { class: "confirm", role: "group", "aria-labelledby": questionId },
      h("p", { id: questionId }, h("strong", { text: question }), " ", detail),
      h("div", { class: "actions" }, confirm, cancel)),
  );
  confirm.focus();
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
    user.trainingMode ? progressControls(user) : null,
    confirmSlot,
    error,
  );

  const settle = (on) => {
    input.checked = on;
    stateText.textContent = on ? "On" : "Off";
    input.disabled = false;
    confirmSlot.replaceChildren();
    const cue = cell.querySelector(".ready-cue");
    if (cue && !on) cue.hidden = true; // graduated: no longer a cue to act on
  };

  input.addEventListener("change", () => {
    const turnOn = input.checked;
    const was = !turnOn;
    stateText.textContent = turnOn ? "On" : "Off";
    showError(error, null);
    input.disabled = true; // one change at a time: confirm or cancel first
    confirmIn(confirmSlot, {
      question: `Turn training mode ${turnOn ? "on" : "off"} for ${displayName(user)}?`,
      detail: consequence(user, turnOn),
      action: turnOn ? "Turn training mode on" : "Turn training mode off",
      danger: !turnOn,
      onCancel: () => {
        settle(was);
        input.focus();
      },
      onConfirm: async () => {
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
      },
    });
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

// --- deactivating someone who left, and letting them back in --------------------------------------

const LEAVING = "They can no longer sign in, and anything they are signed in with stops working. Their review links stop working, they are asked to review nothing and are taken off mentor lists, they lose their roles, and their posts waiting for review or for changes are withdrawn. Their posts and the audit trail are kept.";
const RETURNING = "They can sign in again with their old password, as an author in training mode with no roles; give them roles again if they need them.";

/** A button that asks first, inline; once confirmed, ``run()`` (an API call), whose error shows beside it. */
function askingButton({ label, name, question, detail, danger, run }) {
  const error = h("p", { class: "error", role: "alert", hidden: true });
  const slot = h("div", { class: "inline-slot" });
  const button = h("button", { type: "button", class: "secondary small", text: label, "aria-label": `${label} ${name}` });
  const restore = () => {
    slot.replaceChildren();
    button.hidden = false;
    button.focus();
  };
  button.addEventListener("click", () => {
    showError(error, null);
    button.hidden = true;
    confirmIn(slot, {
      question, detail, danger, action: `${label} ${name}`, onCancel: restore,
      onConfirm: async () => {
        try {
          await run();
        } catch (e) {
          restore();
          if (e.status !== 401) showError(error, e.message);
        }
      },
    });
  });
  return [button, slot, error];
}

function accessCell(user) {
  if (state.me && user.email === state.me) return h("td", { "data-label": "Access" }, h("span", { class: "hint", text: "You" }));
  const name = displayName(user);
  const cell = h("td", { "data-label": "Access" });
  cell.append(...askingButton({
    label: "Deactivate", name, question: `Deactivate ${name}?`, detail: LEAVING, danger: true,
    run: async () => {
      const updated = await api(userPath(user.email), { method: "DELETE" });
      cell.closest("tr").remove();
      addInactive(updated, { focus: true });
      announce(`${name} was deactivated. Their waiting posts are being withdrawn and they are being taken off mentor lists.`);
    },
  }));
  return cell;
}

function inactiveRow(user) {
  const name = displayName(user);
  const tr = h(
    "tr",
    { dataset: { email: user.email } },
    h("th", { scope: "row", "data-label": "Name", text: name, tabindex: "-1" }),
    h("td", { "data-label": "Email", class: "email-cell", text: user.email }),
    h("td", { "data-label": "Deactivated" }, user.deactivatedAt ? timeEl(user.deactivatedAt) : "—", user.deactivatedBy ? ` by ${user.deactivatedBy}` : ""),
  );
  tr.append(h("td", { "data-label": "Access" }, ...askingButton({
    label: "Reactivate", name, question: `Reactivate ${name}?`, detail: RETURNING, danger: false,
    run: async () => {
      const updated = await api(`${userPath(user.email)}/reactivate`, { method: "POST" });
      tr.remove();
      $("inactive").hidden = $("inactive-rows").childElementCount === 0;
      const added = row(updated);
      $("people-rows").prepend(added);
      $("people-empty").hidden = true;
      added.querySelector("th").focus();
      announce(`${name} was reactivated as an author in training mode.`);
    },
  })));
  return tr;
}

function addInactive(user, { focus = false } = {}) {
  const added = inactiveRow(user);
  if (focus) $("inactive-rows").prepend(added);
  else $("inactive-rows").append(added);
  $("inactive").hidden = false;
  if (focus) added.querySelector("th").focus();
}

function row(user) {
  return h(
    "tr",
    { dataset: { email: user.email } },
    h("th", { scope: "row", "data-label": "Name", text: displayName(user), tabindex: "-1" }),
    h("td", { "data-label": "Email", class: "email-cell", text: user.email }),
    rolesCell(user),
    state.mentors ? mentorsCell(user) : null,
    switchCell(user),
    accessCell(user),
  );
}

async function load(cursor = null) {
  const page = await api(cursor ? `/users?cursor=${encodeURIComponent(cursor)}` : "/users");
  const rows = $("people-rows");
  if (!cursor && (page.items || []).some((user) => Array.isArray(user.mentors))) {
    state.mentors = true; // the API reports mentors: show the column
    $("mentors-col").hidden = false;
  }
  // One request a page: a trainee's progress is loaded only when their Progress is opened.
  for (const user of page.items || []) {
    if (user.active === false) {
      addInactive(user);
      continue;
    }
    rows.append(row(user));
  }
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
    state.me = me.email;
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

$("progress-close").addEventListener("click", () => {
  $("progress").hidden = true;
  if (state.progressFrom && state.progressFrom.isConnected) state.progressFrom.focus();
});

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
