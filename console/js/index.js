// The console's home: sign in, write a post, see your posts and what reviewers said.

import { attachments, imageLimit, imagesBlock } from "./images.js";
import { answerMfaCode, setNewPassword, signIn, TotpSetup } from "./auth.js";
import { api } from "./config.js";
import { append, h, nextId, replace, showError, timeEl } from "./dom.js";
import { announce, renderHeader, safeHref } from "./layout.js";
import { renderDiff } from "./diff.js";
import { renderMarkdownInto } from "./markdown.js";
import { fieldError, sendToMfaSetup, showApiError } from "./page.js";
import { getToken, safeNext } from "./session.js";
import { countMessage, measureForAll, refusal } from "./count.js";
import { decisionLabel, listOf, statusLabel } from "./text.js";
import { deliveriesList } from "./deliveries.js";
import { renderTotpSetup } from "./totp.js";
import { rescheduleForm } from "./reschedule.js";
import { inWords, timeField, whenEl } from "./when.js";

const POLL_MS = 3000;
const ACTIVE = new Set(["pending_review", "scheduled", "publishing"]);

const $ = (id) => document.getElementById(id);

const state = {
  me: null,
  channels: new Map(), // id → channel
  posts: [], // newest first
  cursor: null,
  pollTimer: null,
  loading: false,
  passedMfa: false, // this sign-in asked for a code from the person's authenticator app
};

// ---- character count -------------------------------------------------------------------------

/**
 * Keep a count line, a submit button and a live region in step with a textarea, counted by the rule of
 * each channel `channelsOf()` returns (count.js, the API's rules): the text must fit them all. Returns
 * the update function.
 */
function wireCounter(textarea, countLine, submit, channelsOf) {
  let lastBlocked = false;
  const update = () => {
    const m = measureForAll(textarea.value, channelsOf());
    const blocked = !m.empty && !m.fits;
    countLine.textContent = countMessage(m);
    countLine.classList.toggle("over", blocked);
    textarea.setAttribute("aria-invalid", blocked ? "true" : "false");
    if (blocked !== lastBlocked) announce(blocked ? countLine.textContent : "Back within the limit");
    lastBlocked = blocked;
    submit.disabled = !m.fits || submit.dataset.busy === "1";
    return m;
  };
  textarea.addEventListener("input", update);
  update();
  return update;
}

// ---- sign in ---------------------------------------------------------------------------------

function showSignIn(notice) {
  stopPolling();
  $("loading").hidden = true;
  $("app").hidden = true;
  $("signin").hidden = false;
  showStep("signin-form");
  showError($("signin-notice"), notice || null);
  renderHeader(null);
  document.title = "Sign in · Understudy";
  $("signin-email").focus();
}

/**
 * After a sign-in that asked for (or set up) a code from the person's app, have the API check with
 * Cognito and record that two-step sign-in is on (it never takes the browser's word for it).
 */
async function recordMfa() {
  try {
    await api("/me/mfa", { method: "POST" });
  } catch {
    // not recorded: a page that needs it sends the person to the Two-step sign-in page, which says why
  }
}

async function afterSignIn() {
  if (state.passedMfa) await recordMfa();
  const next = safeNext(new URLSearchParams(location.search).get("next"));
  if (next !== "index.html") {
    location.assign(next);
    return;
  }
  history.replaceState(null, "", "index.html");
  start();
}

/** Only one step of the sign-in shows at a time. */
function showStep(id) {
  for (const step of ["signin-form", "newpw-form", "mfa-form", "mfasetup"]) $(step).hidden = step !== id;
}

