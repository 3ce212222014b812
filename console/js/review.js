// The page an emailed review link opens. The link's token is in the URL fragment, so it is never sent
// in a request line or a Referer; it goes to the API only in the body of an explicit POST.
// Opening the page changes nothing: only pressing a decision button decides.

import { imagesBlock } from "./images.js";
import { apiUrl, request } from "./config.js";
import { h, replace, showError, timeEl } from "./dom.js";
import { announce, safeHref } from "./layout.js";
import { renderMarkdownInto } from "./markdown.js";
import { feedbackExtras, teachFields } from "./teach.js";
import { decisionLabel, statusLabel } from "./text.js";
import { authorsTime, timeField, whenEl } from "./when.js";

const $ = (id) => document.getElementById(id);
const DECISIONS = new Set(["approve", "request_changes", "reject"]);
const BUTTON_LABELS = { approve: "Approve", request_changes: "Ask for changes", reject: "Reject" };

function fragment() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ""));
  const decision = params.get("decision");
  return { token: params.get("token") || "", decision: DECISIONS.has(decision) ? decision : null };
}

function showProblem(title, message, { home = false } = {}) {
  $("loading").hidden = true;
  $("review").hidden = true;
  $("problem").hidden = false;
  $("problem-heading").textContent = title;
  $("problem-message").textContent = message || "";
  replace($("problem-next"), home ? h("a", { href: "index.html", text: "Open the Understudy console" }) : "");
  document.title = `${title} · Understudy`;
  $("problem-heading").focus();
}

function problemFor(error) {
  if (error.status === 403) return ["This link is not valid", error.message];
  if (error.status === 410) {
    return ["This link has expired", `${error.message} You can still review the post from the review queue in the console.`];
  }
  if (error.status === 404) return ["This post no longer exists", error.message];
  return ["The post could not be loaded", error.message];
}

function decisionSummary(decision) {
  if (!decision) return null;
  return h(
    "figure",
    { class: `feedback decision-${decision.decision}` },
    h("figcaption", {}, h("strong", { text: decisionLabel(decision.decision) }), ` by ${decision.reviewer || "a reviewer"}, `, timeEl(decision.at)),
    decision.feedback ? h("blockquote", { class: "user-text", text: decision.feedback }) : null,
    feedbackExtras(decision),
  );
}

function showPost(view) {
  const post = view.post || {};
  $("author").textContent = post.authorName || post.author || "someone";
  replace(
    $("post-meta"),
    `Goes to ${post.channelName || post.channel} · revision ${post.revision} · `,
    h("span", { class: `badge badge-${post.status}`, text: statusLabel(post.status) }),
    view.reviewer ? ` · sent to ${view.reviewer}` : "",
  );
  $("post-text").textContent = post.text || "";
  replace($("post-media"), imagesBlock(post.media));
  showTiming(post);
  if (view.answers !== undefined) showAnswers(view.answers);
  $("post-note").hidden = !post.note;
  $("post-note-text").textContent = post.note || "";
  if (view.guidelines !== undefined) {
    if (view.guidelines && view.guidelines.trim()) renderMarkdownInto($("guidelines"), view.guidelines);
    else replace($("guidelines"), h("p", { class: "muted", text: "No guidelines have been written yet." }));
  }
}

/** When the post goes live, as its author chose (in the reviewer's own timezone). */
function showTiming(post) {
  const slot = $("post-when");
  slot.hidden = !post.publishAt;
  if (!post.publishAt) return;
  replace(slot, post.late ? h("p", { class: "when-line late" }, "Was to go live ", whenEl(post.publishAt), "; it went live at approval, late.") : authorsTime(post.publishAt));
}

/** What the post answers: the address, and the text where the network lets us read it. */
function showAnswers(answers) {
  $("post-answers").hidden = !answers;
  if (!answers) return;
  const link = $("post-answers-link");
  link.textContent = answers.url;
  const href = safeHref(answers.url);
  if (href) link.setAttribute("href", href);
  else link.removeAttribute("href");
  $("post-answers-text").hidden = !answers.text;
  $("post-answers-text").textContent = answers.text || "";
  $("post-answers-unread").hidden = Boolean(answers.text);
}

const CLOSED_HEADINGS = {
  approve: "Approved",
  request_changes: "Changes requested",
  reject: "Rejected",
};

