"""Fake records, one function per kind, in the order they are written.

Each builder takes the `World`, reads what earlier builders left in it (the statements builder
needs people's roles, sources' dates, events' spans) and yields `(table, row)` pairs, rows in
the database's own format: ints, strings (dates as YYYY-MM-DD, times in UTC) or None, with
explicit ids from 1. Each kind draws from its own random stream (`world.rng(kind)`), so the
same seed and sizes always give the same rows, on PostgreSQL and SQLite alike, and changing one
builder leaves the other kinds as they were.

Claims, when they exist, are one more builder at the end of BUILDERS.
"""

import string
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from random import Random

from django.db import models
from django.utils.text import slugify
from taggit.models import Tag

from events.models import Event, Participation
from people.models import Organization, OtherName, Person, PersonLink, Role, default_sort_name
from statements.models import Source, Statement, StatementEventLink, TaggedStatement

from . import lexicon, shapes
from .prose import Prose
from .shapes import Weighted, between

Value = int | str | None
Row = tuple[Value, ...]


@dataclass(frozen=True)
class Table:
    """A table and the columns its rows give, in order."""

    name: str
    columns: tuple[str, ...]


def table(model: type[models.Model], fields: str) -> Table:
    """The table of `model`, with the columns of the named fields."""
    columns = []
    for name in fields.split():
        field = model._meta.get_field(name)
        if not isinstance(field, models.Field) or not field.column:
            raise TypeError(f"{model.__name__}.{name} is not a column.")
        columns.append(field.column)
    return Table(model._meta.db_table, tuple(columns))


ORGANIZATIONS = table(Organization, "id name slug classification url")
PEOPLE = table(Person, "id name slug sort_name summary image_url wikidata_qid editor_notes")
OTHER_NAMES = table(OtherName, "id person name note")
PERSON_LINKS = table(PersonLink, "id person url label")
ROLES = table(Role, "id person organization title label start_date end_date")
EVENTS = table(Event, "id title slug start_date start_time end_date location description parent")
PARTICIPATIONS = table(Participation, "id event person role")
SOURCES = table(Source, "id outlet title url published_on medium archive_url")
TAGS = table(Tag, "id name slug")
STATEMENTS = table(
    Statement,
    "id text kind speaker organization attribution role said_on said_at source context status"
    " editor_notes created_at updated_at",
)
STATEMENT_TAGS = table(TaggedStatement, "id tag content_object")
# With the copies of the statement's date, time and status the links carry (StatementEventLink).
STATEMENT_EVENTS = table(StatementEventLink, "id statement event said_on said_at status")

Record = tuple[Table, Row]

# A role still held ends after every day.
OPEN = 10**9


@dataclass
class OrganizationPlan:
    id: int
    name: str
    slug: str
    classification: str
    place: str = ""
    portfolio: str = ""
    short: str = ""

    @property
    def domain(self) -> str:
        return f"www.{self.slug}.example"


@dataclass
class RolePlan:
    id: int
    organization: OrganizationPlan
    title: str
    label: str
    start: int
    end: int | None


@dataclass
class PersonPlan:
    id: int
    name: str
    slug: str
    given: str
    family: str
    female: bool
    roles: list[RolePlan]
    # The days they speak on (day indexes): from their first role to two years after their last.
    first_day: int = 0
    last_day: int = 0
    role_starts: list[int] = field(default_factory=list)
    role_ends: list[int] = field(default_factory=list)

    def in_role_within(self, low: int, high: int) -> tuple[int, int]:
        """The days from `low` to `high` in the first role they held in that time, or all of
        them when they held none: people who speak about an event mostly held a role then."""
        for start, end in zip(self.role_starts, self.role_ends, strict=True):
            if start <= high and end >= low:
                return max(low, start), min(high, end)
        return low, high

    def role_on(self, day: int) -> int | None:
        """The id of the role held on `day`, as Statement.save() would find it (roles follow
        one another, so at most one covers a day), or None."""
        index = bisect_right(self.role_starts, day) - 1
        if index >= 0 and day <= self.role_ends[index]:
            return self.roles[index].id
        return None


