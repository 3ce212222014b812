// A time to go live, in the person's own timezone: a datetime-local field read in the browser's zone
// and sent as ISO 8601 with that offset (the API stores it in UTC), and times shown in words.

import { h, nextId } from "./dom.js";

/** The browser's IANA timezone, e.g. "Europe/London". */
export function zoneName() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

const pad = (n) => String(Math.abs(n)).padStart(2, "0");

/** "2026-12-08T09:00" (a datetime-local value, in this browser's zone) → "2026-12-08T09:00:00+00:00"; "" → null. */
export function withOffset(localValue) {
  if (!localValue) return null;
  const date = new Date(localValue); // a date-time without offset is read as local time
  if (Number.isNaN(date.getTime())) return null;
  const minutes = -date.getTimezoneOffset();
  const sign = minutes >= 0 ? "+" : "-";
  const [day, time] = localValue.split("T");
  const seconds = time.length === 5 ? `${time}:00` : time.slice(0, 8);
  return `${day}T${seconds}${sign}${pad(Math.trunc(minutes / 60))}:${pad(minutes % 60)}`;
}

/** An ISO time → the datetime-local value for it in this browser's zone. */
export function localValue(iso) {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return "";
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "Tuesday 8 December at 09:00 (Europe/London)"; the year is added when it is not this year. */
export function inWords(iso) {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return "";
  const sameYear = date.getFullYear() === new Date().getFullYear();
  const day = date.toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long", year: sameYear ? undefined : "numeric" });
  const time = date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${day.replace(",", "")} at ${time} (${zoneName()})`;
}

/** A `<time>` showing `iso` in words. */
export function whenEl(iso) {
  return h("time", { datetime: iso, text: inWords(iso) });
}

/**
 * A labelled datetime-local field with its time in words beneath (announced politely as it changes).
 * Returns {node, input, value() (ISO with offset, or null), changed(), set(iso), clear()}.
 */
export function timeField({ label, hint, id = nextId("when") } = {}) {
  const wordsId = `${id}-words`;
  const hintId = `${id}-hint`;
  const input = h("input", { id, type: "datetime-local", step: "60", "aria-describedby": `${hintId} ${wordsId} ${id}-error` });
  const words = h("p", { id: wordsId, class: "when-words", "aria-live": "polite" });
  const update = () => {
    const iso = withOffset(input.value);
    words.textContent = iso ? `Goes live ${inWords(iso)}` : "";
  };
  input.addEventListener("input", update);
  input.addEventListener("change", update);
  const node = h(
    "div",
    { class: "field when-field" },
    h("label", { for: id, text: label }),
    input,
    h("p", { id: hintId, class: "hint", text: hint || `In your timezone, ${zoneName()}. Leave empty to go live as soon as it is approved.` }),
    words,
    h("p", { id: `${id}-error`, class: "error", role: "alert", hidden: true }),
  );
  let initial = "";
  return {
    node,
    input,
    value: () => withOffset(input.value),
    /** Whether the person changed the time since `set` (a time left as it was is not sent again). */
    changed: () => input.value !== initial,
    set(iso) {
      input.value = localValue(iso);
      initial = input.value;
      update();
    },
    clear() {
      input.value = "";
      update();
    },
  };
}

/** What a reviewer is told of the author's time: when, and whether approving now would be late. */
export function authorsTime(iso) {
  if (!iso) return null;
  const passed = new Date(iso).getTime() <= Date.now();
  return passed
    ? h("p", { class: "when-line late" }, "The author wanted it to go live ", whenEl(iso), ". That has passed: approving publishes it at once, and the author is told it went live late.")
    : h("p", { class: "when-line" }, "The author wants it to go live ", whenEl(iso), ". You can change that when you approve.");
}
