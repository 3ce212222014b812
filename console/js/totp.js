// Setting up two-step sign-in with an authenticator app: the QR code (drawn here, in the page, by the
// vendored qrcode-generator: the secret goes to no other service), the same key as text for typing in,
// and the form for the app's first code. Used at sign-in (MFA_SETUP) and on the Two-step sign-in page.

import qrcode from "../vendor/qrcode-generator-2.0.4/qrcode.js";
import { h, nextId, replace, showError } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";
const QUIET_ZONE = 4; // modules of white around the code, which scanners need
const ISSUER = "Understudy";

/** The key-URI authenticator apps read from the QR code (Google's otpauth:// format, TOTP, 30 s). */
export function otpauthUri(secret, account) {
  return `otpauth://totp/${ISSUER}:${encodeURIComponent(account)}?secret=${encodeURIComponent(secret)}&issuer=${ISSUER}`;
}

/** The key in groups of four, as apps show keys typed in by hand. */
export function groupedKey(secret) {
  return secret.replace(/(.{4})/g, "$1 ").trim();
}

function svgEl(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

/** `text` as a QR code: an SVG image (one path of dark modules on white) named `label` for screen readers. */
export function qrImage(text, label) {
  const qr = qrcode(0, "M");
  qr.addData(text);
  qr.make();
  const count = qr.getModuleCount();
  const size = count + 2 * QUIET_ZONE;
  let path = "";
  for (let row = 0; row < count; row += 1) {
    for (let col = 0; col < count; col += 1) {
      if (qr.isDark(row, col)) path += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
    }
  }
  const svg = svgEl("svg", { class: "qr", viewBox: `0 0 ${size} ${size}`, role: "img", "aria-label": label, "shape-rendering": "crispEdges" });
  svg.append(svgEl("rect", { width: size, height: size, fill: "#fff" }), svgEl("path", { d: path, fill: "#000" }));
  return svg;
}

/**
 * Fill `container` with the setup steps for `secret` (for `account`, the person's email). `onCode(code)`
 * checks a 6-digit code and finishes; if it throws, its message is shown by the code field.
 */
export function renderTotpSetup(container, { secret, account, onCode, submitLabel = "Turn on two-step sign-in" }) {
  const inputId = nextId("totp-code");
  const hintId = `${inputId}-hint`;
  const input = h("input", { id: inputId, name: "code", type: "text", inputmode: "numeric", autocomplete: "one-time-code", maxlength: "6", spellcheck: "false", required: true, "aria-describedby": hintId });
  const error = h("p", { class: "error", role: "alert", hidden: true });
  const button = h("button", { type: "submit", class: "primary", text: submitLabel });
  const form = h(
    "form",
    { class: "totp-form", novalidate: true },
    h("div", { class: "field" }, h("label", { for: inputId, text: "Code from the app" }), input, h("p", { id: hintId, class: "hint", text: "6 digits; the app shows a new one every 30 seconds." })),
    error,
    h("div", { class: "actions" }, button),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const code = input.value.replace(/\s+/g, "");
    if (!/^\d{6}$/.test(code)) {
      input.setAttribute("aria-invalid", "true");
      showError(error, "Enter the 6-digit code your app shows.");
      input.focus();
      return;
    }
    input.removeAttribute("aria-invalid");
    showError(error, null);
    button.disabled = true;
    try {
      await onCode(code);
    } catch (e) {
      showError(error, e.message);
      input.select();
      input.focus();
    } finally {
      button.disabled = false;
    }
  });
  replace(
    container,
    h(
      "ol",
      { class: "totp-steps" },
      h("li", {}, h("p", { text: "Open an authenticator app on your phone and scan this code with it:" }), qrImage(otpauthUri(secret, account), "QR code for your authenticator app")),
      h("li", {}, h("p", { text: "If you cannot scan it, add an account in the app by hand (time-based) with this key:" }), h("p", {}, h("code", { class: "totp-key", text: groupedKey(secret) }))),
      h("li", {}, h("p", { text: "Enter the code the app shows for Understudy." }), form),
    ),
  );
  input.focus();
}
