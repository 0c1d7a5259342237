"""Claims: the checkable assertions statements make, their verdicts, and the stances people take
on the questions of the day (propositions)."""

import datetime
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchVectorExact
from django.core.exceptions import ValidationError
from django.db import connections, models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from common.fields import newsroom_user_field
from common.text import excerpt
from events.models import Event
from statements.models import Source, Statement
from statements.search import StoredSearchVector, clean_query, parse_websearch, websearch_text


class Rating(models.TextChoices):
    """The verdict scale, from true to false, then the verdicts that are not a point on it."""

    TRUE = "true", "True"
    MOSTLY_TRUE = "mostly-true", "Mostly true"
    HALF_TRUE = "half-true", "Half true"
    MISLEADING = "misleading", "Misleading"
    MOSTLY_FALSE = "mostly-false", "Mostly false"
    FALSE = "false", "False"
    UNSUBSTANTIATED = "unsubstantiated", "Unsubstantiated"
    NOT_YET_RATED = "not-yet-rated", "Not yet rated"


# The ordinal verdicts as schema.org ratings, worst (1) to best (5). "Misleading" says how a
# claim is framed, "Unsubstantiated" that the evidence is lacking and "Not yet rated" nothing
# yet: none is a point between false and true, so they carry a name (alternateName) only.
ORDINAL_RATINGS: dict[str, int] = {
    Rating.FALSE: 1,
    Rating.MOSTLY_FALSE: 2,
    Rating.HALF_TRUE: 3,
    Rating.MOSTLY_TRUE: 4,
    Rating.TRUE: 5,
}
WORST_RATING, BEST_RATING = 1, 5


class ClaimStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class TaggedClaim(TaggedItemBase):
    content_object: "models.ForeignKey[Claim]" = models.ForeignKey(
        "Claim", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = "claim tag"
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_claim_unique")
        ]


class ClaimQuerySet(models.QuerySet):
    def published(self) -> "ClaimQuerySet":
        """Claims a reader may see: published, with a published verdict."""
        return self.filter(status=ClaimStatus.PUBLISHED, verdict__isnull=False)

    def made_by(self, person: Any) -> "ClaimQuerySet":
        """Claims any published statement by `person` makes."""
        made = Statement.objects.published().by(person).filter(claims=models.OuterRef("pk"))
        return self.filter(models.Exists(made))

    def search(self, q: str) -> "ClaimQuerySet":
        """Claims whose wording (the claim and its short form) matches `q`, read as the
        statements' search reads it (the same bounded web-search syntax, statements/search.py):
        on PostgreSQL through the stored `search_vector`; on SQLite each word as a substring."""
        groups = parse_websearch(clean_query(q))
        if not groups:
            return self.none()
        if connections[self.db].vendor == "postgresql":
            query = SearchQuery(websearch_text(groups), search_type="websearch", config="english")
            # The stored column of migration 0004, on claim_search_vector_idx.
            return self.filter(SearchVectorExact(StoredSearchVector(), query))
        condition = Q()
        for group in groups:
            alternatives = Q()
            for term in group:
                wording = Q()
                for needle in term.needles:
                    wording &= Q(text__icontains=needle) | Q(short_text__icontains=needle)
                alternatives |= ~wording if term.excluded else wording
            condition &= alternatives
        return self.filter(condition)

    def with_related(self) -> "ClaimQuerySet":
        return self.select_related("verdict").prefetch_related("tags")


class Claim(models.Model):
    """A checkable assertion in neutral words, made by one or more statements; what a verdict
    rates. Public only once published and given a published verdict."""

    text = models.TextField(
        help_text="The assertion in neutral words, as a reader could check it: “Police and "
        "public have managed pandemic policing well in the vast majority of cases”."
    )
    short_text = models.CharField(
        "short form",
        max_length=75,
        help_text="Under 75 characters: what search engines show as the claim reviewed.",
    )
    slug = models.SlugField(max_length=80, unique=True)
    statements = models.ManyToManyField(
        Statement, blank=True, related_name="claims", help_text="The statements making it."
    )
    events = models.ManyToManyField(Event, blank=True, related_name="claims")
    tags = TaggableManager(through=TaggedClaim, blank=True)
    status = models.CharField(max_length=10, choices=ClaimStatus.choices, default=ClaimStatus.DRAFT)
    # The verdict readers see: the latest published one, set by Verdict.publish() only.
    verdict = models.OneToOneField(
        "Verdict",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    rated_on = models.DateField(null=True, blank=True, editable=False)
    editor_notes = models.TextField(blank=True, help_text="Internal: never shown publicly.")

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = newsroom_user_field()
    updated_by = newsroom_user_field()

    objects = ClaimQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["editor_notes", "updated_at"])

    class Meta:
        ordering = ["-rated_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in ClaimStatus]), name="claim_status_valid"
            ),
            models.CheckConstraint(condition=~Q(text=""), name="claim_text_not_empty"),
            models.CheckConstraint(condition=~Q(short_text=""), name="claim_short_text_not_empty"),
        ]
        indexes = [
            # /claims/ newest verdict first, by keyset.
            models.Index(fields=["status", "-rated_on", "-id"], name="claim_latest_idx"),
        ]

    def __str__(self) -> str:
        return self.short_text

    def get_absolute_url(self) -> str:
        return reverse("claims:detail", args=[self.slug])

    @property
    def is_public(self) -> bool:
        return self.status == ClaimStatus.PUBLISHED and self.verdict_id is not None

    def earlier_verdicts(self) -> "models.QuerySet[Verdict]":
        """The published verdicts before the current one, newest first (one query)."""
        return self.verdicts.published().exclude(pk=self.verdict_id)