function wireSignIn() {
  let challenge = null;

  /** Where a sign-in step leads: in, or to the next step Cognito asks for. */
  const proceed = (result) => {
    if (result.signedIn) {
      $("signin-password").value = "";
      afterSignIn();
      return;
    }
    challenge = result;
    if (result.challenge === "SOFTWARE_TOKEN_MFA") showMfaCode();
    else if (result.challenge === "MFA_SETUP") showMfaSetup(result);
    else showNewPassword(result);
  };

  $("signin-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const email = $("signin-email").value.trim();
    const password = $("signin-password").value;
    const error = $("signin-error");
    if (!email || !password) {
      showError(error, "Enter your email and password.");
      (email ? $("signin-password") : $("signin-email")).focus();
      return;
    }
    showError(error, null);
    const button = event.submitter || $("signin-form").querySelector("button");
    button.disabled = true;
    button.textContent = "Signing in…";
    try {
      proceed(await signIn(email, password));
    } catch (e) {
      showError(error, e.message || "Sign-in failed.");
      $("signin-password").select();
    } finally {
      button.disabled = false;
      button.textContent = "Sign in";
    }
  });

  $("newpw-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const error = $("newpw-error");
    const password = $("newpw-password").value;
    if (!password) {
      showError(error, "Choose a new password.");
      $("newpw-password").focus();
      return;
    }
    if (password !== $("newpw-repeat").value) {
      showError(error, "The two passwords are not the same.");
      $("newpw-repeat").focus();
      return;
    }
    const attributes = {};
    for (const input of $("newpw-attributes").querySelectorAll("input")) {
      if (!input.value.trim()) {
        showError(error, `Fill in ${input.dataset.label}.`);
        input.focus();
        return;
      }
      attributes[input.name] = input.value.trim();
    }
    showError(error, null);
    const button = $("newpw-form").querySelector("button[type=submit]");
    button.disabled = true;
    try {
      proceed(await setNewPassword(challenge, password, attributes));
    } catch (e) {
      showError(error, e.message);
    } finally {
      button.disabled = false;
    }
  });

  $("mfa-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const error = $("mfa-error");
    const input = $("mfa-code");
    const code = input.value.replace(/\s+/g, "");
    if (!/^\d{6}$/.test(code)) {
      showError(error, "Enter the 6-digit code your app shows.");
      input.focus();
      return;
    }
    showError(error, null);
    const button = $("mfa-form").querySelector("button[type=submit]");
    button.disabled = true;
    try {
      const result = await answerMfaCode(challenge, code);
      input.value = "";
      state.passedMfa = true;
      proceed(result);
    } catch (e) {
      if (e.code === "NotAuthorizedException") showSignIn(e.message); // the step's session ran out
      else {
        showError(error, e.message);
        input.select();
      }
    } finally {
      button.disabled = false;
    }
  });
}

function showMfaCode() {
  showStep("mfa-form");
  showError($("mfa-error"), null);
  $("mfa-code").focus();
}

/** MFA_SETUP: the pool wants TOTP before it signs the person in; set it up with the challenge's session. */
async function showMfaSetup(challenge) {
  showStep("mfasetup");
  const setup = new TotpSetup(challenge);
  const steps = $("mfasetup-steps");
  try {
    const secret = await setup.secret();
    renderTotpSetup(steps, {
      secret,
      account: $("signin-email").value.trim().toLowerCase(),
      submitLabel: "Turn on two-step sign-in and sign in",
      onCode: async (code) => {
        await setup.verify(code);
        state.passedMfa = true;
        await afterSignIn();
      },
    });
  } catch (e) {
    replace(steps, h("p", { class: "error", role: "alert", text: e.message }));
  }
}

const ATTRIBUTE_LABELS = { name: "Your name", given_name: "First name", family_name: "Last name" };

function showNewPassword(challenge) {
  showStep("newpw-form");
  const fields = (challenge.requiredAttributes || []).map((name) => {
    const id = nextId("attr");
    const label = ATTRIBUTE_LABELS[name] || name.replace(/_/g, " ");
    return h(
      "div",
      { class: "field" },
      h("label", { for: id, text: label }),
      h("input", { id, name, type: "text", required: true, autocomplete: name === "name" ? "name" : null, dataset: { label: label.toLowerCase() } }),
    );
  });
  replace($("newpw-attributes"), fields);
  $("newpw-password").focus();
}

// ---- composer --------------------------------------------------------------------------------

