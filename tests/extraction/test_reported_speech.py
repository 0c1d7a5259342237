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


def test_praising_and_criticising_verbs_start_a_partial_quote():
    text = (
        "Pep Guardiola praised his players’ “incredible mentality” after the final.\n"
        "Rob Keating criticised the plan as “reckless”."
    )

    assert kinds_and_texts(text) == [
        ("partial", "praised his players’ “incredible mentality” after the final"),
        ("partial", "criticised the plan as “reckless”"),
    ]


def test_a_saying_clause_after_a_describing_verb_is_the_speech():
    text = (
        "Ann Reid defended plans to house asylum seekers on the base, saying the site is "
        "“safe and appropriate”."
    )

    assert kinds_and_texts(text) == [("partial", "the site is “safe and appropriate”")]


def test_speech_verbs_beyond_said():
    text = (
        "Ann Reid admitted the plan had failed.\n"
        "Ann Reid insisted it would work.\n"
        "Ann Reid conceded mistakes were made.\n"
        "Ann Reid warned that costs would rise.\n"
        "Ann Reid urged that the scheme be paused.\n"
        "Ann Reid acknowledged the figures were poor.\n"
        "Ann Reid tweeted that she was delighted.\n"
        "Ann Reid denied that she had lied.\n"
        "Ann Reid told MPs the backlog was worse than expected."
    )

    assert [kind for kind, _ in kinds_and_texts(text)] == ["reported"] * 9


def test_a_statement_read_to_the_court_is_not_what_was_said():
    assert kinds_and_texts("Samira Rashid said in a statement read to the court.") == []


def test_verb_with_a_particle_object_leaves_the_saying_clause_as_the_speech():
    text = 'Saraiva ruled out any January signings, saying the squad was "good enough" to win.'

    assert kinds_and_texts(text) == [("partial", 'the squad was "good enough" to win')]


def test_partial_quote_stops_where_a_new_clause_follows_its_fragment():
    text = (
        "Writing in the Observer, Ruth Abernethy called the album “her bravest and strangest”, "
        "while the NME, less convinced, described the production as “glossy to a fault”."
    )

    assert [c.text for c in extract(text)] == ["called the album “her bravest and strangest”"]


def test_partial_quote_runs_on_through_and_that():
    text = 'He said the NHS had "given her her life back", and that letters kept him going.'

    assert [c.text for c in extract(text)] == [
        'the NHS had "given her her life back", and that letters kept him going'
    ]


def test_a_channel_number_belongs_to_the_listener_not_the_report():
    text = "Mayor Dana Reyes told News 6 the city was looking into the siren."

    assert [c.text for c in extract(text)] == ["the city was looking into the siren"]


def test_a_speech_noun_after_a_past_verb_is_not_reported_speech():
    text = "Ms Henshaw rejected claims that the policy was a pre-election giveaway."

    assert extract(text) == []


def test_a_wire_opening_reports_the_clause_before_its_trailing_attribution():
    text = (
        "JAKARTA, May 14 — Indonesia will suspend exports of raw bauxite for two years, the "
        "country's Ministry of Energy said in a statement on Tuesday."
    )

    assert [(c.kind, c.text, c.speaker) for c in extract(text)] == [
        (
            "reported",
            "Indonesia will suspend exports of raw bauxite for two years",
            "Ministry of Energy",
        )
    ]


def test_when_and_where_after_a_trailing_attribution_are_not_the_speech():
    text = (
        "Russia and Ukraine agreed to exchange 300 prisoners, the Swiss government said after "
        "two days of talks.\n"
        "The EU will impose duties on steel, the European Commission said on Tuesday, in a move "
        "that drew a rebuke from Beijing."
    )

    assert kinds_and_texts(text) == [
        ("reported", "Russia and Ukraine agreed to exchange 300 prisoners"),
        ("reported", "The EU will impose duties on steel"),
    ]


def test_a_second_speaker_after_and_gets_a_clause_of_their_own():
    text = (
        "Network Rail said two of the four lines had reopened, and Avanti said it expected to "
        "run an amended timetable."
    )

    assert [(c.text, c.speaker) for c in extract(text)] == [
        ("two of the four lines had reopened", "Network Rail"),
        ("it expected to run an amended timetable", "Avanti"),
    ]


