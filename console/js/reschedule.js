// Changing a scheduled post's time to go live (POST /posts/{id}/schedule): the one form My posts and
// the Scheduled page both show, in the person's own timezone.

import { api } from "./config.js";
import { h } from "./dom.js";
import { fieldError, showApiError } from "./page.js";
import { timeField, zoneName } from "./when.js";

/**
 * A form with the post's current time filled in. `onSaved(updated)` gets the post as the API answers;
 * `onKeep()` closes it unchanged; errors show beside the field, or in `general`.
 * Returns {form, input} (focus `input` once the form is shown).
 */
export function rescheduleForm(post, { label = "New time to go live", general, onSaved, onKeep }) {
  const when = timeField({ label, hint: `In your timezone, ${zoneName()}. At least a minute from now.` });
  when.set(post.publishAt);
  const save = h("button", { type: "submit", class: "primary small", text: "Save the new time" });
  const form = h(
    "form",
    { class: "inline-form", novalidate: true, "aria-label": "Change the time to go live" },
    when.node,
    h("div", { class: "actions" }, save, h("button", { type: "button", class: "secondary small", text: "Keep the time", on: { click: onKeep } })),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!when.value()) {
      fieldError(when.input, "Choose the new time, or cancel the post instead.");
      when.input.focus();
      return;
    }
    save.disabled = true;
    try {
      const updated = await api(`/posts/${encodeURIComponent(post.id)}/schedule`, { method: "POST", body: { publishAt: when.value() } });
      await onSaved(updated);
    } catch (e) {
      save.disabled = false;
      showApiError(e, { fields: { publishAt: when.input }, general });
    }
  });
  return { form, input: when.input };
}
