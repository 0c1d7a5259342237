"""Statements: who said what, when, where and in which role; and the sources that carry them."""

import datetime
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import (
    Count,
    Exists,
    Func,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItemBase

from common.fields import HttpURLField, http_url_constraint, newsroom_user_field
from common.pagination import COUNT_CAP
from common.text import excerpt
from events.models import Event
from people.models import Organization, Person, Role

from .workflow import (
    MOVES,
    PERMALINK_STATES,
    PUBLIC_NOTE_KINDS,
    Move,
    MoveNotAllowed,
    NoteKind,
    StatementStatus,
    WithholdingGrounds,
)

M = TypeVar("M", bound=models.Model)


class SourceMedium(models.TextChoices):
    TV_INTERVIEW = "tv", "Television interview"
    RADIO_INTERVIEW = "radio", "Radio interview"
    PRINT_ARTICLE = "print", "Print article"
    ONLINE_ARTICLE = "online", "Online article"
    SPEECH = "speech", "Speech"
    PRESS_RELEASE = "press_release", "Press release"
    SOCIAL_MEDIA = "social", "Social media post"
    PARLIAMENT = "parliament", "Parliament"
    WRITTEN_STATEMENT = "written", "Written statement"
    OTHER = "other", "Other"


class Source(models.Model):
    """Where words were said or published: an interview, an article, a speech, a post."""

    Medium = SourceMedium

    outlet = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="sources")
    title = models.CharField("headline or title", max_length=300)
    url = HttpURLField("URL", max_length=1000, blank=True)
    published_on = models.DateField("published")
    medium = models.CharField(max_length=20, choices=Medium.choices)
    archive_url = HttpURLField("archive URL", max_length=1000, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_on", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"], condition=~Q(url=""), name="source_url_unique_when_set"
            ),
            models.CheckConstraint(
                condition=Q(medium__in=[m.value for m in SourceMedium]), name="source_medium_valid"
            ),
            http_url_constraint("url", "source_url_is_http"),
            http_url_constraint("archive_url", "source_archive_url_is_http"),
        ]

    def __str__(self) -> str:
        return f"{self.outlet}: {self.title} ({date_format(self.published_on, 'j F Y')})"


class StatementKind(models.TextChoices):
    DIRECT = "direct", "Direct quote"
    PARTIAL = "partial", "Partial quote"
    REPORTED = "reported", "Reported speech"


class TaggedStatement(TaggedItemBase):
    """Tag rows with a real foreign key, so tag look-ups stay indexed at a million statements."""

    content_object: "models.ForeignKey[Statement]" = models.ForeignKey(
        "Statement", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = "statement tag"
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="tagged_statement_unique"
            )
        ]


# "In the news" means among the latest this many published statements.
RECENT_WINDOW = 1000


class CountOf(Func):
    """How many rows a (sliced) subquery returns: `SELECT COUNT(*) FROM (subquery)`."""

    template = "(SELECT COUNT(*) FROM %(expressions)s AS counted)"
    output_field = models.IntegerField()


