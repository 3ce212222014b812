// Sign in with Cognito's USER_PASSWORD_AUTH flow over fetch (no SDK), including the
// NEW_PASSWORD_REQUIRED challenge that invited people meet on their first sign-in, the code asked for
// once two-step sign-in is on (SOFTWARE_TOKEN_MFA), and its setup (MFA_SETUP, when the pool demands it,
// or later with the person's access token). The TOTP secret goes only between this page and Cognito.

import { loadConfig } from "./config.js";
import { clearToken, getAccessToken, setToken } from "./session.js";

export class AuthError extends Error {
  constructor(message, code = "") {
    super(message);
    this.name = "AuthError";
    this.code = code;
  }
}

const FRIENDLY = {
  NotAuthorizedException: "The email or password is not right.",
  UserNotFoundException: "The email or password is not right.",
  PasswordResetRequiredException: "Your password must be reset. Ask an admin to send a new invitation.",
  UserNotConfirmedException: "This account is not confirmed yet. Ask an admin for help.",
  InvalidPasswordException: null, // Cognito's own message says what the password policy wants
  TooManyRequestsException: "Too many attempts. Wait a minute and try again.",
  LimitExceededException: "Too many attempts. Wait a minute and try again.",
  CodeMismatchException: "That code is not right. Enter the 6-digit code your app shows now.",
  EnableSoftwareTokenMFAException: "That code is not right. Enter the 6-digit code your app shows now.",
  ExpiredCodeException: "That code has been used or has expired. Enter the next code your app shows.",
};
// In a sign-in step after the password, NotAuthorized means the step's session ran out (3 minutes).
const STEP_EXPIRED = { NotAuthorizedException: "This sign-in took too long. Start again with your email and password." };

const DEACTIVATED = "Your access to Understudy was removed by an admin. Ask an admin if this is a mistake.";

async function cognito(target, body, friendly = FRIENDLY) {
  const { cognitoEndpoint } = await loadConfig();
  let response;
  try {
    response = await fetch(cognitoEndpoint, {
      method: "POST",
      headers: {
        "X-Amz-Target": `AWSCognitoIdentityProviderService.${target}`,
        "Content-Type": "application/x-amz-json-1.1",
      },
      body: JSON.stringify(body),
      cache: "no-store",
      credentials: "omit",
    });
  } catch {
    throw new AuthError("The sign-in service could not be reached. Check your connection and try again.");
  }
  let data = {};
  try {
    data = await response.json();
  } catch {
    data = {};
  }
  if (!response.ok) {
    const code = String(data.__type || data.code || "").split("#").pop();
    const said = String(data.message || data.Message || "");
    // Cognito says "User is disabled." for someone an admin deactivated: tell them so, not "wrong password".
    const message = (code === "NotAuthorizedException" && /disabled/i.test(said) ? DEACTIVATED : friendly[code] || FRIENDLY[code])
      || said || `Sign-in failed (${response.status}).`;
    throw new AuthError(message, code);
  }
  return data;
}

const MFA_CHALLENGES = new Set(["SOFTWARE_TOKEN_MFA", "MFA_SETUP"]);

/**
 * What a sign-in step ended with: {signedIn: true}, or
 * {challenge: "NEW_PASSWORD_REQUIRED", session, username, requiredAttributes: [..]}, or
 * {challenge: "SOFTWARE_TOKEN_MFA" | "MFA_SETUP", session, username}.
 */
function outcome(data, username) {
  if (data.AuthenticationResult && data.AuthenticationResult.IdToken) {
    setToken(data.AuthenticationResult.IdToken, data.AuthenticationResult.AccessToken);
    return { signedIn: true };
  }
  if (MFA_CHALLENGES.has(data.ChallengeName)) {
    return {
      challenge: data.ChallengeName,
      session: data.Session,
      username: (data.ChallengeParameters || {}).USER_ID_FOR_SRP || username,
    };
  }
  if (data.ChallengeName === "NEW_PASSWORD_REQUIRED") {
    let required = [];
    try {
      required = JSON.parse((data.ChallengeParameters || {}).requiredAttributes || "[]");
    } catch {
      required = [];
    }
    return {
      challenge: "NEW_PASSWORD_REQUIRED",
      session: data.Session,
      username: (data.ChallengeParameters || {}).USER_ID_FOR_SRP || username,
      requiredAttributes: required.map((name) => String(name).replace(/^userAttributes\./, "")),
    };
  }
  throw new AuthError(
    data.ChallengeName
      ? `This account needs a sign-in step the console does not support yet (${data.ChallengeName}).`
      : "Sign-in did not return a token.",
  );
}

