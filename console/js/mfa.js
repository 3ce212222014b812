// Two-step sign-in (everyone signed in): whether it is on, and setting it up with an authenticator app.
// People whose organisation requires it of their role are sent here until it is done (page.js).

import { AuthError, TotpSetup } from "./auth.js";
import { api } from "./config.js";
import { replace, showError } from "./dom.js";
import { announce } from "./layout.js";
import { ready, startPage } from "./page.js";
import { clearToken, safeNext } from "./session.js";
import { renderTotpSetup } from "./totp.js";

const $ = (id) => document.getElementById(id);
const next = safeNext(new URLSearchParams(location.search).get("next"));

function showState(me) {
  $("mfa-state").textContent = me.mfaEnabled ? "Two-step sign-in is on" : "Two-step sign-in is off";
  $("mfa-explain").textContent = me.mfaEnabled
    ? "Each time you sign in, you enter your password and then a code from your authenticator app."
    : "With two-step sign-in, signing in takes your password and a 6-digit code from an authenticator app on your phone, so a stolen password alone is not enough.";
  $("mfa-required").hidden = !(me.mfaRequired && !me.mfaEnabled);
  $("mfa-start").hidden = me.mfaEnabled;
  $("mfa-continue").hidden = !me.mfaEnabled;
  $("mfa-continue").href = next;
}

/** The tab has no access token (signed in before it was kept, or an hour ago): sign in again, then back here. */
function askToSignInAgain() {
  $("mfa-start").hidden = true;
  $("mfa-signin").hidden = false;
  showError($("mfa-error"), "Setting up two-step sign-in needs a fresh sign-in.");
  $("mfa-signin").focus();
}

async function setUp(me) {
  const start = $("mfa-start");
  showError($("mfa-error"), null);
  start.disabled = true;
  const setup = new TotpSetup();
  let secret;
  try {
    secret = await setup.secret();
  } catch (e) {
    if (e instanceof AuthError && ["NoAccessToken", "NotAuthorizedException"].includes(e.code)) askToSignInAgain();
    else showError($("mfa-error"), e.message);
    return;
  } finally {
    start.disabled = false;
  }
  start.hidden = true;
  renderTotpSetup($("mfa-setup"), {
    secret,
    account: me.email,
    onCode: async (code) => {
      await setup.verify(code);
      Object.assign(me, await api("/me/mfa", { method: "POST" }));
      replace($("mfa-setup"));
      showState(me);
      $("mfa-state").focus();
      announce("Two-step sign-in is on. From now on, signing in asks for a code from your app.");
    },
  });
}

async function main() {
  const me = await startPage();
  if (!me) return;
  showState(me);
  $("mfa-start").addEventListener("click", () => setUp(me));
  $("mfa-signin").addEventListener("click", () => {
    clearToken();
    location.assign(`index.html?next=${encodeURIComponent(`mfa.html`)}`);
  });
  ready();
}

main();
