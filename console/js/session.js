// The signed-in person's Cognito ID token, kept in sessionStorage (gone when the tab closes), and their
// access token, which only Cognito sees (setting up two-step sign-in needs it; the API never does).

const KEY = "understudy.idToken";
const ACCESS_KEY = "understudy.accessToken";

function claimsOf(token) {
  try {
    const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const json = decodeURIComponent(
      [...atob(payload)].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`).join(""),
    );
    return JSON.parse(json);
  } catch {
    return null;
  }
}

function unexpired(key) {
  const token = sessionStorage.getItem(key);
  if (!token) return null;
  const claims = claimsOf(token);
  if (!claims || (typeof claims.exp === "number" && claims.exp * 1000 <= Date.now() + 5000)) {
    sessionStorage.removeItem(key);
    return null;
  }
  return token;
}

/** The ID token, or null when signed out or when it has expired. */
export function getToken() {
  return unexpired(KEY);
}

/** The access token from the last sign-in in this tab, or null (signed out, expired, or never kept). */
export function getAccessToken() {
  return getToken() ? unexpired(ACCESS_KEY) : null;
}

/** What the token says about its holder (email, name, cognito:groups); display only, never trusted. */
export function tokenClaims() {
  const token = getToken();
  return token ? claimsOf(token) : null;
}

export function setToken(token, accessToken = null) {
  sessionStorage.setItem(KEY, token);
  if (accessToken) sessionStorage.setItem(ACCESS_KEY, accessToken);
  else sessionStorage.removeItem(ACCESS_KEY);
}

export function clearToken() {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(ACCESS_KEY);
}

/** The page to come back to after signing in: only a console page name, never another site. */
export function safeNext(value) {
  return /^[a-z][a-z0-9-]*\.html(#[\w-]*)?$/.test(value || "") ? value : "index.html";
}

/**
 * Send the person to sign in (`ended`: because their session ended). The index page listens for
 * "understudy:signin-needed" and shows its form in place; other pages go to index.html?next=<this page>.
 */
export function signInPage({ ended = false } = {}) {
  const event = new CustomEvent("understudy:signin-needed", { cancelable: true, detail: { ended } });
  if (!window.dispatchEvent(event)) return;
  const here = location.pathname.split("/").pop() || "index.html";
  location.assign(`index.html?next=${encodeURIComponent(safeNext(here))}${ended ? "&ended=1" : ""}`);
}
