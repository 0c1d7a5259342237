"""People and organisations named in an article, and what their later mentions point to.

Names come from capitalised runs in the writer's text ("Home Secretary Priti Patel" gives the
person "Priti Patel" holding the office "home secretary"). Later mentions are resolved here:
"Mr Malthouse" and "Malthouse" to the full name with that surname, "Sir Keir" to the full name
with that first name, "the policing minister" through known role labels or an earlier
apposition ("Max Hill, the director of public prosecutions"), "a Home Office spokesperson" to
the organisation, and known people and organisations to their slugs.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from statements.extraction.lexicon import (
    ABBREVIATIONS,
    AREA_WORDS,
    CALENDAR_WORDS,
    FITTING_ORGANIZATION_WORDS,
    FUNCTION_WORDS,
    GENERIC_ORGANIZATION_NOUNS,
    GIVEN_NAMES,
    HONORIFICS,
    NAME_KEEPING_HONORIFICS,
    NAME_PARTICLES,
    OFFICE_WORDS,
    ORGANIZATION_HEADS,
    ORGANIZATION_NOUNS,
    ORGANIZATION_WORDS,
    PLACE_WORDS,
    POST_NOMINALS,
    ROLE_CHANGING_WORDS,
    ROLE_NOUNS,
    alternation,
)
from statements.extraction.quotes import MASK_CLOSE, MASK_INSIDE, MASK_OPEN
from statements.extraction.schema import KnownOrganization, KnownPerson

# How far (in characters) a mention may sit from what it refers to: about a long article.
LOOKBACK = 12_000
_UPPER = "A-ZÀ-ÖØ-Þ"
# Placed after a pattern's first letter, the word boundary before that letter: a pattern that
# opens with a letter rather than with "\b" lets the regex engine skip straight to the places
# where that letter stands, which matters for the patterns run over the whole article.
_AFTER_WORD_START = r"(?<!\w.)"
# A plural possessive inside a name keeps its mark: "National Farmers' Union".
_TOKEN = rf"[{_UPPER}][\w\-]*(?:['’][^\W\d_]+)*(?:(?<=s)['’](?=[ ][{_UPPER}]))?\.?"
_CONNECTOR = rf"(?:of|for|and|&|on|the|{'|'.join(sorted(NAME_PARTICLES))})"
POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")
CAPITALISED_RUN = re.compile(rf"(?<![\w'’]){_TOKEN}(?:[ ](?:{_CONNECTOR}[ ])*{_TOKEN})*")
AREA_LIST_BEFORE = re.compile(r"(?:[A-Z][a-z]+, )+$")
_ROLE_START = r"(?:the|a|an|its|his|her|their|[\w\-]+['’]s)"
_ROLE_CHARS = r"[^,.;:!?\n\x02\x03\x1f]"
APPOSITION_AFTER = re.compile(rf",\s+({_ROLE_START}\s+{_ROLE_CHARS}{{2,60}}?)(?=,|\.|\s*$)")
APPOSITION_BEFORE = re.compile(
    rf"(?:^|(?<=[\s,]))({_ROLE_START}\s+{_ROLE_CHARS}{{2,60}}?),\s*$", re.I
)
LOWERCASE_OFFICE_BEFORE = re.compile(r"(?:^|(?<=\s))((?:[a-z][a-z\-]*\s+){1,3})$")
HEAD_CUT = re.compile(r"\s(?:of|for|at|in|from|with|who|which|on|to)\s.*$")
ROLE_DETERMINERS = re.compile(r"^(?:the|a|an|its|his|her|their|our|[\w\-]+['’]s)\s+")
# A dateline opening a paragraph: "LONDON (Reuters) -", "FRANKFORT, Ky. (AP) —",
# "JAKARTA, May 14 —".
DATELINE = re.compile(
    r"(?m)^[A-Z][A-Z .'’\-]+(?:,\s+[A-Z][\w.]*(?:\s+\d{1,2})?)?(?:\s+\([A-Za-z .]{1,30}\))?"
    r"\s*[-—–]+\s"
)
# A listed company is the thing its shares are in: "Shares in Luxor Cinemas rose 9%".
COMPANY_BEFORE = re.compile(r"\b[Ss]hares\s+in\s+$")
# A kind of body set before its name: "the online retailer Brightbasket".
ORGANIZATION_NOUN_BEFORE = re.compile(rf"(?<![\w\-’'])(?:{alternation(ORGANIZATION_NOUNS)}) $")
ROLE_QUALIFIER = re.compile(r"\s+(?:of|for|at|in|from|with)\s.*$")
# Lower-case words of three letters or more; the first letter before its look-behind, as above.
LOWERCASE_WORD = re.compile(r"[a-z](?<![\w’'\-].)[a-z]{2,}(?![\w’'\-])")
CLOCK_BEFORE = re.compile(r"\b\d{1,2}[.:]\d{2}\s*$")
THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
SENTENCE_START_BEFORE = re.compile(r"(?:^|\n|[.!?]\s)$")
PLACE_AFTER_THE = re.compile(
    rf"(?:a{_AFTER_WORD_START}t|i{_AFTER_WORD_START}n(?:to|side)?|f{_AFTER_WORD_START}rom|"
    rf"o{_AFTER_WORD_START}utside)\s+the\s+([{_UPPER}][\w\-]*)(?![\w\-]|\s[{_UPPER}])"
)
# Offices written short before a name: "Gov. Dana Whitfield" is the governor.
OFFICE_ABBREVIATIONS = {
    "gov": "governor", "sen": "senator", "rep": "representative", "supt": "superintendent",
    "insp": "inspector", "det": "detective", "sgt": "sergeant", "capt": "captain",
    "cllr": "councillor", "prof": "professor", "gen": "general", "col": "colonel",
}  # fmt: skip
DESCRIBED_BODY = re.compile(
    rf"[Tt]{_AFTER_WORD_START}he\s+([{_UPPER}][a-z]+\s+(?:[a-z\-]+\s+){{0,2}}?"
    rf"({'|'.join(sorted(ORGANIZATION_NOUNS))}))\b(?!['’])"
)
PARTY_TAG = re.compile(r"[DRI]-[A-Z]")
NICKNAME_BETWEEN = re.compile(rf"\s{MASK_OPEN}{MASK_INSIDE}{{1,24}}{MASK_CLOSE}\s")


def normalize_role(phrase: str) -> str:
    """'The under-pressure Police commissioner' -> 'under-pressure police commissioner'."""
    role = " ".join(phrase.lower().replace("’", "'").split())
    previous = None
    while previous != role:
        previous = role
        role = ROLE_DETERMINERS.sub("", role)
    return role


def role_head(phrase: str) -> str:
    """A phrase's main noun: 'head' in 'The head of NHS England'."""
    cut = HEAD_CUT.sub("", " " + phrase.lower().replace("’", "'")).strip()
    word = cut.split()[-1] if cut else ""
    return word[:-2] if word.endswith("'s") else word


