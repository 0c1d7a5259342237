"""Who said it: attribution before, after and inside quotes, and what mentions resolve to."""

from statements.extraction import KnownOrganization, KnownPerson, extract


def speakers(text: str, people=(), organizations=()) -> list[tuple[str, str | None]]:
    return [(c.kind, c.speaker) for c in extract(text, people, organizations)]


def test_attribution_before_the_quote():
    assert speakers("Kit Malthouse told Sky News: “We will act.”") == [("direct", "Kit Malthouse")]


def test_attribution_after_the_quote():
    assert speakers("“We will act,” Kit Malthouse told Sky News.") == [("direct", "Kit Malthouse")]


def test_said_mr_x_inversion_resolves_to_full_name():
    text = "Kit Malthouse was in London.\n“We will act,” said Mr Malthouse."

    assert speakers(text) == [("direct", "Kit Malthouse")]


def test_mr_surname_resolves_to_full_name():
    text = "Kit Malthouse spoke to reporters.\nMr Malthouse said ministers would meet on Monday."

    candidate = extract(text)[0]

    assert (candidate.speaker, candidate.speaker_mention) == ("Kit Malthouse", "Mr Malthouse")


def test_surname_alone_resolves_to_full_name():
    text = "Eddie Marsh watched from the touchline.\n“I understand the frustration,” Marsh said."

    assert speakers(text) == [("direct", "Eddie Marsh")]


def test_sir_and_first_name_resolves_to_full_name():
    text = "Sir Keir Wallace spoke first.\nSir Keir said the offer was “not good enough”."

    assert speakers(text) == [("partial", "Keir Wallace")]


def test_first_name_resolves_to_full_name():
    text = (
        "Oliver Grant, 15, was against the ban.\n"
        "“I thought it was the worst thing ever,” Oliver said."
    )

    assert speakers(text) == [("direct", "Oliver Grant")]


def test_lord_without_first_name_keeps_the_title():
    assert speakers("Lord Pemberton said the report contained sensitive material.") == [
        ("reported", "Lord Pemberton")
    ]


def test_pronoun_resolves_to_the_last_person_who_was_the_subject():
    text = (
        "Mr Malthouse declined to comment on Ms Dick.\n"
        "“I recognise the police are in a difficult position,” he said."
    )
    people = [
        KnownPerson("kit-malthouse", "Kit Malthouse", ("Mr Malthouse",)),
        KnownPerson("cressida-dick", "Cressida Dick", ("Ms Dick",)),
    ]

    candidate = extract(text, people)[0]

    assert (candidate.speaker, candidate.person) == ("Kit Malthouse", "kit-malthouse")


def test_pronoun_gender_skips_a_person_of_the_other_gender():
    text = (
        "Ms Patel met Mr Malthouse on Monday.\n"
        "Priti Patel said the meeting went well.\n"
        "Kit Malthouse said it was productive.\n"
        "“We agreed on a plan,” she said."
    )

    assert speakers(text)[-1] == ("direct", "Priti Patel")


def test_quote_standing_alone_keeps_the_previous_speaker():
    text = "“We will act,” said Kit Malthouse.\n“There is no time to lose.”"

    assert speakers(text) == [("direct", "Kit Malthouse"), ("direct", "Kit Malthouse")]


def test_role_phrase_resolves_through_known_role_label():
    people = [KnownPerson("kit-malthouse", "Kit Malthouse", role_labels=("policing minister",))]

    candidate = extract("The policing minister said: “We will act.”", people)[0]

    assert (candidate.speaker, candidate.person) == ("Kit Malthouse", "kit-malthouse")
    assert candidate.speaker_mention == "The policing minister"


def test_role_phrase_resolves_through_earlier_apposition():
    text = (
        "Max Hill, the director of public prosecutions, attended.\n"
        "Kit Malthouse also attended.\n"
        "The director of public prosecutions said charges were likely."
    )

    assert speakers(text) == [("reported", "Max Hill")]


def test_role_phrase_before_the_name_in_a_news_lede():
    text = (
        "Clashes were “distressing”, the policing minister has told Sky News.\n"
        "Kit Malthouse said officers were “happy” to be held to account."
    )

    assert speakers(text) == [("partial", "Kit Malthouse"), ("partial", "Kit Malthouse")]


def test_office_before_a_name_is_not_part_of_the_name():
    text = "Home Secretary Priti Patel said: “The police have my full support.”"

    assert speakers(text) == [("direct", "Priti Patel")]


def test_organisation_spokesperson_speaks_for_the_organisation():
    text = "A Home Office spokesperson said: “The site will open next month.”"

    assert speakers(text) == [("direct", "Home Office")]


