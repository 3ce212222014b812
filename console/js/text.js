// How the console measures a post. One function, so X's weighted count can replace it later.

export const POST_LIMIT = 280;

/** Characters in a post as the API counts them: code points after NFC normalisation. */
export function countCharacters(text) {
  return [...String(text ?? "").normalize("NFC")].length;
}

/** {count, remaining, over, empty} for the text against `limit`. */
export function measure(text, limit = POST_LIMIT) {
  const count = countCharacters(text);
  return { count, remaining: limit - count, over: count > limit, empty: !String(text ?? "").trim() };
}

export const STATUS_LABELS = {
  pending_review: "Waiting for review",
  changes_requested: "Changes requested",
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