class StatementQuerySet(models.QuerySet):
    def published(self) -> "StatementQuerySet":
        return self.filter(status=Statement.Status.PUBLISHED)

    def by(self, person: Person) -> "StatementQuerySet":
        return self.filter(speaker=person)

    def about(self, event: Event) -> "StatementQuerySet":
        return self.filter(events=event)

    def with_related(self) -> "StatementQuerySet":
        """Everything a list of statements shows, in a fixed number of queries.

        Only the speaker and the source's outlet are joined: PostgreSQL's planning time grows
        steeply with each joined table (all six joined took 6-9 ms to plan and under 1 ms to
        run, at a million statements), so the rarer relations come in queries of their own.
        """
        return self.select_related("speaker", "source__outlet").prefetch_related(
            Prefetch("role", queryset=Role.objects.select_related("organization")),
            "organization",
            "tags",
            "events",
        )

    def counted_for(self, owners: QuerySet[M], *, link: str) -> QuerySet[M]:
        """`owners` (people, events) each annotated with `statement_count`: how many of these
        statements link to it through the statement field `link` ("speaker", "events").

        `Statement.objects.published().counted_for(Person.objects.all(), link="speaker")`. The
        count is a subquery per owner row, so it stays right however `owners` is joined.
        The count stops at `COUNT_CAP` + 1 (shown as "1,000+" by the `capped` filter), so a
        prolific speaker costs no more than a thousand index entries.
        """
        linked = self.filter(**{link: OuterRef("pk")}).order_by().values("pk")[: COUNT_CAP + 1]
        counted: QuerySet[M] = owners.annotate(statement_count=CountOf(Subquery(linked)))
        return counted

    def most_recent(self, window: int = RECENT_WINDOW) -> "StatementQuerySet":
        """The `window` most recent of these statements, newest first (an index range)."""
        return self.order_by("-said_on", "-id")[:window]

    def most_recent_about(self, event: Event, window: int) -> "StatementQuerySet":
        """The `window` most recent published statements about `event`, newest first: a range
        of the event links' index (see StatementEventLink), not a walk through the archive."""
        latest = (
            StatementEventLink.published_about(event)
            .order_by("-said_on", "-statement_id")
            .values("statement_id")[:window]
        )
        return self.filter(pk__in=latest).order_by("-said_on", "-id")

    def among_most_recent(self, window: int = RECENT_WINDOW) -> "StatementQuerySet":
        """These statements, only the `window` most recent of them, annotations kept."""
        return self.filter(pk__in=self.most_recent(window).values("pk"))

    def events_in_the_news(self) -> QuerySet[Event]:
        """The events the latest of these statements are about, those spoken about most
        recently first, with `latest_said_on`. Bounded by `RECENT_WINDOW`, whatever the size
        of the archive."""
        recent = self.most_recent().values("pk")
        return (
            Event.objects.filter(statements__in=recent)
            .annotate(latest_said_on=Max("statements__said_on"))
            .order_by("-latest_said_on", "title")
        )

    def search(self, q: str) -> "StatementQuerySet":
        """Statements matching `q`, read as web-search syntax (`"exact phrase"`, `-excluded`,
        `or`) over text, context, speaker's names and source headline; annotated with
        `search_rank` (higher is better) and left in their order. A blank `q` matches all.

        Full-text search on PostgreSQL, a simpler fallback on SQLite: see statements/search.py.
        """
        from .search import search_statements  # search.py imports this module

        return search_statements(self, q)


class TagsOfTheVersion(models.Model):
    """Part of each historical version of a statement: its tags' names, comma-separated."""

    tag_names = models.TextField(blank=True, default="")

    class Meta:
        abstract = True


# Each version keeps the statement's events (simple-history's m2m_fields) and its tags (a copy of
# their names: simple-history cannot follow taggit's manager), so a version says what the
# statement was about and tagged with then. Named, so statements/history.py can make a version
# once a form has saved the events and tags too.
STATEMENT_VERSIONS = HistoricalRecords(
    excluded_fields=["editor_notes", "updated_at"],
    m2m_fields=["events"],
    bases=[TagsOfTheVersion],
)