def test_spokesperson_for_a_known_organisation_gets_its_slug():
    text = "A spokeswoman for Network Rail said: “Engineers are on site.”"
    organizations = [KnownOrganization("network-rail", "Network Rail")]

    candidate = extract(text, organizations=organizations)[0]

    assert (candidate.speaker, candidate.organization) == ("Network Rail", "network-rail")


def test_the_company_said_points_back_to_the_last_named_organisation():
    text = (
        "Shares in Lumora Inc. jumped on Wednesday.\n"
        "Revenue rose to $4.1 billion, the company said."
    )

    assert speakers(text) == [("reported", "Lumora Inc.")]


def test_acronym_points_back_to_the_organisation_it_abbreviates():
    text = (
        "The Care Quality Commission inspected the practice.\n"
        "The CQC said it would inspect the practice again within six months."
    )

    assert speakers(text) == [("reported", "Care Quality Commission")]


def test_reported_speech_without_quotation_marks():
    candidate = extract("Mr Malthouse said ministers would meet on Monday to look at the issue.")[0]

    assert candidate.kind == "reported"
    assert candidate.text == "ministers would meet on Monday to look at the issue"


def test_reported_speech_with_attribution_at_the_end():
    candidate = extract("Pre-tax profits fell 38% to £212m, Anna Kowalski said.")[0]

    assert (candidate.kind, candidate.text) == ("reported", "Pre-tax profits fell 38% to £212m")


def test_partial_quote_is_the_writers_clause_with_its_marks():
    text = "Kit Malthouse said that officers were “happy” to be held “accountable” by the inquiry."

    candidate = extract(text)[0]

    assert candidate.kind == "partial"
    assert candidate.text == "officers were “happy” to be held “accountable” by the inquiry"


def test_described_as_keeps_the_verb_in_the_partial_quote():
    text = "Rob Keating described the increase as “a burden families cannot afford”."

    assert extract(text)[0].text == "described the increase as “a burden families cannot afford”"


def test_declining_to_comment_is_not_speech():
    text = "Mr Malthouse declined to add his voice to those calling for Ms Dick to quit."

    assert extract(text) == []


def test_passive_said_is_not_speech():
    assert extract("He was told to leave, and the man is said to be furious.") == []


def test_names_inside_the_reported_clause_are_not_the_speaker():
    text = (
        "Kit Malthouse spoke.\nBut he insisted the commissioner, Cressida Dick, should not resign."
    )

    assert speakers(text) == [("reported", "Kit Malthouse")]


def test_role_phrase_does_not_match_a_shadow_or_former_holder_of_the_office():
    text = (
        "Hospital waiting lists will not fall until 2027, the health secretary has admitted.\n"
        "Wes Streeting told MPs the backlog was worse than expected.\n"
        "The shadow health secretary, Victoria Atkins, accused the government of failure.\n"
        "The former health secretary, Sajid Javid, said the plan was sound.\n"
        "The health secretary said the plan would work."
    )

    found = speakers(text)

    assert found[0] == ("reported", "Wes Streeting")
    assert found[-1] == ("reported", "Wes Streeting")


def test_relative_clause_between_subject_and_verb_is_skipped():
    text = (
        "Manchester United manager Ruben Amorim watched from the stands.\n"
        "The Portuguese coach, who was appointed in November, said his players had lacked "
        "confidence in possession."
    )

    candidate = extract(text)[0]

    assert candidate.kind == "reported"
    assert candidate.text == "his players had lacked confidence in possession"
    assert candidate.speaker_mention == "The Portuguese coach"
    assert candidate.speaker == "Ruben Amorim"


def test_description_of_the_person_in_focus_resolves_to_them():
    text = (
        "Emma Raducanu lost in the first round.\n"
        "The 24-year-old added that she was proud of her run.\n"
        "“I gave everything,” the former champion said."
    )

    assert speakers(text) == [("reported", "Emma Raducanu"), ("direct", "Emma Raducanu")]


def test_organisation_named_after_a_comma_with_its_article_speaks_the_clause_before():
    text = (
        "Junior doctors will stage a walkout after talks broke down, the British Medical "
        "Association has said."
    )

    candidate = extract(text)[0]

    assert candidate.text == "Junior doctors will stage a walkout after talks broke down"
    assert candidate.speaker == "British Medical Association"


def test_judges_style_is_their_name_when_no_first_name_is_given():
    text = (
        "“The conviction is unsafe,” said Lord Justice Holroyde.\n"
        "Mr Justice Fordham said the claim failed."
    )

    assert speakers(text) == [
        ("direct", "Lord Justice Holroyde"),
        ("reported", "Mr Justice Fordham"),
    ]


