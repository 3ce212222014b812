// The signed-in person's Cognito ID token, kept in sessionStorage (gone when the tab closes).

const KEY = "understudy.idToken";

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

/** The ID token, or null when signed out or when it has expired. */
export function getToken() {
  const token = sessionStorage.getItem(KEY);
  if (!token) return null;
  const claims = claimsOf(token);
  if (!claims || (typeof claims.exp === "number" && claims.exp * 1000 <= Date.now() + 5000)) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  return token;
}

/** What the token says about its holder (email, name, cognito:groups); display only, never trusted. */
export function tokenClaims() {
  const token = getToken();
  return token ? claimsOf(token) : null;
}

export function setToken(token) {
  sessionStorage.setItem(KEY, token);
}

export function clearToken() {
  sessionStorage.removeItem(KEY);
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
