"""Which quotation marks make a quotation, and how far it runs."""

from statements.extraction import extract


def only(text: str, kind: str | None = None):
    candidates = [c for c in extract(text) if kind is None or c.kind == kind]
    assert len(candidates) == 1, candidates
    return candidates[0]


def test_curly_double_quotes_after_colon_are_a_direct_quote():
    quote = only("Kit Malthouse said: “We will act.”")

    assert (quote.kind, quote.text, quote.speaker) == ("direct", "We will act.", "Kit Malthouse")


def test_straight_double_quotes_work_like_curly_ones():
    quote = only('"We will act," said Kit Malthouse.')

    assert (quote.kind, quote.text, quote.speaker) == ("direct", "We will act", "Kit Malthouse")


def test_trailing_comma_before_the_attribution_is_not_part_of_the_quote():
    quote = only("“I recognise the police are in a difficult position,” Kit Malthouse said.")

    assert quote.text == "I recognise the police are in a difficult position"


def test_quote_running_over_three_paragraphs_is_one_candidate():
    text = (
        "Kit Malthouse said: “First paragraph of the quote.\n"
        "“Second paragraph of the quote.\n"
        "“Third and last paragraph.”\n"
        "The meeting ended at noon."
    )

    quote = only(text)

    assert quote.statement_text == (
        "First paragraph of the quote.\nSecond paragraph of the quote.\nThird and last paragraph."
    )
    assert text[quote.start : quote.end] == quote.text
    assert quote.quoted_parts[1][0] == text.index("Second")


def test_quote_interrupted_by_its_attribution_is_one_candidate():
    text = "“I recognise,” he said, “the police are in a difficult position.” Kit Malthouse spoke."
    quote = only("Kit Malthouse arrived.\n" + text, "direct")

    assert quote.text == "I recognise,” he said, “the police are in a difficult position."
    assert quote.statement_text == "I recognise, the police are in a difficult position."
    assert quote.speaker == "Kit Malthouse"


def test_quote_inside_a_quote_stays_inside_the_outer_quote():
    text = "“He told me, ‘get out’, and walked off,” said Jean Harper."

    quote = only(text)

    assert quote.text == "He told me, ‘get out’, and walked off"
    assert quote.speaker == "Jean Harper"


def test_headline_with_single_quotes_and_speaker_colon_is_a_direct_quote():
    text = (
        "Malthouse: ‘Police were in an impossible position’\n"
        "Kit Malthouse said officers had done their best."
    )

    quote = extract(text)[0]

    assert (quote.kind, quote.text) == ("direct", "Police were in an impossible position")
    assert quote.speaker == "Kit Malthouse"


def test_headline_line_with_straight_single_quotes_and_attribution_after():
    text = (
        "Ruben Amorim watched the defeat from the touchline.\n"
        "'We were scared,' Amorim tells reporters\n"
        "He said the team would recover."
    )

    quote = extract(text)[0]

    assert (quote.kind, quote.text, quote.speaker) == ("direct", "We were scared", "Ruben Amorim")


def test_headline_speaker_that_is_an_office_resolves_to_the_person_named_next():
    text = (
        "Minister: ‘We got it wrong’\n"
        "Baroness Clarke, the care minister, admitted mistakes had been made."
    )

    assert extract(text)[0].speaker == "Baroness Clarke"


def test_headline_speaker_that_is_an_office_is_never_given_as_a_name():
    text = "Minister: ‘We got it wrong’\nThe scheme was abandoned in March."

    quote = extract(text)[0]

    assert (quote.text, quote.speaker) == ("We got it wrong", None)


def test_headline_partial_in_single_quotes():
    text = "Minister says police response was ‘alarming’\nKit Malthouse spoke on Sunday."

    quote = extract(text)[0]

    assert (quote.kind, quote.text) == ("partial", "police response was ‘alarming’")


def test_apostrophes_are_not_quotation_marks():
    text = "The officers’ union said it wasn’t consulted about Saturday night’s policing."

    assert all("’" not in c.text[:1] for c in extract(text))
    assert only(text).kind == "reported"


def test_scare_quotes_are_not_speech():
    text = "Ministers have promised to end the “postcode lottery” in cancer care by 2030."

    assert extract(text) == []


