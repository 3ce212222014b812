// Guidelines: everyone reads the one page; admins edit its Markdown with a live, safe preview.

import { api } from "./config.js";
import { h, replace, showError, timeEl } from "./dom.js";
import { announce } from "./layout.js";
import { renderMarkdownInto } from "./markdown.js";
import { clearErrors, fieldError, ready, showApiError, startPage } from "./page.js";

const $ = (id) => document.getElementById(id);
const state = { markdown: "" };

function show(guidelines) {
  state.markdown = guidelines.markdown || "";
  if (state.markdown.trim()) renderMarkdownInto($("guidelines"), state.markdown);
  else replace($("guidelines"), h("p", { class: "muted", text: "No guidelines have been written yet." }));
  replace($("guidelines-meta"), guidelines.updatedAt ? ["Updated ", timeEl(guidelines.updatedAt), guidelines.updatedBy ? ` by ${guidelines.updatedBy}` : ""] : "");
}

function preview() {
  const source = $("markdown").value;
  if (source.trim()) renderMarkdownInto($("preview"), source);
  else replace($("preview"), h("p", { class: "muted", text: "Nothing yet." }));
}

function openEditor() {
  $("markdown").value = state.markdown;
  preview();
  clearErrors($("edit-form"), $("edit-error"));
  $("edit-status").textContent = "";
  $("read").hidden = true;
  $("edit").hidden = false;
  $("markdown").focus();
}

function closeEditor() {
  $("edit").hidden = true;
  $("read").hidden = false;
  $("edit-open").focus();
}

function wireEditor() {
  $("edit-open").addEventListener("click", openEditor);
  $("edit-cancel").addEventListener("click", closeEditor);
  $("markdown").addEventListener("input", preview);
  $("edit-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    clearErrors(form, $("edit-error"));
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    button.textContent = "Saving…";
    try {
      const saved = await api("/guidelines", { method: "PUT", body: { markdown: $("markdown").value } });
      show(saved);
      closeEditor();
      announce("The guidelines are saved.");
    } catch (e) {
      if (e.status !== 401) {
        showApiError(e, { fields: { markdown: $("markdown") }, general: $("edit-error"), guess: (error) => (error.status === 400 ? "markdown" : null) });
        if (e.status === 400 && !$("markdown").hasAttribute("aria-invalid")) fieldError($("markdown"), e.message);
      }
    } finally {
      button.disabled = false;
      button.textContent = "Save the guidelines";
    }
  });
}

async function start() {
  const me = await startPage();
  if (!me) return;
  try {
    show(await api("/guidelines"));
  } catch (e) {
    if (e.status !== 401) showError($("page-error"), `The guidelines could not be loaded: ${e.message}`);
    $("loading").hidden = true;
    return;
  }
  $("edit-open").hidden = !(me.roles || []).includes("admins");
  ready();
}

wireEditor();
start();
