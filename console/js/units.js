// Durations for people: seconds ↔ a number of minutes, hours or days.

export const UNITS = [
  { name: "minutes", seconds: 60 },
  { name: "hours", seconds: 3600 },
  { name: "days", seconds: 86400 },
];

/** The largest unit that shows `seconds` as a whole (or short decimal) number: {value, unit}. */
export function split(seconds) {
  const s = Number(seconds) || 0;
  for (const unit of [...UNITS].reverse()) {
    if (s >= unit.seconds && s % unit.seconds === 0) return { value: s / unit.seconds, unit: unit.name };
  }
  if (s >= 3600) return { value: Math.round((s / 3600) * 100) / 100, unit: "hours" };
  return { value: Math.round((s / 60) * 100) / 100, unit: "minutes" };
}

/** `value` of `unit` in whole seconds, or null when it is not a number. */
export function toSeconds(value, unit) {
  const number = Number(String(value).trim().replace(",", "."));
  if (!String(value).trim() || !Number.isFinite(number)) return null;
  const found = UNITS.find((u) => u.name === unit) || UNITS[1];
  return Math.round(number * found.seconds);
}

/** "3 days", "1 hour", "90 minutes". */
export function describe(seconds) {
  const { value, unit } = split(seconds);
  return `${value} ${value === 1 ? unit.replace(/s$/, "") : unit}`;
}