def _unqualified(role: str) -> str:
    """'chief constable of merseyside police' -> 'chief constable'."""
    return ROLE_QUALIFIER.sub("", role)


def roles_match(mentioned: str, label: str) -> bool:
    """Whether a role phrase in the text names the office in ``label``.

    Either may carry adjectives the other lacks ("the under-pressure commissioner") or an
    "of ..." qualifier ("chief constable of Merseyside Police"), but not both.
    """
    if not mentioned or not label:
        return False
    for one, other in (
        (mentioned, label),
        (_unqualified(mentioned), label),
        (mentioned, _unqualified(label)),
    ):
        if one == other:
            return True
        if one.endswith(" " + other):
            longer, shorter = one, other
        elif other.endswith(" " + one) and " " in one:
            longer, shorter = other, one
        else:
            continue
        # "shadow health secretary" is not the health secretary; "under-pressure" changes
        # nothing.
        extra = longer[: -len(shorter)].split()
        if not any(word in ROLE_CHANGING_WORDS for word in extra):
            return True
    return False


@dataclass(frozen=True)
class Mention:
    """A capitalised name in the writer's text."""

    start: int
    end: int
    kind: str  # "person" (a full name), "reference" (one name: "Malthouse", "Sir Keir"), "org"
    name: str
    honorific: str | None = None
    office: str | None = None  # "home secretary" in "Home Secretary Priti Patel"
    possessive: bool = False

    @property
    def gender(self) -> str | None:
        return HONORIFICS.get((self.honorific or "").split(" ")[0])


@dataclass(frozen=True)
class Speaker:
    """Who a mention resolves to. ``name`` is None when the article does not say."""

    name: str | None
    person: str | None = None
    organization: str | None = None
    is_organization: bool = False
    gender: str | None = None
    unnamed: bool = False  # someone the article quotes without naming: "her daughter"