export async function signIn(email, password) {
  const { userPoolClientId } = await loadConfig();
  const username = email.trim().toLowerCase();
  const data = await cognito("InitiateAuth", {
    AuthFlow: "USER_PASSWORD_AUTH",
    ClientId: userPoolClientId,
    AuthParameters: { USERNAME: username, PASSWORD: password },
  });
  return outcome(data, username);
}

/** Answer NEW_PASSWORD_REQUIRED: `attributes` holds any required attributes (e.g. {name: "Tom"}). */
export async function setNewPassword(challenge, newPassword, attributes = {}) {
  const { userPoolClientId } = await loadConfig();
  const responses = { USERNAME: challenge.username, NEW_PASSWORD: newPassword };
  for (const [name, value] of Object.entries(attributes)) responses[`userAttributes.${name}`] = value;
  const data = await cognito("RespondToAuthChallenge", {
    ChallengeName: "NEW_PASSWORD_REQUIRED",
    ClientId: userPoolClientId,
    Session: challenge.session,
    ChallengeResponses: responses,
  });
  return outcome(data, challenge.username);
}

/** Answer SOFTWARE_TOKEN_MFA with the code from the person's authenticator app. */
export async function answerMfaCode(challenge, code) {
  const { userPoolClientId } = await loadConfig();
  const data = await cognito("RespondToAuthChallenge", {
    ChallengeName: "SOFTWARE_TOKEN_MFA",
    ClientId: userPoolClientId,
    Session: challenge.session,
    ChallengeResponses: { USERNAME: challenge.username, SOFTWARE_TOKEN_MFA_CODE: code },
  }, STEP_EXPIRED);
  return outcome(data, challenge.username);
}

/**
 * Two-step sign-in setup, in one of two places: during sign-in (`challenge` is an MFA_SETUP challenge,
 * identified by its session) or signed in (no challenge: the access token from this tab's sign-in).
 */
export class TotpSetup {
  constructor(challenge = null) {
    this.challenge = challenge;
    this.session = challenge ? challenge.session : null;
  }

  credentials() {
    if (this.challenge) return { Session: this.session };
    const accessToken = getAccessToken();
    if (!accessToken) throw new AuthError("Sign in again to set up two-step sign-in.", "NoAccessToken");
    return { AccessToken: accessToken };
  }

  /** Ask Cognito for a new secret (base32) for the person's authenticator app. */
  async secret() {
    const data = await cognito("AssociateSoftwareToken", this.credentials(), this.challenge ? STEP_EXPIRED : FRIENDLY);
    if (data.Session) this.session = data.Session;
    return data.SecretCode;
  }

  /**
   * Check a code from the app; then finish: during sign-in, answer MFA_SETUP (which signs the person in);
   * either way make TOTP the person's sign-in step (SetUserMFAPreference).
   */
  async verify(code) {
    const data = await cognito("VerifySoftwareToken", { ...this.credentials(), UserCode: code, FriendlyDeviceName: "Understudy" },
      this.challenge ? STEP_EXPIRED : FRIENDLY);
    if (data.Status !== "SUCCESS") throw new AuthError("Cognito did not accept the code. Try the next one your app shows.");
    if (data.Session) this.session = data.Session;
    if (this.challenge) {
      const { userPoolClientId } = await loadConfig();
      const signedIn = outcome(await cognito("RespondToAuthChallenge", {
        ChallengeName: "MFA_SETUP",
        ClientId: userPoolClientId,
        Session: this.session,
        ChallengeResponses: { USERNAME: this.challenge.username },
      }, STEP_EXPIRED), this.challenge.username);
      if (!signedIn.signedIn) throw new AuthError("Sign-in needs another step the console does not support.");
    }
    await cognito("SetUserMFAPreference", {
      AccessToken: getAccessToken(),
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    });
  }
}

export function signOut() {
  clearToken();
  location.assign("index.html");
}
