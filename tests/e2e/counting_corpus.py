"""Texts that stress a post counter: emoji sequences, URLs, mentions, scripts, line endings, edges.

Generated here rather than stored, so each entry says why it is in the corpus. X's own conformance cases
are in tests/data/twitter-text/. Used by test_browser_counting.py for every network kind.
"""

from __future__ import annotations

FAMILY = "\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466"  # one grapheme, 25 bytes of UTF-8

EMOJI = [
    "\U0001F637",                                   # one emoji
    FAMILY,                                         # ZWJ family
    "\U0001F469\u200d\U0001F4BB",                   # woman technologist
    "\U0001F3F3\ufe0f\u200d\U0001F308",             # rainbow flag
    "\U0001F3F3\ufe0f\u200d\u26a7\ufe0f",           # transgender flag (Emoji 13)
    "\U0001F44D\U0001F3FD", "\U0001F44B\U0001F3FF",  # skin tones
    "\U0001F9D1\U0001F3FD\u200d\U0001F91D\u200d\U0001F9D1\U0001F3FF",  # people holding hands, two tones
    "\U0001F1EB\U0001F1F7", "\U0001F1EF\U0001F1F5",  # flags
    "\U0001F1EB",                                   # a lone regional indicator
    "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F",  # Scotland (tag sequence)
    "1\ufe0f\u20e3", "#\ufe0f\u20e3", "*\ufe0f\u20e3",  # keycaps, fully qualified
    "1\u20e3", "#\u20e3",                           # keycaps, unqualified
    "\U0001F636\u200d\U0001F32B\ufe0f",             # face in clouds (Emoji 13.1)
    "\u2764\ufe0f\u200d\U0001F525",                 # heart on fire (13.1)
    "\U0001FAE0", "\U0001FAE8", "\U0001FA77",       # melting face (14), shaking face, pink heart (15)
    "\U0001F426\u200d\U0001F525", "\U0001F34B\u200d\U0001F7E9",  # phoenix, lime (15.1)
    "\U0001F6B6\u200d\u27a1\ufe0f",                 # person walking facing right (15.1)
    "\U0001FAE9", "\U0001FAC6", "\U0001FABE",       # face with bags under eyes, fingerprint, leafless tree (16)
    "\U0001FAEA", "\U0001FAC8",                     # Emoji 17 code points
    "\u263a", "\u263a\ufe0f", "\u00a9", "\u00a9\ufe0f", "\u2122", "\u203c\ufe0f", "\u24c2\ufe0f",  # text-style
    "\u00a9\ufe0e", "\u00ae", "\u00a9\u200d\u00a9",       # text-style
    "\u00a9.com", "a\u00a9b.com/x", "https://\u00a9.com/\u00a9",  # text-style in URLs
    "\U0001F44D\U0001F3FD\U0001F3FD",               # a doubled skin tone
    "\u200d\U0001F525", "a\u200db",                 # joiners where they join nothing
]

URLS = [
    "https://example.org/", "https://example.org/" + "a" * 300, "http://test.co", "example.com",
    "www.example.org/a?b=c",
    "Details: https://example.org/reading-room?from=x#today, see you!", "(see https://example.com/foo_(bar)) ok",
    "https://" + "a" * 64 + ".com/x", "https://" + "a" * 63 + ".com/x", "www." + "b" * 70 + ".org", "c" * 64 + ".com",
    "https://b\u00fccher.de/x", "b\u00fccher.de", "https://\u4f8b\u3048.jp/\u30d1\u30b9 and \u65e5\u672c\u8a9e.jp",
    "https://\u4f8b\u3048.\u30c6\u30b9\u30c8/", "xn--bcher-kva.de/path", "http://foobar.\u067e\u0627\u06a9\u0633\u062a\u0627\u0646/",
    "https://exa%mple.com/", "https://[::1]/x", "http://a_b.example.com/", "https://-foo.example.com",
    "http://foo..com", "https://x.com:99999/", "https://x.com:8443/a?b=c&d=e", "http://user:pass@example.com/",
    "https://t.co/abcDEF123", "http://t.co/" + "a" * 50, "https://example.com.", "Go google.com!!",
    "example.co.uk/path. Next", "test.museum and foo.bar and 1.2.3.4", "localhost:8080/path",
    "-example.com _example.com .example.com /example.com", "\u00c0\u00c9\u00ce.com", "mail me: someone@example.org",
    "https://example.org/" + "p" * 4100, "gemini://example.org/x", "ftp://example.org/file",
    "https://mastodon.social/@alice", "https://mastodon.social/@alice@example.org/123",
]