def find_mentions(masked: str) -> list[Mention]:
    mentions: list[Mention] = []
    datelines = [match.span() for match in DATELINE.finditer(masked)]
    dateline_starts = [start for start, _ in datelines]
    # Words the writer also uses in lower case are common nouns, not names: "Gran Jean
    # Whitfield" before "the gran added".
    common_words = frozenset(LOWERCASE_WORD.findall(masked))
    name_words: set[str] = set()  # the words of people's names met so far
    # What the article puts where a person cannot be: "at the Co-op".
    places = frozenset(PLACE_AFTER_THE.findall(masked))
    for match in CAPITALISED_RUN.finditer(masked):
        run = match.group()
        if " " not in run and (run in FUNCTION_WORDS or run.rstrip(".") in CALENDAR_WORDS):
            continue  # "The", "Monday": one word that names nobody
        index = bisect.bisect_right(dateline_starts, match.start()) - 1
        if index >= 0 and match.start() < datelines[index][1]:
            continue  # "LONDON (Reuters) -" says where the story was filed, not who spoke
        if CLOCK_BEFORE.search(masked, max(0, match.start() - 8), match.start()):
            continue  # "10:42 BST" is a time zone in a live blog's timestamp
        if PARTY_TAG.match(run):
            continue  # "R-Grand Rapids", "D-N.Y.": a US party and district, never a name
        # The run's words are separated by single spaces.
        words = []
        position = match.start()
        for word in run.split(" "):
            words.append((position, word))
            position += len(word) + 1
        run_after_the = THE_BEFORE.search(masked, max(0, match.start() - 4), match.start())
        for group in _split_run(words, common_words, name_words, run_after_the is not None):
            mention = _classify(group, common_words, masked)
            if mention is not None:
                after_the = THE_BEFORE.search(masked, max(0, mention.start - 4), mention.start)
                if mention.kind == "person" and after_the:
                    # "won the Forward Prize": people's names take no article; a body or a
                    # thing named like one does.
                    mention = Mention(mention.start, mention.end, "org", mention.name)
                if (
                    mention.kind == "reference"
                    and after_the
                    and not mention.honorific
                    and mention.name not in name_words
                ):
                    # "the Portuguese", "the Welshman": a description, not a name, unless the
                    # article puts it somewhere a person cannot be ("at the Co-op").
                    if mention.name not in places:
                        continue
                    mention = Mention(mention.start, mention.end, "org", mention.name)
                if mention.kind != "org" and _named_as_a_body(masked, mention):
                    mention = Mention(mention.start, mention.end, "org", mention.name)
                if mention.kind == "org" and " and " in mention.name:
                    mention = _with_listed_areas(masked, mention, mentions)
                if mention.kind == "person":
                    name_words.update(mention.name.split())
                mentions.append(mention)
    return _with_nicknames(masked, mentions)


def _named_as_a_body(masked: str, mention: Mention) -> bool:
    """A name the article gives as a body's: "Shares in Luxor Cinemas", "the online retailer
    Brightbasket", "the drivers' union Aslef"."""
    if COMPANY_BEFORE.search(masked, max(0, mention.start - 12), mention.start):
        return True
    return (
        not mention.honorific
        and not mention.office
        and ORGANIZATION_NOUN_BEFORE.search(masked, max(0, mention.start - 16), mention.start)
        is not None
    )


def _with_nicknames(masked: str, mentions: list[Mention]) -> list[Mention]:
    """'Tommy “The Cat” Fenwick': a quoted nickname between two names is part of the name."""
    if MASK_OPEN not in masked:
        return mentions
    joined: list[Mention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind == "reference"
            and not previous.possessive
            and mention.kind == "reference"
            and NICKNAME_BETWEEN.fullmatch(masked, previous.end, mention.start)
        ):
            joined[-1] = Mention(
                previous.start,
                mention.end,
                "person",
                f"{previous.name} {mention.name}",
                previous.honorific,
                previous.office,
                mention.possessive,
            )
            continue
        joined.append(mention)
    return joined


def _with_listed_areas(masked: str, mention: Mention, mentions: list[Mention]) -> Mention:
    """'Housing, Communities and Local Government Committee': a body named for a list of
    areas keeps the areas before its commas, as does one whose article stands before the
    list ('the Beds, Cambs and Herts Road Policing Unit')."""
    listed = AREA_LIST_BEFORE.search(masked, max(0, mention.start - 80), mention.start)
    if listed is None:
        return mention
    areas = [area.strip() for area in listed.group().split(",") if area.strip()]
    named_with_article = THE_BEFORE.search(masked, max(0, listed.start() - 4), listed.start())
    if not (named_with_article or all(area in AREA_WORDS for area in areas)):
        return mention
    start = listed.start()
    while mentions and mentions[-1].end > start:
        # "Ministry of Housing, Communities and ...": the body's head comes before the list.
        start = min(start, mentions.pop().start)
    return Mention(
        start,
        mention.end,
        "org",
        masked[start : mention.start] + mention.name,
        possessive=mention.possessive,
    )


