// The console's words for statuses, decisions and roles. (How a post is counted: count.js.)

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
