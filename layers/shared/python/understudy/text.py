"""What a post, a note and feedback may be: checked on submit and revise."""

from __future__ import annotations

import unicodedata

from understudy.errors import BadInput

POST_LIMIT = 280
NOTE_LIMIT = 1000
FEEDBACK_LIMIT = 2000


def length(text: str) -> int:
    """Characters as the console counts them (code points after NFC)."""
    return len(unicodedata.normalize("NFC", text))


def post_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "").strip()
    if not text:
        raise BadInput("Write something before submitting: the post is empty.")
    if length(text) > POST_LIMIT:
        raise BadInput(f"The post is {length(text)} characters long; the limit is {POST_LIMIT}.")
    return text


def optional_text(text: str | None, what: str, limit: int) -> str:
    text = unicodedata.normalize("NFC", text or "").strip()
    if len(text) > limit:
        raise BadInput(f"The {what} is {len(text)} characters long; the limit is {limit}.")
    return text