def _split_run(
    words: list[tuple[int, str]],
    common_words: frozenset[str],
    name_words: set[str],
    after_the: bool = False,
) -> list[list[tuple[int, str]]]:
    """Cut a capitalised run at sentence ends, dates, and 'and'/'of' that join two names.
    ``after_the``: the run follows a lower-case "the"."""
    segments: list[list[tuple[int, str]]] = [[]]
    for start, word in words:
        bare = word.rstrip(".")
        if bare in CALENDAR_WORDS:
            segments.append([])
            continue
        segments[-1].append((start, word))
        if word.endswith(".") and bare not in ABBREVIATIONS and len(bare) > 1:
            segments.append([])
    groups = []
    for number, segment in enumerate(segments):
        definite = after_the and number == 0
        while segment and (segment[0][1] in FUNCTION_WORDS or segment[0][1][0].islower()):
            definite = segment[0][1] in ("The", "the")
            segment = segment[1:]
        groups.extend(_split_connectors(segment, common_words, name_words, definite))
    return [group for group in groups if group]


def _is_organization_words(words: list[str]) -> bool:
    return any(
        word.rstrip(".") in ORGANIZATION_WORDS or word in ORGANIZATION_WORDS for word in words
    )


def _heads_a_body(word: str, common_words: frozenset[str], name_words: set[str]) -> bool:
    """A lone capitalised noun before 'of'/'for' that starts a body's name: 'Campaign for
    Better Transport', 'Confederation of Passenger Transport'. Not a person's name, a title,
    a plural ('Residents of Hazard') or a word the writer also uses in lower case."""
    return (
        word in ORGANIZATION_HEADS
        or word.isalpha()
        and not (word.endswith("s") and not word.endswith("ss"))
        and word not in HONORIFICS
        and word not in OFFICE_WORDS
        and word not in FUNCTION_WORDS
        and word.lower() not in common_words
        and word not in name_words
    )


def _split_connectors(
    segment: list[tuple[int, str]],
    common_words: frozenset[str],
    name_words: set[str],
    definite: bool = False,
) -> list[list[tuple[int, str]]]:
    """Cut a segment at connectors that join two names. ``definite``: it follows "the",
    which names a thing or a body, not a person, so "of" after its first words continues the
    name ("the Homebuilders Alliance of Australia")."""
    groups: list[list[tuple[int, str]]] = [[]]
    joined_as_organization = False
    index = 0
    while index < len(segment):
        start, word = segment[index]
        if word in NAME_PARTICLES and groups[-1]:
            groups[-1].append((start, word))
        elif word == "&" and groups[-1]:
            # "Fenwick & Hale", "Marks & Spencer": an ampersand joins one firm's name.
            groups[-1].append((start, word))
            joined_as_organization = True
        elif word in ("of", "for", "on", "the") and groups[-1]:
            current = [w for _, w in groups[-1]]
            body_head = (
                word in ("of", "for")
                and (len(current) == 1 or (definite and len(groups) == 1))
                and _heads_a_body(current[-1], common_words, name_words)
                and not any(w in HONORIFICS or w in OFFICE_WORDS for w in current)
            )
            if any(w in ORGANIZATION_HEADS for w in current) or joined_as_organization or body_head:
                groups[-1].append((start, word))
                joined_as_organization = True
            else:
                groups.append([])
        elif word == "and" and groups[-1]:
            rest = [w for _, w in segment[index + 1 :]]
            short_place = len(groups[-1]) == 1 and _is_organization_words(rest[-1:])
            # "Fire and Rescue", "Health and Safety": two areas a public body is named for.
            areas = bool(rest) and groups[-1][-1][1] in AREA_WORDS and rest[0] in AREA_WORDS
            if joined_as_organization or short_place or areas:
                groups[-1].append((start, word))
            else:
                groups.append([])
                joined_as_organization = False
        elif word[0].islower():
            groups.append([])
            joined_as_organization = False
        else:
            groups[-1].append((start, word))
            following = segment[index + 1][1] if index + 1 < len(segment) else None
            after = segment[index + 2][1] if index + 2 < len(segment) else None
            # "China's Ministry of Commerce": a body named in full after its owner, unlike the
            # "Women's Institute", whose name holds the possessive.
            full_body_follows = following in ORGANIZATION_HEADS and after in ("of", "for")
            if (
                word.endswith(POSSESSIVE_ENDINGS)
                and following
                and following[0].isupper()
                and (not _is_organization_words([following]) or full_body_follows)
                and following not in PLACE_WORDS
            ):
                # "Liverpool’s Mohamed Salah": the owner and the person are two names.
                groups.append([])
                joined_as_organization = False
        index += 1
    for group in groups:
        while group and (group[-1][1][0].islower() or group[-1][1] == "&"):
            group.pop()
    return groups


