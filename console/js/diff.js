// A word-level diff: the longest common subsequence over word tokens (words and the spaces between
// them), merged into runs. Pure functions, no DOM except `renderDiff`, which builds text nodes only.

/** Split text into tokens: runs of non-space and runs of whitespace, so joining them gives the text back. */
export function tokens(text) {
  return String(text ?? "").match(/\s+|\S+/g) || [];
}

/**
 * Diff two texts word by word. Returns runs `[{op: "same" | "del" | "ins", text}]` whose "same" and "del"
 * texts join to `before` and whose "same" and "ins" texts join to `after`.
 */
export function diffWords(before, after) {
  const a = tokens(before);
  const b = tokens(after);
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the LCS of a[i..] and b[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const runs = [];
  const push = (op, text) => {
    const last = runs[runs.length - 1];
    if (last && last.op === op) last.text += text;
    else runs.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push("same", a[i]);
      i += 1;
      j += 1;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      push("del", a[i]);
      i += 1;
    } else {
      push("ins", b[j]);
      j += 1;
    }
  }
  while (i < n) push("del", a[i++]);
  while (j < m) push("ins", b[j++]);
  return runs;
}

/** Fill `node` with the diff as text, deletions in <del> and insertions in <ins> (text nodes only). */
export function renderDiff(node, before, after) {
  node.replaceChildren();
  for (const run of diffWords(before, after)) {
    if (run.op === "same") {
      node.appendChild(document.createTextNode(run.text));
    } else {
      const mark = document.createElement(run.op);
      mark.textContent = run.text;
      node.appendChild(mark);
    }
  }
  return node;
}
