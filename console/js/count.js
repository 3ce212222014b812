// How long a post may be on each kind of channel, counted as that network counts it: the composer's
// side of layers/shared/python/understudy/lengths.py. The API decides on submit; this module applies the
// same normalisation and the same rule so that the composer says "fits" exactly when the API accepts, and
// tests/e2e/test_browser_counting.py holds the two to the same answers. A new network is a rule here and
// one there.
//
// X is counted by twitter-text itself (console/vendor/twitter-text-3.1.0, loaded by a plain <script>
// before the modules; it defines globalThis.twttr.txt). Mastodon and Bluesky count grapheme clusters,
// with Intl.Segmenter.

// The most characters (code points) the API takes as a post's text, whatever the channel allows.
export const TEXT_CAP = 4000;

// Python's str.strip() whitespace (str.isspace), which the API strips: not String.prototype.trim's set
// (trim also strips U+FEFF, which the API refuses, and keeps U+001C-U+001F and U+0085).
const SPACES = new Set(["\t", "\n", "\v", "\f", "\r", "\x1c", "\x1d", "\x1e", "\x1f", " ", "\x85", "\xa0", "\u1680",
  "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007", "\u2008", "\u2009", "\u200a",
  "\u2028", "\u2029", "\u202f", "\u205f", "\u3000"]);
// twitter-text's invalid characters, which the API refuses whatever the channel.
const INVALID = /[\uFFFE\uFEFF\uFFFF]/g;

/** The text as the API counts and stores it: NFC, line endings as "\n", whitespace stripped at both ends. */
export function normalizePost(text) {
  const value = String(text ?? "").normalize("NFC").replace(/\r\n|\r/g, "\n");
  let start = 0;
  let end = value.length;
  while (start < end && SPACES.has(value[start])) start += 1;
  while (end > start && SPACES.has(value[end - 1])) end -= 1;
  return value.slice(start, end);
}

function twitterText() {
  const library = globalThis.twttr && globalThis.twttr.txt;
  if (!library) throw new Error("twitter-text is not loaded: the page needs vendor/twitter-text-3.1.0/twitter-text.js");
  return library;
}

let segmenter = null;

/** Unicode's extended grapheme clusters in `text`. */
export function graphemes(text) {
  segmenter ??= new Intl.Segmenter("en", { granularity: "grapheme" });
  return Array.from(segmenter.segment(text)).length;
}

const MASTODON_URL_LENGTH = 23;
// understudy.lengths.MENTION: Mastodon's mention pattern kept to ASCII, after a space, a newline, "(" or
// at the start.
const MENTION = /(?:^|(?<=[ \n(]))@([A-Za-z0-9_]+(?:[A-Za-z0-9_.-]+[A-Za-z0-9_]+)?)@[A-Za-z0-9.-]+[A-Za-z0-9]/g;

/** The text as Mastodon counts it: each URL with a scheme 23 characters, each @user@domain as @user. */
export function mastodonCountable(text) {
  const urls = twitterText().extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false });
  let out = "";
  let at = 0;
  for (const { indices: [start, end] } of urls) {
    out += text.slice(at, start) + "x".repeat(MASTODON_URL_LENGTH);
    at = end;
  }
  return (out + text.slice(at)).replace(MENTION, "@$1");
}

function mastodonLimit(channel) {
  const limit = channel && channel.maxCharacters;
  return Number.isInteger(limit) && limit > 0 ? Math.min(limit, TEXT_CAP) : 500;
}

const BLUESKY_BYTES = 3000;

// The one place the two twitter-text implementations differ on a v3 count: twitter-text-parser (the API)
// takes a lone © or ® for an emoji (2) where the browser build counts it as Latin-1 text (1). The API
// decides, so each one outside a URL and without U+FE0F (an emoji to both) counts 1 more here.
const TEXT_STYLE_EMOJI = /[\u00a9\u00ae](?!\ufe0f)/g;

function xLength(text) {
  const library = twitterText();
  const urls = library.extractUrlsWithIndices(text).map((url) => url.indices);
  let extra = 0;
  for (const match of text.matchAll(TEXT_STYLE_EMOJI)) {
    if (!urls.some(([start, end]) => start <= match.index && match.index < end)) extra += 1;
  }
  return library.parseTweet(text).weightedLength + extra;
}