# The plugin cannot follow taggit's untyped base class to the `tagged_items` relation.
class Statement(models.Model):  # type: ignore[django-manager-missing]
    """Words a public figure said, kept verbatim with who, when, where, in which role and why."""

    Kind = StatementKind
    Status = StatementStatus

    text = models.TextField(
        help_text=(
            "Verbatim. Direct: the speaker's words exactly, paragraphs kept. Partial: the "
            "reporter's sentence with the quoted fragments in their quotation marks. "
            "Reported: the reporter's paraphrase."
        )
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.DIRECT)
    speaker = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="statements"
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="statements",
        help_text="For an unnamed speaker: the body they spoke for.",
    )
    attribution = models.CharField(
        max_length=200,
        blank=True,
        help_text="For an unnamed speaker: “a Home Office spokesperson”.",
    )
    role = models.ForeignKey(
        Role,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="statements",
        help_text="The speaker's role on the day; filled in from their roles when left empty.",
    )
    said_on = models.DateField("said on")
    said_at = models.TimeField("time", null=True, blank=True)
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="statements", help_text="Where it was said."
    )
    reported_in = models.ManyToManyField(
        Source,
        blank=True,
        related_name="reported_statements",
        help_text="Articles that reported it.",
    )
    context = models.TextField(
        blank=True, help_text="Editorial framing: “Asked about the scenes on Clapham Common”."
    )
    events = models.ManyToManyField(Event, blank=True, related_name="statements")
    tags = TaggableManager(through=TaggedStatement, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    status_changed_at = models.DateTimeField("status since", null=True, blank=True, editable=False)
    editor_notes = models.TextField(
        blank=True, help_text="Internal: never shown on the public site."
    )

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = newsroom_user_field()
    updated_by = newsroom_user_field()

    objects = StatementQuerySet.as_manager()
    history = STATEMENT_VERSIONS

    class Meta:
        ordering = ["-said_on", "-said_at", "-id"]
        permissions = [
            (
                "publish_statement",
                "Can publish, unpublish, retract and restore statements, and correct public ones",
            ),
            ("withhold_statement", "Can withhold statements for legal or safety reasons"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(speaker__isnull=False) | Q(organization__isnull=False),
                name="statement_has_speaker_or_organization",
                violation_error_message="A statement needs a speaker or an organisation.",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=[k.value for k in StatementKind]), name="statement_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in StatementStatus]),
                name="statement_status_valid",
            ),
            models.CheckConstraint(condition=~Q(text=""), name="statement_text_not_empty"),
        ]
        indexes = [
            models.Index(fields=["status", "-said_on", "-id"], name="statement_latest_idx"),
            # A speaker's statements newest first, by keyset: (said_on, id) ranges of this index.
            models.Index(
                fields=["speaker", "status", "-said_on", "-id"], name="statement_speaker_said_idx"
            ),
            # The admin's list, newest first, drafts and all.
            models.Index(fields=["-said_on", "-id"], name="statement_said_idx"),
            models.Index(fields=["source", "status"], name="statement_by_source_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.speaker_name}: {excerpt(self.text, 60)}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The role is fixed at the time of speaking so pages never compute it per row.
        if self.role_id is None and self.speaker is not None and self.said_on:
            held = self.speaker.roles_held_on(self.said_on)
            self.role = held.select_related("organization").first()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("statements:detail", args=[self.pk])

    @property
    def speaker_name(self) -> str:
        if self.speaker is not None:
            return self.speaker.name
        return self.attribution or str(self.organization)

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_withheld(self) -> bool:
        """Withheld for legal or safety reasons: the public sees a notice, never the words."""
        return self.status == self.Status.WITHHELD

    @property
    def has_permalink(self) -> bool:
        """Whether the public may open this statement's page (drafts are staff-only)."""
        return self.status in PERMALINK_STATES

    def move(
        self, move: Move | str, *, by: Any, reason: str = "", withheld_for: str = ""
    ) -> "Correction | None":
        """Make a workflow move (statements/workflow.py) and record it: who and when, the
        version in the history with the reason, and the public note the move leaves, if any.

        The row is locked first, so two reviewers pressing the same button at once make one
        move; the second gets `MoveNotAllowed`, as does any move from the wrong state. Callers
        check the user's permission (`Move.allowed_for`).
        """
        move = MOVES[move] if isinstance(move, str) else move
        reason = reason.strip()
        if move.needs_reason and not reason:
            raise ValueError(f"“{move.label}” needs a reason.")
        with transaction.atomic():
            current = Statement.objects.select_for_update().filter(pk=self.pk)
            status = current.values_list("status", flat=True).first()
            if status not in move.sources:
                raise MoveNotAllowed(
                    f"This statement is {StatementStatus(status).label.lower()} now"
                    if status
                    else "This statement no longer exists"
                )
            self.status = move.target
            self.status_changed_at = timezone.now()
            self.updated_by = by
            done = move.done.capitalize()
            self._change_reason = f"{done}: {reason}" if reason else done
            self.save(update_fields=["status", "status_changed_at", "updated_by", "updated_at"])
            if move.note is None:
                return None
            if move.note != NoteKind.WITHHOLDING:
                withheld_for = ""
            elif not withheld_for:
                withheld_for = WithholdingGrounds.LEGAL
            return Correction.objects.create(
                statement=self,
                kind=move.note,
                reason=reason,
                withheld_for=withheld_for,
                made_at=self.status_changed_at,
                made_by=by,
            )

    def withholding(self) -> "Correction | None":
        """The note of the withholding in force, when withheld."""
        return self._latest_note(NoteKind.WITHHOLDING) if self.is_withheld else None

    def retraction(self) -> "Correction | None":
        """The note of the retraction in force, when retracted."""
        retracted = self.status == StatementStatus.RETRACTED
        return self._latest_note(NoteKind.RETRACTION) if retracted else None

    def _latest_note(self, kind: str) -> "Correction | None":
        return self.corrections.filter(kind=kind).order_by("-made_at", "-id").first()

    def public_notes(self) -> "list[Correction]":
        """Corrections, retraction and restorations the public sees on the page, oldest first;
        none while the statement is withheld (their wording may repeat what is withheld)."""
        if not self.has_permalink or self.is_withheld:
            return []
        return list(self.corrections.filter(kind__in=PUBLIC_NOTE_KINDS).order_by("made_at", "id"))

    def clean(self) -> None:
        errors = {}
        if self.speaker_id is None and self.organization_id is None:
            errors["speaker"] = "Choose a speaker or, for an unnamed speaker, an organisation."
        role = self.role
        if role is not None:
            if self.speaker_id is not None and role.person_id != self.speaker_id:
                errors["role"] = f"This role belongs to {role.person}, not the speaker."
            elif self.said_on and not role.covers(self.said_on):
                errors["role"] = (
                    f"{role.person} did not hold this role on {date_format(self.said_on, 'j F Y')}."
                )
        if errors:
            raise ValidationError(errors)


class StatementEventLink(models.Model):
    """A statement's link to an event, read with the statement's date, time and status.

    The rows are those of `Statement.events`' own table (Django creates and writes it); the
    three copied columns are added to it and kept equal to the statement's by database
    triggers (migration 0007): when a link is made, and whenever the statement's date, time or
    status changes. So an event's published statements, newest or oldest first, are a range of
    one index (`statement_event_said_idx`) whatever the event's size and however far back in
    the archive it lies. Joined through the statements instead, PostgreSQL walks the whole
    archive's newest statements looking for the event's (150 ms for an old event at a million
    statements, against 1 ms here). Read-only: links are made through `Statement.events`.
    """

    statement = models.ForeignKey(Statement, on_delete=models.DO_NOTHING, related_name="+")
    event = models.ForeignKey(Event, on_delete=models.DO_NOTHING, related_name="+")
    said_on = models.DateField(null=True, blank=True)
    said_at = models.TimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=StatementStatus.choices)

    class Meta:
        managed = False  # the table is Statement.events'; migration 0007 adds the columns
        db_table = "statements_statement_events"
        ordering = ["event", "-said_on", "-statement"]

    def __str__(self) -> str:
        return f"{self.statement_id} about {self.event_id}"

    @classmethod
    def published_about(cls, event: Event) -> "models.QuerySet[StatementEventLink]":
        return cls.objects.filter(event=event, status=Statement.Status.PUBLISHED)


def public_tags() -> "models.QuerySet[Tag]":
    """Tags on at least one published statement; a tag only drafts carry is not public yet."""
    published = Statement.objects.published()
    tags: models.QuerySet[Tag] = Tag.objects.filter(Exists(published.filter(tags=OuterRef("pk"))))
    return tags


def tags_in_the_news(limit: int) -> list[Tag]:
    """The tags most used on the latest published statements, alphabetically, each with
    `recent_count`. Bounded by `RECENT_WINDOW`, whatever the size of the archive."""
    tagged = "statements_taggedstatement_items"
    recent = Statement.objects.published().most_recent().values("pk")
    tags = (
        Tag.objects.filter(**{f"{tagged}__content_object__in": recent})
        .annotate(recent_count=Count(tagged))
        .order_by("-recent_count", "name")[:limit]
    )
    return sorted(tags, key=lambda tag: tag.name.casefold())


# The fields a reader sees as the record itself: changing any of them on a published statement
# is a correction, with a reason and a public note. Context, tags, events and editor notes
# are not: an editor fixes those without a note (the history still keeps every version).
CORRECTED_FIELDS = (
    "text",
    "kind",
    "speaker",
    "organization",
    "attribution",
    "role",
    "said_on",
    "said_at",
    "source",
)


def corrected_field_label(name: str) -> str:
    """How a correction names a field of CORRECTED_FIELDS to readers: "words", "speaker"."""
    if name == "text":
        return "words"
    field = Statement._meta.get_field(name)
    assert isinstance(field, models.Field)
    return str(field.verbose_name)


class CorrectionQuerySet(models.QuerySet):
    def public(self) -> "CorrectionQuerySet":
        """Notes a reader may see: corrections, retractions and restorations of statements
        whose permalink is public and not withheld."""
        return self.filter(
            kind__in=PUBLIC_NOTE_KINDS,
            statement__status__in=[StatementStatus.PUBLISHED, StatementStatus.RETRACTED],
        )

    def with_related(self) -> "CorrectionQuerySet":
        """What a list of notes shows of each statement (who said it, where), in one query."""
        return self.select_related(
            "statement__speaker", "statement__organization", "statement__source__outlet"
        )


class Correction(models.Model):
    """A note the record keeps about itself: a published statement corrected, retracted,
    withheld or restored; when, by whom and why. Written by `Statement.move` and by the
    admin's correction of a published statement; never edited afterwards."""

    Kind = NoteKind

    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="corrections")
    kind = models.CharField(max_length=12, choices=NoteKind.choices)
    made_at = models.DateTimeField(default=timezone.now)
    reason = models.TextField(help_text="Public, except a withholding's.")
    # What a correction changed: [{"field": "speaker", "label": "speaker", "before": "…",
    # "after": "…"}], each value as the page showed it.
    changes = models.JSONField(default=list, blank=True)
    earlier_text = models.TextField(
        blank=True, help_text="The words before a correction changed them."
    )
    withheld_for = models.CharField(max_length=10, choices=WithholdingGrounds.choices, blank=True)
    made_by = newsroom_user_field()

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["-made_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=[k.value for k in NoteKind]), name="correction_kind_valid"
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="correction_has_reason"),
            models.CheckConstraint(
                condition=(
                    Q(kind=NoteKind.WITHHOLDING, withheld_for__in=WithholdingGrounds.values)
                    | (~Q(kind=NoteKind.WITHHOLDING) & Q(withheld_for=""))
                ),
                name="correction_withholding_has_grounds",
            ),
        ]
        indexes = [
            # /corrections/ newest first, by keyset.
            models.Index(fields=["-made_at", "-id"], name="correction_latest_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.statement_id}, {self.made_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return f"{self.statement.get_absolute_url()}#note-{self.pk}"

    @classmethod
    def record(
        cls, before: Statement, after: Statement, *, by: Any, reason: str
    ) -> "Correction | None":
        """The correction note for a public statement's change from `before` to `after`, or
        None when none of the record's own fields (CORRECTED_FIELDS) changed. The caller has
        made sure there is a reason (StatementAdminForm)."""
        changes = []
        for name in CORRECTED_FIELDS:
            old, new = _shown(before, name), _shown(after, name)
            if old != new:
                label = corrected_field_label(name)
                changes.append({"field": name, "label": label, "before": old, "after": new})
        if not changes:
            return None
        if not reason.strip():
            raise ValueError("A correction needs a reason (StatementAdminForm asks for one).")
        return cls.objects.create(
            statement=after,
            kind=NoteKind.CORRECTION,
            reason=reason.strip(),
            changes=changes,
            earlier_text=before.text if before.text != after.text else "",
            made_by=by,
        )

    @property
    def changed_labels(self) -> list[str]:
        return [change.get("label", change.get("field", "")) for change in self.changes]

    @property
    def rewords_the_quote(self) -> bool:
        return bool(self.earlier_text)


def _shown(statement: Statement, name: str) -> str:
    """A field of `statement` as its page shows it."""
    value = getattr(statement, name)
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if name == "kind":
        return str(StatementKind(value).label)
    return str(value)