@dataclass
class EventPlan:
    id: int
    title: str
    start: int
    end: int | None
    parent: "EventPlan | None"

    @property
    def root(self) -> "EventPlan":
        return self.parent.root if self.parent else self


@dataclass
class World:
    """What a run is making, filled in builder by builder."""

    sizes: shapes.Sizes
    seed: int
    calendar: shapes.Calendar = field(default_factory=shapes.Calendar)
    organizations: list[OrganizationPlan] = field(default_factory=list)
    people: list[PersonPlan] = field(default_factory=list)
    speaker_weights: list[float] = field(default_factory=list)
    events: list[EventPlan] = field(default_factory=list)
    event_weights: list[float] = field(default_factory=list)
    source_days: list[int] = field(default_factory=list)
    tag_ids: list[int] = field(default_factory=list)
    tag_weights: list[float] = field(default_factory=list)
    # A sample of the published statements by named speakers, for the builders that come
    # after the statements (claims, stances): (statement id, speaker id, day).
    statement_sample: list[tuple[int, int, int]] = field(default_factory=list)

    def rng(self, kind: str) -> Random:
        """The random stream of one kind of record (a string seed is hashed the same way on
        every run and machine)."""
        return Random(f"{self.seed}:{kind}")

    def of(self, *classifications: str) -> list[OrganizationPlan]:
        return [o for o in self.organizations if o.classification in classifications]

    def source_near(self, rng: Random, day: int) -> int:
        """The id of a source published on `day` or the two days after; else the nearest
        later one; else the last."""
        days = self.source_days
        low, high = bisect_left(days, day), bisect_right(days, day + 2)
        index = between(rng, low, high - 1) if low < high else min(low, len(days) - 1)
        return index + 1


class Slugs:
    """Unique slugs: "john-smith", then "john-smith-2"."""

    def __init__(self, max_length: int) -> None:
        self.max_length = max_length
        self.taken: set[str] = set()

    def __call__(self, text: str) -> str:
        base = slugify(text)[: self.max_length].strip("-") or "x"
        slug, n = base, 1
        while slug in self.taken:
            n += 1
            suffix = f"-{n}"
            slug = base[: self.max_length - len(suffix)] + suffix
        self.taken.add(slug)
        return slug


