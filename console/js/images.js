// Images on posts: shown with their alt text, and attached in a form (up to 4 JPEG, PNG, GIF or WebP, 5 MB
// each, each with alt text, removable). New files go straight to the media bucket with the presigned POST
// the API signs (POST /uploads); the post then names them by key, and the server checks every image again.

import { api } from "./config.js";
import { h, nextId, showError } from "./dom.js";
import { announce } from "./layout.js";

export const MAX_IMAGES = 4;
export const ALT_LIMIT = 1000;
const MAX_BYTES = 5 * 1024 * 1024;
const TYPES = ["image/jpeg", "image/png", "image/gif", "image/webp"];

/** A post's images shown with their alt text (on a post in the list, a revision, the review page). */
export function imagesBlock(media, { className = "post-media" } = {}) {
  if (!media || !media.length) return null;
  return h(
    "ul",
    { class: className, "aria-label": media.length === 1 ? "1 image" : `${media.length} images` },
    media.map((image) =>
      h(
        "li",
        {},
        h("figure", {}, h("img", { src: image.url, alt: image.alt, loading: "lazy", width: image.width || null, height: image.height || null }), h("figcaption", { class: "alt-text user-text" }, h("span", { class: "alt-label", text: "Alt text: " }), image.alt)),
      ),
    ),
  );
}

/** Send one file with a presigned POST; its key in the media bucket. */
async function upload(file) {
  const form = await api("/uploads", { method: "POST", body: { contentType: file.type, size: file.size } });
  const data = new FormData();
  for (const [name, value] of Object.entries(form.fields)) data.append(name, value);
  data.append("file", file);
  let response;
  try {
    response = await fetch(form.url, { method: "POST", body: data, credentials: "omit", referrerPolicy: "no-referrer" });
  } catch {
    throw new Error(`${file.name} could not be uploaded: the server did not answer. Try again.`);
  }
  if (!response.ok) throw new Error(`${file.name} could not be uploaded (${response.status}). Try again, or choose another image.`);
  return form.key;
}

/** How many images a post to `channels` ({maxImages?}, as GET /channels lists them) may carry: the fewest any takes. */
export function imageLimit(channels) {
  return Math.min(MAX_IMAGES, ...channels.map((c) => (c && c.maxImages) || MAX_IMAGES));
}

/**
 * The image picker of a form. `existing`: the post's current images ({key, alt, url}), kept unless removed;
 * `limit()`: how many the post's channels take (imageLimit). Returns {node, check(), media(), reset(),
 * refresh()}: check() says what is missing or too many (and focuses it), media() uploads new files and
 * gives the body's `media` list, refresh() follows a change of `limit()`.
 */
export function attachments({ existing = [], legend = "Images", limit = () => MAX_IMAGES } = {}) {
  const items = existing.map((image) => ({ key: image.key, preview: image.url, alt: image.alt, file: null }));
  const inputId = nextId("attach");
  const hintId = nextId("attach-hint");
  const list = h("ol", { class: "attachments" });
  const error = h("p", { class: "error", role: "alert", hidden: true });
  const input = h("input", { id: inputId, type: "file", accept: TYPES.join(","), multiple: true, "aria-describedby": hintId });
  const addLine = h("div", { class: "attach-add" }, h("label", { for: inputId, text: "Add images" }), input);
  const hint = h("p", { id: hintId, class: "hint" });
  const node = h(
    "fieldset",
    { class: "field attach" },
    h("legend", {}, legend, " ", h("span", { class: "optional", text: "(optional)" })),
    hint,
    list,
    addLine,
    error,
  );

  function render() {
    list.replaceChildren(
      ...items.map((item, index) => {
        const number = index + 1;
        const altId = nextId("alt");
        const countId = nextId("alt-count");
        const alt = h("textarea", { id: altId, rows: "2", maxlength: String(ALT_LIMIT), "aria-describedby": countId, dataset: { role: "alt" } });
        alt.value = item.alt;
        const count = h("p", { id: countId, class: "count" });
        const recount = () => {
          item.alt = alt.value;
          count.textContent = `${ALT_LIMIT - alt.value.length} characters left`;
          if (alt.value.trim()) alt.removeAttribute("aria-invalid");
        };
        alt.addEventListener("input", recount);
        recount();
        item.altField = alt;
        return h(
          "li",
          { class: "attachment" },
          h("img", { src: item.preview, alt: `Preview of image ${number}` }),
          h(
            "div",
            { class: "attachment-fields" },
            h("label", { for: altId, text: `Alt text for image ${number}` }),
            alt,
            count,
            h("button", { type: "button", class: "secondary small", text: `Remove image ${number}`, on: { click: () => remove(index) } }),
          ),
        );
      }),
    );
    const most = limit();
    hint.textContent = `Up to ${most} JPEG, PNG, GIF or WebP image${most === 1 ? "" : "s"}, 5 MB each. Each needs alt text: what someone who cannot see it should hear.`;
    addLine.hidden = items.length >= most;
  }

  function remove(index) {
    const [gone] = items.splice(index, 1);
    if (gone.file) URL.revokeObjectURL(gone.preview);
    render();
    announce(`Image ${index + 1} removed.`);
    (list.querySelector("textarea") || input).focus();
  }

  input.addEventListener("change", () => {
    const problems = [];
    for (const file of input.files) {
      if (!TYPES.includes(file.type)) problems.push(`${file.name} is not a JPEG, PNG, GIF or WebP image.`);
      else if (file.size > MAX_BYTES) problems.push(`${file.name} is larger than 5 MB.`);
      else if (items.length >= limit()) problems.push(`This post can have at most ${limit()} image${limit() === 1 ? "" : "s"} on its channels; ${file.name} was left out.`);
      else items.push({ key: null, file, preview: URL.createObjectURL(file), alt: "" });
    }
    input.value = "";
    showError(error, problems.join(" ") || null);
    render();
    const firstEmpty = items.find((item) => !item.alt.trim());
    if (firstEmpty) firstEmpty.altField.focus();
  });

  render();
  return {
    node,
    /** null when every image has alt text; otherwise a message, with the first empty field focused. */
    check() {
      if (items.length > limit()) {
        list.querySelector("li:last-child button")?.focus();
        return `The channels you chose take at most ${limit()} image${limit() === 1 ? "" : "s"} in a post: remove ${items.length - limit()}.`;
      }
      const missing = items.findIndex((item) => !item.alt.trim());
      if (missing < 0) return null;
      const field = items[missing].altField;
      field.setAttribute("aria-invalid", "true");
      field.focus();
      return `Image ${missing + 1} needs alt text: describe it for people who cannot see it.`;
    },
    async media() {
      for (const item of items) {
        if (!item.key) item.key = await upload(item.file);
      }
      return items.map((item) => ({ key: item.key, alt: item.alt.trim() }));
    },
    refresh: render,
    reset() {
      for (const item of items.splice(0)) if (item.file) URL.revokeObjectURL(item.preview);
      showError(error, null);
      render();
    },
  };
}
