"""Posts to X are measured as X measures them (twitter-text v3) on submit. The console's composer
counts with twitter-text itself; tests/e2e/test_browser_counting.py holds the two to the same answers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from understudy import lengths, text
from understudy.errors import BadInput
from understudy.model import Channel

ROOT = Path(__file__).resolve().parents[2]
X = Channel(id="x", name="X", kind="x")


def post_text(body):
    return lengths.post_text(body, [X])


SAMPLES = {
    "plain ASCII": ("Reading room opens at 9", 23),
    "a long URL counts 23": ("https://example.org/" + "a" * 100, 23),
    "a URL in a sentence": ("Details: https://example.org/reading-room?from=x#today, see you!", 42),
    "a bare domain counts 23": ("see example.com today", 33),
    "www and a path": ("visit www.example.org/path?x=1 now", 33),
    "not a domain": ("version 1.2 of file.txt3 is a.b", 31),
    "a t.co link": ("https://t.co/abcDEF123", 23),
    "one emoji counts 2": ("\U0001F637", 2),
    "a family (ZWJ sequence) counts 2": ("\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466", 2),
    "a flag counts 2": ("\U0001F1EB\U0001F1F7", 2),
    "a skin tone counts with its emoji": ("\U0001F44D\U0001F3FD", 2),
    "a keycap counts 2": ("1\ufe0f\u20e3", 2),
    "copyright sign is an emoji": ("\u00a9 2026", 7),
    "CJK counts 2 each": ("日本語のテキスト", 16),
    "Hangul counts 2 each": ("한국어", 6),
    "Latin accents count 1": ("Ça déménage à Zürich", 20),
    "Cyrillic and Greek count 1": ("Привет Ωmega", 12),
    "a combining accent composes under NFC": ("Cafe\u0301", 4),
    "a combining mark with no composed form counts alone": ("a\u0332b\u0332", 4),
    "two accents on one letter": ("e\u0301\u0301", 2),
    "Devanagari vowel sign counts 1": ("\u0915\u093f", 2),
    "curly quotes and dashes count 1": ("\u201cyes\u201d \u2014 no", 10),
    "the ellipsis counts 2": ("wait\u2026", 6),
    "CRLF is one newline": ("a\r\nb", 3),
    "mixed": ("english text 日本語 \U0001F637 https://example.com", 46),
}


@pytest.mark.parametrize(("body", "expected"), SAMPLES.values(), ids=SAMPLES.keys())
def test_weighted_length_counts_as_x_does(body, expected):
    assert text.weighted_length(body) == expected


def test_280_weighted_characters_pass_and_281_do_not():
    assert post_text("x" * 280) == "x" * 280
    assert post_text("日" * 140) == "日" * 140
    with pytest.raises(BadInput, match="281 characters as X counts them; the limit is 280"):
        post_text("x" * 281)
    with pytest.raises(BadInput, match="282"):
        post_text("日" * 141)


def test_a_long_url_does_not_make_a_post_too_long():
    body = "x" * 256 + " https://example.org/" + "a" * 300  # 256 + 1 + 23
    assert post_text(body) == body


def test_characters_x_refuses_are_bad_input():
    with pytest.raises(BadInput, match=r"cannot be posted \(U\+FEFF"):
        post_text("hello\ufeffworld")


def test_the_counting_library_is_imported_without_setuptools_and_only_when_counting():
    """Lambda runtimes have no setuptools (pkg_resources); importing understudy.text costs nothing."""
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'pkg_resources' or name.startswith('setuptools'):\n"
        "            raise ModuleNotFoundError(name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "from understudy import text\n"
        "assert 'twitter_text' not in sys.modules\n"
        "print(text.weighted_length('日本語 \\U0001F637'), 'pkg_resources' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                         env={"PYTHONPATH": str(ROOT / "layers" / "shared" / "python")}).stdout
    assert out.split() == ["9", "False"]