function channelName(id) {
  const channel = state.channels.get(id);
  return channel ? channel.name : id;
}

/** The names of channels by id, in words: "News desk and Library". */
function channelNames(ids) {
  return listOf((ids || []).map(channelName));
}

/** The composer's channel boxes: checked ones are where the post goes. */
function channelBoxes() {
  return [...$("compose-channels").querySelectorAll("input[type=checkbox]")];
}

function chosenChannels() {
  return channelBoxes().filter((box) => box.checked).map((box) => box.value);
}

function renderChannels(channels) {
  const fieldset = $("compose-channels");
  state.channels = new Map(channels.map((c) => [c.id, c]));
  for (const label of fieldset.querySelectorAll("label.check")) label.remove();
  fieldset.append(
    ...channels.map((c, i) =>
      h("label", { class: "check" }, h("input", { type: "checkbox", value: c.id, checked: i === 0, dataset: { kind: c.kind } }), ` ${c.kind && c.kind !== c.name ? `${c.name} (${c.kind})` : c.name}`),
    ),
  );
  if (!channels.length) {
    fieldset.disabled = true;
    showError($("compose-error"), "There is no channel you can post to yet. Ask an admin to add one.");
  }
  fieldset.dispatchEvent(new Event("change")); // count by the chosen channels' rules
}

// ---- the draft, kept across a sign-in ---------------------------------------------------------

const DRAFT_KEY = "understudy.draft";

/** When the session ends, keep what the person was writing (this tab only) and empty the form. */
function saveDraft() {
  const draft = { email: state.me ? state.me.email : null, channels: chosenChannels(), text: $("compose-text").value, note: $("compose-note").value };
  if (draft.email && (draft.text.trim() || draft.note.trim())) sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  $("compose-text").value = "";
  $("compose-note").value = "";
}

/** After sign-in, give the same person back what they were writing. */
function restoreDraft(me) {
  let draft = null;
  try {
    draft = JSON.parse(sessionStorage.getItem(DRAFT_KEY) || "null");
  } catch {
    draft = null;
  }
  sessionStorage.removeItem(DRAFT_KEY);
  if (!draft || draft.email !== me.email) return;
  $("compose-text").value = draft.text || "";
  $("compose-note").value = draft.note || "";
  if (Array.isArray(draft.channels)) for (const box of channelBoxes()) box.checked = draft.channels.includes(box.value);
  $("compose-channels").dispatchEvent(new Event("change")); // count and allow images by the channels restored
  $("compose-text").dispatchEvent(new Event("input"));
  $("compose-status").textContent = "Your draft is back: nothing was sent while you were signed out.";
}

function wireComposer() {
  const form = $("compose-form");
  const text = $("compose-text");
  const note = $("compose-note");
  const reply = $("compose-reply");
  const submit = $("compose-submit");
  const images = attachments({ limit: () => imageLimit(chosenChannels().map((id) => state.channels.get(id))) });
  $("compose-images").replaceWith(images.node);
  const when = timeField({ label: "Go live at (optional)", id: "compose-publish-at" });
  $("compose-when").replaceChildren(when.node);
  const update = wireCounter(text, $("compose-count"), submit, () => chosenChannels().map((id) => state.channels.get(id)));
  $("compose-channels").addEventListener("change", () => {
    update();
    images.refresh();
  });
  text.addEventListener("input", () => {
    $("compose-status").textContent = "";
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const error = $("compose-error");
    const refused = refusal(update(), "Write something before submitting.");
    if (refused) {
      showError(error, refused);
      text.focus();
      return;
    }
    if (!chosenChannels().length) {
      showError(error, "Choose at least one channel to post to.");
      channelBoxes()[0]?.focus();
      return;
    }
    const missingAlt = images.check();
    if (missingAlt) {
      showError(error, missingAlt);
      return;
    }
    showError(error, null);
    fieldError(when.input, null);
    fieldError(reply, null);
    submit.dataset.busy = "1";
    submit.disabled = true;
    try {
      const media = await images.media();
      const body = { channels: chosenChannels(), text: text.value, note: note.value, media };
      if (when.value()) body.publishAt = when.value();
      if (reply.value.trim()) body.replyTo = reply.value.trim();
      const post = await api("/posts", { method: "POST", body });
      text.value = "";
      note.value = "";
      reply.value = "";
      when.clear();
      images.reset();
      $("compose-status").textContent = sentMessage(post);
      upsertPosts([post], { prepend: true });
      renderPosts();
      schedulePoll();
    } catch (e) {
      if (!showApiError(e, { fields: { publishAt: when.input, replyTo: reply }, general: error })) text.focus();
    } finally {
      delete submit.dataset.busy;
      update();
    }
  });
}

