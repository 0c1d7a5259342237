"""What counts as reported speech: a clause of speech content after a speech verb."""

from statements.extraction import extract


def kinds_and_texts(text: str) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for c in extract(text)]


def test_verb_with_a_plain_object_is_not_reported_speech():
    text = (
        "The governor declared a state of emergency for the county on Wednesday night.\n"
        "Brightwell ruled out store closures despite a sharp fall in profits.\n"
        "The minister announced a review of the scheme.\n"
        "The charity warned of a crisis in care."
    )

    assert extract(text) == []


def test_verb_with_a_clause_of_its_own_is_reported_speech():
    text = (
        "The judge ruled that the evidence was inadmissible.\n"
        "The minister announced the scheme would close in May.\n"
        "Brightwell confirmed profits fell 38% last year."
    )

    assert kinds_and_texts(text) == [
        ("reported", "the evidence was inadmissible"),
        ("reported", "the scheme would close in May"),
        ("reported", "profits fell 38% last year"),
    ]


def test_reply_verbs_report_speech_only_with_that():
    text = "Anna Kowalski joked that she was too old to retire.\nAnna Kowalski replied quickly."

    assert kinds_and_texts(text) == [("reported", "she was too old to retire")]
