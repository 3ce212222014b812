"""Posts are measured as X measures them (twitter-text v3): on submit in Python, live in the console's
composer in JavaScript; the two must agree."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from understudy import text
from understudy.errors import BadInput

ROOT = Path(__file__).resolve().parents[2]
XCOUNT = ROOT / "console" / "js" / "xcount.js"

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
    assert text.post_text("x" * 280) == "x" * 280
    assert text.post_text("日" * 140) == "日" * 140
    with pytest.raises(BadInput, match="281 characters as X counts them; the limit is 280"):
        text.post_text("x" * 281)
    with pytest.raises(BadInput, match="282"):
        text.post_text("日" * 141)


def test_a_long_url_does_not_make_a_post_too_long():
    body = "x" * 256 + " https://example.org/" + "a" * 300  # 256 + 1 + 23
    assert text.post_text(body) == body


def test_characters_x_refuses_are_bad_input():
    with pytest.raises(BadInput, match="does not accept"):
        text.post_text("hello\ufeffworld")


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


# Only for agreement between the two counters; what X gives them is whatever the library says.
# Left out on purpose: emoji sequences newer than the library's emoji list (Emoji 12.0), such as
# "face in clouds" (U+1F636 U+200D U+1F32B U+FE0F), which the browser counts as one emoji (2) and
# the library as its parts (5); the API's answer on submit holds.
TRICKY = [
    "", "x" * 281, "mail me: someone@example.org", "(see https://example.com/foo_(bar)) ok",
    "https://例え.jp/パス and 日本語.jp", "ÀÉÎ.com", "http://t.co/" + "a" * 50, "https://t.co/abc?x=1",
    "\U0001F3F3\ufe0f\u200d\U0001F308", "\u24c2\ufe0f", "\u263a", "\u2122",
    "\u203c\ufe0f", "#hashtag @mention $CASH", "example.co.uk/path. Next", "https://example.com.", "Go google.com!!",
    "test.museum and foo.bar and 1.2.3.4", "localhost:8080/path", "https://example.com:8443/a?b=c&d=e",
    "-example.com _example.com .example.com /example.com", "xn--bcher-kva.example", "a\u200db", "\u2032\u2033",
    "\uff21\uff22", "\U00020000 rare CJK", "tab\there", "\u0301 lone accent",
]


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js runs the console's counter")
def test_the_consoles_counter_agrees_with_the_api():
    bodies = [body for body, _ in SAMPLES.values()] + TRICKY
    script = (f"import {{ weightedLength }} from {json.dumps(XCOUNT.as_uri())};\n"
              f"console.log(JSON.stringify({json.dumps(bodies)}.map(weightedLength)));\n")
    out = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    assert json.loads(out) == [text.weighted_length(body) for body in bodies]