def test_titles_with_and_without_full_stops_resolve_to_the_full_name():
    text = (
        "Sen. Elizabeth Warren, Gov. Gavin Newsom and Dr. Anthony Fauci met on Monday.\n"
        "“It is a giveaway,” Sen. Warren said.\n"
        "“We are ready,” Gov. Newsom said.\n"
        "“The data is clear,” Dr. Fauci said.\n"
        "Professor Helen Markham and Dame Sarah Mullally spoke later.\n"
        "“It is clear,” Prof Markham said.\n"
        "“We will act,” Dame Sarah said."
    )

    assert [speaker for _, speaker in speakers(text)] == [
        "Elizabeth Warren",
        "Gavin Newsom",
        "Anthony Fauci",
        "Helen Markham",
        "Sarah Mullally",
    ]


def test_organisation_named_for_areas_joined_by_and_or_commas_is_kept_whole():
    text = (
        "South Yorkshire Fire and Rescue said crews were called at 4am.\n"
        "The Housing, Communities and Local Government Committee said the target was "
        "“not credible”."
    )

    assert speakers(text) == [
        ("reported", "South Yorkshire Fire and Rescue"),
        ("partial", "Housing, Communities and Local Government Committee"),
    ]


def test_two_people_joined_by_and_stay_two_people():
    text = "Kit Malthouse and Priti Patel met on Monday.\n“We agreed,” Patel said."

    assert speakers(text) == [("direct", "Priti Patel")]


def test_generic_organisation_noun_points_back_to_the_organisation_of_its_kind():
    text = (
        "The British Medical Association announced the walkout after talks with NHS England "
        "broke down.\n"
        "The union said ministers had failed to put a “credible offer” on the table."
    )

    assert speakers(text) == [("partial", "British Medical Association")]


def test_generic_organisation_noun_falls_back_to_the_last_organisation_named():
    text = "Workers at the BMA voted to strike.\nThe union said pay had fallen by a quarter."

    assert speakers(text) == [("reported", "BMA")]


def test_an_unnamed_body_in_a_lede_is_named_by_the_next_sentence():
    text = (
        "The government will miss its housing target, a committee of MPs has warned.\n"
        "The Culture, Media and Sport Committee said the target was “not credible”."
    )

    assert speakers(text) == [
        ("reported", "Culture, Media and Sport Committee"),
        ("partial", "Culture, Media and Sport Committee"),
    ]


def test_age_between_name_and_verb_is_skipped():
    text = "Ellie Jones lost in straight sets.\n“I'm absolutely gutted,” Jones, 28, told reporters."

    assert speakers(text) == [("direct", "Ellie Jones")]


def test_possessive_before_a_name_is_not_part_of_it():
    text = "Liverpool’s Mohamed Salah said he was “delighted” to sign a new contract."

    assert speakers(text) == [("partial", "Mohamed Salah")]


def test_office_holder_after_an_organisation_is_the_subject_of_a_saying_clause():
    text = "Labour leader Keir Starmer hit back, saying the government had “lost control”."

    assert speakers(text) == [("partial", "Keir Starmer")]


def test_party_and_post_nominal_describe_the_person_in_focus():
    text = (
        "Emily Thornberry said the government had failed.\n"
        "“They have let people down,” the Labour MP said."
    )

    assert speakers(text) == [("reported", "Emily Thornberry"), ("direct", "Emily Thornberry")]


def test_organisation_with_its_article_after_a_quote_is_the_speaker():
    text = (
        "The Football Association opened an inquiry.\n“We are aware of the incident,” the FA said."
    )

    assert speakers(text) == [("direct", "Football Association")]


def test_pronoun_after_an_unnamed_relative_is_not_the_last_named_speaker():
    text = (
        "Sergeant Owen Pritchard said: “This was a cowardly attack.”\n"
        "He said officers believed the men had followed her.\n"
        "The victim’s daughter told the BBC her mother was “shaken to the core”.\n"
        "“She’s lived on that street for 50 years,” she said. “Now she won’t open the curtains.”"
    )

    candidates = extract(text)

    assert [(c.speaker, c.speaker_mention) for c in candidates[-3:]] == [
        (None, "The victim’s daughter"),
        (None, "she"),
        (None, None),
    ]


def test_unnamed_witness_keeps_a_null_speaker():
    text = "Gina Holt said: “We heard a bang.”\nOne witness said the car had been going too fast."

    assert [(c.speaker, c.speaker_mention) for c in extract(text)][-1] == (None, "One witness")


def test_pronoun_after_a_spokeswoman_is_her_organisation():
    text = (
        "Claire Dunmore said buyers were “nervous”.\n"
        "A spokeswoman for the Home Builders Federation said the target was “out of reach”.\n"
        "“The numbers simply don’t add up,” she said."
    )

    assert speakers(text)[-1] == ("direct", "Home Builders Federation")