def _classify(
    group: list[tuple[int, str]], common_words: frozenset[str], masked: str
) -> Mention | None:
    start = group[0][0]
    end = group[-1][0] + len(group[-1][1])
    words = [word for _, word in group]
    if words[-1].endswith(".") and words[-1].rstrip(".") not in ABBREVIATIONS:
        words[-1] = words[-1].rstrip(".")
        end -= 1
    possessive = words[-1].endswith(POSSESSIVE_ENDINGS)
    if possessive:
        mark = 2 if words[-1].endswith(("'s", "’s")) else 1
        words[-1] = words[-1][:-mark]
        end -= mark
    descriptor = None
    described = _description_length(words, common_words, masked, start)
    if described:
        # "Headteacher Sarah Oduya", "Developer Castlegate Homes": a description before a name.
        descriptor = " ".join(words[:described]).lower()
        words = words[described:]
        start = group[described][0]
    post_nominal = False
    while len(words) > 1 and words[-1].rstrip(".") in POST_NOMINALS:
        words = words[:-1]
        post_nominal = True
    if post_nominal and len(words) == 1 and words[0] not in HONORIFICS:
        return None  # "the Labour MP": a description, not a name
    bare = [word.rstrip(".") for word in words]
    if len(bare) == 1 and (bare[0] in OFFICE_WORDS or bare[0] in HONORIFICS):
        return None  # "Minister: ..." names an office, not a person called Minister
    title_end = 0
    for index, word in enumerate(bare[:-1]):
        if word in HONORIFICS or word in OFFICE_WORDS:
            title_end = index + 1
    name_words = words[title_end:]
    if title_end:
        honorific = bare[title_end - 1] if bare[title_end - 1] in HONORIFICS else None
        if honorific == "Justice" and title_end >= 2 and bare[title_end - 2] in HONORIFICS:
            # A senior judge's style, "Lord Justice Holroyde", "Mr Justice Fordham", is
            # their name on the bench.
            honorific = f"{bare[title_end - 2]} Justice"
            title_end -= 1
        office_words = bare[: title_end - 1] if honorific else bare[:title_end]
        office = " ".join(office_words).lower() or descriptor
        return _person_mention(start, end, name_words, honorific, office, possessive)
    # A group keeps "and" only inside a body's name: "Food and Rural Affairs".
    if _is_organization_words(words) or any(w in ("of", "for", "&", "and") for w in words):
        return Mention(start, end, "org", " ".join(words), possessive=possessive)
    if len(words) == 1 and len(bare[0]) >= 2 and bare[0].isupper() and bare[0].isalpha():
        return Mention(start, end, "org", bare[0], possessive=possessive)
    if bare[-1] in PLACE_WORDS or bare[0] in ("River", "Lake", "Mount", "New", "North", "South"):
        return None
    return _person_mention(start, end, name_words, None, descriptor, possessive)


def _description_length(
    words: list[str], common_words: frozenset[str], masked: str, start: int
) -> int:
    """How many of a run's first words describe the person or body named after them.

    A person is named by their last words; what stands before is a description when the
    name starts with a given name ("Headteacher Sarah Oduya", "Housing Ombudsman Martin
    Cole"), when a word of it is hyphenated ("Fly-half Callum Price") or one the writer also
    uses in lower case ("the gran added"), or, opening a sentence, when the article names what
    follows without it ("Developer Castlegate Homes" before "Castlegate said")."""
    first = words[0]
    if len(words) < 3 or not words[1][0].isupper() or first in GIVEN_NAMES:
        return 0
    if first in FUNCTION_WORDS or first in HONORIFICS or first in OFFICE_WORDS:
        return 0
    if first in ORGANIZATION_WORDS or first in ORGANIZATION_HEADS:
        return 0
    if all(_is_plain_word(word) for word in words):
        given = next((i for i in range(1, len(words) - 1) if words[i] in GIVEN_NAMES), None)
        if given is not None:
            return given
        if any("-" in word or word.lower() in common_words for word in words[:-2]):
            return len(words) - 2
    if not first.isalpha():
        return 0
    opens_sentence = SENTENCE_START_BEFORE.search(masked, max(0, start - 3), start) is not None
    if not opens_sentence:
        return 0
    low, high = max(0, start - LOOKBACK), start + LOOKBACK
    return int(masked.count(words[1], low, high) > masked.count(first, low, high))


def _is_plain_word(word: str) -> bool:
    """A capitalised word that can be part of a name or of a description before one: no
    title, office or organisation, and letters joined at most by hyphens ("Fly-half")."""
    return (
        word[0].isupper()
        and word.replace("-", "").isalpha()
        and not word.startswith("-")
        and not word.endswith("-")
        and word not in HONORIFICS
        and word not in OFFICE_WORDS
        and word not in ORGANIZATION_WORDS
        and word not in ORGANIZATION_HEADS
    )


