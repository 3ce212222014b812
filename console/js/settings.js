// Settings (admins): the review timings, shown in minutes, hours or days and sent in seconds, the
// sender address, and whether admins and reviewers must use two-step sign-in. Every known timing field the API returns is shown; unknown fields are sent back as they came.

import { api } from "./config.js";
import { h, replace } from "./dom.js";
import { announce } from "./layout.js";
import { clearErrors, fieldError, ready, showApiError, startPage } from "./page.js";
import { UNITS, describe, split, toSeconds } from "./units.js";

const $ = (id) => document.getElementById(id);

// Known timing fields, in the order they are shown. `words` finds the field an API message is about.
const TIMINGS = [
  { field: "remindAfterSeconds", label: "Remind reviewers after", hint: "A post waiting this long gets a reminder sent to its reviewers.", words: ["remind"] },
  { field: "escalateAfterSeconds", label: "Tell admins after", hint: "A post still waiting this long is escalated to the admins.", words: ["escalat"] },
  { field: "reviewTimeoutSeconds", label: "Time a reviewer has to decide", hint: "After this, the post stops waiting for review.", words: ["review timeout"] },
  { field: "expireAfterSeconds", label: "Expire a post waiting for review after", hint: "After this, the post expires and its author is told.", words: ["expire after", "expireafter"] },
  { field: "revisionTimeoutSeconds", label: "Time an author has to make changes", hint: "After this, a post waiting for changes stops waiting.", words: ["revision timeout"] },
  { field: "revisionExpireAfterSeconds", label: "Expire a post waiting for changes after", hint: "After this, a post waiting for the author's changes expires.", words: ["revision expire", "revisionexpire"] },
];
// Readiness thresholds for trainee progress, shown when the API reports them. The share is shown as a percentage.
const READINESS = [
  { field: "readyMinPosts", label: "Posts before judging readiness", hint: "A trainee's last this many decided posts are what the readiness hint looks at (1 to 1000).", min: 1, max: 1000, percent: false, words: ["posts before"] },
  { field: "readyFirstTimeShare", label: "Approved first time to look ready (%)", hint: "The share of those posts approved without changes that suggests a trainee is ready to graduate (0 to 100).", min: 0, max: 100, percent: true, words: ["share approved", "first time"] },
];
const SKIP = /(At|By)$/; // read-only facts some answers carry (updatedAt, updatedBy): never sent back

const state = { settings: {}, inputs: new Map() };

function timingField(spec, seconds) {
  const { value, unit } = split(seconds);
  const input = h("input", { id: spec.field, type: "number", min: "0", step: "any", inputmode: "decimal", "aria-describedby": `${spec.field}-hint ${spec.field}-error` });
  input.value = String(value);
  const select = h("select", { id: `${spec.field}-unit`, "aria-label": `${spec.label}: unit` }, UNITS.map((u) => h("option", { value: u.name, text: u.name })));
  select.value = unit;
  const now = h("span", { class: "hint", text: `Now: ${describe(seconds)}.` });
  state.inputs.set(spec.field, { input, select, now });
  return h(
    "div",
    { class: "field" },
    h("label", { for: spec.field, text: spec.label }),
    h("div", { class: "timing" }, input, select),
    h("p", { id: `${spec.field}-hint`, class: "hint" }, spec.hint, " ", now),
    h("p", { id: `${spec.field}-error`, class: "error", role: "alert", hidden: true }),
  );
}

function show(settings) {
  state.settings = settings;
  state.inputs.clear();
  replace($("timings"), TIMINGS.filter((spec) => typeof settings[spec.field] === "number").map((spec) => timingField(spec, settings[spec.field])));
  $("senderEmail").value = settings.senderEmail || "";
  $("security").hidden = typeof settings.requireMfa !== "boolean";
  $("requireMfa").checked = settings.requireMfa === true;
  const present = READINESS.filter((spec) => typeof settings[spec.field] === "number");
  replace($("readiness"), present.length ? [
    h("h2", { text: "Readiness to graduate" }),
    h("p", { class: "muted", text: "When a trainee's numbers reach these, their progress says they look ready." }),
    present.map((spec) => readinessField(spec, settings[spec.field])),
  ] : []);
}

