// What every signed-in page does first: sign-in check, who am I, the header, the role gate.
// And the small form helpers the admin pages share: errors shown next to the field that caused them.

import { api } from "./config.js";
import { showError } from "./dom.js";
import { allowed, renderHeader } from "./layout.js";
import { getToken, safeNext, signInPage } from "./session.js";

const $ = (id) => document.getElementById(id);

/**
 * Sign-in check, GET /me, header. `roles`: who may use the page; others see the page's #denied
 * section. Resolves to `me`, or null when the page should go no further (signed out, denied, error).
 */
export async function startPage({ roles = null } = {}) {
  if (!getToken()) {
    signInPage();
    return null;
  }
  try {
    const me = await api("/me");
    if (sendToMfaSetup(me)) return null;
    renderHeader(me);
    if (!allowed(me, roles)) {
      deny();
      return null;
    }
    return me;
  } catch (e) {
    if ($("loading")) $("loading").hidden = true;
    if (e.status === 403) deny(e.message);
    else if (e.status !== 401) showError($("page-error"), e.message);
    return null;
  }
}

export const MFA_PAGE = "mfa.html";

/**
 * When the organisation requires two-step sign-in of `me` and it is not set up, go to its setup page
 * (then back here) and say so; the API refuses their admin and reviewer routes until then anyway.
 */
export function sendToMfaSetup(me) {
  const here = location.pathname.split("/").pop() || "index.html";
  if (!me || !me.mfaRequired || me.mfaEnabled || here === MFA_PAGE) return false;
  location.assign(`${MFA_PAGE}?next=${encodeURIComponent(safeNext(here))}`);
  return true;
}

/** Show the page's polite "not for you" section instead of its content. */
export function deny(message) {
  if ($("loading")) $("loading").hidden = true;
  if ($("content")) $("content").hidden = true;
  const denied = $("denied");
  if (denied) {
    denied.hidden = false;
    if (message && $("denied-message")) $("denied-message").textContent = message;
  }
}

/** The page's content is ready: hide "Loading…", show #content. */
export function ready() {
  if ($("loading")) $("loading").hidden = true;
  if ($("content")) $("content").hidden = false;
}

/** Mark `input` invalid with `message` in its error slot (`<p id="{input.id}-error">`), or clear it. */
export function fieldError(input, message) {
  if (!input) return;
  const slot = document.getElementById(`${input.id}-error`);
  if (message) input.setAttribute("aria-invalid", "true");
  else input.removeAttribute("aria-invalid");
  showError(slot, message);
}

/** Clear every field error in `form` and its general error slot. */
export function clearErrors(form, general) {
  for (const input of form.querySelectorAll("[aria-invalid]")) fieldError(input, null);
  showError(general, null);
}

/**
 * Show an API error next to what caused it. `fields` maps API field names (as in the request body)
 * to inputs; 422 answers list {field, message}; `guess(error)` may name a field for 400/409 answers.
 * Anything not tied to a field goes to `general`. Focuses the first field in error.
 */
export function showApiError(error, { fields = {}, general, guess } = {}) {
  let first = null;
  const listed = (error.body && Array.isArray(error.body.errors) && error.body.errors) || [];
  for (const item of listed) {
    const input = fields[item.field];
    if (input) {
      fieldError(input, item.message || error.message);
      first = first || input;
    }
  }
  if (!first && guess) {
    const name = guess(error);
    if (name && fields[name]) {
      first = fields[name];
      fieldError(first, error.message);
    }
  }
  if (first) first.focus();
  else showError(general, error.message);
  return first;
}

/**
 * A list the API pages with a cursor (`path`, such as /attention), on a page with #list-error, #refresh
 * and #more: `state.items` and `state.cursor` follow the pages read, and `show(items)` draws them after
 * each read. Returns `refresh({more})`: the first page again, or the next one added.
 */
export function pagedList(path, state, show) {
  const error = document.getElementById("list-error");
  async function refresh({ more = false } = {}) {
    showError(error, null);
    try {
      const page = await api(`${path}${more && state.cursor ? `?cursor=${encodeURIComponent(state.cursor)}` : ""}`);
      state.items = more ? state.items.concat(page.items || []) : page.items || [];
      state.cursor = page.cursor || null;
      show(state.items);
    } catch (e) {
      if (e.status !== 401) showError(error, e.message);
    }
  }
  document.getElementById("refresh").addEventListener("click", () => refresh());
  document.getElementById("more").addEventListener("click", () => refresh({ more: true }));
  return refresh;
}