def test_pronoun_points_to_the_person_introduced_after_a_scene_setting_phrase():
    text = (
        "Police spokesman Sgt. Aaron Tate said troopers had carried out 200 rescues.\n"
        "“We’ve got people who’ve lost everything,” Tate said.\n"
        "In Hazard, Linda Combs, 67, waited at a shelter set up in a high school gym.\n"
        "“One minute it was in the yard, the next it was at the windows,” she said."
    )

    assert speakers(text)[-1] == ("direct", "Linda Combs")


def test_description_points_to_a_person_just_introduced_with_a_relative_clause():
    text = (
        "“That is on me,” said Nuno Saraiva.\n"
        "The winner came in the 94th minute from substitute Jordan Mensah, who had been on "
        "the pitch for six minutes.\n"
        "“I just told myself to keep running at them,” the 24-year-old said."
    )

    assert speakers(text)[-1] == ("direct", "Jordan Mensah")


def test_a_pronoun_used_for_a_person_gives_their_gender():
    text = (
        "Sergeant Kim Ash said the road would stay closed.\n"
        "He said officers were at the scene.\n"
        "“It came so fast,” she said."
    )

    assert speakers(text)[-1] == ("direct", None)


def test_second_verb_of_a_coordinated_predicate_shares_the_subject():
    text = "Hannah Cole broke the British record on Sunday and then said she had “a lot more”."

    assert speakers(text) == [("partial", "Hannah Cole")]


def test_description_after_an_indefinite_article_is_not_a_name():
    text = "In the House, Rep. Marcus Bell, a Georgia Republican, said he had “serious concerns”."

    assert speakers(text) == [("partial", "Marcus Bell")]


def test_place_after_a_name_and_relative_clause_is_skipped():
    text = (
        "Gov. Teresa Alvarez of New Mexico, whose state capped insulin costs in 2020, "
        "told reporters that the sky had not fallen."
    )

    assert speakers(text) == [("reported", "Teresa Alvarez")]


def test_party_and_state_tag_before_a_relative_clause_is_skipped():
    text = (
        "Linda Combs said the water rose fast.\n"
        "U.S. Rep. Brent Hollister, R-Ky., whose district includes the worst-hit counties, "
        "said he had asked the White House for help."
    )

    candidate = extract(text)[-1]

    assert (candidate.speaker, candidate.text) == (
        "Brent Hollister",
        "he had asked the White House for help",
    )


def test_analysts_at_a_firm_speak_for_the_firm():
    text = "Analysts at Jefferies said the group’s balance sheet remained strong."

    assert speakers(text) == [("reported", "Jefferies")]


def test_a_dateline_is_not_a_speaker():
    text = (
        "LONDON (Reuters) - Shares in Luxor Cinemas rose 9% on Thursday.\n"
        "The company said in a statement that it expected earnings of about 145 million pounds."
    )

    assert speakers(text) == [("reported", "Luxor Cinemas")]


def test_subject_after_a_subordinating_word_speaks_its_clause():
    text = "Shares in Luxor Cinemas rose 9% after the cinema operator said admissions had returned."

    candidate = extract(text)[0]

    assert (candidate.kind, candidate.speaker, candidate.text) == (
        "reported",
        "Luxor Cinemas",
        "admissions had returned",
    )


def test_organisation_noun_with_the_body_named_in_the_phrase_is_that_body():
    text = (
        "Delays hit the Passport Office this summer.\n"
        "The PCS union, which represents Passport Office staff, said the problems were "
        "the result of “years of cuts”."
    )

    assert speakers(text)[-1] == ("partial", "PCS")


def test_ministry_named_for_a_list_of_areas_keeps_its_head():
    text = "The Ministry of Housing, Communities and Local Government said it remained committed."

    assert speakers(text) == [("reported", "Ministry of Housing, Communities and Local Government")]


def test_description_between_a_quote_and_the_name_it_precedes():
    text = "“He rang to say ‘put the kettle on’,” his widow, Samira Rashid, said in a statement."

    assert speakers(text) == [("direct", "Samira Rashid")]


def test_a_judge_in_a_with_clause_is_named_later_by_their_title():
    text = (
        "A man was jailed for life, with a judge describing the killing as “senseless”.\n"
        "Liam Fraser, 29, must serve at least 22 years.\n"
        "Sentencing him on Friday, Mr Justice Harcourt said Fraser had shown no remorse."
    )

    candidates = extract(text)

    assert [(c.kind, c.text, c.speaker) for c in candidates] == [
        ("partial", "describing the killing as “senseless”", "Mr Justice Harcourt"),
        ("reported", "Fraser had shown no remorse", "Mr Justice Harcourt"),
    ]


