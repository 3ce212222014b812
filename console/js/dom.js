// Text-only DOM building. All user text goes in through textContent (or escapeHtml); never innerHTML.

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escape text for use inside HTML (element content or a quoted attribute value). */
export function escapeHtml(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * Build an element. `attrs`: `class`, `text` (textContent), `dataset` (object), `on` (event → handler),
 * booleans (true sets an empty attribute, false/null/undefined skips), anything else via setAttribute.
 * Children: nodes, or strings (added as text nodes), or arrays of those; null/false are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = String(value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key === "on") for (const [event, fn] of Object.entries(value)) node.addEventListener(event, fn);
    else if (value === true) node.setAttribute(key, "");
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (child instanceof Node) node.appendChild(child);
    else node.appendChild(document.createTextNode(String(child)));
  }
}

/** Replace a node's children. */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** A `<time>` element showing a readable local date and time. */
export function timeEl(iso) {
  if (!iso) return document.createTextNode("");
  const date = new Date(iso);
  const label = Number.isNaN(date.getTime())
    ? String(iso)
    : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  return h("time", { datetime: iso, text: label });
}

let uid = 0;
/** A unique id for wiring labels and descriptions. */
export function nextId(prefix = "u") {
  uid += 1;
  return `${prefix}-${uid}`;
}

/**
 * Show an error message in `slot` (an element with role="alert" or aria-live), or clear it with null.
 */
export function showError(slot, message) {
  if (!slot) return;
  slot.textContent = message ? String(message) : "";
  slot.hidden = !message;
}

/**
 * Make `list`'s children match `items` in order, reusing existing children by key (so iframes,
 * open <details> and focus survive a refresh). `key(item)` must be unique; `render(item)` builds a child.
 */
export function reconcile(list, items, key, render) {
  const existing = new Map([...list.children].map((child) => [child.dataset.key, child]));
  let previous = null;
  for (const item of items) {
    const k = String(key(item));
    let child = existing.get(k);
    existing.delete(k);
    if (!child) {
      child = render(item);
      child.dataset.key = k;
    }
    const wanted = previous ? previous.nextSibling : list.firstChild;
    if (wanted !== child) list.insertBefore(child, wanted);
    previous = child;
  }
  for (const stale of existing.values()) stale.remove();
}
