"""The seed article (Kit Malthouse on the Sarah Everard vigil) yields exactly seven candidates."""

import pytest

from statements.extraction import KnownPerson, extract

KNOWN_PEOPLE = [
    KnownPerson(
        "kit-malthouse",
        "Kit Malthouse",
        ("Mr Malthouse",),
        ("policing minister", "Minister of State for Crime and Policing"),
    ),
    KnownPerson(
        "cressida-dick", "Cressida Dick", ("Ms Dick",), ("Metropolitan Police commissioner",)
    ),
    KnownPerson("priti-patel", "Priti Patel", ("Ms Patel",), ("home secretary",)),
    KnownPerson("boris-johnson", "Boris Johnson", ("Mr Johnson",), ("prime minister",)),
]

EXPECTED = [
    (
        "partial",
        "Clashes between police and attendees of a vigil for Sarah Everard were “distressing” and "
        "“alarming”",
    ),
    (
        "partial",
        "officers were “happy” to be held “accountable” by an independent investigation into "
        "Saturday night’s chaos",
    ),
    (
        "reported",
        "the under-pressure Metropolitan Police commissioner, Cressida Dick, should not resign "
        "over the force’s handling of events",
    ),
    (
        "direct",
        "Along with everyone else, I found it very distressing and the pictures were obviously "
        "alarming, which is why the home secretary has asked for this independent investigation "
        "into what actually happened.\n"
        "So that we can hold the police accountable, which I know they’re happy to be so, to make "
        "sure everything was done in accordance with the rules.\n"
        "I think we have to reflect on the fact that Saturday obviously saw unleashing a huge "
        "amount of emotion and anger.\n"
        "Not just about the appalling crime that occurred, but about a repressed sense of women’s "
        "safety – and that that was in jeopardy and under threat.",
    ),
    (
        "reported",
        "ministers would use a meeting of the government’s crime and justice taskforce on Monday "
        "to look at what further action can be taken to protect women and girls and make sure "
        "streets are safe",
    ),
    ("direct", "I recognise the police are in an incredible difficult position"),
    (
        "direct",
        "Throughout this pandemic we’ve asked them to do a job that they’ve never done before.\n"
        "To stand between the public, if you like, and this terrible virus in a way that none of "
        "us are used to and, certainly, they aren’t as well.\n"
        "So that very, very difficult position they’re in needs to be reflected in our "
        "contemplation of this.\n"
        "In the vast majority of cases the police and the public have managed this situation "
        "extremely well between them.",
    ),
]


@pytest.mark.parametrize("people", [[], KNOWN_PEOPLE], ids=["no-known-people", "known-people"])
def test_seed_article_yields_exactly_the_seven_statements(seed_article, people):
    candidates = extract(seed_article, people)

    assert [(c.kind, c.statement_text) for c in candidates] == EXPECTED
    assert {c.speaker for c in candidates} == {"Kit Malthouse"}
    expected_person = "kit-malthouse" if people else None
    assert {c.person for c in candidates} == {expected_person}


def test_seed_lede_role_phrase_is_named_by_the_next_sentence(seed_article):
    first = extract(seed_article)[0]

    assert first.speaker_mention == "the policing minister"
    assert first.speaker == "Kit Malthouse"


def test_seed_reported_speech_by_he_is_not_given_to_the_person_it_mentions(seed_article):
    third = extract(seed_article)[2]

    assert third.speaker_mention == "he"
    assert third.speaker == "Kit Malthouse"


def test_seed_multi_paragraph_quote_keeps_its_continuation_marks_in_text(seed_article):
    fourth = extract(seed_article)[3]

    assert seed_article[fourth.start : fourth.end] == fourth.text
    assert fourth.text.count("\n“") == 3
    assert fourth.text.startswith("Along") and fourth.text.endswith("under threat.")


def test_seed_restatement_and_meeting_paragraphs_yield_nothing(seed_article):
    candidates = extract(seed_article)
    restatement = seed_article.index("Mr Malthouse declined")
    meeting = seed_article.index("The meeting is expected")

    for paragraph_start in (restatement, meeting):
        paragraph_end = seed_article.index("\n", paragraph_start)
        assert not [c for c in candidates if paragraph_start <= c.start < paragraph_end]