def test_capitalised_description_before_a_full_name_is_not_part_of_it():
    text = (
        "Paramedic Kerry Bolton said the boy had been “incredibly lucky”.\n"
        "“She’s a hero,” said Ms Bolton."
    )

    assert speakers(text) == [("partial", "Kerry Bolton"), ("direct", "Kerry Bolton")]


def test_a_word_the_writer_uses_in_lower_case_is_a_description_not_a_first_name():
    text = (
        "Gran Jean Whitfield, 64, said she had looked away.\n"
        "Staff at the hospital said the boy was well.\n"
        "“I haven’t slept,” the gran added."
    )

    assert speakers(text)[0] == ("reported", "Jean Whitfield")
    assert speakers(text)[-1] == ("direct", "Jean Whitfield")


def test_a_name_after_the_is_a_thing_not_a_person():
    text = (
        "Owen Price-Jenkins writes poems. His collection won the Forward Prize last week.\n"
        "“Because I was rubbish at everything else,” he says."
    )

    assert speakers(text) == [("direct", "Owen Price-Jenkins")]


def test_time_zone_in_a_live_blog_timestamp_is_not_a_speaker():
    text = "15.10 BST\nA spokesperson told us: “Safety has to come first.”"

    assert speakers(text) == [("direct", None)]


def test_quoted_nickname_inside_a_name_keeps_the_name_whole():
    text = (
        "Pocock saved a word for goalkeeper Tommy “The Cat” Fenwick, who made three saves.\n"
        "Fenwick, 36, was less forgiving. “I should have come for the corner,” the veteran said."
    )

    assert speakers(text) == [("direct", "Tommy Fenwick")]


def test_a_nationality_after_the_stands_for_the_person_in_focus():
    text = (
        "Alvaro Ibarra scored twice as Castlebridge United drew with Hollins Town.\n"
        "“I've scored better goals,” said the Spaniard. “The fans deserved that.”"
    )

    assert speakers(text) == [("direct", "Alvaro Ibarra"), ("direct", "Alvaro Ibarra")]


def test_a_reply_comes_from_the_other_party_not_the_one_who_just_asked():
    text = (
        "A treasurer, Helen Okri, noticed the payment.\n"
        "Under cross-examination by the barrister, Fiona Delacourt, she agreed.\n"
        "“So it would have been easy?” asked Ms Delacourt.\n"
        "“An error, yes,” she replied."
    )

    assert speakers(text)[-1] == ("direct", "Helen Okri")


def test_it_says_speaks_for_the_body_that_last_spoke():
    text = (
        "Scottish and Southern Electricity Networks (SSEN) says about 40,000 customers are "
        "without power. It says engineers are “standing by” until the wind drops."
    )

    assert speakers(text) == [
        ("reported", "Scottish and Southern Electricity Networks"),
        ("partial", "Scottish and Southern Electricity Networks"),
    ]


def test_she_began_interrupts_a_quote_like_she_said():
    text = "Olivia Strand rose. “Can the Prime Minister tell the House,” she began, “when?”"

    assert speakers(text) == [("direct", "Olivia Strand")]


def test_question_closing_a_quote_runs_on_into_a_named_attribution():
    text = (
        "Olivia Strand read out an email by the transport secretary, Priya Lalvani.\n"
        "“Is that fiction too?” Ms Strand asked. “Or is it the only honest thing?”"
    )

    assert speakers(text) == [("direct", "Olivia Strand"), ("direct", "Olivia Strand")]


def test_lowercase_office_before_the_name_after_a_quote_attributes_it():
    text = "“We have been patient,” EU trade commissioner Henrik Vos told a news conference."

    assert speakers(text) == [("direct", "Henrik Vos")]


def test_the_question_put_to_a_spokesperson_sits_between_subject_and_verb():
    text = (
        "China's Ministry of Commerce said it opposed the decision.\n"
        "A spokesperson for the ministry, asked whether Beijing would retaliate, said: "
        "“China does not want a trade war.”"
    )

    assert speakers(text)[-1] == ("direct", "Ministry of Commerce")


def test_it_in_mid_sentence_is_not_taken_for_a_body():
    text = "Shares fell after it warned that a price war would wipe £80m off profits."

    assert speakers(text) == []


def test_a_body_named_in_full_after_its_owner_speaks_without_the_owner():
    text = "China's Ministry of Commerce said in a statement that it “firmly opposes” the plan."

    assert speakers(text) == [("partial", "Ministry of Commerce")]