function readinessField(spec, value) {
  const input = h("input", { id: spec.field, type: "number", min: String(spec.min), max: String(spec.max), step: spec.percent ? "any" : "1", inputmode: spec.percent ? "decimal" : "numeric", "aria-describedby": `${spec.field}-hint ${spec.field}-error` });
  input.value = String(spec.percent ? Math.round(value * 1000) / 10 : value);
  state.inputs.set(spec.field, { input, readiness: spec });
  return h(
    "div",
    { class: "field" },
    h("label", { for: spec.field, text: spec.label }),
    input,
    h("p", { id: `${spec.field}-hint`, class: "hint", text: spec.hint }),
    h("p", { id: `${spec.field}-error`, class: "error", role: "alert", hidden: true }),
  );
}

function readinessValue(spec, raw) {
  const number = Number(String(raw).trim());
  if (String(raw).trim() === "" || !Number.isFinite(number) || number < spec.min || number > spec.max) return null;
  if (!spec.percent && !Number.isInteger(number)) return null;
  return spec.percent ? Math.round(number * 10) / 1000 : number;
}

function collect() {
  const body = {};
  for (const [key, value] of Object.entries(state.settings)) {
    if (!SKIP.test(key) && !state.inputs.has(key) && key !== "senderEmail") body[key] = value;
  }
  let firstBad = null;
  for (const spec of TIMINGS) {
    const found = state.inputs.get(spec.field);
    if (!found) continue;
    const seconds = toSeconds(found.input.value, found.select.value);
    if (seconds === null || seconds <= 0) {
      fieldError(found.input, "Enter a number greater than zero.");
      firstBad = firstBad || found.input;
    } else {
      body[spec.field] = seconds;
    }
  }
  for (const spec of READINESS) {
    const found = state.inputs.get(spec.field);
    if (!found) continue;
    const value = readinessValue(spec, found.input.value);
    if (value === null) {
      fieldError(found.input, `Enter a ${spec.percent ? "number" : "whole number"} from ${spec.min} to ${spec.max}.`);
      firstBad = firstBad || found.input;
    } else {
      body[spec.field] = value;
    }
  }
  if ("senderEmail" in state.settings || $("senderEmail").value.trim()) body.senderEmail = $("senderEmail").value.trim();
  if (typeof state.settings.requireMfa === "boolean") body.requireMfa = $("requireMfa").checked;
  return { body, firstBad };
}

function guessField(error) {
  const text = error.message.toLowerCase();
  if (text.includes("two-step") || text.includes("mfa")) return "requireMfa";
  if (text.includes("email") || text.includes("@")) return "senderEmail";
  const readiness = READINESS.find((s) => state.inputs.has(s.field) && s.words.some((w) => text.includes(w)));
  if (readiness) return readiness.field;
  const spec = TIMINGS.find((s) => state.inputs.has(s.field) && s.words.some((w) => text.includes(w)));
  return spec ? spec.field : null;
}

function wire() {
  $("settings-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    clearErrors(form, $("settings-error"));
    $("settings-status").textContent = "";
    const { body, firstBad } = collect();
    if (firstBad) {
      firstBad.focus();
      return;
    }
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    button.textContent = "Saving…";
    try {
      show(await api("/settings", { method: "PUT", body }));
      $("settings-status").textContent = "Saved.";
      announce("The settings are saved.");
    } catch (e) {
      if (e.status !== 401) {
        const fields = { senderEmail: $("senderEmail"), requireMfa: $("requireMfa") };
        for (const [name, found] of state.inputs) fields[name] = found.input;
        showApiError(e, { fields, general: $("settings-error"), guess: guessField });
      }
    } finally {
      button.disabled = false;
      button.textContent = "Save settings";
    }
  });
}

async function start() {
  const me = await startPage({ roles: ["admins"] });
  if (!me) return;
  try {
    show(await api("/settings"));
    ready();
  } catch (e) {
    $("loading").hidden = true;
    if (e.status !== 401) showApiError(e, { general: $("page-error") });
  }
}

wire();
start();
