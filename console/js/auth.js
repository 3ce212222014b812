// Sign in with Cognito's USER_PASSWORD_AUTH flow over fetch (no SDK), including the
// NEW_PASSWORD_REQUIRED challenge that invited people meet on their first sign-in.

import { loadConfig } from "./config.js";
import { clearToken, setToken } from "./session.js";

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
};

const DEACTIVATED = "Your access to Understudy was removed by an admin. Ask an admin if this is a mistake.";

async function cognito(target, body) {
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
    const message = (code === "NotAuthorizedException" && /disabled/i.test(said) ? DEACTIVATED : FRIENDLY[code])
      || said || `Sign-in failed (${response.status}).`;
    throw new AuthError(message, code);
  }
  return data;
}

/**
 * What a sign-in step ended with: {signedIn: true} or
 * {challenge: "NEW_PASSWORD_REQUIRED", session, username, requiredAttributes: [..]}.
 */
function outcome(data, username) {
  if (data.AuthenticationResult && data.AuthenticationResult.IdToken) {
    setToken(data.AuthenticationResult.IdToken);
    return { signedIn: true };
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

export function signOut() {
  clearToken();
  location.assign("index.html");
}