def test_a_committee_of_something_keeps_its_whole_name():
    text = "The International Committee of the Red Cross said its teams were in contact."

    assert speakers(text) == [("reported", "International Committee of the Red Cross")]


def test_a_body_named_with_of_or_for_after_one_word_keeps_its_whole_name():
    text = (
        "The Confederation of Passenger Transport said operators needed certainty.\n"
        "Campaign for Better Transport said the decision was good news."
    )

    assert speakers(text) == [
        ("reported", "Confederation of Passenger Transport"),
        ("reported", "Campaign for Better Transport"),
    ]


def test_an_ampersand_joins_one_firms_name():
    text = "Fenwick & Hale said it expected to open 25 new stores."

    assert speakers(text) == [("reported", "Fenwick & Hale")]


def test_a_body_named_after_a_list_of_places_keeps_the_list():
    text = (
        "Sergeant Mark Ellis of the Beds, Cambs and Herts Road Policing Unit said: "
        "“Nothing is so important.”"
    )

    assert speakers(text) == [("direct", "Mark Ellis")]


def test_she_never_points_back_to_an_organisation():
    text = (
        "Rachel Henshaw announced the cap.\n"
        "Campaign for Better Transport welcomed the announcement.\n"
        "“This is not about votes,” she said."
    )

    assert speakers(text)[-1] == ("direct", "Rachel Henshaw")


def test_the_spokesperson_speaks_for_the_body_the_spokesperson_was_introduced_for():
    text = (
        "A spokesperson for East Kent Hospitals NHS Trust said a new hub at the Kent and "
        "Canterbury Hospital would open in the autumn.\n"
        "“We are sorry,” the spokesperson said."
    )

    assert speakers(text)[-1] == ("direct", "East Kent Hospitals NHS Trust")


def test_a_spokesperson_for_a_bodys_local_branch_speaks_for_the_body():
    text = (
        "The National Education Union has announced a strike.\n"
        "A spokesperson for the NEU in Leeds said teachers were exhausted."
    )

    assert speakers(text)[-1] == ("reported", "National Education Union")


def test_a_possessive_description_is_someone_new_not_the_last_named_person():
    text = (
        "Detective Inspector Claire Mottram said the victim had been walking home.\n"
        "The victim's mother, who asked not to be named, said her son was kind.\n"
        "“He should have come home,” she said."
    )

    assert speakers(text)[1:] == [("reported", None), ("direct", None)]


def test_a_person_opening_a_sentence_is_who_she_points_to_later_in_it():
    text = (
        "Imogen Hart is back on stage this autumn.\n"
        "The director, Rebecca Lang, said Hart had a kind of danger about her.\n"
        "Hart is candid about the years after the series ended, when she says the offers "
        "“dried up almost overnight”."
    )

    assert speakers(text)[-1] == ("partial", "Imogen Hart")


def test_it_opening_a_clause_speaks_for_the_body_last_named():
    text = (
        "Shares in the chain Fenwick & Hale fell after it warned that profits would be "
        "squeezed.\n"
        "Smelters were expected to open next year, it said."
    )

    assert speakers(text) == [("reported", "Fenwick & Hale"), ("reported", "Fenwick & Hale")]


def test_the_detective_is_the_person_named_with_detective_in_their_office():
    text = (
        "Detective Inspector Claire Mottram, of Wiltshire Police, said the victim was walking "
        "home.\n"
        "“Somebody will have seen something,” the detective said."
    )

    assert speakers(text)[-1] == ("direct", "Claire Mottram")


def test_with_nobody_in_focus_he_is_the_person_last_named():
    text = (
        "For Sam Okoro, the weekly shop has become an exercise in arithmetic.\n"
        "The 29-year-old delivery driver from Walsall walks the aisles with a calculator.\n"
        "“If I go over £45, something has to go back,” he says."
    )

    assert speakers(text) == [("direct", "Sam Okoro")]


def test_any_capitalised_word_before_a_given_name_and_surname_is_a_description():
    text = (
        "Headteacher Sarah Oduya said the result was “a reflection of hard work”.\n"
        "“Now they walk into town with their heads up,” she said."
    )

    assert speakers(text) == [("partial", "Sarah Oduya"), ("direct", "Sarah Oduya")]


def test_a_description_opening_a_sentence_is_dropped_when_the_name_stands_alone_later():
    text = (
        "Developer Castlegate Homes said the scheme would provide 600 homes.\n"
        "“We have listened to residents,” a Castlegate spokesman said."
    )

    assert speakers(text) == [("reported", "Castlegate Homes"), ("direct", "Castlegate Homes")]


def test_a_us_party_and_district_tag_is_never_a_name():
    text = 'The sponsor, state Sen. Roy Kessler, R-Grand Rapids, said he was "stunned" by the veto.'

    assert speakers(text) == [("partial", "Roy Kessler")]