MENTIONS = [
    "@alice@mastodon.social", "hi @alice@social.example.org!", "(@bob@example.org)", "x@alice@example.org",
    "@alice@\u4f8b\u3048.jp", "@alice", "@a.b-c@example.co.uk", "@alice@example.org.", "@alice@e",
    "\u00e9@alice@example.org",
    "@alice@example.org@bob@example.net", "cc @a@b.org, @c@d.org and @e_f@g-h.io\n@i@j.k",
    "#hashtag @mention $CASH", "@\u00e9l\u00e8ve@example.org", "=@alice@example.org /@alice@example.org",
]

SCRIPTS = [
    "\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8", "\ud55c\uad6d\uc5b4", "\u4e2d\u6587", "\U00020000 rare CJK",
    "\uff21\uff22", "Cafe\u0301", "e\u0301\u0301", "a\u0332b\u0332", "\u0301 lone accent",
    "Z\u0351\u036b\u0343\u036a\u0302\u036b\u033d",
    "\u0915\u093f", "\u0915\u094d\u0937\u093f", "\u0915\u094d\u200d\u0937", "\u0e01\u0e48", "\u1100\u1161\u11a8",
    "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645", "\u05e9\u05dc\u05d5\u05dd",
    "\u202aABC\u202c", "\u2066\u202ahttp://foobar.\u067e\u0627\u06a9\u0633\u062a\u0627\u0646/\u202c\u2069",
    "\u201cyes\u201d \u2014 no", "wait\u2026", "\u2032\u2033", "tab\there",
    "\u00c7a d\u00e9m\u00e9nage \u00e0 Z\u00fcrich",
    "\u041f\u0440\u0438\u0432\u0435\u0442 \u03a9mega",
]

LINES = ["a\r\nb", "a\rb", "a\n\nb", "\r\nline\r\n", "one\r\ntwo\nthree\rfour", "a\u2028b\u2029c", "a\x85b"]

# Every character str.isspace() knows, at both ends and inside, and characters that look like spaces but
# are not stripped (U+200B, U+FEFF, which String.prototype.trim strips).
PYTHON_SPACES = [chr(c) for c in range(0x110000) if chr(c).isspace()]
EDGES = [f"{space}edge{space}x{space}" for space in PYTHON_SPACES] + [
    "  two spaces  ", "\u200bzero width\u200b", "\ufeffbom at start", "bom at end\ufeff", "   ", "", "\n\t \u3000",
]

INVALID = ["a\ufffeb", "a\ufeffb", "a\uffffb", "\ufffe\ufeff\uffff", "ABC\u202a\uffffABC\ufffe"]

FROM_THE_ISSUE = ["x" * 278 + "\U0001F636\u200d\U0001F32B\ufe0f", "x" * 278 + "1\u20e3"]

LONG = [
    "x" * 280, "x" * 281, "\u65e5" * 140, "\u65e5" * 141, "x" * 300, "x" * 301, "x" * 500, "x" * 501, "x" * 1000,
    "x" * 1001, "\u00e9" * 300, "e\u0301" * 300, "e\u0301" * 301, FAMILY * 120, FAMILY * 121, "\U0001F637" * 140,
    "\U0001F637" * 141, "x" * 477 + " https://example.org/" + "a" * 100, "x" * 4000, "x" * 4001, " " * 10 + "x" * 3995,
    "x" * 470 + " @alice@social.example.org", "x" * 256 + " https://example.org/" + "a" * 300,
]


def corpus() -> list[str]:
    """Every text above, alone, then each short one in a sentence and at the edge of X's limit."""
    singles = EMOJI + URLS + MENTIONS + SCRIPTS + LINES + EDGES + INVALID + FROM_THE_ISSUE + LONG
    short = [text for text in singles if 0 < len(text) < 80]
    in_a_sentence = [f"Opening night: {text} tickets at the door" for text in EMOJI + URLS + MENTIONS + SCRIPTS]
    at_the_limit = [filler + text for text in short for filler in ("x" * (279 - len(text)), "x" * (280 - len(text)))]
    return list(dict.fromkeys(singles + in_a_sentence + at_the_limit))
