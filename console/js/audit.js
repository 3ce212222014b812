// Audit trail (admins): who did what and when, filtered, paged (GET /audit), and the same selection
// as a CSV file (GET /audit.csv, fetched with the person's token and saved through a Blob URL).

import { api, apiUrl } from "./config.js";
import { h, replace, showError, timeEl } from "./dom.js";
import { announce } from "./layout.js";
import { clearErrors, fieldError, ready, showApiError, startPage } from "./page.js";
import { clearToken, getToken, signInPage } from "./session.js";

const $ = (id) => document.getElementById(id);

const ACTIONS = {
  submitted: "Submitted a post",
  revised: "Revised a post",
  withdrawn: "Withdrew a post",
  rescheduled: "Changed when a post goes live",
  cancelled: "Cancelled a scheduled post",
  decided: "Decided on a post",
  reminded: "Reminded reviewers",
  escalated: "Escalated to admins",
  expired: "A post expired",
  published: "Published",
  failed: "Publishing failed",
  not_published_to: "Not published to one of its channels",
  publish_retried: "Sent a failed post to be published again",
  marked_live: "Marked a post live",
  attention_closed: "Closed a post that needed attention",
  training_mode_changed: "Changed training mode",
  roles_changed: "Changed roles",
  mentors_changed: "Changed mentors",
  deactivated: "Deactivated a person",
  reactivated: "Reactivated a person",
  guidelines_changed: "Changed the guidelines",
  settings_changed: "Changed the settings",
};
// Filter name in the API → input.
const FILTERS = { user: "f-user", action: "f-action", post: "f-post", from: "f-from", to: "f-to" };
const state = { cursor: null, query: "" };

function queryString() {
  const params = new URLSearchParams();
  for (const [name, id] of Object.entries(FILTERS)) {
    const value = $(id).value.trim();
    if (value) params.set(name, value);
  }
  return params.toString();
}

function details(entry) {
  const pairs = Object.entries(entry.details || {});
  if (!pairs.length) return "";
  return pairs.map(([key, value]) => `${key}: ${typeof value === "object" ? JSON.stringify(value) : value}`).join("; ");
}

function row(entry) {
  return h(
    "tr",
    {},
    h("td", { "data-label": "When" }, timeEl(entry.at)),
    h("td", { "data-label": "What", text: ACTIONS[entry.action] || entry.action }),
    h("td", { "data-label": "Who", class: "email-cell", text: entry.user || "" }),
    h("td", { "data-label": "Post", class: "email-cell", text: entry.post ? `${entry.post}${entry.revision ? ` (revision ${entry.revision})` : ""}` : "—" }),
    h("td", { "data-label": "Details", class: "email-cell", text: details(entry) || "—" }),
  );
}

function fields() {
  const map = {};
  for (const [name, id] of Object.entries(FILTERS)) map[name] = $(id);
  return map;
}

function guess(error) {
  const text = error.message.toLowerCase();
  if (text.includes("'from'") && !text.includes("'to'")) return "from";
  if (text.includes("'to'") && !text.includes("'from'")) return "to";
  if (text.includes("'from' must not be after")) return "from";
  if (text.includes("action")) return "action";
  return null;
}

async function load({ more = false } = {}) {
  const query = more ? state.query : queryString();
  const params = new URLSearchParams(query);
  if (more && state.cursor) params.set("cursor", state.cursor);
  const text = params.toString();
  const page = await api(`/audit${text ? `?${text}` : ""}`);
  state.query = query;
  const items = page.items || [];
  if (more) $("entries").append(...items.map(row));
  else replace($("entries"), items.map(row));
  state.cursor = page.cursor || null;
  $("entries-more").hidden = !state.cursor;
  $("entries-empty").hidden = $("entries").childElementCount > 0;
  return items.length;
}

async function download() {
  const status = $("download-status");
  showError($("filter-error"), null);
  const token = getToken();
  if (!token) {
    signInPage();
    return;
  }
  const query = queryString();
  status.textContent = "Preparing the file…";
  let response;
  try {
    response = await fetch(await apiUrl(`/audit.csv${query ? `?${query}` : ""}`), {
      headers: { Authorization: `Bearer ${token}`, Accept: "text/csv" },
      cache: "no-store",
      credentials: "omit",
      referrerPolicy: "no-referrer",
    });
  } catch {
    status.textContent = "";
    showError($("filter-error"), "The server could not be reached. Check your connection and try again.");
    return;
  }
  if (!response.ok) {
    status.textContent = "";
    if (response.status === 401) {
      clearToken();
      signInPage({ ended: true });
      return;
    }
    let message = `The file could not be made (${response.status}).`;
    try {
      message = (await response.json()).message || message;
    } catch {
      // keep the plain message
    }
    showError($("filter-error"), message);
    return;
  }
  const blob = await response.blob();
  const disposition = response.headers.get("Content-Disposition") || "";
  const name = (/filename="?([\w.-]+)"?/.exec(disposition) || [])[1] || "understudy-audit.csv";
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  const truncated = response.headers.get("X-Understudy-Truncated");
  status.textContent = truncated ? `Downloaded ${name} (${truncated}).` : `Downloaded ${name}.`;
  announce(status.textContent);
}

function wire() {
  const select = $("f-action");
  select.append(...Object.entries(ACTIONS).map(([value, label]) => h("option", { value, text: label })));
  $("filter-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(event.currentTarget, $("filter-error"));
    const button = event.submitter || event.currentTarget.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      const count = await load();
      announce(count ? `Showing ${count} entries${state.cursor ? ", more below" : ""}.` : "Nothing matches.");
    } catch (e) {
      if (e.status !== 401) showApiError(e, { fields: fields(), general: $("filter-error"), guess });
    } finally {
      button.disabled = false;
    }
  });
  $("filter-clear").addEventListener("click", () => {
    for (const id of Object.values(FILTERS)) {
      $(id).value = "";
      fieldError($(id), null);
    }
    $("filter-form").requestSubmit();
  });
  $("download").addEventListener("click", download);
  $("entries-more").addEventListener("click", async (event) => {
    const button = event.currentTarget;
    button.disabled = true;
    try {
      await load({ more: true });
      showError($("entries-error"), null);
    } catch (e) {
      if (e.status !== 401) showError($("entries-error"), e.message);
    } finally {
      button.disabled = false;
    }
  });
}

async function start() {
  const me = await startPage({ roles: ["admins"] });
  if (!me) return;
  try {
    await load();
    ready();
  } catch (e) {
    $("loading").hidden = true;
    if (e.status === 404) showError($("page-error"), "The audit trail is not available on this server yet.");
    else if (e.status !== 401) showError($("page-error"), e.message);
  }
}

wire();
start();