function showClosed(heading, reason, decision) {
  $("decide").hidden = true;
  $("closed").hidden = false;
  $("closed-heading").textContent = heading;
  $("closed-reason").textContent = reason || "";
  replace($("closed-decision"), decisionSummary(decision));
}

function showConfirmation(result) {
  const decision = result.decision || {};
  const messages = {
    approve: result.post && result.post.status === "scheduled"
      ? "Thank you. The post is approved and scheduled; it goes live at its time, and the author will get your feedback."
      : "Thank you. The post is approved and is being published; the author will get your feedback.",
    request_changes: "Thank you. The author has been asked for changes and will get your feedback. You will get a new email when they resubmit.",
    reject: "Thank you. The post is rejected and will not be published; the author will get your feedback.",
  };
  showPost({ post: result.post });
  showClosed(`Done: ${CLOSED_HEADINGS[decision.decision] || decisionLabel(decision.decision)}`, messages[decision.decision] || "Your decision was recorded.", decision);
  $("closed").classList.add("confirmed");
  document.title = "Decision recorded · Understudy";
  announce("Your decision was recorded.");
  $("closed").focus();
}

let wired = false;

function wireDecision(token, suggested, items, post) {
  if (wired) return;
  wired = true;
  const when = timeField({ label: "Go live at (when you approve; optional)", hint: "In your timezone. Leave it as it is to keep the author's time (or none: as soon as you approve)." });
  when.set(post.publishAt);
  replace($("decide-when"), when.node);
  const teach = teachFields(items, { channels: post.channels || [] });
  replace($("teach-fields"), teach.node);
  $("teach").open = suggested === "request_changes" || suggested === "reject";
  const form = $("decide-form");
  const feedback = $("feedback");
  const error = $("decide-error");
  const buttons = [...form.querySelectorAll("button[type=submit]")];

  for (const button of buttons) {
    const isSuggested = button.value === suggested;
    button.classList.toggle("suggested", isSuggested);
    if (isSuggested) button.setAttribute("aria-describedby", "suggested");
  }
  $("suggested").textContent = suggested
    ? `You chose “${BUTTON_LABELS[suggested]}” in the email. Add feedback if you like, then press the button to confirm.`
    : "Add feedback if you like, then choose.";

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const decision = event.submitter && event.submitter.value;
    if (!DECISIONS.has(decision)) return;
    if (!teach.check(decision, feedback, error)) return;
    const text = feedback.value.trim();
    showError(error, null);
    for (const b of buttons) b.disabled = true;
    event.submitter.textContent = "Sending…";
    try {
      const body = { token, decision, feedback: text, ...teach.values(decision) };
      if (decision === "approve" && when.changed() && when.value()) body.publishAt = when.value();
      const result = await request(await apiUrl("/review-links/decide"), { method: "POST", body, auth: false });
      showConfirmation(result);
    } catch (e) {
      if (e.status === 409) {
        // Decided meanwhile (by someone else, or the post was withdrawn): show the current state.
        showError(error, e.message);
        await load(token, null, { after: e.message });
      } else if (e.status === 403 || e.status === 410) {
        const [title, message] = problemFor(e);
        showProblem(title, message, { home: true });
      } else {
        showError(error, e.message);
      }
    } finally {
      buttons.forEach((b) => {
        b.disabled = false;
        b.textContent = BUTTON_LABELS[b.value];
      });
    }
  });
}

async function load(token, suggested, { after = null } = {}) {
  let view;
  try {
    view = await request(await apiUrl("/review-links/view"), { method: "POST", body: { token }, auth: false });
  } catch (e) {
    const [title, message] = problemFor(e);
    showProblem(title, message, { home: true });
    return;
  }
  showPost(view);
  $("loading").hidden = true;
  $("review").hidden = false;
  if (view.open) {
    $("closed").hidden = true;
    $("decide").hidden = false;
    wireDecision(token, suggested, view.guidelineItems || [], view.post || {});
  } else {
    const d = view.decision;
    showClosed(d ? `Already decided: ${decisionLabel(d.decision)}` : "This post is no longer waiting for this review", after || view.reason, d);
    $("closed").focus();
  }
}

const { token, decision } = fragment();
if (!token) {
  showProblem("This link is not valid", "The link has no review token. Open it again from the email, or use the review queue in the console.", { home: true });
} else {
  load(token, decision);
}

// Opening another review link in this tab only changes the fragment: start again for the new link.
window.addEventListener("hashchange", () => location.reload());