def test_quoted_words_opening_lowercase_are_not_a_title():
    text = "Joe Biden said on Monday that the deal was “a win for America”."

    assert only(text).kind == "partial"


def test_titles_and_quoted_terms_are_not_speech():
    text = (
        "The novel “The Glass Orchard” sold a million copies.\n"
        "Brooks, nicknamed “The Flash” by teammates, scored 16 points.\n"
        "The phrase “carbon budget” refers to what can still be emitted."
    )

    assert extract(text) == []


def test_term_inside_reported_speech_does_not_make_it_a_partial_quote():
    text = "Kit Malthouse said the so-called “levelling up” agenda was working."

    assert only(text).kind == "reported"


def test_unbalanced_mark_does_not_lose_later_quotes():
    text = (
        "The Royal College described the figures as “a national scandal.\n"
        "Its president, Dr Adrian Boyce, said the government had “run out of excuses”.\n"
        "“We need action now,” he said."
    )

    candidates = extract(text)

    assert [(c.kind, c.text) for c in candidates] == [
        ("partial", "the government had “run out of excuses”"),
        ("direct", "We need action now"),
    ]
    assert {c.speaker for c in candidates} == {"Adrian Boyce"}


def test_stray_closing_mark_is_ignored():
    text = (
        "Douglas Reid said the minister was “obsessed” with independence.”\n"
        "“It is absurd,” he said."
    )

    candidates = extract(text)

    assert [c.kind for c in candidates] == ["partial", "direct"]
    assert candidates[0].text == "the minister was “obsessed” with independence"


def test_missing_closing_mark_after_said_keeps_the_quote_to_the_paragraph_end():
    text = (
        "Ruth Elmsley said: “This is a dark day for the town.\n"
        "Developer Castlegate Homes said the scheme would provide 600 homes."
    )

    candidates = extract(text)

    assert (candidates[0].kind, candidates[0].text) == (
        "direct",
        "This is a dark day for the town.",
    )
    assert candidates[1].kind == "reported"


def test_double_marks_used_for_a_quote_inside_a_quote():
    text = "“We were told that work would start “within two years. Nothing has happened,” he said."

    quote = only("Steve Dawson lives nearby. " + text)

    assert (
        quote.text == "We were told that work would start “within two years. Nothing has happened"
    )


def test_paragraphs_joined_with_a_single_space_still_continue_a_quote():
    text = (
        "Mark Ellery said: “Chloe has not been in contact. “We are becoming concerned.” "
        "Her mother, Joanne Burton, said the family were “desperate” for news."
    )

    candidates = extract(text)

    assert [c.kind for c in candidates] == ["direct", "partial"]
    assert (
        candidates[0].statement_text == "Chloe has not been in contact.\nWe are becoming concerned."
    )
    assert candidates[1].speaker == "Joanne Burton"


def test_paragraphs_joined_with_nothing_still_split():
    text = (
        'Emma Radford said she was "devastated" by the injury.The 22-year-old was trailing.'
        '"It is heartbreaking," Radford said."I was playing the best tennis of my life."'
        'Novakova said it was "not the way anyone wants to win".'
    )

    candidates = extract(text)

    assert [(c.kind, c.speaker) for c in candidates] == [
        ("partial", "Emma Radford"),
        ("direct", "Emma Radford"),
        ("direct", "Emma Radford"),
        ("partial", "Novakova"),
    ]
    assert candidates[2].text == "I was playing the best tennis of my life."


def test_so_called_term_after_a_verb_like_word_is_not_a_quote():
    text = 'Sales were boosted by last summer\'s so-called "Barbenheimer" double bill.'

    assert extract(text) == []


def test_a_short_quoted_name_after_a_speech_verb_is_a_term_not_a_quote():
    text = 'The trust declared "Opel 4", the highest level of escalation, on three days.'

    assert [c for c in extract(text) if c.kind == "direct"] == []


def test_a_one_word_quote_qualifying_the_noun_after_it_is_a_coined_term():
    text = "Customers have been sent “catch-up” bills for gas, the regulator said."

    assert [(c.kind, c.text) for c in extract(text)] == [
        ("reported", "Customers have been sent “catch-up” bills for gas")
    ]