def _person_mention(
    start: int,
    end: int,
    name_words: list[str],
    honorific: str | None,
    office: str | None,
    possessive: bool,
) -> Mention | None:
    if not name_words or len(name_words) > 4:
        return None
    kind = "person" if len(name_words) >= 2 else "reference"
    name = " ".join(name_words)
    return Mention(start, end, kind, name, honorific, office, possessive)


class Registry:
    """The people and organisations of one article, for resolving mentions."""

    def __init__(
        self,
        masked: str,
        mentions: list[Mention],
        people: Sequence[KnownPerson],
        organizations: Sequence[KnownOrganization],
    ) -> None:
        self.mentions = mentions
        self.mention_starts = [mention.start for mention in mentions]
        self.people = list(people)
        self.organizations = list(organizations)
        self._known_by_name: dict[str, KnownPerson] = {}
        for person in self.people:
            for name in (person.name, *person.other_names):
                self._known_by_name.setdefault(name.lower(), person)
        self._known_organizations: dict[str, KnownOrganization] = {}
        for organization in self.organizations:
            for name in (organization.name, *organization.other_names):
                self._known_organizations.setdefault(_org_key(name), organization)
        # Full names in document order, by surname and by first name, for "Mr X" and "Keir".
        self._by_surname: dict[str, list[tuple[int, str]]] = {}
        self._by_first_name: dict[str, list[tuple[int, str]]] = {}
        self.genders: dict[str, str] = {}
        # Roles named in the article, by their last word: (position, normalised role, speaker).
        self._roles: dict[str, list[tuple[int, str, Speaker]]] = {}
        self._first_person_mention: dict[str, int] = {}
        # Capitalised offices before names, in document order: "Detective Inspector".
        self._offices: list[tuple[int, str, Speaker]] = []
        # Bodies described rather than named, by position: "the Polish agriculture ministry".
        self.described_bodies = [
            (match.start(1), match.group(1), match.group(2))
            for match in DESCRIBED_BODY.finditer(masked)
        ]
        self._described_starts = [start for start, _, _ in self.described_bodies]
        for mention in mentions:
            if mention.kind == "person":
                self._first_person_mention.setdefault(mention.name, mention.start)
            if mention.kind == "person" and not self.known_organization(mention.name):
                parts = mention.name.split()
                self._by_surname.setdefault(parts[-1], []).append((mention.start, mention.name))
                self._by_first_name.setdefault(parts[0], []).append((mention.start, mention.name))
        for mention in mentions:
            if mention.kind == "org":
                continue
            speaker = self.resolve_mention(mention)
            if speaker.name and mention.gender:
                self.genders.setdefault(speaker.name, mention.gender)
            if speaker.name and not speaker.is_organization:
                for role in _roles_around(masked, mention):
                    self.add_role(mention.start, role, speaker)
                if mention.office:
                    self._offices.append((mention.start, mention.office, speaker))

    # --- organisations -------------------------------------------------------------------

    def known_organization(self, name: str) -> KnownOrganization | None:
        if not self._known_organizations:
            return None
        return self._known_organizations.get(_org_key(name))

    def organization(self, name: str, position: int | None = None) -> Speaker:
        known = self.known_organization(name)
        if known is None and name.isupper() and position is not None:
            name = self._expand_acronym(name, position)
            known = self.known_organization(name)
        if known is not None:
            return Speaker(known.name, organization=known.slug, is_organization=True)
        return Speaker(_strip_the(name), is_organization=True)

    def _expand_acronym(self, acronym: str, position: int) -> str:
        for mention in self.mentions_before(position, kind="org"):
            initials = "".join(word[0] for word in mention.name.split() if word[0].isupper())
            if initials == acronym:
                return mention.name
        for organization in self.organizations:
            initials = "".join(word[0] for word in organization.name.split() if word[0].isupper())
            if initials == acronym:
                return organization.name
        return acronym

    def latest_organization(self, position: int) -> Speaker | None:
        """The body named last before ``position``."""
        mention = next(self.mentions_before(position, kind="org"), None)
        return None if mention is None else self.organization(mention.name, mention.start)

    def named_with_head(self, noun: str, position: int) -> Speaker | None:
        """'the festival' after 'Brackenfield Festival': the latest name ending in that noun,
        as a body. Not a person's name ("the baker" is not Tom Baker)."""
        for mention in self.mentions_before(position):
            words = mention.name.split()
            if words[-1].lower() != noun or len(words) < 2:
                continue
            if mention.kind != "org" and (mention.honorific or words[0] in GIVEN_NAMES):
                continue
            return self.organization(mention.name, mention.start)
        return None

    def described_body(self, start: int, noun: str | None = None) -> Speaker | None:
        """The body described at ``start``, or with ``noun`` the latest one of that kind
        described before it ("the ministry" after "the Ukrainian foreign ministry")."""
        found = self._described_before(start, noun)
        if found is None or (noun is None and found[0] != start):
            return None
        return Speaker(found[1], is_organization=True)

    def _described_before(self, position: int, noun: str | None) -> tuple[int, str] | None:
        index = bisect.bisect_right(self._described_starts, position) - 1
        while index >= 0 and self.described_bodies[index][0] >= position - LOOKBACK:
            start, name, head = self.described_bodies[index]
            if noun is None or head == noun:
                return start, name
            index -= 1
        return None

    def organization_like(self, noun: str, position: int) -> Speaker | None:
        """'the union', 'an agency spokesperson': the latest organisation of that kind, or for
        a generic noun ('the company', 'the charity') the latest organisation at all. A body
        described rather than named ('the Polish agriculture ministry') counts when it is
        later than any body of that kind named."""
        noun = noun.lower()
        described = self._described_before(position, noun)
        if described is not None:
            named = next(
                (m for m in self.mentions_before(position, kind="org") if noun in m.name.lower()),
                None,
            )
            if named is None or named.start < described[0]:
                return Speaker(described[1], is_organization=True)
        fitting = FITTING_ORGANIZATION_WORDS.get(noun, ())
        latest = None
        for mention in self.mentions_before(position, kind="org"):
            words = mention.name.split()
            if noun in mention.name.lower() or any(word in fitting for word in words):
                return self.organization(mention.name, mention.start)
            if latest is None:
                latest = mention
        for organization in self.organizations:
            if noun in organization.name.lower():
                return self.organization(organization.name)
        if latest is not None and noun in GENERIC_ORGANIZATION_NOUNS:
            return self.organization(latest.name, latest.start)
        return None

    # --- people -------------------------------------------------------------------------

    def person(self, name: str) -> Speaker:
        known = self._known_by_name.get(name.lower())
        if known is None:
            organization = self.known_organization(name)
            if organization is not None:
                return self.organization(name)
            parts = name.split()
            for person in self.people:
                known_parts = person.name.split()
                if known_parts[0] == parts[0] and known_parts[-1] == parts[-1]:
                    known = person
                    break
        if known is not None:
            return Speaker(known.name, person=known.slug, gender=self.genders.get(known.name))
        return Speaker(name, gender=self.genders.get(name))

    def resolve_mention(self, mention: Mention) -> Speaker:
        if mention.kind == "org":
            return self.organization(mention.name, mention.start)
        if mention.kind == "person":
            return self.person(mention.name)
        return self.resolve_reference(mention.name, mention.honorific, mention.start)

    def resolve_reference(self, word: str, honorific: str | None, position: int) -> Speaker:
        """'Malthouse', 'Mr Malthouse', 'Sir Keir', 'Fiona' -> the full name they stand for."""
        titled = f"{honorific} {word}" if honorific else word
        known = self._known_by_name.get(titled.lower())
        if known is None:
            organization = self.known_organization(word)
            if organization is not None and not honorific:
                return self.organization(word)
            surname_matches = [p for p in self.people if p.name.split()[-1] == word]
            if len(surname_matches) == 1:
                known = surname_matches[0]
        if known is not None:
            return self.person(known.name)
        for index in (self._by_surname, self._by_first_name):
            full_name = _nearest(index.get(word, []), position)
            if full_name:
                return self.person(full_name)
        first_name_matches = [p for p in self.people if p.name.split()[0] == word]
        if len(first_name_matches) == 1:
            return self.person(first_name_matches[0].name)
        if honorific in NAME_KEEPING_HONORIFICS or (honorific or "").endswith(" Justice"):
            return self.person(titled)
        return Speaker(word, gender=HONORIFICS.get(honorific or ""))

    def first_person_mention(self, name: str) -> int | None:
        """Where the article first gives this full name."""
        return self._first_person_mention.get(name)

    def is_known_surname(self, word: str) -> bool:
        return (
            word in self._by_surname
            or word in self._by_first_name
            or any(word in person.name.split() for person in self.people)
        )

    # --- roles --------------------------------------------------------------------------

    def add_role(self, position: int, phrase: str, speaker: Speaker) -> None:
        role = normalize_role(phrase)
        if role:
            entries = self._roles.setdefault(_unqualified(role).split()[-1], [])
            bisect.insort(entries, (position, role, speaker), key=lambda entry: entry[0])

    def resolve_role(self, phrase: str, position: int) -> Speaker | None:
        """A role phrase through known role labels, then the article's own appositions."""
        role = normalize_role(phrase)
        if not role:
            return None
        exact = [p for p in self.people if any(normalize_role(r) == role for r in p.role_labels)]
        if len(exact) == 1:
            return self.person(exact[0].name)
        loose = [
            p
            for p in self.people
            if any(roles_match(role, normalize_role(r)) for r in p.role_labels)
        ]
        if len(loose) == 1:
            return self.person(loose[0].name)
        organization = self.known_organization(role)
        if organization is not None:
            return self.organization(organization.name)
        entries = self._roles.get(_unqualified(role).split()[-1], [])
        low = bisect.bisect_left(entries, position - LOOKBACK, key=lambda entry: entry[0])
        high = bisect.bisect_right(entries, position + LOOKBACK, key=lambda entry: entry[0])
        best: tuple[int, Speaker] | None = None
        for role_position, known_role, speaker in entries[low:high]:
            if roles_match(role, known_role):
                distance = abs(role_position - position)
                if best is None or distance < best[0]:
                    best = (distance, speaker)
        if best is None and " " not in role:
            return self._holder_of_office_word(role, position)
        return best[1] if best else None

    def _holder_of_office_word(self, word: str, position: int) -> Speaker | None:
        """'the detective' after 'Detective Inspector Claire Mottram': the person last named
        with that word in their office."""
        index = bisect.bisect_left(self._offices, position, key=lambda entry: entry[0])
        while index > 0 and self._offices[index - 1][0] >= position - LOOKBACK:
            index -= 1
            _, office, speaker = self._offices[index]
            words = [OFFICE_ABBREVIATIONS.get(w.rstrip("."), w) for w in office.split()]
            if word in words:
                return speaker
        return None

    # --- positions ----------------------------------------------------------------------

    def mentions_before(self, position: int, kind: str | None = None) -> Iterator[Mention]:
        """Mentions starting before ``position`` and within reach of it, nearest first."""
        index = bisect.bisect_left(self.mention_starts, position) - 1
        while index >= 0 and self.mentions[index].start >= position - LOOKBACK:
            if kind is None or self.mentions[index].kind == kind:
                yield self.mentions[index]
            index -= 1

    def mention_ending_at(self, position: int, window_start: int) -> Mention | None:
        index = bisect.bisect_left(self.mention_starts, position) - 1
        while index >= 0 and self.mentions[index].start >= window_start:
            if self.mentions[index].end == position:
                return self.mentions[index]
            index -= 1
        return None

    def mention_starting_at(self, position: int) -> Mention | None:
        index = bisect.bisect_left(self.mention_starts, position)
        if index < len(self.mentions) and self.mentions[index].start == position:
            return self.mentions[index]
        return None

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        low = bisect.bisect_left(self.mention_starts, start)
        high = bisect.bisect_left(self.mention_starts, end)
        return [m for m in self.mentions[low:high] if m.end <= end]


