"""Whatever the input, the extractor returns honest offsets and does not fall over."""

import json
import random
import subprocess
import sys

import pytest

from statements.extraction import Candidate, extract
from tests.extraction.corpus_files import corpus_articles

ARTICLES = corpus_articles()


def test_empty_input_gives_no_candidates():
    assert extract("") == []
    assert extract("   \n\n ") == []


@pytest.mark.parametrize(
    ("name", "text", "people", "organizations"), ARTICLES, ids=[a[0] for a in ARTICLES]
)
def test_every_candidate_text_is_the_input_between_its_offsets(name, text, people, organizations):
    candidates = extract(text, people, organizations)

    assert candidates
    for candidate in candidates:
        assert text[candidate.start : candidate.end] == candidate.text
        assert candidate.text and candidate.text == candidate.text.strip()
        for start, end in candidate.quoted_parts:
            assert candidate.start <= start < end <= candidate.end
    assert [c.start for c in candidates] == sorted(c.start for c in candidates)


def test_offsets_hold_when_articles_are_glued_without_paragraph_breaks():
    text = "".join(text.replace("\n", "") for _, text, _, _ in ARTICLES)
    found_apart = sum(len(extract(article)) for _, article, _, _ in ARTICLES)

    candidates = extract(text)

    # Losing the breaks costs some quotes (about 10 % today), never most of them.
    assert len(candidates) >= 0.8 * found_apart
    for candidate in candidates:
        assert text[candidate.start : candidate.end] == candidate.text


def test_binary_junk_does_not_crash():
    generator = random.Random(20240601)
    alphabet = "“”‘’\"'.,:;!?— \n\t\x00abcXYZ said he Mr "
    found = 0
    for _ in range(200):
        junk = "".join(generator.choice(alphabet) for _ in range(generator.randint(0, 400)))
        for candidate in extract(junk):
            assert junk[candidate.start : candidate.end] == candidate.text
            found += 1
    # The junk is made of quotation marks and "said": some of it reads as quotes.
    assert found > 0
    raw = bytes(generator.randrange(256) for _ in range(5000)).decode("latin-1")
    extract(raw)


def test_many_unbalanced_marks_in_a_very_long_text_do_not_crash():
    paragraph = "“Stray “marks ” everywhere, said Mr Smith: “and no ‘closing’ one.\n"
    text = paragraph * 5000

    candidates = extract(text)

    assert len(candidates) == 5000
    for candidate in candidates:
        assert text[candidate.start : candidate.end] == candidate.text
        assert candidate.speaker == "Smith"


def test_one_very_long_paragraph_does_not_crash():
    text = "Kit Malthouse said: “" + "word " * 200_000

    candidates = extract(text)

    assert [(c.kind, c.speaker) for c in candidates] == [("direct", "Kit Malthouse")]
    assert candidates[0].text == text[candidates[0].start : candidates[0].end]
    assert candidates[0].text.split() == ["word"] * 200_000


def test_statement_text_of_reported_and_partial_quotes_is_the_text():
    text = "Kit Malthouse said officers were “happy” to help. He said ministers would meet."

    for candidate in extract(text):
        assert candidate.statement_text == candidate.text


def test_to_dict_is_json_serialisable_with_every_field():
    candidate = extract("Kit Malthouse said: “We will act.\n“Today.”")[0]

    data = json.loads(json.dumps(candidate.to_dict()))

    assert set(data) == {
        "kind",
        "text",
        "start",
        "end",
        "speaker",
        "person",
        "organization",
        "speaker_mention",
        "sentence",
        "quoted_parts",
        "statement_text",
    }
    assert data["statement_text"] == "We will act.\nToday."
    assert isinstance(extract("“A quote,” she said.")[0], Candidate)


def test_package_imports_without_django():
    code = (
        "import sys; import statements.extraction as e; "
        "e.extract('He said: “Hi.”'); "
        "sys.exit(any(name.split('.')[0] == 'django' for name in sys.modules))"
    )

    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
