"""Text as the API takes it: a post's normalised form, X's weighted length, and the other limits.

A post is normalised before anything counts or stores it (NFC, line endings as "\\n", whitespace
stripped at both ends as Python's ``str.strip()`` does); console/js/count.js applies the same steps
before counting, so both sides measure the same string. How long a post may be depends on where it
goes: understudy.lengths holds one rule per channel kind.

X's rule is twitter-text's configuration v3 (each URL counts 23; code points in U+0000-U+10FF,
U+2000-U+200D, U+2010-U+201F and U+2032-U+2037 count 1; everything else, so CJK and most emoji,
counts 2; an emoji sequence counts 2 as a whole) measured by twitter-text-parser. Its emoji list is
Emoji 12.0: a sequence added later counts as its parts, here and in the console's twitter-text alike.

twitter-text-parser costs ~150-200 ms to import (its emoji table), so it is imported on the first
count only, never by functions that do not count.
"""

from __future__ import annotations

import re
import sys
import types
import unicodedata
from functools import cache
from pathlib import Path

from understudy.errors import BadInput

NOTE_LIMIT = 1000
FEEDBACK_LIMIT = 2000
# The most characters (code points, before normalising) a request may carry as a post's text,
# whatever the channel allows: the request bodies' bound (understudy.schemas).
TEXT_CAP = 4000
# twitter-text's invalid characters. X refuses a post that contains one; so does Understudy, whatever
# the channel (an invisible byte-order mark or a non-character is never meant to be posted).
INVALID = re.compile("[\ufffe\ufeff\uffff]")
LINE_ENDINGS = re.compile(r"\r\n|\r")
# What may not appear in one line of text (a name, an address): control characters (C0, DEL, C1,
# CR and LF among them) and Unicode's line and paragraph separators. In an email header a line break
# would end the header (a HeaderParseError, or a header injected by the text).
LINE_BREAKING = r"\x00-\x1f\x7f-\x9f\u2028\u2029"  # a regex character range, also used in the OpenAPI document
NOT_ONE_LINE = re.compile(f"[{LINE_BREAKING}]+")
# Multi-line text (the guidelines' Markdown) may hold tabs and line ends, no other control character.
CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def one_line(text: str) -> str:
    """``text`` with each run of line-breaking characters made one space: safe in an email header."""
    return NOT_ONE_LINE.sub(" ", text)


def _resource_string(module: str, name: str) -> bytes:
    """pkg_resources.resource_string for a file beside a (loaded) module."""
    return (Path(sys.modules[module].__file__).parent / name).read_bytes()


@cache
def _twitter_text() -> types.ModuleType:
    """The twitter_text package, imported once.

    twitter-text-parser 3.0 reads its emoji table with ``pkg_resources.resource_string``, and
    pkg_resources comes with setuptools, which the Lambda runtime does not have (and whose import
    alone costs ~55 ms). Unless pkg_resources is already loaded, a stand-in offering just that
    function is put in place for the duration of the import and removed afterwards.
    """
    shim = None
    if "pkg_resources" not in sys.modules:
        shim = types.ModuleType("pkg_resources")
        shim.resource_string = _resource_string
        sys.modules["pkg_resources"] = shim
    try:
        import twitter_text
    finally:
        if shim is not None and sys.modules.get("pkg_resources") is shim:
            del sys.modules["pkg_resources"]
    return twitter_text


def weighted_length(text: str) -> int:
    """The length X gives the text (see the module's docstring)."""
    return _twitter_text().parse_tweet(text or "").weightedLength


def url_spans(text: str) -> list[tuple[int, int]]:
    """Where twitter-text finds URLs that start with a scheme (http:// or https://)."""
    found = _twitter_text().extract_urls_with_indices(text, extract_urls_without_protocol=False)
    return [tuple(url["indices"]) for url in found]


def normalized(text: str | None) -> str:
    """A post's text as it is counted and stored (see the module's docstring)."""
    return LINE_ENDINGS.sub("\n", unicodedata.normalize("NFC", text or "")).strip()


def invalid_characters(text: str) -> list[str]:
    """The characters of ``text`` that are never posted, as "U+FEFF", each once, in order."""
    return list(dict.fromkeys(f"U+{ord(char):04X}" for char in INVALID.findall(text)))


def optional_text(text: str | None, what: str, limit: int) -> str:
    text = unicodedata.normalize("NFC", text or "").strip()
    if len(text) > limit:
        raise BadInput(f"The {what} is {len(text)} characters long; the limit is {limit}.")
    return text
