"""How long a post may be on each kind of channel, counted as that network counts it.

One rule per channel kind (``RULES``). console/js/count.js holds the same rules for the composer, and
tests/e2e/test_browser_counting.py holds the two to the same answers over X's conformance cases and a
generated corpus; where they could differ, this side is the one that decides. A new network is its
client module (understudy.channels) and its rule here and in count.js.

- x (and the sandbox's local channel): X's weighted length (understudy.text), at most 280.
- mastodon: grapheme clusters, as Mastodon's StatusLengthValidator counts them, after each URL
  twitter-text finds with a scheme becomes 23 characters and each mention ``@user@domain`` becomes
  ``@user``; at most the instance's limit (``maxCharacters`` in the channel's details, read from the
  instance when it is connected; 500 when unknown).
- bluesky: at most 300 grapheme clusters and 3000 bytes of UTF-8 (app.bsky.feed.post's text).

Grapheme clusters are Unicode's extended grapheme clusters (UAX #29), counted by ``graphemeu`` (the
maintained continuation of ``grapheme``; pure Python, ~160 kB, Unicode 18.0). It segments as ``regex``'s
``\\X`` does (also Unicode 18.0, but 3 MB in the layer; compared over every code point), and as the browser's
``Intl.Segmenter`` does for every character the browser's Unicode version knows (Chromium 156's is
Unicode 17.0); ``grapheme`` 0.6 (Unicode 13.0) misses the Indic conjunct rule (GB9c, Unicode 15.1).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from understudy import text as texts
from understudy.errors import BadInput
from understudy.model import Channel


@dataclass(frozen=True)
class Length:
    count: int
    limit: int
    problem: str | None = None  # why the network refuses the text whatever its length

    @property
    def fits(self) -> bool:
        return self.problem is None and self.count <= self.limit


@dataclass(frozen=True)
class Rule:
    network: str
    how: str  # how the network counts, said when a post is too long
    measure: Callable[[str, dict], Length]


X_LIMIT = 280
MASTODON_DEFAULT_LIMIT = 500
MASTODON_URL_LENGTH = 23
BLUESKY_LIMIT = 300
BLUESKY_BYTES = 3000
# Mastodon's mention pattern (Account::MENTION_RE) kept to ASCII and to mentions after a space, a
# newline, "(" or at the start: where Mastodon's Unicode-aware pattern matches more, it shortens more,
# so this rule never counts fewer characters than Mastodon does.
MENTION = re.compile(r"(?:^|(?<=[ \n(]))@([A-Za-z0-9_]+(?:[A-Za-z0-9_.-]+[A-Za-z0-9_]+)?)@[A-Za-z0-9.-]+[A-Za-z0-9]")


def graphemes(text: str) -> int:
    import grapheme  # graphemeu; only when counting for a network that counts graphemes

    return grapheme.length(text)


def _x(text: str, details: dict) -> Length:
    return Length(texts.weighted_length(text), X_LIMIT)


def mastodon_countable(text: str) -> str:
    """The text as Mastodon counts it: each URL 23 characters, each ``@user@domain`` as ``@user``."""
    parts, at = [], 0
    for start, end in texts.url_spans(text):
        parts += [text[at:start], "x" * MASTODON_URL_LENGTH]
        at = end
    parts.append(text[at:])
    return MENTION.sub(r"@\1", "".join(parts))


def mastodon_limit(details: dict) -> int:
    limit = details.get("maxCharacters")
    if isinstance(limit, int) and not isinstance(limit, bool) and limit > 0:
        return min(limit, texts.TEXT_CAP)
    return MASTODON_DEFAULT_LIMIT


def _mastodon(text: str, details: dict) -> Length:
    return Length(graphemes(mastodon_countable(text)), mastodon_limit(details))


def _bluesky(text: str, details: dict) -> Length:
    size = len(text.encode("utf-8", "surrogatepass"))
    problem = (f"Bluesky takes at most {BLUESKY_BYTES} bytes of text and this post is {size} bytes long "
               "(emoji and non-Latin letters take several bytes each).") if size > BLUESKY_BYTES else None
    return Length(graphemes(text), BLUESKY_LIMIT, problem)


X_RULE = Rule("X", "each link counts 23, most emoji and Chinese, Japanese or Korean characters count 2", _x)
RULES = {
    "x": X_RULE,
    "local": X_RULE,  # the sandbox's channel counts as X, so what passes there passes on X
    "mastodon": Rule("Mastodon", "each link counts 23 and a mention @user@domain counts as @user", _mastodon),
    "bluesky": Rule("Bluesky", "an emoji, or a letter with its accents, counts 1", _bluesky),
}


def rule_for(channel: Channel | None) -> Rule:
    """The channel's rule; X's for a channel that no longer exists or a kind with no rule of its own."""
    return RULES.get(channel.kind, X_RULE) if channel else X_RULE


def measure(text: str, channel: Channel | None) -> Length:
    """The length of an already normalised text on the channel."""
    return rule_for(channel).measure(text, channel.details if channel else {})


def post_text(text: str | None, channels: Sequence[Channel | None]) -> str:
    """The post's text normalised (understudy.text.normalized), or BadInput saying why it cannot go: it
    must fit every one of the post's ``channels``, each counted by its own network's rule."""
    text = texts.normalized(text)
    if not text:
        raise BadInput("Write something before submitting: the post is empty.")
    invalid = texts.invalid_characters(text)
    if invalid:
        raise BadInput(f"The post contains a character that cannot be posted ({', '.join(invalid)}: an invisible "
                       "byte-order mark or a non-character); remove it and try again.")
    for channel in channels or (None,):
        problem = _too_long(text, channel)
        if problem:
            where = f"For {channel.name}: " if channel is not None and len(channels) > 1 else ""
            raise BadInput(where + problem)
    return text


def _too_long(text: str, channel: Channel | None) -> str | None:
    rule, length = rule_for(channel), measure(text, channel)
    if length.problem:
        return length.problem
    if length.count > length.limit:
        return (f"The post counts {length.count} characters as {rule.network} counts them; the limit is "
                f"{length.limit} ({rule.how}).")
    return None
