import pytest

from common.text import clean_typed_text, excerpt


def test_a_short_text_is_its_own_excerpt():
    assert excerpt("We will act.", 60) == "We will act."


def test_an_excerpt_is_cut_at_a_word_boundary_with_an_ellipsis_within_the_limit():
    text = "Throughout this pandemic the police have had a very difficult job to do"

    cut = excerpt(text, 40)

    assert cut == "Throughout this pandemic the police…"
    assert len(cut) <= 40


def test_an_excerpt_is_on_one_line():
    assert excerpt("First paragraph.\n\nSecond   paragraph.", 90) == (
        "First paragraph. Second paragraph."
    )


def test_one_overlong_word_is_cut_inside_it():
    assert excerpt("x" * 100, 10) == "x" * 9 + "…"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("  vigil\x00 police\n", "vigil police"), ("\ud800a", "a"), ("a" * 300, "a" * 200)],
)
def test_typed_text_loses_control_characters_and_extra_length(typed, kept):
    assert clean_typed_text(typed, 200) == kept