/** What the composer says once a post is accepted. */
function sentMessage(post) {
  const at = post.publishAt ? inWords(post.publishAt) : "";
  if (post.status === "scheduled") return `Scheduled: it goes live ${at}.`;
  if (post.status === "pending_review") {
    return at ? `Sent for review. Once approved, it goes live ${at}.` : "Sent for review. You will get an email when the reviewer decides.";
  }
  return "Sent. Your post is being published.";
}

// ---- my posts --------------------------------------------------------------------------------

function postSignature(post) {
  // Not the image links: they are signed anew on every answer.
  const images = (post.media || []).map((m) => [m.key, m.alt]);
  return JSON.stringify([post.status, post.revision, post.updatedAt, post.feedback, post.deliveries, post.error, images, post.publishAt]);
}

function upsertPosts(posts, { prepend = false } = {}) {
  const index = new Map(state.posts.map((p, i) => [p.id, i]));
  const fresh = [];
  for (const post of posts) {
    if (index.has(post.id)) state.posts[index.get(post.id)] = post;
    else fresh.push(post);
  }
  state.posts = prepend ? [...fresh, ...state.posts] : [...state.posts, ...fresh];
}

/** The reviewer's suggested text as a word-level diff against `own` (insertions and deletions marked). */
function suggestionBlock(feedback, own, useIt = null) {
  if (!feedback.suggestion) return null;
  return h(
    "div",
    { class: "suggestion-diff" },
    h("p", { class: "hint", text: "Suggested text (what the reviewer would change in yours: added words underlined, removed words struck through):" }),
    renderDiff(h("p", { class: "diff user-text" }), own || "", feedback.suggestion),
    useIt,
  );
}

function feedbackBlock(feedback, heading = "Feedback", own = "", useIt = null) {
  if (!feedback) return null;
  const who = feedback.reviewer || "the reviewer";
  const items = feedback.guidelines || [];
  return h(
    "figure",
    { class: `feedback decision-${feedback.decision}` },
    h("figcaption", {}, h("strong", { text: `${heading}: ${decisionLabel(feedback.decision)}` }), ` by ${who}, `, timeEl(feedback.at)),
    feedback.feedback ? h("blockquote", { class: "user-text", text: feedback.feedback }) : null,
    items.length
      ? h("div", { class: "feedback-guidelines" }, h("p", { class: "hint", text: "Guidelines this concerns:" }), h("ul", {}, items.map((item) => h("li", { text: item }))))
      : null,
    suggestionBlock(feedback, own, useIt),
  );
}

function historyBlock(post) {
  const revisions = post.revisions || [];
  const history = post.history || [];
  if (revisions.length < 2 && history.length < 2) return null;
  return h(
    "details",
    { class: "history" },
    h("summary", { text: "History" }),
    revisions.length > 1
      ? h(
          "div",
          {},
          h("h4", { text: "Revisions" }),
          h(
            "ol",
            { class: "revisions" },
            revisions.map((r) =>
              h(
                "li",
                {},
                h("p", { class: "meta" }, `Revision ${r.number}, submitted `, timeEl(r.submittedAt)),
                h("p", { class: "user-text", text: r.text }),
                imagesBlock(r.media),
                r.note ? h("p", { class: "note" }, h("span", { class: "note-label", text: "Your note: " }), h("span", { class: "user-text", text: r.note })) : null,
                feedbackBlock(r.feedback, "Feedback", r.text),
              ),
            ),
          ),
        )
      : null,
    h("h4", { text: "Status changes" }),
    h(
      "ol",
      { class: "status-history" },
      history.map((c) =>
        h("li", {}, timeEl(c.at), " ", h("strong", { text: statusLabel(c.status) }), c.by ? ` by ${c.by}` : "", c.detail ? ` (${c.detail})` : ""),
      ),
    ),
  );
}