def test_saying_after_a_named_subjects_verb_speaks_for_that_subject():
    text = (
        "The disruption comes after the Office of Rail and Road criticised Avanti's "
        "performance, saying it had cancelled one in ten trains."
    )

    assert [(c.text, c.speaker) for c in extract(text)] == [
        ("it had cancelled one in ten trains", "Office of Rail and Road")
    ]


def test_according_to_a_source_that_is_not_a_person_is_not_speech():
    text = (
        "According to the city's budget office, the project will cost about $260,000 per unit.\n"
        "According to Tran, the average homeowner will pay about $140 more a year."
    )

    assert kinds_and_texts(text) == [
        ("reported", "the average homeowner will pay about $140 more a year")
    ]


def test_a_speech_word_used_as_a_noun_before_a_verb_and_a_count_is_not_speech():
    text = (
        "Data released under freedom of information rules shows 1,214 people had been waiting "
        "longer than 52 weeks."
    )

    assert extract(text) == []


def test_a_question_put_to_the_speaker_before_said_is_not_the_speech():
    text = (
        "Chinese foreign ministry spokesperson Zhang Rui, asked about the decision at a "
        "briefing in Beijing, said trade should be “mutually beneficial and stable.”"
    )

    assert [(c.kind, c.text) for c in extract(text)] == [
        ("partial", "trade should be “mutually beneficial and stable.”")
    ]


def with_speakers(text: str) -> list[tuple[str, str | None, str]]:
    return [(c.kind, c.speaker, c.text) for c in extract(text)]


def test_warning_that_in_a_with_clause_is_speech_by_the_one_named_there():
    text = (
        "Passengers were told to check before travelling, with Northern warning that "
        "“very little, if any” service would run."
    )

    assert with_speakers(text) == [
        ("partial", "Northern", "“very little, if any” service would run")
    ]


def test_warning_as_a_noun_attributes_nothing():
    assert extract("The Met Office issued a yellow warning for rain on Tuesday.") == []


def test_blamed_on_with_quoted_words_is_a_partial_quote_from_the_verb():
    text = (
        "Geoff Harrow lost the seat he had held for 16 years.\n"
        'He blamed the result on "a national mood" rather than anything the council did.'
    )

    assert with_speakers(text) == [
        (
            "partial",
            "Geoff Harrow",
            'blamed the result on "a national mood" rather than anything the council did',
        )
    ]


def test_saying_after_a_sentence_opened_by_a_pronoun_speaks_for_its_subject():
    text = (
        "Returning officer Janet Whitlock announced the turnout.\n"
        'She thanked count staff, saying the night had run "as smoothly as anyone could hope".'
    )

    assert with_speakers(text)[-1] == (
        "partial",
        "Janet Whitlock",
        'the night had run "as smoothly as anyone could hope"',
    )


def test_a_clause_reported_before_the_colon_of_a_quote_is_reported_speech_too():
    text = (
        "Dr Priyanka Rao led the study.\n"
        'She cautioned that the work was at an early stage: "This is mice. We have a long way '
        'to go."'
    )

    assert with_speakers(text) == [
        ("reported", "Priyanka Rao", "the work was at an early stage"),
        ("direct", "Priyanka Rao", "This is mice. We have a long way to go."),
    ]


def test_where_a_listener_was_told_is_not_what_they_were_told():
    text = "Clare Dunstan told reporters in Brisbane the scheme would prioritise nurses."

    assert with_speakers(text) == [
        ("reported", "Clare Dunstan", "the scheme would prioritise nurses")
    ]


def test_a_describing_verb_before_a_speech_verb_leaves_the_quote_to_the_speech_verb():
    text = (
        "Mr Fell called 999 at 7.42pm and told the operator he had “come back and found Paul "
        "on the floor”."
    )

    assert with_speakers(text) == [
        ("partial", "Fell", "he had “come back and found Paul on the floor”")
    ]
