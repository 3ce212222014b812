"""What a post, a note and feedback may be: checked on submit and revise.

A post is measured as X measures it, whatever its channel (the `local` sandbox channel too), so the
composer shows one count and a post that passes review never fails on length when it is published:
the weighted length of twitter-text's configuration v3 (NFC first; each URL counts 23; code points
in U+0000-U+10FF, U+2000-U+200D, U+2010-U+201F and U+2032-U+2037 count 1; everything else, so CJK
and most emoji, counts 2; an emoji sequence such as a family or a flag counts 2 as a whole), at most
280. console/js/xcount.js does the same in the browser. (The library's emoji list is Emoji 12.0:
an emoji sequence added later counts as its parts here.)

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

POST_LIMIT = 280
NOTE_LIMIT = 1000
FEEDBACK_LIMIT = 2000
# twitter-text's invalid characters: X refuses a post that contains one.
INVALID = re.compile("[\ufffe\ufeff\uffff]")
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
def _parse_tweet():
    """twitter_text.parse_tweet, imported once.

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
        from twitter_text import parse_tweet
    finally:
        if shim is not None and sys.modules.get("pkg_resources") is shim:
            del sys.modules["pkg_resources"]
    return parse_tweet


def weighted_length(text: str) -> int:
    """The length X gives the text (see the module's docstring)."""
    return _parse_tweet()(text or "").weightedLength



def post_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "").strip()
    if not text:
        raise BadInput("Write something before submitting: the post is empty.")
    if INVALID.search(text):
        raise BadInput("The post contains a character X does not accept (U+FEFF, U+FFFE or U+FFFF); "
                       "remove it and try again.")
    count = weighted_length(text)
    if count > POST_LIMIT:
        raise BadInput(f"The post counts {count} characters as X counts them; the limit is {POST_LIMIT} "
                       "(each link counts 23, most emoji and Chinese, Japanese or Korean characters count 2).")
    return text


def optional_text(text: str | None, what: str, limit: int) -> str:
    text = unicodedata.normalize("NFC", text or "").strip()
    if len(text) > limit:
        raise BadInput(f"The {what} is {len(text)} characters long; the limit is {limit}.")
    return text