/** The post's channels (posts from before there were several name one). */
function postChannels(post) {
  return post.channels || [post.channel];
}

/** Where a post to several channels stands on each, once it is approved. */
function deliveriesBlock(post) {
  const deliveries = post.deliveries || [];
  const decided = !["pending_review", "changes_requested", "rejected", "withdrawn", "expired"].includes(post.status);
  return deliveries.length > 1 && decided ? deliveriesList(deliveries, channelName) : null;
}

function renderPost(post) {
  const headingId = nextId("post");
  const item = h("li", { class: `post status-${post.status}`, id: `post-${post.id}`, "aria-labelledby": headingId, dataset: { sig: postSignature(post), id: post.id } });
  const live = safeHref(post.publishedUrl);
  const actionsSlot = h("div", { class: "post-actions" });
  const errorSlot = h("p", { class: "error", role: "alert", hidden: true });
  const formSlot = h("div", { class: "inline-slot" });

  const canEdit = post.status === "changes_requested";
  const canWithdraw = post.status === "pending_review" || post.status === "changes_requested";
  if (canEdit) {
    actionsSlot.append(h("button", { type: "button", class: "primary small", text: "Edit and resubmit", on: { click: () => openEditor(post, item, formSlot, errorSlot, actionsSlot) } }));
  }
  if (canWithdraw) {
    actionsSlot.append(h("button", { type: "button", class: "secondary small", text: "Withdraw", on: { click: () => confirmAction(post, item, formSlot, errorSlot, actionsSlot, WITHDRAW) } }));
  }
  if (post.status === "scheduled") {
    actionsSlot.append(
      h("button", { type: "button", class: "primary small", text: "Change the time", on: { click: () => openReschedule(post, item, formSlot, errorSlot, actionsSlot) } }),
      h("button", { type: "button", class: "secondary small", text: "Cancel it", on: { click: () => confirmAction(post, item, formSlot, errorSlot, actionsSlot, CANCEL) } }),
    );
  }

  const suggestion = canEdit && post.feedback && post.feedback.suggestion;
  const useIt = suggestion
    ? h("button", { type: "button", class: "secondary small use-suggestion", text: "Use this suggestion", on: { click: () => useSuggestion(post, item, formSlot, errorSlot, actionsSlot) } })
    : null;

  append(item, [
    h(
      "div",
      { class: "post-head" },
      h("h3", { id: headingId, class: "post-title", tabindex: "-1" }, h("span", { class: `badge badge-${post.status}`, text: statusLabel(post.status) }), h("span", { class: "visually-hidden", text: `: post on ${channelNames(postChannels(post))}` })),
      h("p", { class: "meta" }, `${channelNames(postChannels(post))} · revision ${post.revision} · `, timeEl(post.updatedAt || post.createdAt)),
    ),
    h("p", { class: "post-text user-text", text: post.text }),
    imagesBlock(post.media),
    post.note ? h("p", { class: "note" }, h("span", { class: "note-label", text: "Your note for the reviewer: " }), h("span", { class: "user-text", text: post.note })) : null,
    replyLine(post),
    timingLine(post),
    feedbackBlock(post.feedback, "Latest feedback", post.text, useIt),
    deliveriesBlock(post),
    live && postChannels(post).length === 1 ? h("p", {}, h("a", { href: live, rel: "noopener noreferrer", target: "_blank", text: "See the live post" })) : null,
    ["failed", "partly_published"].includes(post.status) && post.error ? h("p", { class: "failure" }, h("strong", { text: "What went wrong: " }), h("span", { class: "user-text", text: post.error })) : null,
    post.needsCheck ? h("p", { class: "failure", text: "An admin is checking the channel before anything is posted again." }) : null,
    actionsSlot.childElementCount ? actionsSlot : null,
    errorSlot,
    formSlot,
    historyBlock(post),
  ]);
  return item;
}

