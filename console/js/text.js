// The console's words for statuses, decisions and roles. (How a post is counted: count.js.)

export const STATUS_LABELS = {
  pending_review: "Waiting for review",
  changes_requested: "Changes requested",
  scheduled: "Scheduled",
  publishing: "Publishing",
  published: "Published",
  partly_published: "Partly published",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
  expired: "Expired",
  failed: "Failed",
};

// Where a post stands on one of its channels (a delivery's state).
export const DELIVERY_LABELS = {
  waiting: "Not yet published",
  published: "Published",
  failed: "Not published",
  unknown: "Not known: an admin is checking",
};

export function deliveryLabel(state) {
  return DELIVERY_LABELS[state] || String(state || "");
}

/** Names in words: "A", "A and B", "A, B and C". */
export function listOf(names) {
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names[0] || "";
}

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
