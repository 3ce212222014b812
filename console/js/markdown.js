// A small, safe Markdown renderer for the guidelines.
// Everything is HTML-escaped first; only the few constructs below are turned back into tags:
// headings (#), paragraphs, bullet lists (-, *, +), numbered lists (1.), **bold**, *italic*, `code`,
// and [links](https://...) whose address is http or https (anything else is shown as plain text).

import { escapeHtml } from "./dom.js";

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,9}[.)]\s+(.*)$/;
const LINK = /\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g;
const MARK = "\u0000";

function emphasis(text) {
  return text
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, "<strong>$1</strong>")
    .replace(/__(?=\S)([\s\S]*?\S)__/g, "<strong>$1</strong>")
    .replace(/\*(?=\S)([\s\S]*?\S)\*/g, "<em>$1</em>")
    .replace(/(^|[^\w])_(?=\S)([\s\S]*?\S)_(?!\w)/g, "$1<em>$2</em>");
}

/** Inline markup on already-escaped text. Code spans and links are set aside so emphasis leaves them alone. */
function inline(escaped) {
  const saved = [];
  const keep = (html) => `${MARK}${saved.push(html) - 1}${MARK}`;
  let text = escaped.replace(/`([^`\n]+)`/g, (_, code) => keep(`<code>${code}</code>`));
  text = text.replace(LINK, (_, label, href) =>
    keep(`<a href="${href}" rel="noopener noreferrer" target="_blank">${emphasis(label)}</a>`),
  );
  text = emphasis(text);
  return text.replace(new RegExp(`${MARK}(\\d+)${MARK}`, "g"), (_, i) => saved[Number(i)]);
}

/**
 * Markdown source → safe HTML. `headingOffset` shifts heading levels (1 makes "#" an <h2>) so the
 * guidelines fit under the page's own headings.
 */
export function renderMarkdown(source, { headingOffset = 2 } = {}) {
  const lines = escapeHtml(String(source ?? "").replaceAll(MARK, "")).replace(/\r\n?/g, "\n").split("\n");
  const out = [];
  let paragraph = [];
  let list = null; // {tag, items: [string]}

  const flushParagraph = () => {
    if (paragraph.length) out.push(`<p>${inline(paragraph.join("\n"))}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (list) out.push(`<${list.tag}>${list.items.map((item) => `<li>${inline(item)}</li>`).join("")}</${list.tag}>`);
    list = null;
  };

  for (const line of lines) {
    if (!line.trim()) {
      flushParagraph();
      flushList();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      flushList();
      const level = Math.min(6, heading[1].length + headingOffset);
      out.push(`<h${level}>${inline(heading[2])}</h${level}>`);
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      flushParagraph();
      const tag = bullet ? "ul" : "ol";
      if (list && list.tag !== tag) flushList();
      if (!list) list = { tag, items: [] };
      list.items.push((bullet || numbered)[1]);
      continue;
    }
    if (list && /^\s+/.test(line)) {
      list.items[list.items.length - 1] += `\n${line.trim()}`; // an indented line continues the item
      continue;
    }
    flushList();
    paragraph.push(line.trim());
  }
  flushParagraph();
  flushList();
  return out.join("\n");
}

/** Render into an element. The HTML comes only from renderMarkdown, which escapes all input first. */
export function renderMarkdownInto(element, source, options) {
  element.innerHTML = renderMarkdown(source, options);
}
