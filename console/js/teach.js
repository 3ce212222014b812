// Feedback that teaches: the guideline items a reviewer can tick and the corrected text they can
// suggest, shared by the emailed-link review page and the review queue. Text only, never innerHTML.

import { countMessage, measureForAll, refusal } from "./count.js";
import { h, nextId, showError } from "./dom.js";

const BULLET = /^\s*[-*+]\s+(.*\S)\s*$/;

/** The guidelines' bullet points, as the API reads them (org.guideline_items). */
export function guidelineItems(markdown) {
  return String(markdown || "").split(/\r\n|\r|\n/).map((line) => BULLET.exec(line)).filter(Boolean).map((m) => m[1]);
}

/**
 * Build the fields: a fieldset of labelled checkboxes (one per item) and a "Suggest a corrected text"
 * textarea, counted as the post's `channels` ({kind, maxCharacters?}) count it, as the API will.
 * Returns `{node, values(decision), problem(decision), check(...)}`; `values` gives what to send.
 */
export function teachFields(items, { who = "the author", channels = [] } = {}) {
  const boxes = (items || []).map((item) => {
    const id = nextId("guideline");
    const box = h("input", { type: "checkbox", id, value: item });
    return { item, box, row: h("div", { class: "check" }, box, h("label", { for: id, text: item })) };
  });
  const suggestionId = nextId("suggestion");
  const hintId = nextId("suggestion-hint");
  const countId = nextId("suggestion-count");
  const suggestion = h("textarea", { id: suggestionId, rows: "3", maxlength: "4000", "aria-describedby": `${hintId} ${countId}`, class: "suggestion" });
  const count = h("p", { id: countId, class: "count" });
  const measure = () => measureForAll(suggestion.value, channels);
  const recount = () => {
    const m = measure();
    const over = !m.empty && !m.fits;
    count.textContent = m.empty ? "" : countMessage(m);
    count.classList.toggle("over", over);
    suggestion.setAttribute("aria-invalid", over ? "true" : "false");
  };
  suggestion.addEventListener("input", recount);
  const node = h(
    "div",
    { class: "teach-fields" },
    boxes.length
      ? h("fieldset", { class: "checks guideline-items" },
        h("legend", { text: "Which guidelines does this concern?" }),
        boxes.map((b) => b.row))
      : null,
    h("div", { class: "field" },
      h("label", { for: suggestionId, text: "Suggest a corrected text (optional)" }),
      suggestion,
      count,
      h("p", { id: hintId, class: "hint", text: `Goes with Ask for changes: ${who} sees it beside their own text and can use it with one click.` })),
  );
  return {
    node,
    suggestion,
    values(decision) {
      if (decision === "approve") return {};
      const out = {};
      const ticked = boxes.filter((b) => b.box.checked).map((b) => b.item);
      if (ticked.length) out.guidelines = ticked;
      const text = suggestion.value.trim();
      if (text && decision === "request_changes") out.suggestion = text;
      return out;
    },
    /** A message if the fields do not fit the decision, else null. */
    problem(decision) {
      if (decision === "reject" && suggestion.value.trim()) return "A suggested text goes with Ask for changes: clear it to reject.";
      const refused = decision === "request_changes" ? refusal(measure(), null) : null;
      return refused ? `The suggested text cannot be posted as it is: ${refused}` : null;
    },
    /** Whether `decision` can be sent with this feedback; if not, says why in `error` and focuses the field. */
    check(decision, feedback, error, author = "the author") {
      if (decision !== "approve" && !feedback.value.trim()) {
        const what = decision === "reject" ? "why it was rejected" : "what to change";
        showError(error, `Write some feedback so ${author} knows ${what}.`);
        feedback.setAttribute("aria-invalid", "true");
        feedback.focus();
        return false;
      }
      feedback.removeAttribute("aria-invalid");
      const mismatch = this.problem(decision);
      if (mismatch) {
        showError(error, mismatch);
        suggestion.closest("details").open = true;
        suggestion.focus();
        return false;
      }
      return true;
    },
  };
}

/** The ticked items and the suggestion of a decision, for showing it (null if neither). */
export function feedbackExtras(feedback) {
  if (!feedback) return null;
  const items = feedback.guidelines || [];
  return [
    items.length ? h("div", { class: "feedback-guidelines" }, h("p", { class: "hint", text: "Guidelines this concerns:" }),
      h("ul", {}, items.map((item) => h("li", { text: item })))) : null,
    feedback.suggestion ? h("div", { class: "feedback-suggestion" }, h("p", { class: "hint", text: "Suggested text:" }),
      h("blockquote", { class: "user-text", text: feedback.suggestion })) : null,
  ];
}
