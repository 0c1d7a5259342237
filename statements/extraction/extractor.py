"""Read an article sentence by sentence and collect the speech in it.

Each sentence is read once, in order, so the running state a reader keeps in their head is
available: who has just spoken (for "he said" and for quotes that stand alone after an
attributed one), and which role phrases still wait for a name (the news-lede pattern: "the
policing minister has told Sky News" before "Kit Malthouse said ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from statements.extraction.attribution import (
    SPEECH_VERB,
    SUBJECT_REACH,
    Subject,
    intro_allows,
    is_speech_content,
    last_speech_verb,
    subject_after,
    subject_before,
)
from statements.extraction.lexicon import (
    ADVERBIAL_STARTERS,
    CLAUSE_VERBS,
    DESCRIBING_VERBS,
    DOCUMENT_NOUNS,
    FUNCTION_WORDS,
    NOT_CLAUSE_STARTERS,
    ORGANIZATION_NOUNS,
    PARTICIPLE_CLAUSE_VERBS,
    PARTICIPLE_DESCRIBING_VERBS,
    PERSON_NOUNS,
    POLICE_NOUNS,
    PRONOUNS,
    QUOTE_ONLY_VERBS,
    REPLY_VERBS,
    ROLE_NOUNS,
    SAYING_VERBS,
    TELLING_VERBS,
    UNNAMED_PERSON_NOUNS,
    alternation,
)
from statements.extraction.names import (
    DATELINE,
    Mention,
    Registry,
    Speaker,
    find_mentions,
    role_head,
)
from statements.extraction.quotes import (
    MASK_CLOSE,
    MASK_OPEN,
    Quotation,
    find_quotations,
    mask,
)
from statements.extraction.schema import Candidate, Kind, KnownOrganization, KnownPerson
from statements.extraction.sentences import Sentence, split_sentences

# How much of a sentence around a candidate is shown to the reviewer, in characters; bad marks
# can make one "sentence" of a whole feed.
SENTENCE_CONTEXT = 400
# How many people a reader keeps in mind for "he" and "she".
FOCUS_MEMORY = 12
# How near (in characters) speech must be for "the statement said" to be the same speaker's.
RECENT_SPEECH = 600
# How many sentences a role phrase waits for the name that explains it.
LEDE_REACH = 2
# How many sentences "a judge" waits for a name with a judge's title.
TITLED_REACH = 4
TERM_BEFORE = re.compile(
    r"(?:so-called|dubbed|nicknamed|titled|entitled|headlined|known as|codenamed|code-named|"
    r"called|the (?:phrase|term|word|words|slogan|hashtag|motto|name|label)|novel|book|film|"
    r"song|album|show|series|programme|program|play|poem|campaign|operation|report)\s*$",
    re.IGNORECASE,
)
# The longest of those words, so only the end of the text before a mark need be searched.
TERM_WORD_LENGTH = 12
QUOTED_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
COORDINATED_SPEECH_VERB = re.compile(rf"\sand\s+(?:then\s+)?(?:{alternation(CLAUSE_VERBS)})\b")
THAT_OPENING = re.compile(r"\s+that\s+")
THAT_AFTER_VERB = re.compile(r"\s+((?:\S+\s+){0,8}?)that\s")
# Said where and when, one after another: "said in a statement on Tuesday".
TIME_ADVERBIAL = re.compile(
    r"(?:\s+(?:on\s+\w+day|last\s+\w+|this\s+\w+|yesterday|today|tonight|earlier|later|"
    r"in\s+a\s+statement(?:\s+(?:read|issued|released|posted|published)\s+(?:to|by|on)\s+"
    r"(?:the\s+)?[\w\-]+)?|in\s+an\s+interview)\b,?)+"
)
# "told News 6 the city ...": a broadcaster's name may end in its channel number.
CAPITALISED_LISTENER = re.compile(r"\s+(?:the\s+)?(?:[A-Z][\w’'\-.]*\s+)+(?:\d{1,3}\s+)?")
PLACE_AFTER_LISTENER = re.compile(r"(?:in|at)\s+(?:[A-Z][\w’'\-.]*\s+)+")
DETERMINED_LISTENER = re.compile(r"\s+(?:the|a|an|his|her|its|their)\s+\S+\s+")
ONE_WORD_LISTENER = re.compile(r"\s+\S+\s+")
ARTICLE_ONLY = re.compile(r"[Tt]he\s+")
# A description set before the name it describes: "his widow, Samira Rashid, said".
APPOSED_DESCRIPTION = re.compile(
    r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[\w\-]+['’]s)\s+[^,;:.\x02\x03]{1,50},\s*"
)
# The determiner a name after the quoted clause leaves behind: "the", "the country's".
LEADING_ARTICLE = re.compile(r"(?<![\w’'])(?:[Tt]he|[Aa]n?)(?:\s+[\w\-]+['’]s)?\s*$")
ROLE_LINK = re.compile(r"(?:['’]s)?\s+(?:[a-z\-]+\s+){0,2}?([a-z\-]+)\s+(?=[A-Z])")
INDEFINITE = re.compile(r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s")
BRANCH_PLACE = re.compile(r"\s+(?:in|at)\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*$")
AGE_DESCRIPTION = re.compile(r"\d+-year-old$")
SAYING_AFTER = re.compile(r",\s+(?:saying|adding)\b")
# A later verb that carries the speech: "asked about the decision ..., said trade ...".
LATER_SPEECH = re.compile(r",\s+(?:saying|adding|said|says|added|adds|told|tells)\b")
THAT_BEFORE = re.compile(r"\bthat\s+$")
# Scene-setting before a sentence's subject: "In Hazard, ...", "Earlier this year, ...".
LEADING_ADVERBIAL = re.compile(
    r"(?:In|At|On|Outside|Inside|Near|Across|After|Before|During|Elsewhere|Meanwhile|Earlier|"
    r"Later|Separately|Back in)\b[^,.;:\x02\x03]{0,50},\s+"
)
# A description straight after a name that introduces its bearer: ", who ...", ", 24, ...".
INTRODUCING_DESCRIPTION = re.compile(r",\s+(?:who|whose|an?\s|\d{1,3}(?:,|\s))")
# The subject of a participle in a "with" clause: "with a judge describing ...".
WITH_SUBJECT = re.compile(
    r"\bwith\s+((?:the|a|an|his|her|its|their)\s+[^,;:.\x02\x03]{1,40}?"
    r"|[A-Z][^\s,;:.\x02\x03]*(?:\s+[A-Z][^\s,;:.\x02\x03]*){0,4})\s*$"
)
OPENING_PRONOUN = re.compile(r"(He|She|They)\s")
# A role phrase that brings in someone new ("a judge"), named later with their title.
TITLED_ROLES = {"judge": ("Justice", "Judge")}
# A lower-case noun straight after a one-word quote, which the quote then qualifies.
MODIFIED_NOUN_AFTER = re.compile(
    r" (?!(?:and|or|but|to|the|a|an|of|in|on|at|by|for|with|from|that|as|is|was|were|are|"
    r"has|had|have|will|would|could|should|than|when|if|after|before|over|into|about)\b)"
    r"[a-z][a-z\-]+(?=[\s,.;:])"
)
ACCORDING_TO = re.compile(r"According to ([^,]{2,60}),\s*")
HEADLINE_SPEAKER = re.compile(r"^\s*([^,.;:]{1,40}):$")
# "..., and that letters like that kept him going" still reports the speaker.
NEW_CLAUSE_AFTER = re.compile(r",\s+(?:while|whereas|and|but)\s(?!that\b)")
REPLY_AFTER = re.compile(rf"\s+(?:{'|'.join(sorted(REPLY_VERBS))})\b")
OFFICE_BEFORE_NAME = re.compile(r"(?:[\w’'\-]+\s+){1,4}")
# "the Spaniard", "the Scot": a nationality standing for a person already in the story.
DEMONYM = re.compile(r"[Tt]he\s+[A-Z][a-z]+(?:man|woman)?$")
# A kind of body and its name: "consumer group Which?".
NAME_AFTER_BODY_KIND = re.compile(
    rf"(?<![\w\-])(?:{alternation(ORGANIZATION_NOUNS)})\s+([A-Z][^\s,;:]*(?:\s+[A-Z][^\s,;:]*)*)$"
)
CAPITALISED_WORD = re.compile(r"[A-Z][\w\-’'.&?]*")
POSSESSIVE = re.compile(r"\w['’]s?\s")
CLOSING_CHARACTERS = "”’\"'"
TRAILING_PUNCTUATION = " \t.?!…"


@dataclass
class _Draft:
    kind: Kind
    start: int
    end: int
    sentence: Sentence
    speaker: Speaker | None
    mention: str | None
    parts: tuple[tuple[int, int], ...] = ()


@dataclass
class _Pending:
    """A candidate whose speaker a later sentence should name."""

    draft: _Draft
    role: str | None
    sentence_index: int
    # "person", "organization" ("a committee of MPs has warned") or "speaker": a person who
    # speaks in their own name next ("A mother of three says ..." before "Kelly Barnes, 31,
    # ... says ...").
    wants: str = "person"


def extract(
    text: str,
    people: Sequence[KnownPerson] = (),
    organizations: Sequence[KnownOrganization] = (),
) -> list[Candidate]:
    """The direct, partial and reported speech in ``text``, in document order."""
    if not text or not text.strip():
        return []
    quotations = find_quotations(text)
    masked = mask(text, quotations)
    registry = Registry(masked, find_mentions(masked), people, organizations)
    return _Reader(text, masked, registry, quotations).read()


class _Reader:
    def __init__(
        self, text: str, masked: str, registry: Registry, quotations: list[Quotation]
    ) -> None:
        self.text = text
        self.masked = masked
        self.registry = registry
        self.quotations = quotations
        self.drafts: list[_Draft] = []
        # Who "he" and "she" can point back to, in the order they were last the subject: named
        # people, and unnamed ones ("her daughter") and spokespeople, whose name is None or
        # their organisation's.
        self.focus: list[Speaker] = []
        self.last_speaker: Speaker | None = None  # for quotes that stand alone after it
        self.pending: list[_Pending] = []
        self.named_in_sentence: Speaker | None = None
        self.speaking_in_sentence: Speaker | None = None  # the first named person to speak
        self.organization_in_sentence: Speaker | None = None
        # The body the last spokesperson spoke for: "the spokesperson said" is theirs again.
        self.spokesperson_for: Speaker | None = None
        # The last attributed draft, and whether its speaker is settled (not waiting for a
        # name in a later sentence).
        self.attributed: tuple[_Draft, bool] | None = None
        self.sentence = Sentence(0, 0)
        self.sentence_index = 0
        # A sentence of the writer's own since the last speech, and who it is about.
        self.interlude: tuple[Speaker | None] | None = None
        self._terms: dict[int, bool] = {}  # whether the quotation opening here is a term

    def read(self) -> list[Candidate]:
        sentences = split_sentences(self.masked)
        quotation_index = 0
        for index, sentence in enumerate(sentences):
            self.sentence = sentence
            self.sentence_index = index
            in_sentence = []
            while (
                quotation_index < len(self.quotations)
                and self.quotations[quotation_index].open_mark < sentence.end
            ):
                if self.quotations[quotation_index].open_mark >= sentence.start:
                    in_sentence.append(self.quotations[quotation_index])
                quotation_index += 1
            self.named_in_sentence = None
            self.speaking_in_sentence = None
            self.organization_in_sentence = None
            found_before = len(self.drafts)
            self._note_leading_person(sentence)
            if not self._direct_quotes(index, sentence, in_sentence):
                self._clause_speech(index, sentence, in_sentence)
            if len(self.drafts) == found_before:
                self._note_sentence_subject(sentence)
                if self.attributed is not None:
                    self.interlude = (self._interlude_subject(sentence),)
            else:
                self.interlude = None
            self._settle_pending(index)
        return [self._candidate(draft) for draft in self.drafts]

    # --- direct quotations ----------------------------------------------------------------

    def _direct_quotes(self, index: int, sentence: Sentence, quotations: list[Quotation]) -> bool:
        """Quotations that are whole utterances: attributed before ("said: “..."), after
        ("“...,” he said"), around ("“...,” he said, “...”"), or standing alone as a sentence
        after someone has spoken. Returns whether the sentence had any."""
        found = False
        position = 0
        while position < len(quotations):
            quotation = quotations[position]
            following = quotations[position + 1] if position + 1 < len(quotations) else None
            pre_start = sentence.start if position == 0 else quotations[position - 1].end
            post_end = following.open_mark if following else sentence.end
            pre = self.masked[pre_start : quotation.open_mark].rstrip()
            post = self.masked[quotation.end : post_end]
            content = self._quoted(quotation).strip()
            attribution: Subject | None = None
            standalone = False
            interrupted = False
            if not pre:
                attribution = self._attribution_after(quotation.end, post_end)
                standalone = attribution is None and not post.strip(" \t.?!…")
                interrupted = (
                    attribution is not None
                    and following is not None
                    and content.endswith(",")
                    and post.rstrip().endswith(",")
                )
            elif pre[-1] in ":," or (
                content[:1].isupper()
                and SPEECH_VERB.search(pre[-12:])
                and not TERM_BEFORE.search(pre[-40:])  # "so-called “Barbenheimer”"
                and not self._is_term(quotation)  # 'declared "Opel 4", the highest level'
            ):
                # After "said:" or "said," -- or straight after "said" when the quote opens
                # with a capital ("he said “We will ...”").
                attribution = self._attribution_before(pre_start, quotation.open_mark)
            if attribution is None and not standalone:
                position += 1
                continue
            parts = list(quotation.parts)
            if interrupted and following is not None:
                parts.extend(following.parts)
                position += 1
            draft = self._direct_draft(sentence, parts)
            if draft is not None:
                if attribution is not None and pre.endswith(":"):
                    # "She cautioned that the work was at an early stage: “This is mice.”"
                    reported = self._reported_before(sentence, pre_start, quotation.open_mark)
                    if reported is not None:
                        self._attribute(reported, attribution, index)
                        self.drafts.append(reported)
                if attribution is not None:
                    self._attribute(draft, attribution, index)
                else:
                    self._carry_speaker(draft, index)
                self.drafts.append(draft)
                found = True
            position += 1
        return found

    def _quoted(self, quotation: Quotation) -> str:
        return "".join(self.text[start:end] for start, end in quotation.parts)

    def _direct_draft(self, sentence: Sentence, parts: list[tuple[int, int]]) -> _Draft | None:
        trimmed = []
        for start, end in parts:
            while start < end and self.text[start].isspace():
                start += 1
            while end > start and self.text[end - 1].isspace():
                end -= 1
            if start < end:
                trimmed.append((start, end))
        if not trimmed:
            return None
        last_start, last_end = trimmed[-1]
        # The comma before the closing mark belongs to the attribution, not the speaker.
        while last_end > last_start and self.text[last_end - 1] in ", \t":
            last_end -= 1
        trimmed[-1] = (last_start, last_end)
        if not any(
            character.isalpha() for start, end in trimmed for character in self.text[start:end]
        ):
            return None
        return _Draft("direct", trimmed[0][0], trimmed[-1][1], sentence, None, None, tuple(trimmed))

    def _reported_before(self, sentence: Sentence, start: int, open_mark: int) -> _Draft | None:
        """The clause a speech verb reports before the colon that opens a quotation: "said
        that the work was at an early stage: “...”"."""
        verb = last_speech_verb(self.masked, start, open_mark)
        if verb is None or verb.group(1) not in CLAUSE_VERBS:
            return None
        that = THAT_OPENING.match(self.masked, verb.end(), open_mark)
        colon = self.masked.rfind(":", verb.end(), open_mark)
        if that is None or colon < that.end():
            return None
        end = that.end() + len(self.masked[that.end() : colon].rstrip())
        if len(self.masked[that.end() : end].split()) < 2:
            return None
        return _Draft("reported", that.end(), end, sentence, None, None)

    def _attribution_after(self, start: int, end: int) -> Subject | None:
        """'..., he said' or '..., said Mr Malthouse' after a closing mark."""
        lead = re.match(r"[\s,:]*", self.masked[start:end])
        assert lead is not None
        begin = start + lead.end()
        verb = SPEECH_VERB.search(self.masked, begin, min(end, begin + 120))
        if verb is None:
            return None
        if verb.start() == begin:
            return subject_after(self.masked, self.registry, verb.end(), end)
        subject = subject_before(self.masked, self.registry, begin, verb.start())
        if subject is None:
            return None
        if subject.start != begin and not (
            ARTICLE_ONLY.fullmatch(self.masked, begin, subject.start)
            or APPOSED_DESCRIPTION.fullmatch(self.masked, begin, subject.start)
            or _is_office_before_name(self.masked[begin : subject.start])
        ):
            return None  # the verb belongs to a later clause, not to this quotation
        return subject

    def _attribution_before(self, start: int, open_mark: int) -> Subject | None:
        """'Mr Malthouse said: “...' or a headline's 'Minister: ‘...'."""
        verb = last_speech_verb(self.masked, start, open_mark)
        if verb is not None:
            tail = self.masked[verb.end() : open_mark]
            if len(tail.split()) <= 10 and not re.search(r"[.?!\x02\x03]", tail):
                subject = subject_before(self.masked, self.registry, start, verb.start())
                if subject is not None:
                    return subject
                return subject_after(self.masked, self.registry, verb.end(), open_mark)
            return None
        headline = HEADLINE_SPEAKER.match(self.masked[start:open_mark].rstrip())
        if headline and len(headline.group(1).split()) <= 4:
            phrase_start = start + headline.start(1)
            phrase_end = start + headline.end(1)
            mention = self.registry.mention_starting_at(phrase_start)
            if mention is not None and mention.end == phrase_end:
                return Subject(phrase_start, phrase_end, "mention", headline.group(1), mention)
            return Subject(phrase_start, phrase_end, "phrase", headline.group(1))
        return None

    # --- partial quotations and reported speech ------------------------------------------

    def _clause_speech(self, index: int, sentence: Sentence, quotations: list[Quotation]) -> None:
        """The sentence's speech clause; two when a second speaker takes over after ", and"
        ("Network Rail said two lines had reopened, and Avanti said it expected ...")."""
        according = self._according_to(sentence)
        if according is not None:
            self._clause_draft(index, sentence, quotations, according)
            return
        resume = sentence.start
        for verb in SPEECH_VERB.finditer(self.masked, sentence.start, sentence.end):
            if verb.start() < resume:
                continue
            candidate = self._clause_for_verb(sentence, verb)
            if candidate is None:
                continue
            handover = self._clause_draft(index, sentence, quotations, candidate)
            if handover is None:
                continue
            if handover < 0:
                return
            resume = handover

    def _clause_draft(
        self,
        index: int,
        sentence: Sentence,
        quotations: list[Quotation],
        candidate: tuple[Subject, str, int, int],
    ) -> int | None:
        """Add the candidate's draft if its clause is speech. None if it is not; else where a
        second speaker takes over, or -1 when the clause runs on to its end."""
        subject, verb_word, clause_start, clause_end = candidate
        kind = self._clause_kind(subject, verb_word, clause_start, clause_end, quotations)
        if kind is None:
            return None
        handover = None
        if clause_start > subject.start:
            handover = self._second_speaker(clause_start, clause_end)
            if handover is not None:
                clause_end = handover
        if kind == "partial":
            clause_end = self._partial_end(clause_start, clause_end, quotations)
        draft = _Draft(kind, clause_start, clause_end, sentence, None, None)
        self._attribute(draft, subject, index)
        self.drafts.append(draft)
        return -1 if handover is None else handover

    def _second_speaker(self, start: int, end: int) -> int | None:
        """Where a reported clause hands over to a new speaker: the comma of ", and Avanti
        said ..."."""
        for joint in NEW_CLAUSE_AFTER.finditer(self.masked, start, end):
            verb = SPEECH_VERB.search(self.masked, joint.end(), min(end, joint.end() + 80))
            if verb is None or verb.group(1) not in CLAUSE_VERBS:
                continue
            subject = subject_before(self.masked, self.registry, joint.end(), verb.start())
            if subject is not None and subject.start == joint.end() and subject.kind != "phrase":
                return joint.start()
        return None

    def _clause_kind(
        self,
        subject: Subject,
        verb_word: str,
        clause_start: int,
        clause_end: int,
        quotations: list[Quotation],
    ) -> Kind | None:
        """Partial if the clause holds the speaker's quoted words, reported if it is speech
        content; None for a verb's plain object ("declared a state of emergency")."""
        fragments = [
            q
            for q in quotations
            if q.open_mark >= clause_start and q.end <= clause_end and not self._is_term(q)
        ]
        if fragments:
            return "partial"
        if clause_start < subject.start:
            # "Profits fell, the company said.": the words before the verb are what was said.
            return "reported" if verb_word in CLAUSE_VERBS else None
        introduced = THAT_BEFORE.search(self.masked, max(0, clause_start - 6), clause_start)
        if verb_word in QUOTE_ONLY_VERBS:
            return "reported" if introduced else None  # "replied that ...", "joked that ..."
        if verb_word not in CLAUSE_VERBS:
            return None
        if introduced or verb_word in SAYING_VERBS:
            return "reported"
        return "reported" if is_speech_content(self.text[clause_start:clause_end]) else None

    def _partial_end(self, start: int, end: int, quotations: list[Quotation]) -> int:
        """A partial quote ends with its last fragment when a new clause follows it: "called
        the album “her bravest”, while the NME ...", "“a proper reset”, and cut his target"."""
        for quotation in quotations:
            inside = quotation.open_mark >= start and quotation.end <= end
            if inside and NEW_CLAUSE_AFTER.match(self.masked, quotation.end, end):
                return quotation.end
        return end

    def _according_to(self, sentence: Sentence) -> tuple[Subject, str, int, int] | None:
        if not self.masked.startswith("According to ", sentence.start):
            return None
        match = ACCORDING_TO.match(self.masked, sentence.start, sentence.end)
        if not match:
            return None
        subject = subject_after(self.masked, self.registry, match.start(1), match.end(1))
        if subject is None or subject.mention is None or subject.mention.kind == "org":
            # "According to the budget office, ...", "according to figures": a source for
            # facts. Only a person's account is their speech.
            return None
        return self._with_clause_end(subject, "said", match.end(), sentence)

    def _clause_for_verb(
        self, sentence: Sentence, verb: re.Match[str]
    ) -> tuple[Subject, str, int, int] | None:
        word = verb.group(1)
        masked = self.masked
        if word in PARTICIPLE_DESCRIBING_VERBS:
            # "..., with a judge describing the killing as “senseless and cowardly”."
            subject = self._with_subject(sentence, verb.start())
            if subject is None:
                return None
            return self._with_clause_end(subject, word, verb.start(), sentence)
        if word in PARTICIPLE_CLAUSE_VERBS:
            # "..., with Northern warning that “very little” service would run."
            subject = self._with_subject(sentence, verb.start())
            if subject is not None:
                return self._with_clause_end(subject, word, self._clause_start(verb), sentence)
            if not masked[sentence.start : verb.start()].rstrip().endswith(","):
                return None
            subject = self._verb_subject(sentence, verb.start()) or self._sentence_subject(
                sentence, verb.start()
            )
            if subject is None:
                return None
            return self._with_clause_end(subject, word, self._clause_start(verb), sentence)
        subject = subject_before(masked, self.registry, sentence.start, verb.start())
        if subject is not None:
            before_start = max(sentence.start, subject.start - SUBJECT_REACH)
            before = masked[before_start : subject.start]
            # The name may leave its article behind: "..., the British Medical Association said".
            lead = LEADING_ARTICLE.sub("", before).rstrip()
            tail = masked[verb.end() : sentence.end]
            trailing = lead.endswith(",") and word not in DESCRIBING_VERBS
            if trailing and self._is_afterthought(
                tail, self.text[before_start : before_start + len(lead)]
            ):
                # "X will happen, the Swiss government said after two days of talks ...".
                clause_end: int | None = before_start + len(lead) - 1
                return self._with_clause_end(
                    subject, word, self._after_dateline(sentence), sentence, clause_end
                )
            if intro_allows(before, verb_follows=True):
                clause_start = (
                    verb.start() if word in DESCRIBING_VERBS else self._clause_start(verb)
                )
                clause_end = None
                first_word = masked[clause_start : clause_start + 12].split()[:1]
                if (
                    word not in DESCRIBING_VERBS
                    and first_word
                    and first_word[0] in NOT_CLAUSE_STARTERS
                    and LATER_SPEECH.search(masked, clause_start, sentence.end)
                ):
                    # "ruled out signings, saying ...", "asked about the decision ..., said":
                    # the later verb's clause speaks.
                    return None
                if word in DESCRIBING_VERBS and self._speech_verb_before_fragment(
                    verb.end(), sentence.end
                ):
                    # "called 999 and told the operator he had “come back ...”": the later
                    # verb's clause holds the words.
                    return None
                if word in DESCRIBING_VERBS:
                    # "defended the plans, saying ...": the saying clause is the speech.
                    saying = SAYING_AFTER.search(masked, clause_start, sentence.end)
                    clause_end = saying.start() if saying else None
                result = self._with_clause_end(subject, word, clause_start, sentence, clause_end)
                if result is not None and len(self.text[result[2] : result[3]].split()) >= 2:
                    return result
            # "Clashes ... were “distressing”, the policing minister has told Sky News."
            if trailing and self._is_short_tail(tail):
                clause_end = before_start + len(lead) - 1
                return self._with_clause_end(
                    subject, word, self._after_dateline(sentence), sentence, clause_end
                )
            return None
        # "..., said Mr Malthouse."
        before_start = max(sentence.start, verb.start() - SUBJECT_REACH)
        before = masked[before_start : verb.start()].rstrip()
        if before.endswith(",") and word not in DESCRIBING_VERBS:
            subject = subject_after(
                masked, self.registry, verb.end(), min(sentence.end, verb.end() + SUBJECT_REACH)
            )
            if subject is not None and self._is_short_tail(masked[subject.end : sentence.end]):
                clause_end = before_start + len(before) - 1
                return self._with_clause_end(
                    subject, word, self._after_dateline(sentence), sentence, clause_end
                )
        return None

    def _with_subject(self, sentence: Sentence, verb_start: int) -> Subject | None:
        """The subject of a participle in a "with" clause: "with a judge describing ...",
        "with Northern warning that ..."."""
        found = WITH_SUBJECT.search(self.masked, sentence.start, verb_start)
        if found is None:
            return None
        start, end = found.span(1)
        mention = self.registry.mention_starting_at(start)
        if mention is not None and mention.end == end:
            return Subject(start, end, "mention", found.group(1), mention)
        return Subject(start, end, "phrase", found.group(1))

    def _speech_verb_before_fragment(self, start: int, end: int) -> bool:
        """Whether a speech verb joined by "and" comes before the first quoted fragment."""
        fragment = self.masked.find(MASK_OPEN, start, end)
        if fragment < 0:
            return False
        return COORDINATED_SPEECH_VERB.search(self.masked, start, fragment) is not None

    def _after_dateline(self, sentence: Sentence) -> int:
        """Where the writer's words start: "JAKARTA, May 14 — " says where it was filed."""
        dateline = DATELINE.match(self.masked, sentence.start, sentence.end)
        return dateline.end() if dateline else sentence.start

    def _is_afterthought(self, tail: str, clause: str) -> bool:
        """Whether what follows a speech verb is only when and where it was said ("said on
        Tuesday, in a move that ...", "said after two days of talks"), so the speech is the
        clause before its subject."""
        if not is_speech_content(clause):
            return False
        adverbial = TIME_ADVERBIAL.match(tail)
        rest = tail[adverbial.end() :] if adverbial else tail
        if rest.lstrip().startswith(",") or (adverbial and adverbial.group().endswith(",")):
            return True  # "said on Tuesday, in a move that ...": the comma closes it
        words = rest.split()
        if not words or THAT_AFTER_VERB.match(tail):
            return False
        return words[0].lower() in ADVERBIAL_STARTERS

    def _is_short_tail(self, tail: str) -> bool:
        words = tail.split()
        return len(words) <= 8 and "that" not in words and MASK_OPEN not in tail

    def _clause_start(self, verb: re.Match[str]) -> int:
        """Where the reported clause begins after its verb, past listeners and 'that'."""
        position = verb.end()
        rest = self.masked[position : position + 200]
        that = THAT_AFTER_VERB.match(rest)
        if verb.group(1) in TELLING_VERBS:
            if that:
                return position + that.end()
            for listener in (CAPITALISED_LISTENER, DETERMINED_LISTENER, ONE_WORD_LISTENER):
                match = listener.match(rest)
                if match:
                    # "told reporters in Brisbane the scheme ...": where they were told is not
                    # what they were told.
                    place = PLACE_AFTER_LISTENER.match(rest, match.end())
                    return position + (place.end() if place else match.end())
            return position
        if that:
            words = that.group(1).split()
            if not words or words[0].lower() in ADVERBIAL_STARTERS or words[0][0].isupper():
                return position + that.end()
        adverbial = TIME_ADVERBIAL.match(rest)
        if adverbial:
            position += adverbial.end()
        while position < len(self.masked) and self.masked[position].isspace():
            position += 1
        return position

    def _with_clause_end(
        self,
        subject: Subject,
        verb_word: str,
        clause_start: int,
        sentence: Sentence,
        clause_end: int | None = None,
    ) -> tuple[Subject, str, int, int] | None:
        end = sentence.end if clause_end is None else clause_end
        # Drop the sentence's own full stop and any stray mark, but not a fragment's closing
        # mark, which keeps a full stop typed inside it ("... for years.”").
        while end > clause_start:
            character = self.text[end - 1]
            stray_mark = character in CLOSING_CHARACTERS and self.masked[end - 1] != MASK_CLOSE
            if not (character in TRAILING_PUNCTUATION or character == "," or stray_mark):
                break
            end -= 1
        if self.masked[clause_start : clause_start + 1] in (":", ""):
            return None
        if self.masked.startswith("to ", clause_start):
            return None  # "promised to end ...": an intention, not a report of words
        if end <= clause_start:
            return None
        return subject, verb_word, clause_start, end

    def _verb_subject(self, sentence: Sentence, limit: int) -> Subject | None:
        """The subject of the speech verb a ", saying" hangs on: "... after the Office of Rail
        and Road criticised Avanti's performance, saying ..."."""
        verb = last_speech_verb(self.masked, sentence.start, limit)
        if verb is None:
            return None
        subject = subject_before(self.masked, self.registry, sentence.start, verb.start())
        if subject is None:
            return None
        if subject.kind == "phrase" and not self.registry.mentions_between(
            subject.start, subject.end
        ):
            return None  # only a named subject: "the Office of Rail and Road", not "the row"
        return subject

    def _sentence_subject(self, sentence: Sentence, limit: int) -> Subject | None:
        limit = min(limit, sentence.start + SUBJECT_REACH)
        start = self._subject_start(sentence)
        pronoun = OPENING_PRONOUN.match(self.masked, start, limit)
        if pronoun:
            # "She thanked count staff, saying ...": the sentence's subject says it.
            return Subject(start, pronoun.end(1), "pronoun", pronoun.group(1))
        auxiliary = re.search(
            r"\s(?:has|have|had|is|was|were|are|will|would)\b", self.masked[sentence.start : limit]
        )
        if auxiliary:
            return subject_before(
                self.masked, self.registry, sentence.start, sentence.start + auxiliary.start() + 1
            )
        mentions = self.registry.mentions_between(sentence.start, limit)
        if mentions and intro_allows(self.masked[sentence.start : mentions[0].start]):
            first = mentions[0]
            # "Labour leader Keir Starmer hit back, saying ...": the office holder is the subject.
            link = ROLE_LINK.match(self.masked, first.end, first.end + 40)
            office_holder = len(mentions) > 1 and link and link.group(1) in ROLE_NOUNS
            if office_holder and link is not None and mentions[1].start == link.end():
                first = mentions[1]
            return Subject(
                first.start, first.end, "mention", self.masked[first.start : first.end], first
            )
        return None

    def _is_term(self, quotation: Quotation) -> bool:
        """Scare quotes, titles and quoted terms, which are nobody's words."""
        known = self._terms.get(quotation.open_mark)
        if known is None:
            known = self._terms[quotation.open_mark] = self._reads_as_term(quotation)
        return known

    def _reads_as_term(self, quotation: Quotation) -> bool:
        before = self.masked[max(0, quotation.open_mark - 40) : quotation.open_mark]
        # The word that makes it a term ends where the blanks before the mark begin.
        if TERM_BEFORE.search(before.rstrip()[-TERM_WORD_LENGTH:]):
            return True
        content = self._quoted(quotation).strip().rstrip(",")
        if (
            " " not in content
            and MODIFIED_NOUN_AFTER.match(self.masked, quotation.end)
            and not SPEECH_VERB.search(before[-25:])
        ):
            # "sent “catch-up” bills", "some form of “bell-to-bell” restriction": a coined
            # term, unless a speech verb gives it to someone ("hails ‘special’ win").
            return True
        words = QUOTED_WORD.findall(content)
        long_words = [word for word in words if len(word) >= 4]
        title_case = (
            bool(long_words)
            and content[:1].isupper()
            and all(word[0].isupper() for word in long_words)
        )
        return title_case and content[-1:] not in ".?!"

    # --- speakers -------------------------------------------------------------------------

    def _attribute(self, draft: _Draft, subject: Subject, index: int) -> None:
        draft.mention = self.text[subject.start : subject.end]
        speaker, waits_for = self._resolve(subject)
        draft.speaker = speaker
        if waits_for:
            self.pending.append(_Pending(draft, subject.text, index, waits_for))
        elif speaker is not None and speaker.name:
            self._note(speaker)
            if speaker.is_organization and self.organization_in_sentence is None:
                self.organization_in_sentence = speaker
            if not speaker.is_organization and self.speaking_in_sentence is None:
                self.speaking_in_sentence = speaker
        referent = self._referent(subject, speaker)
        if referent is not None:
            self._note_referent(referent)
            speaker = referent if referent.name is None else speaker
        self.last_speaker = speaker if speaker and (speaker.name or speaker.unnamed) else None
        self.attributed = (draft, waits_for is None)

    def _carry_speaker(self, draft: _Draft, index: int) -> None:
        """A quote standing alone keeps the voice of the quote before it, even one the
        article does not name: a person merely named afterwards does not take it."""
        previous, settled = self.attributed or (None, False)
        recent = previous is not None and draft.start - previous.end < RECENT_SPEECH
        if self.interlude is not None:
            # The writer spoke in between: the quote is whoever that sentence is about ("Our
            # reporter Callum Baird is in Largs. He sends this:"), and nobody the reader can be
            # sure of when it is about no one ("came a cry from the Tory benches").
            draft.speaker = self.interlude[0]
            self.last_speaker = draft.speaker
        elif self.last_speaker is not None:
            draft.speaker = self.last_speaker
        elif recent and settled and self.drafts and self.drafts[-1] is previous:
            draft.speaker = None
        else:
            self.pending.append(_Pending(draft, None, index))

    def _interlude_subject(self, sentence: Sentence) -> Speaker | None:
        """Who a sentence without speech is about: the person or body that opens it, or the
        person a "he" or "she" opening it points to."""
        if self.named_in_sentence is not None:
            return self.named_in_sentence
        if self.organization_in_sentence is not None:
            return self.organization_in_sentence
        pronoun = OPENING_PRONOUN.match(self.masked, self._subject_start(sentence), sentence.end)
        if pronoun and pronoun.group(1) != "They":
            return self._resolve_pronoun(pronoun.group(1).lower(), position=sentence.start)
        return None

    def _resolve(self, subject: Subject) -> tuple[Speaker | None, str | None]:
        """The speaker a subject stands for, or what kind of name it waits for in the next
        sentence ("person", "organization")."""
        registry = self.registry
        if subject.kind == "pronoun":
            replying = REPLY_AFTER.match(self.masked, subject.end) is not None
            return self._resolve_pronoun(subject.text.lower(), replying, subject.start), None
        if subject.kind == "mention" and subject.mention is not None:
            return registry.resolve_mention(subject.mention), None
        if subject.kind == "spokesperson":
            return self._resolve_spokesperson(subject), None
        head = subject.head
        if head in POLICE_NOUNS:
            return registry.organization_like("police", subject.start), None
        indefinite = INDEFINITE.match(subject.text) is not None
        if indefinite and head not in ORGANIZATION_NOUNS and head not in TITLED_ROLES:
            # "another parent", "one resident": someone new, unnamed; "a headteacher", or
            # anyone opening the article ("A mother of three says ..."), is named by the next
            # sentence.
            opens_article = self.sentence_index == 0 and subject.start in (
                self.sentence.start,
                self._after_dateline(self.sentence),
            )
            if opens_article and head in UNNAMED_PERSON_NOUNS:
                return None, "speaker"
            return None, "person" if head in ROLE_NOUNS else None
        if head in DOCUMENT_NOUNS:
            return self._document_body(subject, head), None
        by_role = registry.resolve_role(subject.text, subject.start)
        if by_role is not None:
            return by_role, None
        if head in ORGANIZATION_NOUNS:
            described = registry.described_body(subject.start + 4)
            if described is not None:
                return described, None  # "the Polish agriculture ministry said"
            named = [
                mention
                for mention in registry.mentions_between(subject.start, subject.end)
                if mention.kind == "org" and not mention.possessive
            ]
            if named:
                # "The PCS union": the body the phrase names.
                return registry.organization(named[0].name, named[0].start), None
            if INDEFINITE.match(subject.text):
                # "a committee of MPs has warned": named in the next sentence, if at all.
                return None, "organization"
            body = registry.organization_like(head, subject.start)
            # "..., their union has announced" before any union is named: the next sentence
            # names it ("The drivers' union Aslef said ...").
            return body, "organization" if body is None else None
        named_body = _body_named_in(subject.text)
        if named_body is not None:
            # "Consumer group Which?", "Manchester Airport": a body by its name.
            return registry.organization(named_body, subject.start), None
        if INDEFINITE.match(subject.text) and head in TITLED_ROLES:
            # "a judge describing ...": someone new, named later as "Mr Justice Harcourt".
            return None, "titled"
        if head in ROLE_NOUNS or _describes_person(subject.text, head):
            # "The Portuguese coach", "the 24-year-old": the person the story is about.
            person = self._person_in_focus()
            if person is not None:
                return person, None
            return None, "person" if head in ROLE_NOUNS else None
        if _is_definite_description(subject.text, head):
            # "the festival" after "Brackenfield Festival": the body named with that noun.
            body_with_head = registry.named_with_head(head, subject.start)
            if body_with_head is not None:
                return body_with_head, None
            # "the backbencher", "the playwright": whoever the story is about, else the body
            # last named ("the forecaster said" after "the Met Office issued ...").
            person = self._person_in_focus()
            if person is not None:
                return person, None
            return registry.latest_organization(subject.start), None
        return None, None

    def _document_body(self, subject: Subject, noun: str) -> Speaker | None:
        """'the report said': the body whose report the article named ("Ofsted's report"),
        else the body that last spoke, else the body last named."""
        # The body may be named in the subject itself: "Ofsted's report on the school".
        for mention in self.registry.mentions_before(subject.end):
            if mention.possessive and re.match(
                rf"['’]s\s+(?:[\w\-]+\s+){{0,2}}{noun}\b",
                self.masked[mention.end : mention.end + 40],
            ):
                if mention.kind == "reference" and not self._names_somebody(mention):
                    # "Ofsted's report": one word that is nobody's name is the body's.
                    return self.registry.organization(mention.name, mention.start)
                return self.registry.resolve_mention(mention)
        if self.drafts and subject.start - self.drafts[-1].end < RECENT_SPEECH:
            # "Callum's family said ... “...,” the statement said": whoever just spoke.
            return self.drafts[-1].speaker
        return self.registry.latest_organization(subject.start)

    def _person_in_focus(self) -> Speaker | None:
        """The person the story is about just now: the last named one who spoke or opened a
        sentence."""
        for speaker in reversed(self.focus):
            if speaker.name and not speaker.is_organization:
                return speaker
        return None

    def _resolve_pronoun(
        self, pronoun: str, replying: bool = False, position: int = 0
    ) -> Speaker | None:
        """The person "he" or "she" points back to; "they" and "it" to the body that last
        spoke, and "it" else to the body last named. Someone replying is not the one who just
        spoke: "she replied" after "Ms Delacourt asked" is the witness, not the barrister."""
        if pronoun in ("they", "it"):
            if self.last_speaker and self.last_speaker.is_organization:
                return self.last_speaker
            if pronoun == "it":
                body = next(self.registry.mentions_before(position, kind="org"), None)
                if body is not None:
                    return self.registry.resolve_mention(body)
            return None
        gender = PRONOUNS[pronoun]
        for speaker in reversed(self.focus):
            if replying and self.last_speaker and speaker.name == self.last_speaker.name:
                continue
            if speaker.is_organization and speaker.gender is None:
                continue  # "she" is a person: a body speaks as "it" or through a spokeswoman
            known_gender = speaker.gender or self.registry.genders.get(speaker.name or "")
            if known_gender in (None, gender):
                if speaker.name and not speaker.is_organization and gender:
                    # "He said ..." tells the reader Sgt Pritchard is a man: a later "she" is
                    # someone else.
                    self.registry.genders.setdefault(speaker.name, gender)
                return speaker
        return self._person_mentioned_before(position, gender)

    def _person_mentioned_before(self, position: int, gender: str | None) -> Speaker | None:
        """With nobody in focus, the person last named: "For Sam Okoro, the weekly shop ...
        “If I go over £45 ...,” he says"."""
        for mention in self.registry.mentions_before(position, kind="person"):
            speaker = self.registry.resolve_mention(mention)
            if not speaker.name or speaker.is_organization:
                continue
            known_gender = speaker.gender or self.registry.genders.get(speaker.name)
            if known_gender in (None, gender):
                return speaker
        return None

    def _referent(self, subject: Subject, speaker: Speaker | None) -> Speaker | None:
        """What a later "he" or "she" can point back to when the subject is not a named
        person: an unnamed one ("the victim's daughter told the BBC", "one resident said") or
        a spokesperson whose noun has a gender ("a spokeswoman for the federation")."""
        if subject.kind == "spokesperson":
            if speaker is not None and speaker.is_organization:
                for word in subject.text.lower().split():
                    if word in ("spokesman", "spokeswoman"):
                        return replace(speaker, gender="m" if word == "spokesman" else "f")
            return None
        if subject.kind != "phrase" or speaker is not None:
            return None
        head = subject.head
        if head not in UNNAMED_PERSON_NOUNS or _describes_person(subject.text, head):
            return None
        return Speaker(None, gender=UNNAMED_PERSON_NOUNS[head], unnamed=True)

    def _resolve_spokesperson(self, subject: Subject) -> Speaker | None:
        speaker = self._spokesperson_body(subject)
        if speaker is not None:
            self.spokesperson_for = speaker
        return speaker

    def _spokesperson_body(self, subject: Subject) -> Speaker | None:
        hint = subject.hint
        if not hint:
            if ARTICLE_ONLY.match(subject.text) and self.spokesperson_for is not None:
                return self.spokesperson_for
            return self.registry.organization_like("company", subject.start)
        # "a spokesperson for the NEU in Leeds": the body, not its branch.
        hint = BRANCH_PLACE.sub("", hint)
        if hint[0].isupper():
            for mention in self.registry.mentions_before(
                subject.start + len(subject.text), kind="org"
            ):
                if mention.name == hint or mention.name.startswith(hint + " "):
                    return self.registry.organization(mention.name, mention.start)
            known = self.registry.known_organization(hint)
            if known is not None:
                return self.registry.organization(known.name)
            return self.registry.organization(hint, subject.start)
        if role_head(hint) in ROLE_NOUNS:
            # "a spokesperson for the governor": the office holder's own spokesperson.
            holder = self.registry.resolve_role(hint, subject.start)
            if holder is not None:
                return holder
        return self.registry.organization_like(hint.split()[-1], subject.start)

    def _note(self, speaker: Speaker) -> None:
        if speaker.is_organization or not speaker.name:
            return
        self._note_referent(speaker)
        if self.named_in_sentence is None:
            self.named_in_sentence = speaker

    def _note_referent(self, speaker: Speaker) -> None:
        kept = [s for s in self.focus[-FOCUS_MEMORY:] if s.name != speaker.name]
        self.focus = [*kept, speaker]

    def _note_sentence_subject(self, sentence: Sentence) -> None:
        self._note_opening_subject(sentence)
        self._note_introductions(sentence)

    def _note_leading_person(self, sentence: Sentence) -> None:
        """A person named at the very start of a sentence is its subject, and a "she" later
        in it points back to them: "Hart is candid about ..., when she says ..."."""
        mention = self.registry.mention_starting_at(self._subject_start(sentence))
        if mention is None or mention.kind == "org" or mention.possessive:
            return
        if not self._names_somebody(mention):
            return
        speaker = self.registry.resolve_mention(mention)
        if speaker.name and not speaker.is_organization:
            self._note_referent(speaker)

    def _subject_start(self, sentence: Sentence) -> int:
        """Where the sentence's subject can start: "In Hazard, Linda Combs, 67, waited ..."
        puts it after the scene-setting."""
        scene = LEADING_ADVERBIAL.match(self.masked, sentence.start, sentence.end)
        return scene.end() if scene else sentence.start

    def _names_somebody(self, mention: Mention) -> bool:
        """Not a lone capitalised word that names nobody: "Denver" in "Denver coach Mike
        Sato"."""
        return (
            mention.kind != "reference"
            or mention.honorific is not None
            or self.registry.is_known_surname(mention.name)
        )

    def _note_opening_subject(self, sentence: Sentence) -> None:
        start = self._subject_start(sentence)
        for mention in self.registry.mentions_between(start, min(sentence.end, start + 80)):
            # Only a name that opens the sentence is its subject; an organisation there
            # means the sentence is about it, not about a person, unless it qualifies an
            # office before a name ("Manchester United manager Ruben Amorim watched").
            if mention.kind == "org":
                link = ROLE_LINK.match(self.masked, mention.end, mention.end + 40)
                if link and link.group(1) in ROLE_NOUNS:
                    continue
                if self.organization_in_sentence is None and intro_allows(
                    self.masked[start : mention.start]
                ):
                    self.organization_in_sentence = self.registry.resolve_mention(mention)
                return
            if not intro_allows(self.masked[start : mention.start]):
                return
            if not self._names_somebody(mention):
                continue
            self._note(self.registry.resolve_mention(mention))
            return

    def _note_introductions(self, sentence: Sentence) -> None:
        """A person named for the first time and described on the spot ("from substitute
        Jordan Mensah, who had been on the pitch for six minutes") has been brought into the
        story: "the 24-year-old said" next points to them, wherever the name stood."""
        for mention in self.registry.mentions_between(sentence.start, sentence.end):
            if mention.kind != "person" or mention.possessive:
                continue
            if self.registry.first_person_mention(mention.name) != mention.start:
                continue
            if INTRODUCING_DESCRIPTION.match(self.masked, mention.end, sentence.end):
                self._note_referent(self.registry.resolve_mention(mention))

    def _titled_in_sentence(self, pending: _Pending) -> Speaker | None:
        titles = TITLED_ROLES.get(role_head(pending.role or ""), ())
        sentence = self.sentence
        for mention in self.registry.mentions_between(sentence.start, sentence.end):
            honorific = (mention.honorific or "").split()
            if mention.kind != "org" and any(title in honorific for title in titles):
                return self.registry.resolve_mention(mention)
        return None

    def _settle_pending(self, index: int) -> None:
        if not self.pending:
            return
        still_waiting = []
        for pending in self.pending:
            if pending.wants == "titled":
                named = self._titled_in_sentence(pending)
                if named is not None:
                    pending.draft.speaker = named
                elif index - pending.sentence_index <= TITLED_REACH:
                    still_waiting.append(pending)
                continue
            if pending.wants == "organization":
                named = self.organization_in_sentence
            elif pending.wants == "speaker":
                named = self.speaking_in_sentence
            else:
                named = self.named_in_sentence
            if named is not None and pending.sentence_index < index:
                pending.draft.speaker = named
                if pending.role and not named.is_organization:
                    self.registry.add_role(pending.draft.start, pending.role, named)
            elif index - pending.sentence_index < LEDE_REACH:
                still_waiting.append(pending)
        self.pending = still_waiting

    def _candidate(self, draft: _Draft) -> Candidate:
        speaker = draft.speaker
        return Candidate(
            kind=draft.kind,
            text=self.text[draft.start : draft.end],
            start=draft.start,
            end=draft.end,
            speaker=speaker.name if speaker else None,
            person=speaker.person if speaker else None,
            organization=speaker.organization if speaker else None,
            speaker_mention=draft.mention,
            sentence=self.text[
                max(draft.sentence.start, draft.start - SENTENCE_CONTEXT) : min(
                    draft.sentence.end, draft.end + SENTENCE_CONTEXT
                )
            ],
            quoted_parts=draft.parts,
        )