def test_a_capitalised_word_after_the_is_a_description_of_the_person_in_focus():
    text = (
        "“Kieran is a fast healer,” Tomás Ferreira told his press conference.\n"
        "Asked about the striker, the Portuguese said: “Not this week.”"
    )

    assert speakers(text) == [("direct", "Tomás Ferreira"), ("direct", "Tomás Ferreira")]


def test_a_capitalised_word_after_the_that_the_article_puts_somewhere_is_a_body():
    text = (
        "He was abusive to a cashier at the Co-op in Tuffley Lane.\n"
        "The Co-op said afterwards that attacks on its staff were “never part of the job”."
    )

    assert speakers(text) == [("partial", "Co-op")]


def test_the_and_any_noun_after_a_quote_is_the_person_in_focus():
    text = (
        "Janet Pryce told the Commons that the plans were “the wrong homes”.\n"
        "“My constituents are not nimbys,” said the backbencher."
    )

    assert speakers(text) == [("partial", "Janet Pryce"), ("direct", "Janet Pryce")]


def test_the_and_a_noun_with_nobody_in_focus_is_the_body_last_named():
    text = (
        "Residents were told to prepare after the Met Office issued an amber warning.\n"
        "Up to 150mm of rain could fall on high ground, the forecaster said."
    )

    assert speakers(text) == [("reported", "Met Office")]


def test_another_parent_is_someone_new_and_unnamed():
    text = (
        "Parent Michelle Firth said: “It’s a different school.”\n"
        "But another parent, who asked not to be named, said communication “still needs work”."
    )

    assert speakers(text) == [("direct", "Michelle Firth"), ("partial", None)]


def test_the_report_speaks_for_the_body_whose_report_it_is():
    text = (
        "Ofsted’s report on Bramley Park Academy said pupils were “proud of their school”.\n"
        "Parent Michelle Firth said: “It’s a different school.”\n"
        "The report said leaders should make the curriculum “as ambitious as the rest”."
    )

    assert speakers(text)[-1] == ("partial", "Ofsted")


def test_the_statement_speaks_for_whoever_just_spoke():
    text = (
        "Read by their solicitor, Mark Dennison, Callum’s family said he had been “the kindest”.\n"
        "“We will never understand why,” the statement said."
    )

    assert speakers(text) == [("partial", None), ("direct", None)]


def test_a_quote_after_an_unnamed_speakers_quote_stays_with_them_not_the_next_name():
    text = (
        "“We will never understand why,” a family friend said. “Please stay out of the quarries.”\n"
        "Coroner Jonathan Hale said the death was an accident."
    )

    assert speakers(text) == [("direct", None), ("direct", None), ("reported", "Jonathan Hale")]


def test_a_spokesperson_for_an_office_holder_speaks_for_that_person():
    text = (
        "Michigan Gov. Dana Whitfield vetoed the bill.\n"
        "Kessler said he would try to override the veto.\n"
        "A spokesperson for the governor said Whitfield would sign a directive.\n"
        "“She just doesn’t think a law is the way,” the spokesperson said."
    )

    assert speakers(text)[-2:] == [("reported", "Dana Whitfield"), ("direct", "Dana Whitfield")]


def test_a_body_described_rather_than_named_speaks_and_the_generic_noun_binds_to_it():
    text = (
        "Poland will reopen the border, the Polish agriculture ministry said.\n"
        "The Ukrainian foreign ministry welcomed the decision. “We regret that it took so "
        "long,” the ministry said in a statement."
    )

    assert speakers(text) == [
        ("reported", "Polish agriculture ministry"),
        ("direct", "Ukrainian foreign ministry"),
    ]


def test_a_description_of_several_words_before_a_given_name_is_not_part_of_the_name():
    text = "Housing Ombudsman Martin Cole said complaints had more than doubled in three years."

    assert speakers(text) == [("reported", "Martin Cole")]


def test_a_hyphenated_description_before_a_name_is_not_part_of_it():
    text = "Fly-half Tavi Renner kicked 12 points.\n“I just hit it,” Renner said."

    assert speakers(text) == [("direct", "Tavi Renner")]


def test_a_description_the_writer_uses_in_lower_case_is_not_part_of_the_name():
    text = (
        "Midwife Oona Carr, a friend who swam with her, said the water had been 4C.\n"
        "Every midwife on the ward sponsored her."
    )

    assert speakers(text) == [("reported", "Oona Carr")]


def test_a_three_word_name_whose_middle_word_is_not_a_given_name_stays_whole():
    assert speakers("Mei Lin Foster said a freeze on rents was needed.") == [
        ("reported", "Mei Lin Foster")
    ]