const X = {
  network: "X",
  how: "each link counts 23, most emoji and Chinese, Japanese or Korean characters count 2",
  measure: (text) => ({ count: xLength(text), limit: 280 }),
};

/** One rule per channel kind: {network, how, measure(normalisedText, channel) -> {count, limit, problem?}}. */
export const RULES = {
  x: X,
  local: X,
  mastodon: {
    network: "Mastodon",
    how: "each link counts 23 and a mention @user@domain counts as @user",
    measure: (text, channel) => ({ count: graphemes(mastodonCountable(text)), limit: mastodonLimit(channel) }),
  },
  bluesky: {
    network: "Bluesky",
    how: "an emoji, or a letter with its accents, counts 1",
    measure: (text) => {
      const size = new TextEncoder().encode(text).length;
      const problem = size > BLUESKY_BYTES
        ? `Bluesky takes at most ${BLUESKY_BYTES} bytes of text and this post is ${size} bytes long (emoji and non-Latin letters take several bytes each).`
        : null;
      return { count: graphemes(text), limit: 300, problem };
    },
  },
};

/** The channel's rule; X's for no channel or a kind with no rule of its own (as the API does). */
export function ruleFor(channel) {
  return (channel && RULES[channel.kind]) || X;
}

/**
 * The post's text on `channel` ({kind, maxCharacters?}, as GET /channels lists it):
 * {count, limit, remaining, over, empty, invalid: ["U+FEFF", ...], problem, fits, network, how}.
 * `fits` is true exactly when the API would accept the text for that channel.
 */
export function measurePost(text, channel) {
  const raw = String(text ?? "");
  const normalized = normalizePost(raw);
  const rule = ruleFor(channel);
  const invalid = [...new Set((normalized.match(INVALID) || []).map((c) => `U+${c.codePointAt(0).toString(16).toUpperCase()}`))];
  const { count, limit, problem = null } = rule.measure(normalized, channel);
  const tooBig = [...raw].length > TEXT_CAP ? `A post can be at most ${TEXT_CAP} characters long, whatever the channel allows.` : null;
  const empty = !normalized;
  const over = count > limit;
  const refusal = tooBig || problem;
  return {
    count, limit, remaining: limit - count, over, empty, invalid, problem: refusal,
    fits: !empty && !over && !refusal && invalid.length === 0, network: rule.network, how: rule.how,
  };
}

/**
 * The post's text on each of `channels` (a post must fit them all, as the API checks): the measure of the
 * tightest one (one that refuses the text, else the one with least room left), with `several` set when
 * there is more than one channel. With no channel, X's rule (as the API counts a channel it cannot find).
 */
export function measureForAll(text, channels) {
  const measures = (channels.length ? channels : [null]).map((channel) => measurePost(text, channel));
  const tightest = measures.reduce((worst, m) => {
    if (!worst.fits !== !m.fits) return worst.fits ? m : worst;
    return m.remaining < worst.remaining ? m : worst;
  });
  return { ...tightest, several: channels.length > 1 };
}

/** What the composer says about characters that are never posted. */
export function invalidMessage(invalid) {
  return `Remove ${invalid.join(", ")}: a character that cannot be posted (an invisible byte-order mark or a non-character).`;
}

/** What a count line says: what stops the text, or how many characters are left (m: measureForAll's). */
export function countMessage(m) {
  if (m.invalid.length) return invalidMessage(m.invalid);
  if (m.problem) return m.problem;
  const n = Math.abs(m.remaining);
  const characters = n === 1 ? "character" : "characters";
  if (m.over) return `${n} ${characters} over the limit of ${m.limit} on ${m.network}`;
  return m.several ? `${n} ${characters} left on ${m.network}, the tightest of your channels` : `${n} ${characters} left`;
}

/** Why a text cannot be sent as it is, for a form's error line (`empty`: what to say of no text); null when it can. */
export function refusal(m, empty) {
  if (m.empty) return empty;
  if (m.fits) return null;
  if (m.invalid.length || m.problem) return countMessage(m);
  return `The post is over the ${m.limit} character limit on ${m.network} (${m.how}).`;
}