function setBusy(item, busy) {
  if (busy) item.dataset.busy = "1";
  else delete item.dataset.busy;
}

/** Open a form or question in a post's slot in place of its actions; returns the function that closes it. */
function openPanel(item, slot, errorSlot, actions, focus = "button") {
  setBusy(item, true);
  actions.hidden = true;
  showError(errorSlot, null);
  return () => {
    setBusy(item, false);
    slot.replaceChildren();
    actions.hidden = false;
    actions.querySelector(focus)?.focus();
  };
}

/** Put the reviewer's suggestion in the edit form (opening it if needed); the author still resubmits. */
function useSuggestion(post, item, slot, errorSlot, actions) {
  let text = slot.querySelector("textarea");
  if (!text) {
    openEditor(post, item, slot, errorSlot, actions);
    text = slot.querySelector("textarea");
  }
  text.value = post.feedback.suggestion;
  text.dispatchEvent(new Event("input", { bubbles: true }));
  text.focus();
  announce("The suggested text is in the edit form. Check it, then resubmit.");
}

function openEditor(post, item, slot, errorSlot, actions) {
  const close = openPanel(item, slot, errorSlot, actions);
  const textId = nextId("edit-text");
  const countId = nextId("edit-count");
  const noteId = nextId("edit-note");
  const text = h("textarea", { id: textId, rows: "5", "aria-describedby": countId });
  text.value = post.text;
  const note = h("textarea", { id: noteId, rows: "2" });
  note.value = post.note || "";
  const count = h("p", { id: countId, class: "count" });
  const images = attachments({ existing: post.media || [], legend: "Images of the revised post", limit: () => imageLimit(postChannels(post).map((id) => state.channels.get(id))) });
  const submit = h("button", { type: "submit", class: "primary small", text: "Resubmit for review" });
  const formError = h("p", { class: "error", role: "alert", hidden: true });
  const when = timeField({ label: "Go live at (optional)" });
  when.set(post.publishAt);
  const form = h(
    "form",
    { class: "inline-form", novalidate: true, "aria-label": "Edit and resubmit" },
    h("div", { class: "field" }, h("label", { for: textId, text: "Revised post" }), text, count),
    images.node,
    h("div", { class: "field" }, h("label", { for: noteId }, "Note or question for the reviewer ", h("span", { class: "optional", text: "(optional)" })), note),
    when.node,
    formError,
    h("div", { class: "actions" }, submit, h("button", { type: "button", class: "secondary small", text: "Cancel", on: { click: close } })),
  );
  const update = wireCounter(text, count, submit, () => postChannels(post).map((id) => state.channels.get(id)));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const refused = refusal(update(), "Write something before resubmitting.");
    if (refused) {
      showError(formError, refused);
      text.focus();
      return;
    }
    const missingAlt = images.check();
    if (missingAlt) {
      showError(formError, missingAlt);
      return;
    }
    showError(formError, null);
    submit.dataset.busy = "1";
    submit.disabled = true;
    try {
      const media = await images.media();
      const body = { text: text.value, note: note.value, media };
      if (when.changed()) body.publishAt = when.value(); // left out: unchanged; null: as soon as approved
      const updated = await api(`/posts/${encodeURIComponent(post.id)}`, { method: "PUT", body });
      setBusy(item, false);
      upsertPosts([updated]);
      renderPosts();
      focusPost(updated.id);
      announce("Resubmitted. The post is waiting for review again.");
      schedulePoll();
    } catch (e) {
      if (!showApiError(e, { fields: { publishAt: when.input }, general: formError })) text.focus();
    } finally {
      delete submit.dataset.busy;
      update();
    }
  });
  slot.replaceChildren(form);
  text.focus();
}

