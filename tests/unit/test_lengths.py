"""Each channel kind's length rule on the server (understudy.lengths): what the API accepts for each network."""

from __future__ import annotations

import pytest
from understudy import lengths, text
from understudy.errors import BadInput
from understudy.model import Channel

MASTODON = Channel(id="m", name="Mastodon", kind="mastodon")
BLUESKY = Channel(id="b", name="Bluesky", kind="bluesky")
LOCAL = Channel(id="local", name="Local", kind="local")


def count(body, channel):
    return lengths.measure(text.normalized(body), channel).count


def test_the_text_is_normalised_before_it_is_counted_or_stored():
    # NFC, one newline for \r\n and \r, and str.strip()'s whitespace (U+0085 and U+3000 among it) at both ends.
    assert text.normalized("\u3000 Cafe\u0301\r\nopens\rtoday\x85 ") == "Caf\u00e9\nopens\ntoday"
    assert lengths.post_text("  Cafe\u0301 opens\r\n", [MASTODON]) == "Caf\u00e9 opens"


def test_mastodon_counts_links_as_23_and_remote_mentions_as_the_user():
    assert count("https://example.org/" + "a" * 300, MASTODON) == 23
    assert count("example.org/" + "a" * 30, MASTODON) == 42  # no scheme: not a link to Mastodon
    assert count("hi @alice@social.example.org", MASTODON) == len("hi @alice")
    assert count("mail alice@example.org", MASTODON) == len("mail alice@example.org")  # not a mention
    assert count("\U0001F468\u200d\U0001F469\u200d\U0001F467 caf\u00e9", MASTODON) == 6  # graphemes


def test_mastodon_limit_is_the_instances_and_500_when_unknown():
    assert lengths.post_text("x" * 500, [MASTODON]) == "x" * 500
    with pytest.raises(BadInput, match="501 characters as Mastodon counts them; the limit is 500"):
        lengths.post_text("x" * 501, [MASTODON])
    roomy = Channel(id="m2", name="Roomy", kind="mastodon", details={"maxCharacters": 1000})
    assert lengths.post_text("x" * 1000, [roomy]) == "x" * 1000
    for odd in ("1000", -5, True, None):
        assert lengths.rule_for(MASTODON).measure("x", {"maxCharacters": odd}).limit == 500


def test_bluesky_counts_300_graphemes_and_3000_bytes():
    family = "\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466"  # one grapheme, 25 bytes
    assert lengths.post_text("x" * 300, [BLUESKY]) == "x" * 300
    with pytest.raises(BadInput, match="301 characters as Bluesky counts them; the limit is 300"):
        lengths.post_text("x" * 301, [BLUESKY])
    assert lengths.post_text(family * 120, [BLUESKY])  # 120 graphemes, 3000 bytes
    with pytest.raises(BadInput, match="at most 3000 bytes"):
        lengths.post_text(family * 121, [BLUESKY])


def test_the_sandbox_channel_and_a_missing_channel_count_as_x():
    assert count("\u65e5" * 10, LOCAL) == count("\u65e5" * 10, None) == 20


@pytest.mark.parametrize("channel", [MASTODON, BLUESKY, LOCAL])
def test_characters_that_are_never_posted_are_refused_on_every_network(channel):
    with pytest.raises(BadInput, match=r"cannot be posted \(U\+FFFE, U\+FEFF\b"):
        lengths.post_text("a\ufffeb\ufeffc\ufffe", [channel])


def test_graphemes_are_unicodes_extended_grapheme_clusters_as_regex_finds_them():
    regex = pytest.importorskip("regex")
    samples = ["\u0915\u094d\u0937\u093f", "\U0001F636\u200d\U0001F32B\ufe0f", "1\u20e3", "e\u0301\u0301", "a\r\nb",
               "\U0001F1EB\U0001F1F7\U0001F1EF", "\u1100\u1161\u11a8", "\U0001F44D\U0001F3FD", "\u0e01\u0e48"]
    assert [lengths.graphemes(s) for s in samples] == [len(regex.findall(r"\X", s)) for s in samples]
    assert [lengths.graphemes(s) for s in samples] == [1, 1, 1, 1, 3, 2, 1, 1, 1]