class ClaimCorrection(models.Model):
    """A published claim's wording corrected: when, by whom, why, and the earlier wording. Shown
    on the claim's page; written by the admin when a reviewer changes a public claim's text,
    short form or address (ClaimAdmin), never edited afterwards."""

    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="corrections")
    made_at = models.DateTimeField(default=timezone.now)
    reason = models.TextField()
    earlier_text = models.TextField()
    earlier_short_text = models.CharField(max_length=75)
    made_by = newsroom_user_field()

    class Meta:
        ordering = ["claim", "made_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="claim_correction_has_reason")
        ]

    def __str__(self) -> str:
        return f"Correction of {self.claim_id}, {self.made_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return f"{self.claim.get_absolute_url()}#correction-{self.pk}"


# A public claim's fields whose change is a correction: its words, and its address.
CORRECTED_CLAIM_FIELDS = ("text", "short_text", "slug")


class VerdictStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    PUBLISHED = "published", "Published"


class VerdictQuerySet(models.QuerySet):
    def published(self) -> "VerdictQuerySet":
        return self.filter(status=VerdictStatus.PUBLISHED)


class Verdict(models.Model):
    """A reviewer's rating of a claim, with the finding and the evidence. Editors propose;
    only reviewers publish. Each version is kept: a new verdict replaces the one readers see,
    and the claim page shows the earlier ones and why they changed."""

    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="verdicts")
    rating = models.CharField(max_length=20, choices=Rating.choices)
    finding = models.TextField(help_text="A few sentences: what the evidence shows.")
    evidence = models.ManyToManyField(
        Source, blank=True, related_name="verdicts", help_text="The sources the finding rests on."
    )
    change_reason = models.TextField(
        "why it changed",
        blank=True,
        help_text="Required when the claim already has a published verdict.",
    )
    is_demo = models.BooleanField(
        "illustrative demo verdict",
        default=False,
        help_text="Shown with a notice that it is an illustration, not a finding.",
    )
    status = models.CharField(
        max_length=10, choices=VerdictStatus.choices, default=VerdictStatus.PROPOSED
    )
    reviewer = newsroom_user_field(help_text="Who published it.")
    reviewed_on = models.DateField(null=True, blank=True, editable=False)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)

    created_at = models.DateTimeField(auto_now_add=True)
    created_by = newsroom_user_field()

    objects = VerdictQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["claim", "-published_at", "-id"]
        permissions = [("publish_verdict", "Can publish verdicts")]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__in=[r.value for r in Rating]), name="verdict_rating_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in VerdictStatus]),
                name="verdict_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(status="proposed")
                | Q(published_at__isnull=False, reviewed_on__isnull=False),
                name="verdict_published_has_date",
            ),
            models.CheckConstraint(condition=~Q(finding=""), name="verdict_finding_not_empty"),
        ]
        indexes = [models.Index(fields=["status", "-published_at"], name="verdict_latest_idx")]

    def __str__(self) -> str:
        return f"{self.get_rating_display()}: {excerpt(self.claim.short_text, 60)}"

    def get_absolute_url(self) -> str:
        return self.claim.get_absolute_url()

    @property
    def ordinal(self) -> int | None:
        return ORDINAL_RATINGS.get(self.rating)

    def clean(self) -> None:
        replaces = self.claim_id is not None and Verdict.objects.published().filter(
            claim_id=self.claim_id
        ).exclude(pk=self.pk)
        if replaces and replaces.exists() and not self.change_reason.strip():
            raise ValidationError(
                {"change_reason": "This claim already has a published verdict: say why it changes."}
            )

    def publish(self, reviewer: Any, on: datetime.date | None = None) -> None:
        """Publish this verdict as the claim's current one. Callers check the reviewer's
        `claims.publish_verdict` permission; this records who and when."""
        with transaction.atomic():
            self.status = VerdictStatus.PUBLISHED
            self.reviewer = reviewer
            self.published_at = timezone.now()
            self.reviewed_on = on or timezone.localdate()
            self.save()
            claim = Claim.objects.select_for_update().get(pk=self.claim_id)
            claim.verdict = self
            claim.rated_on = self.reviewed_on
            claim.updated_by = reviewer
            claim.save()


class Proposition(models.Model):
    """A yes/no question in the news (“Should Cressida Dick resign?”) on which published
    statements take a stance."""

    question = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(blank=True)
    events = models.ManyToManyField(Event, blank=True, related_name="propositions")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["question"]
        constraints = [
            models.CheckConstraint(condition=~Q(question=""), name="proposition_not_empty")
        ]

    def __str__(self) -> str:
        return self.question

    def get_absolute_url(self) -> str:
        return reverse("claims:position", args=[self.slug])


class Position(models.TextChoices):
    SUPPORTS = "supports", "Supports"
    OPPOSES = "opposes", "Opposes"
    NEUTRAL = "neutral", "Neutral or unclear"


class StanceQuerySet(models.QuerySet):
    def published(self) -> "StanceQuerySet":
        return self.filter(statement__status=Statement.Status.PUBLISHED)


class Stance(models.Model):
    """The position a statement takes on a proposition, backed by the quote itself."""

    proposition = models.ForeignKey(Proposition, on_delete=models.CASCADE, related_name="stances")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="stances")
    position = models.CharField(max_length=10, choices=Position.choices)

    objects = StanceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["proposition", "statement__said_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposition", "statement"], name="stance_one_per_statement"
            ),
            models.CheckConstraint(
                condition=Q(position__in=[p.value for p in Position]), name="stance_position_valid"
            ),
        ]
        indexes = [models.Index(fields=["proposition", "position"], name="stance_by_position_idx")]

    def __str__(self) -> str:
        position = self.get_position_display().lower()
        return f"{self.statement.speaker_name} {position}: {self.proposition}"