def pick(rng: Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def share_out(total: int, shares: dict[str, float]) -> dict[str, int]:
    """`total` split by `shares`, each at least 1, summing to `total` (largest remainders)."""
    counts = {key: max(1, int(total * share)) for key, share in shares.items()}
    by_remainder = sorted(shares, key=lambda key: total * shares[key] - counts[key], reverse=True)
    for key in by_remainder[: max(0, total - sum(counts.values()))]:
        counts[key] += 1
    return counts


def ranked_weights(ranks: list[int], top_share: float) -> list[float]:
    """Cumulative long-tail weights (see shapes.long_tail) of records in their own order,
    record i being the `ranks[i]`-th most popular (0 the most)."""
    by_rank = shapes.long_tail(len(ranks), top_share)
    weight = [high - low for low, high in zip([0.0, *by_rank], by_rank, strict=False)]
    return list(accumulate(weight[rank] for rank in ranks))


# Organisations.


def organization_names(rng: Random, classification: str, count: int) -> Iterator[dict[str, str]]:
    """Names (with the place or portfolio they were made from) for `count` organisations: fixed
    names first, then templates filled with places, as far as possible without repeats."""
    fixed: list[dict[str, str]] = []
    if classification == "government":
        fixed = [
            {"name": name, "portfolio": portfolio, "short": short}
            for name, portfolio, short in lexicon.GOVERNMENT_DEPARTMENTS
        ]
    templates = lexicon.ORGANIZATION_TEMPLATES[classification]
    fixed += [{"name": t} for t in templates if "{" not in t]
    filled = [t for t in templates if "{" in t]
    seen: set[str] = set()
    for entry in fixed[:count]:
        seen.add(entry["name"])
        yield entry
    for _ in range(count - min(count, len(fixed))):
        for _attempt in range(30):
            place, county = rng.choice(lexicon.PLACES), rng.choice(lexicon.COUNTIES)
            name = rng.choice(filled).format(place=place, county=county)
            if name not in seen:
                break
        seen.add(name)
        yield {"name": name, "place": place}


def organizations(world: World) -> Iterator[Record]:
    rng = world.rng("organizations")
    slugs = Slugs(200)
    counts = share_out(world.sizes.organizations, lexicon.ORGANIZATION_SHARES)
    for classification, count in counts.items():
        for entry in organization_names(rng, classification, count):
            plan = OrganizationPlan(
                len(world.organizations) + 1,
                entry["name"],
                slugs(entry["name"]),
                classification,
                place=entry.get("place", ""),
                portfolio=entry.get("portfolio", ""),
                short=entry.get("short", ""),
            )
            world.organizations.append(plan)
            has_site = classification == "outlet" or rng.random() < 0.85
            url = f"https://{plan.domain}/" if has_site else ""
            yield ORGANIZATIONS, (plan.id, plan.name, plan.slug, classification, url)


# People and their roles.

# Where people hold roles, by the kind of organisation.
ROLE_CLASSIFICATIONS = {
    "government": 30,
    "party": 25,
    "other": 22,
    "police": 10,
    "justice": 8,
    "outlet": 5,
}


def role_title(rng: Random, organization: OrganizationPlan) -> tuple[str, str]:
    titles = (
        lexicon.DEPARTMENT_TITLES
        if organization.portfolio
        else lexicon.TITLES[organization.classification]
    )
    title, label = rng.choice(titles)
    values = {
        "org": organization.name,
        "place": organization.place or rng.choice(lexicon.PLACES),
        "portfolio": organization.portfolio,
        "short": organization.short,
    }
    return title.format(**values), label.format(**values)


def plan_career(
    world: World,
    rng: Random,
    first_id: int,
    employer: Callable[[], OrganizationPlan],
    prolific: bool,
) -> list[RolePlan]:
    """One to four roles one after another (more for the most prolific speakers), often in the
    same organisation; the first may begin before the window, the last may still be held."""
    calendar = world.calendar
    count = rng.choices((1, 2, 3, 4), weights=(30, 35, 22, 13))[0] + (2 if prolific else 0)
    start = calendar.day(rng) - rng.randint(0, 6 * 365)
    organization = employer()
    roles: list[RolePlan] = []
    while True:
        if roles and rng.random() < 0.4:
            organization = employer()
        title, label = role_title(rng, organization)
        end: int | None = start + rng.randint(365, 8 * 365)
        # The last role reaches into the window, so everyone speaks in it.
        last = len(roles) + 1 >= count and end is not None and end >= 0
        if end is not None and (end > calendar.last or (last and rng.random() < 0.4)):
            end = None
        roles.append(RolePlan(first_id + len(roles), organization, title, label, start, end))
        if end is None or last:
            return roles
        start = end + 1 + (0 if rng.random() < 0.6 else rng.randint(1, 200))
        if start > calendar.last:
            return roles


def people(world: World) -> Iterator[Record]:
    rng = world.rng("people")
    calendar = world.calendar
    count = world.sizes.people
    ranks = list(range(count))
    rng.shuffle(ranks)  # who is prolific is chance, not the order of ids
    named_share = 1 - shapes.UNNAMED_SHARE
    world.speaker_weights = ranked_weights(ranks, shapes.TOP_SPEAKER_SHARE / named_share)
    employers = {c: world.of(c) for c in ROLE_CLASSIFICATIONS}
    employer_weights = {c: shapes.long_tail(len(o), 0.3, 1.0) for c, o in employers.items()}

    def employer() -> OrganizationPlan:
        classification = pick(rng, ROLE_CLASSIFICATIONS)
        options = employers[classification]
        return rng.choices(options, cum_weights=employer_weights[classification])[0]

    slugs = Slugs(200)
    next_role = 1
    for index in range(count):
        female = rng.random() < 0.45
        given = rng.choice(lexicon.FEMALE_GIVEN_NAMES if female else lexicon.MALE_GIVEN_NAMES)
        family = rng.choice(lexicon.FAMILY_NAMES)
        if rng.random() < 0.05:
            family = f"{family}-{rng.choice(lexicon.FAMILY_NAMES)}"
        name = f"{given} {family}"
        if rng.random() < 0.15:
            name = f"{given} {rng.choice(string.ascii_uppercase)}. {family}"
        roles = plan_career(world, rng, next_role, employer, prolific=ranks[index] < count // 100)
        next_role += len(roles)
        last_end = roles[-1].end
        person = PersonPlan(
            index + 1,
            name,
            slugs(name),
            given,
            family,
            female,
            roles,
            first_day=max(0, roles[0].start),
            last_day=calendar.last if last_end is None else min(calendar.last, last_end + 365),
            role_starts=[role.start for role in roles],
            role_ends=[OPEN if role.end is None else role.end for role in roles],
        )
        world.people.append(person)
        latest = roles[-1]
        summary = f"{latest.title}, {latest.organization.name}." if rng.random() < 0.6 else ""
        image_url = (
            f"https://images.onrecord.example/people/{person.slug}.jpg"
            if rng.random() < 0.3
            else ""
        )
        # Unique: each person's number falls in its own block of 37.
        wikidata_qid = (
            f"Q{1_000_000 + person.id * 37 + rng.randrange(37)}" if rng.random() < 0.35 else ""
        )
        yield (
            PEOPLE,
            (
                person.id,
                name,
                person.slug,
                default_sort_name(name),
                summary,
                image_url,
                wikidata_qid,
                "",
            ),
        )


def other_names(world: World) -> Iterator[Record]:
    """An honorific for everyone ("Ms Whitfield"); a doctor's title, "... MP" or a knighthood
    for some."""
    rng = world.rng("other names")
    next_id = 1
    for person in world.people:
        honorific = ("Mrs" if rng.random() < 0.15 else "Ms") if person.female else "Mr"
        names = {f"{honorific} {person.family}": "honorific"}
        if rng.random() < 0.15:
            names[f"Dr {person.family}"] = "honorific"
        if any(role.title.startswith("Member of Parliament") for role in person.roles):
            names[f"{person.name} MP"] = ""
        if rng.random() < 0.02:
            names[f"{'Dame' if person.female else 'Sir'} {person.given} {person.family}"] = "title"
        for name, note in names.items():
            yield OTHER_NAMES, (next_id, person.id, name, note)
            next_id += 1


def person_links(world: World) -> Iterator[Record]:
    """An official biography on the site of their latest employer, a social profile, a
    parliament page: none, the first, or the first two."""
    rng = world.rng("person links")
    next_id = 1
    for person in world.people:
        urls = {
            "Official biography": f"https://{person.roles[-1].organization.domain}/people/",
            "Social profile": "https://social.example/@",
            "Parliament page": "https://members.parliament.example/",
        }
        count = rng.choices((0, 1, 2), weights=(45, 40, 15))[0]
        for label in lexicon.PERSON_LINK_LABELS[:count]:
            yield PERSON_LINKS, (next_id, person.id, urls[label] + person.slug, label)
            next_id += 1


def roles(world: World) -> Iterator[Record]:
    iso = world.calendar.iso
    for person in world.people:
        for role in person.roles:
            end = None if role.end is None else iso(role.end)
            row = (role.id, person.id, role.organization.id, role.title, role.label)
            yield ROLES, (*row, iso(role.start), end)


# Events.


def event_title(rng: Random, organizers: list[OrganizationPlan]) -> str:
    given = rng.choice(lexicon.FEMALE_GIVEN_NAMES + lexicon.MALE_GIVEN_NAMES)
    return rng.choice(lexicon.EVENT_TEMPLATES).format(
        topic=rng.choice(lexicon.TOPICS),
        place=rng.choice(lexicon.PLACES),
        county=rng.choice(lexicon.COUNTIES),
        person=f"{given} {rng.choice(lexicon.FAMILY_NAMES)}",
        given=given,
        org=rng.choice(organizers).name,
    )


def events(world: World) -> Iterator[Record]:
    """Stories (an inquiry, a by-election, a trial), some with what happened within them
    (its press conference, its verdict), a few nested twice."""
    rng = world.rng("events")
    calendar = world.calendar
    prose = Prose(rng)
    slugs = Slugs(250)
    organizers = world.of("government", "party", "other")
    for index in range(world.sizes.events):
        parents = [e for e in world.events[-50:] if e.parent is None or e.parent.parent is None]
        parent = rng.choice(parents) if parents and rng.random() < 0.35 else None
        if parent is None:
            title = event_title(rng, organizers)
            start = calendar.day(rng)
            # One day, up to a month, or up to two and a half years.
            longest = rng.choices((0, 30, 900), weights=(40, 35, 25))[0]
            end = min(calendar.last, start + rng.randint(1, longest)) if longest else None
        else:
            parent_end = parent.end if parent.end is not None else parent.start + 30
            start = rng.randint(parent.start, min(calendar.last, parent_end))
            end = min(calendar.last, start + rng.randint(1, 3)) if rng.random() < 0.3 else None
            day = calendar.date(start)
            phase = rng.choice(lexicon.EVENT_PHASES)
            title = f"{parent.root.title}: {phase}, {day.day} {day:%B %Y}"
        event = EventPlan(index + 1, title, start, end, parent)
        world.events.append(event)
        start_time = (
            f"{rng.randint(7, 20):02d}:{rng.choice((0, 15, 30, 45)):02d}:00"
            if rng.random() < 0.3
            else None
        )
        location = (
            rng.choice(lexicon.EVENT_LOCATIONS).format(place=rng.choice(lexicon.PLACES))
            if rng.random() < 0.9
            else ""
        )
        description = prose.sentences(between(rng, 1, 2)) if rng.random() < 0.6 else ""
        yield (
            EVENTS,
            (
                event.id,
                title,
                slugs(title),
                calendar.iso(start),
                start_time,
                None if end is None else calendar.iso(end),
                location,
                description,
                parent.id if parent else None,
            ),
        )
    # The biggest events are stories, not what happened within them.
    order = [e for e in world.events if e.parent is None] + [e for e in world.events if e.parent]
    rank = {event.id: r for r, event in enumerate(order)}
    links = shapes.EVENT_LINKS
    links_per_statement = sum(k * w for k, w in links.items()) / sum(links.values())
    world.event_weights = ranked_weights(
        [rank[event.id] for event in world.events], shapes.TOP_EVENT_SHARE / links_per_statement
    )


def participations(world: World) -> Iterator[Record]:
    rng = world.rng("participations")
    people = world.people
    next_id = 1
    for event in world.events:
        count = rng.choices((0, 1, 2, 3, 6), weights=(40, 25, 15, 12, 8))[0]
        chosen = rng.choices(people, cum_weights=world.speaker_weights, k=count)
        for person in dict.fromkeys(p.id for p in chosen):
            yield PARTICIPATIONS, (next_id, event.id, person, rng.choice(lexicon.PARTICIPANT_ROLES))
            next_id += 1


# Sources and tags.

MEDIUMS = {
    "online": 35,
    "print": 15,
    "tv": 12,
    "radio": 10,
    "press_release": 8,
    "social": 7,
    "speech": 5,
    "parliament": 4,
    "written": 3,
    "other": 1,
}


def sources(world: World) -> Iterator[Record]:
    """Articles, interviews, speeches, in date order (so ids rise with the date); web
    addresses unique, as the database requires, because each holds the source's id."""
    rng = world.rng("sources")
    calendar = world.calendar
    prose = Prose(rng)
    outlets = world.of("outlet")
    outlet_weights = shapes.long_tail(len(outlets), 0.15, 1.0)
    world.source_days = sorted(calendar.day(rng) for _ in range(world.sizes.sources))
    for index, day in enumerate(world.source_days):
        source_id = index + 1
        outlet = rng.choices(outlets, cum_weights=outlet_weights)[0]
        title = prose.headline()
        medium = pick(rng, MEDIUMS)
        published_on = calendar.iso(day)
        url = archive_url = ""
        if medium in ("online", "print", "press_release", "social") or rng.random() < 0.7:
            path = published_on.replace("-", "/")
            url = (
                f"https://{outlet.domain}/news/{path}/{slugify(title)[:60].strip('-')}-{source_id}"
            )
            if rng.random() < 0.15:
                stamp = published_on.replace("-", "")
                archive_url = f"https://web.archive.org/web/{stamp}120000/{url}"
        yield SOURCES, (source_id, outlet.id, title, url, published_on, medium, archive_url)


def tags(world: World) -> Iterator[Record]:
    """Topics first ("policing", "cost of living"), the most used; then narrower ones
    ("policing in Leeds") down a long tail."""
    rng = world.rng("tags")
    slugs = Slugs(100)
    topics = [topic.removeprefix("the ").removeprefix("a ") for topic in lexicon.TOPICS]
    places = lexicon.PLACES + lexicon.COUNTIES
    names: list[str] = []

    def add(name: str) -> None:
        if slugify(name) not in slugs.taken:
            slugs(name)
            names.append(name)

    for topic in topics[: world.sizes.tags]:
        add(topic)
    while len(names) < world.sizes.tags:
        name = f"{rng.choice(topics)} in {rng.choice(places)}"
        if slugify(name) in slugs.taken:
            name = f"{name}, {rng.randint(shapes.FIRST_DAY.year, shapes.LAST_DAY.year)}"
        add(name)
    for index, name in enumerate(names):
        world.tag_ids.append(index + 1)
        yield TAGS, (index + 1, name, slugify(name))
    world.tag_weights = shapes.long_tail(len(names), shapes.TOP_TAG_SHARE, shapes.TAG_TAIL_EXPONENT)


# Statements.


def statements(world: World) -> Iterator[Record]:
    """The statements, with their tags and events. A statement linked to events is said while
    the first of them goes on (while its speaker held a role, if they held one then); any other
    by a named speaker, while they were active, mostly in their roles. Its role is the one the
    speaker held that day, as Statement.save() would find it; its source was published that day
    or soon after."""
    rng = world.rng("statements")
    random = rng.random
    prose = Prose(rng)
    calendar = world.calendar
    iso = calendar.iso

    speakers = Weighted(world.people, cumulative=world.speaker_weights)
    bodies = world.of("government", "police", "party", "justice", "other")
    unnamed = Weighted(bodies, cumulative=shapes.long_tail(len(bodies), 0.05, 1.0))
    linked_events = Weighted(world.events, cumulative=world.event_weights)
    tags = Weighted(world.tag_ids, cumulative=world.tag_weights)
    event_count = Weighted.of(shapes.EVENT_LINKS)
    tag_count = Weighted.of(shapes.TAGS_PER_STATEMENT)
    kinds = Weighted.of(shapes.KINDS)
    statuses = Weighted.of(shapes.STATUSES)
    outlet_names = [o.name for o in world.of("outlet")]
    texts = {
        "direct": prose.direct_quote,
        "partial": prose.partial_quote,
        "reported": prose.reported_speech,
    }

    # Its own stream, so the statements are the same whether or not later builders sample.
    sampled = world.rng("statement sample").random
    sample_share = min(1.0, STATEMENT_SAMPLE / world.sizes.statements)
    next_tag_row = next_event_row = 1
    for statement_id in range(1, world.sizes.statements + 1):
        events = {}
        for _ in range(event_count.draw(rng)):
            event = linked_events.draw(rng)
            events[event.id] = event

        speaker: PersonPlan | None = None
        organization_id: int | None = None
        attribution = ""
        if random() < shapes.UNNAMED_SHARE:
            body = unnamed.draw(rng)
            organization_id = body.id
            attribution = rng.choice(lexicon.ATTRIBUTIONS).format(org=body.name)
        else:
            speaker = speakers.draw(rng)

        if events:
            first = next(iter(events.values()))
            end = first.start if first.end is None else first.end
            low, high = first.start, min(calendar.last, end + 7)
            if speaker is not None:
                low, high = speaker.in_role_within(low, high)
            day = between(rng, low, high)
        elif speaker is not None:
            day = calendar.day(rng, speaker.first_day, speaker.last_day)
        else:
            day = calendar.day(rng)

        kind = kinds.draw(rng)
        status = statuses.draw(rng)
        context = ""
        if random() < 0.25:
            context = rng.choice(lexicon.CONTEXTS).format(
                topic=rng.choice(lexicon.TOPICS),
                place=rng.choice(lexicon.PLACES),
                outlet=rng.choice(outlet_names),
            )
        said_at = None
        if random() < 0.35:
            said_at = f"{between(rng, 6, 22):02d}:{between(rng, 0, 11) * 5:02d}:00"
        notes = rng.choice(lexicon.EDITOR_NOTES) if status == "draft" and random() < 0.4 else ""
        seconds = between(rng, 0, 86399)
        clock = f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
        created_day = day + between(rng, 0, 2)
        created_at = updated_at = f"{iso(created_day)} {clock}"
        if random() < 0.3:
            updated_at = f"{iso(created_day + between(rng, 1, 30))} {clock}"

        yield (
            STATEMENTS,
            (
                statement_id,
                texts[kind](),
                kind,
                speaker.id if speaker is not None else None,
                organization_id,
                attribution,
                speaker.role_on(day) if speaker is not None else None,
                iso(day),
                said_at,
                world.source_near(rng, day),
                context,
                status,
                notes,
                created_at,
                updated_at,
            ),
        )
        if speaker is not None and status == "published" and sampled() < sample_share:
            world.statement_sample.append((statement_id, speaker.id, day))
        for event_id in events:
            yield (
                STATEMENT_EVENTS,
                (next_event_row, statement_id, event_id, iso(day), said_at, status),
            )
            next_event_row += 1
        for tag_id in dict.fromkeys([tags.draw(rng) for _ in range(tag_count.draw(rng))]):
            yield STATEMENT_TAGS, (next_tag_row, tag_id, statement_id)
            next_tag_row += 1


Builder = Callable[[World], Iterator[Record]]

# How many statements World.statement_sample keeps (about: each is kept with the same chance).
STATEMENT_SAMPLE = 20_000

# In the order they run: each reads only what the ones before it left in the world.
BUILDERS: list[Builder] = [
    organizations,
    people,
    other_names,
    person_links,
    roles,
    events,
    participations,
    sources,
    tags,
    statements,
]

# Every table the builders write, with the model it belongs to.
MODELS: dict[Table, type[models.Model]] = {
    ORGANIZATIONS: Organization,
    PEOPLE: Person,
    OTHER_NAMES: OtherName,
    PERSON_LINKS: PersonLink,
    ROLES: Role,
    EVENTS: Event,
    PARTICIPATIONS: Participation,
    SOURCES: Source,
    TAGS: Tag,
    STATEMENTS: Statement,
    STATEMENT_TAGS: TaggedStatement,
    STATEMENT_EVENTS: StatementEventLink,
}


def extend(builder: Builder, tables: dict[Table, type[models.Model]]) -> None:
    """Add the builder of an app that builds on statements (claims), run after every builder
    here, and the tables it writes with their models. Called from that app's
    AppConfig.ready()."""
    if builder not in BUILDERS:
        BUILDERS.append(builder)
        MODELS.update(tables)