const WITHDRAW = {
  question: "Withdraw this post? It will not be published, and the reviewer's links stop working.",
  yes: "Yes, withdraw it",
  keep: "Keep it",
  path: "withdraw",
  done: "The post was withdrawn.",
};
const CANCEL = {
  question: "Cancel this scheduled post? It will not go live, and cannot be scheduled again.",
  yes: "Yes, cancel it",
  keep: "Keep it scheduled",
  path: "cancel",
  done: "The post was cancelled: it will not go live.",
};

/** Ask before withdrawing or cancelling a post (`what`: WITHDRAW or CANCEL), then do it. */
function confirmAction(post, item, slot, errorSlot, actions, what) {
  const close = openPanel(item, slot, errorSlot, actions, "button:last-child");
  const questionId = nextId("confirm-q");
  const yes = h("button", { type: "button", class: "danger small", text: what.yes });
  const panel = h(
    "div",
    { class: "confirm", role: "group", "aria-labelledby": questionId },
    h("p", { id: questionId, text: what.question }),
    h("div", { class: "actions" }, yes, h("button", { type: "button", class: "secondary small", text: what.keep, on: { click: close } })),
  );
  yes.addEventListener("click", async () => {
    yes.disabled = true;
    try {
      const updated = await api(`/posts/${encodeURIComponent(post.id)}/${what.path}`, { method: "POST" });
      setBusy(item, false);
      upsertPosts([updated]);
      renderPosts();
      focusPost(updated.id);
      announce(what.done);
    } catch (e) {
      close();
      showError(errorSlot, e.message);
      refreshPosts();
    }
  });
  slot.replaceChildren(panel);
  yes.focus();
}

/** A scheduled post's new time to go live. */
function openReschedule(post, item, slot, errorSlot, actions) {
  const close = openPanel(item, slot, errorSlot, actions);
  const { form, input } = rescheduleForm(post, {
    general: errorSlot,
    onKeep: close,
    onSaved: (updated) => {
      setBusy(item, false);
      upsertPosts([updated]);
      renderPosts();
      focusPost(updated.id);
      announce(`Rescheduled: it goes live ${inWords(updated.publishAt)}.`);
    },
  });
  slot.replaceChildren(form);
  input.focus();
}

/** What the post answers, as a link to it. */
function replyLine(post) {
  const href = safeHref(post.replyTo);
  if (!post.replyTo) return null;
  return h("p", { class: "reply-to" }, "In reply to ", href ? h("a", { href, rel: "noopener noreferrer", target: "_blank", text: post.replyTo }) : h("span", { class: "user-text", text: post.replyTo }));
}

/** When the post goes (or went) live, in the reader's own timezone. */
function timingLine(post) {
  if (!post.publishAt) return null;
  if (post.late) return h("p", { class: "when-line late" }, "Was to go live ", whenEl(post.publishAt), "; the review ended later, so it went live at approval.");
  if (["pending_review", "changes_requested", "scheduled"].includes(post.status)) return h("p", { class: "when-line" }, "Goes live ", whenEl(post.publishAt));
  return null;
}

function focusPost(id) {
  document.getElementById(`post-${id}`)?.querySelector(".post-title")?.focus();
}

/** Bring the list in line with state.posts, leaving alone any post with an open form. */
function renderPosts() {
  const list = $("posts");
  const existing = new Map([...list.children].map((li) => [li.dataset.id, li]));
  let previous = null;
  for (const post of state.posts) {
    let li = existing.get(post.id);
    existing.delete(post.id);
    if (!li) {
      li = renderPost(post);
    } else if (!li.dataset.busy && li.dataset.sig !== postSignature(post)) {
      const hadFocus = li.contains(document.activeElement);
      const fresh = renderPost(post);
      li.replaceWith(fresh);
      li = fresh;
      if (hadFocus) li.querySelector(".post-title").focus();
    }
    const wanted = previous ? previous.nextSibling : list.firstChild;
    if (wanted !== li) list.insertBefore(li, wanted);
    previous = li;
  }
  for (const stale of existing.values()) stale.remove();
  $("posts-empty").hidden = state.posts.length > 0;
  $("posts-more").hidden = !state.cursor;
}