def test_a_plural_possessive_inside_a_body_name_stays_in_it():
    text = (
        "The National Farmers' Union has warned that the harvest could be the worst in decades.\n"
        "Northbridge Students’ Union said it would support the strike."
    )

    assert speakers(text) == [
        ("reported", "National Farmers' Union"),
        ("reported", "Northbridge Students’ Union"),
    ]


def test_of_after_the_first_words_of_a_name_after_the_continues_the_body_name():
    text = "The Homebuilders Alliance of Australia said a shortage of workers meant delays."

    assert speakers(text) == [("reported", "Homebuilders Alliance of Australia")]


def test_a_body_named_only_in_the_next_sentence_speaks_for_their_union():
    text = (
        "Train drivers will walk out next week after talks collapsed, their union has "
        "announced.\n"
        "The drivers’ union Aslef said members would strike on Tuesday."
    )

    assert speakers(text) == [("reported", "Aslef"), ("reported", "Aslef")]


def test_a_name_after_a_kind_of_body_is_that_body():
    text = (
        "Details of customers of the online retailer Brightbasket may have been stolen, the "
        "company has admitted."
    )

    assert speakers(text) == [("reported", "Brightbasket")]


def test_a_body_whose_name_reads_like_a_place_or_a_question_speaks_by_its_name():
    text = (
        "Manchester Airport said the problem was not with its own systems.\n"
        "Consumer group Which? said passengers could be entitled to compensation."
    )

    assert speakers(text) == [("reported", "Manchester Airport"), ("reported", "Which?")]


def test_the_and_the_last_word_of_a_name_is_the_body_so_named():
    text = (
        "Brackenfield Festival said: “We are sorry.”\n"
        "Frontwoman Jess Marlowe wrote: “Gutted.”\n"
        "The festival said all ticket holders would be refunded."
    )

    assert speakers(text) == [
        ("direct", "Brackenfield Festival"),
        ("direct", "Jess Marlowe"),
        ("reported", "Brackenfield Festival"),
    ]


def test_where_a_named_person_is_from_sits_between_them_and_their_verb():
    text = "Ticket holder Aimee Grant, 27, from Leeds, said she had booked time off work."

    assert speakers(text) == [("reported", "Aimee Grant")]


def test_where_a_study_is_from_does_not_make_its_findings_speech():
    text = "The study, from the University of Leeds, suggests poor sleep is linked to low mood."

    assert speakers(text) == []


def test_a_body_named_for_areas_joined_by_and_keeps_its_whole_name():
    text = (
        "The Department for Environment, Food and Rural Affairs said it was working with the "
        "sector."
    )

    assert speakers(text) == [("reported", "Department for Environment, Food and Rural Affairs")]


def test_someone_opening_the_article_unnamed_is_the_person_who_speaks_next():
    text = (
        'A mother of three says her family has been "living in a science experiment".\n'
        "Kelly Barnes, 31, first reported damp in January, but says repairs have not been done."
    )

    assert speakers(text) == [("partial", "Kelly Barnes"), ("reported", "Kelly Barnes")]


def test_someone_opening_the_article_unnamed_is_not_the_next_person_merely_named():
    text = "A witness said the car was speeding.\nJohn Smith, 45, was arrested at the scene."

    assert speakers(text) == [("reported", None)]


def test_a_quote_alone_after_the_writers_sentence_about_someone_is_theirs():
    text = (
        "“Safety has to come first,” Westline Ferries said.\n"
        "Our reporter Callum Baird is in Largs, where the promenade has been closed. "
        "He sends this:\n"
        "“Waves are coming clean over the sea wall here.”"
    )

    assert speakers(text) == [("direct", "Westline Ferries"), ("direct", "Callum Baird")]


def test_a_quote_alone_after_the_writers_sentence_about_no_one_named_has_no_speaker():
    text = (
        "“I caught one this morning,” Gareth Penhale said, to jeers.\n"
        "A cry came from the Tory benches. “Where to — 2019?”"
    )

    assert speakers(text) == [("direct", "Gareth Penhale"), ("direct", None)]


def test_a_report_described_by_when_it_was_published_speaks_for_its_body():
    text = (
        "Ofsted’s report on Bramley Park Academy, published on Tuesday, said pupils were "
        "“proud of their school”.\n"
        "It added: “Pupils are supported well.”"
    )

    assert speakers(text) == [("partial", "Ofsted"), ("direct", "Ofsted")]


def test_a_retired_teacher_before_a_name_is_not_when_she_spoke():
    text = "One, retired teacher Alice Moreno, said she was already struggling to pay her bills."

    assert speakers(text) == [("reported", "Alice Moreno")]
