"""The composer counts as the API does, for every network kind: console/js/count.js in Chromium against
understudy.lengths in Python, over X's conformance cases and a generated corpus (counting_corpus.py).

For each text and channel both sides must give the same normalised text, the same count and the same
verdict (the API accepts it / the composer says it fits). X's weighted-length conformance cases
(tests/data/twitter-text, Apache-2.0) must come out as X expects on both sides."""

from __future__ import annotations

from pathlib import Path

import browser_support
import pytest
import yaml
from counting_corpus import corpus
from playwright.sync_api import Page
from understudy import lengths, text
from understudy.errors import BadInput
from understudy.model import Channel

pytestmark = pytest.mark.browser

browser = browser_support.browser
console_module_page = browser_support.console_module_page

CONFORMANCE = Path(__file__).resolve().parents[1] / "data" / "twitter-text" / "validate-weighted.yml"
# Channels as GET /channels lists them (Channel.as_json), one per rule and limit.
CHANNELS = {
    "x": {"id": "x", "name": "X", "kind": "x", "handle": "our_org"},
    "local": {"id": "local", "name": "Local", "kind": "local", "handle": None},
    "mastodon": {"id": "m", "name": "Mastodon", "kind": "mastodon", "handle": "org@social.example"},
    "mastodon (instance limit 1000)": {"id": "m2", "name": "Roomy", "kind": "mastodon", "handle": None,
                                       "maxCharacters": 1000},
    "bluesky": {"id": "b", "name": "Bluesky", "kind": "bluesky", "handle": "org.example"},
}


@pytest.fixture(scope="module")
def page(console_module_page: Page) -> Page:
    console_module_page.add_script_tag(url="/vendor/twitter-text-3.1.0/twitter-text.js")
    return console_module_page


def as_channel(shown: dict) -> Channel:
    details = {key: shown[key] for key in ("handle", "maxCharacters") if shown.get(key) is not None}
    return Channel(id=shown["id"], name=shown["name"], kind=shown["kind"], details=details)


def server(body: str, shown: dict) -> dict:
    """What the API makes of the text for the channel: the request body's bound, then understudy.lengths."""
    channel = as_channel(shown)
    normalized = text.normalized(body)
    try:
        fits = len(body) <= text.TEXT_CAP and lengths.post_text(body, [channel]) == normalized
    except BadInput:
        fits = False
    return {"normalized": normalized, "count": lengths.measure(normalized, channel).count, "fits": fits}


def composer(page: Page, bodies: list[str]) -> dict[str, list[dict]]:
    """count.js over every text for every channel, in one call."""
    return page.evaluate(
        """async ({ bodies, channels }) => {
            const { measurePost, normalizePost } = await import('/js/count.js');
            const out = {};
            for (const [name, channel] of Object.entries(channels)) {
                out[name] = bodies.map((body) => {
                    const m = measurePost(body, channel);
                    return { normalized: normalizePost(body), count: m.count, fits: m.fits };
                });
            }
            return out;
        }""",
        {"bodies": bodies, "channels": CHANNELS},
    )


def test_the_composer_and_the_api_agree_on_every_text_for_every_network(page):
    bodies = corpus()
    answers = composer(page, bodies)
    for name, shown in CHANNELS.items():
        disagreements = [(body[:60] + ("…" if len(body) > 60 else ""), len(body), answer, expected)
                         for body, answer in zip(bodies, answers[name], strict=True)
                         if answer != (expected := server(body, shown))]
        assert disagreements == [], f"{name}: {len(disagreements)} of {len(bodies)} differ: {disagreements[:5]}"


def test_the_issues_examples_at_xs_limit(page):
    """Issue 12's texts: the old composer said "fits" for the first and not for the second and third, and
    let the fourth through."""
    bodies = ["x" * 278 + "\U0001F636\u200d\U0001F32B\ufe0f",  # newer than twitter-text's emoji: counted as parts
              "x" * 278 + "1\u20e3",                           # an unqualified keycap: one emoji
              "  " + "x" * 280 + " \r\n",                      # spaces the API strips
              "hello\ufeff"]                                   # a character the API refuses
    answers = composer(page, bodies)["x"]
    assert [(a["count"], a["fits"]) for a in answers] == [(283, False), (280, True), (280, True), (7, False)]
    assert [server(body, CHANNELS["x"]) for body in bodies] == answers


def conformance_cases() -> list[tuple[str, str, dict]]:
    tests = yaml.safe_load(CONFORMANCE.read_text(encoding="utf-8"))["tests"]
    return [(section, case["text"], case["expected"]) for section, cases in tests.items() for case in cases]


def test_xs_conformance_cases_come_out_as_x_expects_on_both_sides(page):
    from twitter_text import parse_tweet
    from twitter_text.config import config

    cases = conformance_cases()
    assert len(cases) == 44
    found = page.evaluate(
        """(cases) => cases.map(([section, body]) => {
            const options = section === 'WeightedTweetsCounterTest' ? twttr.txt.configs.version2 : undefined;
            const parsed = twttr.txt.parseTweet(body, options);
            return { weightedLength: parsed.weightedLength, valid: parsed.valid };
        })""",
        [[section, body] for section, body, _ in cases],
    )
    expected = [{"weightedLength": e["weightedLength"], "valid": e["valid"]} for _, _, e in cases]
    assert found == expected  # the console's twitter-text
    # twitter-text-parser's v2 configuration leaves out the emoji switch (v2 had no emoji parsing).
    v2 = {**config["version2"], "emoji_parsing_enabled": False}
    on_the_server = []
    for section, body, _ in cases:
        parsed = parse_tweet(body, v2 if section == "WeightedTweetsCounterTest" else config["version3"])
        on_the_server.append({"weightedLength": parsed.weightedLength, "valid": parsed.valid})
    assert on_the_server == expected  # twitter-text-parser
    # The API's own rule for X is configuration v3.
    v3 = [(body, e) for section, body, e in cases if section != "WeightedTweetsCounterTest"]
    assert [text.weighted_length(body) for body, _ in v3] == [e["weightedLength"] for _, e in v3]
