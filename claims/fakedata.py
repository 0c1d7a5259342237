"""Fake claims, verdicts, propositions and stances for `generate_fake`, made after the
statements from the sample of them the statements' builder keeps (World.statement_sample).

The shape: a few claims per thousand statements, most made once or twice, one repeated by
1,200 statements (the benchmark's "claim with 1,000+ statements"); a proposition per ten
thousand statements, one with 1,200 stances; people mostly keep their position, and some
change it. Nine in ten claims are published with a published verdict; some verdicts replaced
an earlier one. Registered with the statements' generator by ClaimsConfig.ready().
"""

from collections.abc import Iterator

from django.db import models

from statements.fakedata.prose import Prose
from statements.fakedata.records import Record, Slugs, Table, World, table
from statements.fakedata.shapes import Weighted, between

from .models import Claim, Proposition, Stance, Verdict

CLAIMS = table(
    Claim,
    "id text short_text slug status verdict rated_on editor_notes created_at updated_at",
)
CLAIM_STATEMENTS = table(Claim.statements.through, "id claim statement")
VERDICTS = table(
    Verdict,
    "id claim rating finding change_reason is_demo status reviewed_on published_at created_at",
)
PROPOSITIONS = table(Proposition, "id question slug description created_at")
STANCES = table(Stance, "id proposition statement position")
MODELS: dict[Table, type[models.Model]] = {
    CLAIMS: Claim,
    CLAIM_STATEMENTS: Claim.statements.through,
    VERDICTS: Verdict,
    PROPOSITIONS: Proposition,
    STANCES: Stance,
}

CLAIMS_PER_THOUSAND = 3
STATEMENTS_PER_PROPOSITION = 10_000
BIGGEST = 1_200  # statements of the most repeated claim, stances of the biggest proposition
# How many statements make a claim, and stances a proposition, below the biggest.
REPEATS = {1: 60, 2: 20, 3: 10, 5: 6, 10: 3, 40: 1}
STANCES_PER_PROPOSITION = {5: 30, 15: 30, 40: 25, 120: 15}
RATINGS = {
    "true": 8,
    "mostly-true": 12,
    "half-true": 16,
    "misleading": 14,
    "mostly-false": 16,
    "false": 20,
    "unsubstantiated": 10,
    "not-yet-rated": 4,
}
PUBLISHED_SHARE = 0.9
REVISED_SHARE = 0.08  # claims whose verdict replaced an earlier published one
KEEPS_POSITION = 0.85  # the chance a person's next stance is the one they took before
POSITIONS = ("supports", "opposes", "neutral")


def short_form(text: str, limit: int = 74) -> str:
    """The claim cut at a word under `limit` characters, without its full stop."""
    text = text.rstrip(".?")
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",")


def claims(world: World) -> Iterator[Record]:
    rng = world.rng("claims")
    prose = Prose(rng)
    iso = world.calendar.iso
    pool = sorted(world.statement_sample)
    if not pool:
        return
    shuffled = pool[:]
    rng.shuffle(shuffled)
    repeats = Weighted.of(REPEATS)
    ratings = Weighted.of(RATINGS)
    slugs = Slugs(80)
    claim_count = max(3, world.sizes.statements * CLAIMS_PER_THOUSAND // 1000)
    link_row = 1
    next_verdict = claim_count + 1  # a claim's current verdict has its id; earlier ones after
    for claim_id in range(1, claim_count + 1):
        count = min(BIGGEST, len(pool) // 4) if claim_id == 1 else repeats.draw(rng)
        made_by = shuffled[:count] if claim_id == 1 else rng.sample(pool, min(count, len(pool)))
        first_day = min(day for _, _, day in made_by)
        rated = first_day + between(rng, 1, 30)
        text = prose.sentence(8, 18)
        # The most repeated claim is a public fact-check: the benchmark's "claim with 1,000+".
        published = rng.random() < PUBLISHED_SHARE or claim_id == 1
        stamp = f"{iso(rated)} 12:00:00"
        yield (
            CLAIMS,
            (
                claim_id,
                text,
                short_form(text),
                slugs(short_form(text, 60)),
                "published" if published else "draft",
                claim_id,
                iso(rated),
                "",
                stamp,
                stamp,
            ),
        )
        for statement_id, _, _ in made_by:
            yield CLAIM_STATEMENTS, (link_row, claim_id, statement_id)
            link_row += 1
        if rng.random() < REVISED_SHARE:
            earlier = max(first_day, rated - between(rng, 30, 300))
            yield (
                VERDICTS,
                (
                    next_verdict,
                    claim_id,
                    ratings.draw(rng),
                    prose.sentences(2),
                    "",
                    False,
                    "published",
                    iso(earlier),
                    f"{iso(earlier)} 12:00:00",
                    f"{iso(earlier)} 09:00:00",
                ),
            )
            next_verdict += 1
            reason = prose.sentence()
        else:
            reason = ""
        yield (
            VERDICTS,
            (
                claim_id,
                claim_id,
                ratings.draw(rng),
                prose.sentences(2),
                reason,
                False,
                "published",
                iso(rated),
                stamp,
                f"{iso(rated)} 09:00:00",
            ),
        )
    yield from propositions(world, pool)


def propositions(world: World, pool: list[tuple[int, int, int]]) -> Iterator[Record]:
    rng = world.rng("propositions")
    prose = Prose(rng)
    iso = world.calendar.iso
    sizes = Weighted.of(STANCES_PER_PROPOSITION)
    slugs = Slugs(80)
    stance_row = 1
    for proposition_id in range(
        1, max(2, world.sizes.statements // STATEMENTS_PER_PROPOSITION) + 1
    ):
        question = f"Should {prose.clause(4, 9).replace(',', '')}?"
        yield (
            PROPOSITIONS,
            (proposition_id, question[:200], slugs(question[:70]), "", f"{iso(0)} 12:00:00"),
        )
        count = min(BIGGEST if proposition_id == 1 else sizes.draw(rng), len(pool))
        # In the order they were said, so each speaker's position changes only now and then.
        taken = sorted(rng.sample(pool, count), key=lambda row: (row[2], row[0]))
        held: dict[int, str] = {}
        for statement_id, speaker_id, _ in taken:
            position = held.get(speaker_id)
            if position is None or rng.random() > KEEPS_POSITION:
                position = rng.choice(POSITIONS)
            held[speaker_id] = position
            yield STANCES, (stance_row, proposition_id, statement_id, position)
            stance_row += 1