def _is_office_before_name(words: str) -> bool:
    """'EU trade commissioner ', 'Castlebridge boss ': an office set before a name."""
    if not OFFICE_BEFORE_NAME.fullmatch(words):
        return False
    head = words.split()[-1].lower()
    return head in ROLE_NOUNS or head in PERSON_NOUNS


def _body_named_in(phrase: str) -> str | None:
    """The name of a body a subject phrase gives: the name after a kind of body ("consumer
    group Which?"), or a name of several capitalised words that names no person ("Manchester
    Airport", which reads like a place)."""
    after_kind = NAME_AFTER_BODY_KIND.search(phrase)
    if after_kind is not None:
        return after_kind.group(1)
    words = phrase.split()
    capitalised = all(CAPITALISED_WORD.fullmatch(word) for word in words)
    if len(words) >= 2 and capitalised and words[0] not in FUNCTION_WORDS:
        return phrase
    return None


def _is_definite_description(phrase: str, head: str) -> bool:
    """'the backbencher', 'the fly-half', 'the Welshman': 'the' and a few words ending in a noun
    that names no body and no unnamed relation ('the woman' is someone the story has not
    named)."""
    words = phrase.split()
    return (
        len(words) <= 4
        and words[0].lower() == "the"
        and not POSSESSIVE.search(phrase)
        and head.replace("-", "").isalpha()
        and not (head.endswith("s") and not head.endswith("ss"))  # "the researchers": a group
        and head not in UNNAMED_PERSON_NOUNS
        and head not in ORGANIZATION_NOUNS
    )


def _describes_person(phrase: str, head: str) -> bool:
    """'the 24-year-old', 'the striker', 'the Spaniard': a definite description of someone
    already named."""
    # "the victim's mother" is someone new, related to a person in the story.
    definite = phrase[:4].lower() == "the " and not POSSESSIVE.search(phrase)
    return definite and (
        head in PERSON_NOUNS
        or AGE_DESCRIPTION.search(head) is not None
        or DEMONYM.match(phrase.strip()) is not None
    )