async function loadMore() {
  const button = $("posts-more");
  button.disabled = true;
  try {
    const page = await api(`/posts?mine=true&cursor=${encodeURIComponent(state.cursor)}`);
    upsertPosts(page.items || []);
    state.cursor = page.cursor || null;
    showError($("posts-error"), null);
    renderPosts();
  } catch (e) {
    showError($("posts-error"), e.message);
  } finally {
    button.disabled = false;
  }
}

/** Reload the first page (and any active post further down), then poll while anything is in flight. */
async function refreshPosts() {
  if (state.loading) return;
  state.loading = true;
  try {
    const first = await api("/posts?mine=true");
    const firstItems = first.items || [];
    const seen = new Set(firstItems.map((p) => p.id));
    if (!state.posts.length || !state.cursor) state.cursor = first.cursor || null;
    upsertPosts(firstItems, { prepend: true });
    const laterActive = state.posts.filter((p) => !seen.has(p.id) && ACTIVE.has(p.status));
    const later = await Promise.all(laterActive.map((p) => api(`/posts/${encodeURIComponent(p.id)}`).catch(() => p)));
    upsertPosts(later);
    showError($("posts-error"), null);
    renderPosts();
  } catch (e) {
    if (e.status !== 401) showError($("posts-error"), e.message);
  } finally {
    state.loading = false;
    schedulePoll();
  }
}

function stopPolling() {
  clearTimeout(state.pollTimer);
  state.pollTimer = null;
}

function schedulePoll() {
  stopPolling();
  if (state.posts.some((p) => ACTIVE.has(p.status))) state.pollTimer = setTimeout(refreshPosts, POLL_MS);
}

// ---- start -----------------------------------------------------------------------------------

async function loadGuidelines() {
  try {
    const guidelines = await api("/guidelines");
    const target = $("guidelines");
    if (guidelines.markdown && guidelines.markdown.trim()) renderMarkdownInto(target, guidelines.markdown);
    else replace(target, h("p", { class: "muted", text: "No guidelines have been written yet." }));
    if (guidelines.updatedAt) replace($("guidelines-meta"), "Updated ", timeEl(guidelines.updatedAt), guidelines.updatedBy ? ` by ${guidelines.updatedBy}` : "");
  } catch (e) {
    replace($("guidelines"), h("p", { class: "error", text: `The guidelines could not be loaded: ${e.message}` }));
  }
}

async function start() {
  $("signin").hidden = true;
  $("loading").hidden = false;
  try {
    const [me, channels] = await Promise.all([api("/me"), api("/channels")]);
    if (sendToMfaSetup(me)) return;
    state.me = me;
    renderHeader(me);
    renderChannels(Array.isArray(channels) ? channels : channels.items || []);
    restoreDraft(me);
    $("training-line").hidden = !me.trainingMode;
    $("compose-submit").textContent = me.trainingMode ? "Submit for review" : "Publish";
    document.title = "Posts · Understudy";
    $("loading").hidden = true;
    $("app").hidden = false;
    await Promise.all([loadGuidelines(), refreshPosts()]);
  } catch (e) {
    $("loading").hidden = true;
    if (e.status !== 401) showError($("page-error"), e.message);
  }
}

const SESSION_ENDED = "Your session has ended. Sign in again to continue.";

window.addEventListener("understudy:signin-needed", (event) => {
  event.preventDefault();
  saveDraft();
  showSignIn(event.detail && event.detail.ended ? SESSION_ENDED : null);
});

wireSignIn();
wireComposer();
$("posts-refresh").addEventListener("click", () => {
  refreshPosts();
});
$("posts-more").addEventListener("click", loadMore);

if (getToken()) start();
else showSignIn(new URLSearchParams(location.search).get("ended") ? SESSION_ENDED : null);
