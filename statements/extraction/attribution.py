"""Find who a sentence attributes words to: the subject of a speech verb.

The parsers work on the masked text (quotations blanked out) and return a ``Subject``: where
the attributing words are and what kind of words they are. Resolving a subject to a name
needs the article's running state and lives in the extractor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from statements.extraction.lexicon import (
    AUXILIARIES,
    BLOCKING_WORDS,
    CLAUSE_DETERMINERS,
    CLAUSE_OPENERS,
    FINITE_WORDS,
    IRREGULAR_PAST,
    NOT_BEFORE_SUBJECT,
    NOT_CLAUSE_STARTERS,
    PASSIVE_AUXILIARIES,
    SPEECH_VERBS,
    SPOKESPERSON_NOUNS,
    SUBJECT_PRONOUNS,
    SUBORDINATING_WORDS,
    alternation,
)
from statements.extraction.names import Mention, Registry, role_head

SPEECH_VERB = re.compile(rf"\b({alternation(SPEECH_VERBS)})\b")
# "It" opening a sentence ("It says ..."); a lower-case "it" only as the subject of a clause
# of its own ("after it warned", "But it said", ", it said") once a body has been named:
# elsewhere "it" is as often a thing as a body.
PRONOUN_AT_END = re.compile(r"(?:^|(?<=[\s,]))([Hh]e|[Ss]he|[Tt]hey|It|it)$")
CLAUSE_BEFORE_IT = re.compile(
    rf"(?:^|,|\b(?:[Aa]nd|[Bb]ut|[Ss]o|as|{'|'.join(sorted(CLAUSE_OPENERS))}))\s*$"
)
PRONOUN_AT_START = re.compile(r"\s*(he|she|they)\b")
# An acronym given after a body's name: "Scottish and Southern Electricity Networks (SSEN)".
ACRONYM_AT_END = re.compile(r"\s*\([A-Z][A-Za-z&]{1,9}\)$")
_DETERMINER = r"(?:[Tt]he|[Aa]n?|[Aa]nother|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ne|[\w\-]+['’]s)"
_PHRASE_CHARS = r"[^,;:.!?\x02\x03\x1f\"“”]"
PHRASE_AT_END = re.compile(rf"(?:^|(?<=[\s,]))({_DETERMINER}\s+{_PHRASE_CHARS}{{1,60}}?)$")
PHRASE_AT_START = re.compile(rf"\s*({_DETERMINER}\s+{_PHRASE_CHARS}{{1,60}}?)(?=,|\s*$|\.)")
_SPOKESPERSON = rf"(?P<noun>{'|'.join(sorted(SPOKESPERSON_NOUNS))})"
SPOKESPERSON_AT_END = re.compile(
    rf"(?:^|(?<=[\s,]))(?:[Aa]n?|[Tt]he)\s+(?P<hint>(?:[^\s,]+\s+){{0,6}}?){_SPOKESPERSON}"
    rf"(?:\s+(?:for|at|from)\s+(?:the\s+)?(?P<owner>[^,]{{2,60}}?))?$"
)
SPOKESPERSON_AT_START = re.compile(
    rf"\s*(?:[Aa]n?|[Tt]he)\s+(?P<hint>(?:[^\s,]+\s+){{0,6}}?){_SPOKESPERSON}"
    rf"(?:\s+(?:for|at|from)\s+(?:the\s+)?(?P<owner>[^,.]{{2,60}}?))?(?=[,.]|\s*$)"
)
# Between a subject and its verb: a relative clause, an age, a US party-and-state tag, the
# question put or when it was made ("Jones, 28, told reporters", "Hollister, R-Ky., whose
# district ..., said", "A spokesperson, asked whether ..., said", "The report, published on
# Tuesday, said").
_AGE_OR_PARTY = r"\d{1,3}|[DRI]-[A-Z][A-Za-z.]{1,12}(?:\s[A-Z][A-Za-z.]{1,12}){0,2}"
# "published on Tuesday", "appointed in November": when or where, not "retired teacher".
_PARTICIPLE_AND_WHEN = r"[a-z]+ed\s+(?:on|in|at|by|last|this|earlier|yesterday)"
RELATIVE_CLAUSE_AT_END = re.compile(
    rf"(?:\s*,\s*(?:{_AGE_OR_PARTY}))?"
    rf"\s*,\s*(?:(?:who|whose|which|asked|{_PARTICIPLE_AND_WHEN})\s[^,;:.!?\x02\x03]{{1,120}}"
    rf"|{_AGE_OR_PARTY}),$"
)
# Where a named person is from, between their name and verb: "Aimee Grant, 27, from Leeds,
# said", "Margaret Ellwood, of the campaign group Parents for Standards, accused".
ORIGIN_AT_END = re.compile(
    rf"(?:\s*,\s*(?:{_AGE_OR_PARTY}))?\s*,\s*(?:of|from)\s[^,;:.!?\x02\x03]{{1,120}},$"
)
# A verb sharing the subject of an earlier one: "Hannah Cole broke the record and then said".
COORDINATED_AT_END = re.compile(r"[\s,](?:and|but)$")
# People speaking for the body they work at: "Analysts at Jefferies said".
STAFF_AT_END = re.compile(
    r"(?:^|(?<=[\s,]))(?:[Aa]nalysts|[Ee]conomists|[Rr]esearchers|[Ss]trategists|[Ss]cientists|"
    r"[Ee]xperts|[Oo]fficials|[Ss]ources)\s+(?:at|from)\s+(?:the\s+)?"
    r"(?P<owner>[A-Z][^,;:.!?\x02\x03]{1,60}?)$"
)
# A place qualifying the name before it: "Gov. Teresa Alvarez of New Mexico".
PLACE_QUALIFIER_AT_END = re.compile(
    r"\s+(?:of|from)\s+(?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3}$"
)
INDEFINITE_BEFORE = re.compile(r"(?:^|(?<=[\s,]))[Aa]n?\s+$")
PREPOSITION_BEFORE = re.compile(r"(?:\b(?:of|at|from|for|with|in)\s+(?:the\s+)?)$")
# How far before its verb a subject may start, in characters; keeps each look-back short.
SUBJECT_REACH = 300


@dataclass(frozen=True)
class Subject:
    """The words that attribute speech: a pronoun, a name, a spokesperson or a phrase."""

    start: int
    end: int
    kind: str  # "pronoun", "mention", "spokesperson", "phrase"
    text: str
    mention: Mention | None = None
    hint: str | None = None  # the organisation in "a Home Office spokesperson"

    @property
    def head(self) -> str:
        return role_head(self.text)


def last_word(text: str, lower: int, end: int) -> tuple[int, str] | None:
    """The word that ends ``text[lower:end]`` before any trailing blanks, with where it
    starts. Read from the end, so a long stretch of text costs no more than a short one."""
    while end > lower and text[end - 1].isspace():
        end -= 1
    start = end
    while start > lower and (text[start - 1].isalnum() or text[start - 1] in "’'-_"):
        start -= 1
    return (start, text[start:end]) if start < end else None


def strip_auxiliaries(masked: str, lower: int, end: int) -> int | None:
    """Move ``end`` back over "has", "also" and the like; None if the verb is passive."""
    while True:
        last = last_word(masked, lower, end)
        if last is None:
            return end
        word = last[1].lower()
        if word in PASSIVE_AUXILIARIES:
            return None
        if word not in AUXILIARIES:
            return end
        end = last[0]


def intro_allows(before: str, verb_follows: bool = False) -> bool:
    """Whether the words before a subject leave it the subject of its clause.

    With ``verb_follows`` (the subject stands right before its speech verb), a subordinating
    word opens the subject's own clause: "rose 9% after the operator said ...".
    """
    before = before.strip()
    if not before:
        return True
    last = last_word(before, 0, len(before))
    if last and last[1].lower() in NOT_BEFORE_SUBJECT:
        return verb_follows and last[1].lower() in CLAUSE_OPENERS
    if before.endswith((",", "\x03")):
        return True
    # An intro phrase, then a few words of description: "In a memo, chief executive ...".
    return len(before.rsplit(",", 1)[-1].split()) <= 4


def subject_before(masked: str, registry: Registry, lower: int, verb_start: int) -> Subject | None:
    """The subject ending just before a speech verb, looking no further back than ``lower``."""
    lower = max(lower, verb_start - SUBJECT_REACH)
    end = strip_auxiliaries(masked, lower, verb_start)
    if end is None:
        return None
    region = masked[lower:end].rstrip()
    # "The Portuguese coach, who was appointed in November, said": the subject is before
    # the relative clause.
    relative = RELATIVE_CLAUSE_AT_END.search(region)
    if relative:
        region = region[: relative.start()].rstrip()
    origin = ORIGIN_AT_END.search(region) if region.endswith(",") else None
    if origin:
        named_end = lower + len(region[: origin.start()].rstrip())
        named = registry.mention_ending_at(named_end, lower)
        if named is not None and named.kind != "org":
            region = region[: origin.start()].rstrip()
    acronym = ACRONYM_AT_END.search(region) if region.endswith(")") else None
    if acronym:
        region = region[: acronym.start()]
    end = lower + len(region)
    if not region:
        return None
    if COORDINATED_AT_END.search(region):
        return _first_subject(masked, registry, lower, end)
    staff = STAFF_AT_END.search(region) if "s at " in region or "s from " in region else None
    if staff:
        start = lower + staff.start()
        subject = Subject(start, end, "spokesperson", staff.group().strip(), hint=_hint(staff))
        checked = _checked(masked, lower, subject)
        if checked:
            return checked
    pronoun = PRONOUN_AT_END.search(region)
    if pronoun and pronoun.group(1) == "it":
        opens_clause = CLAUSE_BEFORE_IT.search(region, 0, pronoun.start(1))
        body_named = next(registry.mentions_before(lower + pronoun.start(1), kind="org"), None)
        if not (opens_clause and body_named):
            pronoun = None
    if pronoun:
        return _checked(
            masked, lower, Subject(lower + pronoun.start(1), end, "pronoun", pronoun.group(1))
        )
    spokesperson = SPOKESPERSON_AT_END.search(region)
    if spokesperson:
        start = lower + spokesperson.start()
        subject = Subject(
            start, end, "spokesperson", spokesperson.group().strip(), hint=_hint(spokesperson)
        )
        checked = _checked(masked, lower, subject)
        if checked:
            return checked
    mention = _mention_subject(masked, registry, lower, end)
    if mention:
        return mention
    phrase = PHRASE_AT_END.search(region)
    if phrase:
        subject = Subject(lower + phrase.start(1), end, "phrase", phrase.group(1))
        checked = _checked(masked, lower, subject)
        if checked:
            return checked
    whole = region.strip()
    words = whole.split()
    plain = whole and len(words) <= 6 and "," not in whole and "\x02" not in whole
    if plain and not any(word.lower() in BLOCKING_WORDS for word in words):
        if len(words) > 1 and _is_past_verb(words[-1]) and words[0][0].isupper():
            # "Ms Henshaw rejected claims that ...": a subject and its verb, whose object
            # is the speech word, a noun here.
            return None
        return Subject(end - len(whole), end, "phrase", whole)
    return None


def _is_past_verb(word: str) -> bool:
    return word.islower() and (word.endswith("ed") or word in IRREGULAR_PAST)


def _first_subject(masked: str, registry: Registry, lower: int, end: int) -> Subject | None:
    """The subject opening the clause whose second verb this is: a pronoun or a name."""
    region = masked[lower:end]
    pronoun = PRONOUN_AT_START.match(region.lower())
    if pronoun:
        start = lower + pronoun.start(1)
        return Subject(
            start, lower + pronoun.end(1), "pronoun", masked[start : lower + pronoun.end(1)]
        )
    for mention in registry.mentions_between(lower, end):
        if mention.possessive or not intro_allows(masked[lower : mention.start]):
            return None
        return Subject(
            mention.start, mention.end, "mention", masked[mention.start : mention.end], mention
        )
    return None


def _hint(match: re.Match[str]) -> str | None:
    owner = match.group("owner")
    hint = (match.groupdict().get("hint") or "").strip()
    return (owner or hint).strip() or None


def _checked(masked: str, lower: int, subject: Subject) -> Subject | None:
    return subject if intro_allows(masked[lower : subject.start], verb_follows=True) else None


def _mention_subject(masked: str, registry: Registry, lower: int, end: int) -> Subject | None:
    """A name just before the verb, or before an apposition set off by commas."""
    positions = [end]
    region = masked[lower:end]
    place = PLACE_QUALIFIER_AT_END.search(region)
    if place:
        positions.append(lower + place.start())
    if region.endswith(","):
        comma = end - 1
        positions.append(lower + len(masked[lower:comma].rstrip()))
        earlier_comma = masked.rfind(",", lower, comma)
        if earlier_comma >= 0:
            positions.append(lower + len(masked[lower:earlier_comma].rstrip()))
    found: list[Mention] = []
    for position in positions:
        mention = registry.mention_ending_at(position, lower)
        if mention is None:
            continue
        if PREPOSITION_BEFORE.search(masked, lower, mention.start):
            # "Professor Helen Markham of Imperial College London": the earlier name speaks.
            earlier = _mention_before_phrase(masked, registry, lower, mention)
            if earlier is None:
                continue
            mention = earlier
        if mention.possessive or INDEFINITE_BEFORE.search(masked, lower, mention.start):
            continue  # "Rep. Marcus Bell, a Georgia Republican,": a description, not a name
        found.append(mention)
    strong = [m for m in found if _is_strong(registry, m)]
    # A lone capitalised plural opening the sentence is a noun: "Officers said ...".
    found = [m for m in found if not (m.kind == "reference" and m.name.endswith("s"))]
    for mention in strong or found:
        subject = Subject(
            mention.start, mention.end, "mention", masked[mention.start : mention.end], mention
        )
        checked = _checked(masked, lower, subject)
        if checked:
            return checked
    return None


def _mention_before_phrase(
    masked: str, registry: Registry, lower: int, mention: Mention
) -> Mention | None:
    preposition = PREPOSITION_BEFORE.search(masked, lower, mention.start)
    assert preposition is not None
    cut = preposition.start()
    before = masked[lower:cut].rstrip(" ,")
    return registry.mention_ending_at(lower + len(before), lower)


def _is_strong(registry: Registry, mention: Mention) -> bool:
    if mention.kind != "reference" or mention.honorific:
        return True
    return (
        registry.is_known_surname(mention.name)
        or registry.known_organization(mention.name) is not None
    )


def subject_after(masked: str, registry: Registry, start: int, limit: int) -> Subject | None:
    """The subject of an inverted attribution: '..., said Mr Malthouse'."""
    region = masked[start:limit]
    pronoun = PRONOUN_AT_START.match(region)
    if pronoun:
        return Subject(
            start + pronoun.start(1), start + pronoun.end(1), "pronoun", pronoun.group(1)
        )
    spokesperson = SPOKESPERSON_AT_START.match(region)
    if spokesperson:
        first = start + len(region) - len(region.lstrip())
        return Subject(
            first,
            start + spokesperson.end(),
            "spokesperson",
            spokesperson.group().strip(),
            hint=_hint(spokesperson),
        )
    first = start + len(region) - len(region.lstrip())
    mention = registry.mention_starting_at(first)
    phrase_end = None
    if mention is not None and not mention.possessive:
        return Subject(
            mention.start, mention.end, "mention", masked[mention.start : mention.end], mention
        )
    phrase = PHRASE_AT_START.match(region)
    if phrase:
        phrase_end = start + phrase.end(1)
    elif mention is not None:
        phrase_end = mention.end
    if phrase_end is None:
        return None
    # "said Albright's attorney, Rachel Simmons": the name after the comma speaks.
    apposed = re.match(r",\s*", masked[phrase_end:limit])
    if apposed:
        named = registry.mention_starting_at(phrase_end + apposed.end())
        if named is not None and named.kind != "org":
            return Subject(
                named.start, named.end, "mention", masked[named.start : named.end], named
            )
    if phrase and not any(word.lower() in BLOCKING_WORDS for word in phrase.group(1).split()):
        # A phrase with its own verb ("his players had lacked ...") is a clause, not a speaker.
        return Subject(start + phrase.start(1), phrase_end, "phrase", phrase.group(1))
    return None


def last_speech_verb(masked: str, start: int, end: int) -> re.Match[str] | None:
    last = None
    for match in SPEECH_VERB.finditer(masked, start, end):
        last = match
    return last


def is_speech_content(clause: str) -> bool:
    """Whether the words after a verb are a clause with its own subject and finite verb ("the
    plan would work", "profits fell") rather than the verb's object ("a state of emergency",
    "out store closures", "of a crisis")."""
    words = [word.strip("“”‘’\"'(),").lower() for word in clause.split()[:24]]
    words = [word for word in words if word]
    if not words or words[0] in NOT_CLAUSE_STARTERS:
        return False
    if words[0] in SUBJECT_PRONOUNS and len(words) > 1:
        return True
    if len(words) > 1 and words[0].endswith("s") and words[1][:1].isdigit():
        return False  # "rules shows 1,214 people ...": a verb, so the clause has no subject
    for index, word in enumerate(words[1:], start=1):
        previous = words[index - 1]
        if word in SUBORDINATING_WORDS:
            return False  # a verb after "which" or "after" belongs to a clause in the object
        if word in FINITE_WORDS or word.endswith("n't"):
            return True
        after_noun = previous not in CLAUSE_DETERMINERS and not previous.endswith(("'s", "’s"))
        if (word in IRREGULAR_PAST or word.endswith("ed")) and after_noun:
            return True
        two_back = words[index - 2] if index >= 2 else ""
        if (
            word.endswith("s")
            and not word.endswith("ss")
            and after_noun
            and (
                two_back in ("the", "a", "an", "its", "his", "her", "their")
                or previous[:1].isupper()
            )
        ):
            return True
    return False
