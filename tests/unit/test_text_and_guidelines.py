import pytest
from understudy import lengths, text
from understudy.errors import BadInput
from understudy.org import guideline_items


def test_post_text_is_normalised_and_trimmed():
    assert lengths.post_text("  Cafe\u0301 opens  ", []) == "Caf\u00e9 opens"


@pytest.mark.parametrize("body", ["", "   ", None, "x" * 281])
def test_empty_or_too_long_post_is_bad_input(body):
    with pytest.raises(BadInput):
        lengths.post_text(body, [])


def test_note_limit():
    assert text.optional_text(None, "note", 10) == ""
    with pytest.raises(BadInput, match="note is 11"):
        text.optional_text("x" * 11, "note", 10)


def test_guideline_items_are_the_bullet_points():
    markdown = "# Voice\n\nIntro.\n\n- Be kind\n* No secrets  \n  + Check links\n-not a bullet\n"
    assert guideline_items(markdown) == ["Be kind", "No secrets", "Check links"]