def _roles_around(masked: str, mention: Mention) -> list[str]:
    """Offices the article gives a person: 'Max Hill, the director of public prosecutions'."""
    # A capitalised office or description before the name is always the person's.
    office = [mention.office] if mention.office else []
    roles = []
    # The cheap character checks keep the regexes off the many names with no apposition.
    after = masked.startswith(",", mention.end) and APPOSITION_AFTER.match(
        masked, mention.end, mention.end + 80
    )
    if after:
        roles.append(after.group(1))
    window = masked[max(0, mention.start - 80) : mention.start].rstrip()
    before = None
    if window.endswith(","):
        before = APPOSITION_BEFORE.search(window)
    elif window[-1:].islower() and not ROLE_NOUNS.isdisjoint(window.split()[-3:]):
        # An office in lower case is at most three words, one of them its head noun.
        before = LOWERCASE_OFFICE_BEFORE.search(window + " ")
    if before:
        roles.append(before.group(1))
    return office + [role for role in roles if role_head(role) in ROLE_NOUNS]


def _nearest(occurrences: list[tuple[int, str]], position: int) -> str | None:
    """The full name mentioned last before ``position``, else the first one after it."""
    index = bisect.bisect_left(occurrences, position, key=lambda occurrence: occurrence[0])
    if index and occurrences[index - 1][0] >= position - LOOKBACK:
        return occurrences[index - 1][1]
    if index < len(occurrences) and occurrences[index][0] <= position + LOOKBACK:
        return occurrences[index][1]
    return None


def _strip_the(name: str) -> str:
    return name[4:] if name.startswith("The ") else name


def _org_key(name: str) -> str:
    return _strip_the(" ".join(name.split())).lower()
