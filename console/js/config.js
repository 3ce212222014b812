// The console's configuration (/config.json, written by the sandbox or at deploy) and the API client.

import { clearToken, getToken, signInPage } from "./session.js";

let configPromise = null;

/** {apiUrl, region, userPoolId, userPoolClientId, cognitoEndpoint}, fetched once per page. */
export function loadConfig() {
  if (!configPromise) {
    configPromise = fetch("/config.json", { cache: "no-store" })
      .then((response) => {
        if (!response.ok) throw new Error(`The console's configuration could not be loaded (${response.status}).`);
        return response.json();
      })
      .catch((error) => {
        configPromise = null;
        throw error instanceof TypeError
          ? new Error("The console's configuration could not be loaded: the server did not answer.")
          : error;
      });
  }
  return configPromise;
}

/** An API answer that was not 2xx: `status` (0 when the server could not be reached) and `message`. */
export class ApiError extends Error {
  constructor(status, message, body = null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.body = body;
  }
}

/** A URL on the API's host for `path` ("/posts" → "{apiUrl}/posts"). */
export async function apiUrl(path) {
  const { apiUrl: base } = await loadConfig();
  return base.replace(/\/+$/, "") + path;
}

/** A URL at the root of the API's host (for the sandbox's /_local/* pages). */
export async function hostUrl(path) {
  const { apiUrl: base } = await loadConfig();
  return new URL(path, new URL(base, location.href)).toString();
}

async function readBody(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { message: text.slice(0, 300) };
  }
}

function fallbackMessage(status) {
  if (status === 401) return "Your session has ended. Sign in again.";
  if (status === 403) return "You are not allowed to do this.";
  if (status === 404) return "That could not be found.";
  if (status >= 500) return `Something went wrong on the server (${status}). Try again in a moment.`;
  return `The request failed (${status}).`;
}

/**
 * Call a URL and return its JSON. Throws ApiError with the body's `message`.
 * `auth` (default true) adds the signed-in person's ID token; a 401 then ends the session and
 * sends them to the sign-in page.
 */
export async function request(url, { method = "GET", body, auth = true } = {}) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (auth) {
    const token = getToken();
    if (!token) {
      signInPage();
      throw new ApiError(401, "Sign in to continue.");
    }
    headers.Authorization = `Bearer ${token}`;
  }
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
      credentials: "omit",
      referrerPolicy: "no-referrer",
    });
  } catch {
    throw new ApiError(0, "The server could not be reached. Check your connection and try again.");
  }
  const data = await readBody(response);
  if (!response.ok) {
    if (response.status === 401 && auth) {
      clearToken();
      signInPage({ ended: true });
    }
    const message = (data && typeof data.message === "string" && data.message) || fallbackMessage(response.status);
    throw new ApiError(response.status, message, data);
  }
  return data;
}

/** Call the API: `api("/posts", {method: "POST", body: {...}})`. */
export async function api(path, options = {}) {
  return request(await apiUrl(path), options);
}
