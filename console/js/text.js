// How the console measures a post: X's weighted length (xcount.js), the rule the API checks on submit.

import { LIMIT, weightedLength } from "./xcount.js";

export const POST_LIMIT = LIMIT;

/** A post's length as X (and the API) count it: URLs 23, most emoji and CJK 2, after NFC. */
export function countCharacters(text) {
  return weightedLength(String(text ?? ""));
}

/** {count, remaining, over, empty} for the text against `limit`. */
export function measure(text, limit = POST_LIMIT) {
  const count = countCharacters(text);
  return { count, remaining: limit - count, over: count > limit, empty: !String(text ?? "").trim() };
}

export const STATUS_LABELS = {
  pending_review: "Waiting for review",
  changes_requested: "Changes requested",
  scheduled: "Scheduled",
  publishing: "Publishing",
  published: "Published",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
  expired: "Expired",
  failed: "Failed",
};

export function statusLabel(status) {
  return STATUS_LABELS[status] || String(status || "Unknown");
}

export const DECISION_LABELS = {
  approve: "Approved",
  request_changes: "Asked for changes",
  reject: "Rejected",
};

export function decisionLabel(decision) {
  return DECISION_LABELS[decision] || String(decision || "");
}

export const ROLE_LABELS = { admins: "Admin", reviewers: "Reviewer" };

export function rolesLabel(roles) {
  const names = (roles || []).map((role) => ROLE_LABELS[role] || role);
  return names.length ? names.join(", ") : "Author";
}
