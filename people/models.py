"""People who make statements, the organisations they belong to, and the roles they hold."""

import datetime

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from common.fields import HttpURLField, http_url_constraint

wikidata_qid_validator = RegexValidator(
    r"^Q[1-9][0-9]*$", "Enter a Wikidata item id such as Q7305117 (a Q followed by digits)."
)


class OrganizationClassification(models.TextChoices):
    GOVERNMENT_DEPARTMENT = "government", "Government department"
    POLICE_FORCE = "police", "Police force"
    NEWS_OUTLET = "outlet", "News outlet"
    PARTY = "party", "Political party"
    COURT_OR_PROSECUTOR = "justice", "Court or prosecutor"
    OTHER = "other", "Other"


class Organization(models.Model):
    """A body people speak for or through: a ministry, a police force, a news outlet, a party."""

    Classification = OrganizationClassification

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    classification = models.CharField(
        max_length=20, choices=Classification.choices, default=Classification.OTHER
    )
    url = HttpURLField("website", blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(classification__in=[c.value for c in OrganizationClassification]),
                name="organization_classification_valid",
            ),
            http_url_constraint("url", "organization_url_is_http"),
        ]

    def __str__(self) -> str:
        return self.name


class PersonQuerySet(models.QuerySet):
    def matching_name(self, text: str) -> "PersonQuerySet":
        """People whose name or any other name contains `text` (case-insensitive)."""
        return self.filter(
            Q(name__icontains=text) | Q(other_names__name__icontains=text)
        ).distinct()


class Person(models.Model):
    """A public figure whose words the newsroom keeps on record."""

    name = models.CharField(max_length=200, help_text="As the person is usually named in print.")
    slug = models.SlugField(max_length=200, unique=True)
    sort_name = models.CharField(
        max_length=200, help_text="How the name sorts in A–Z lists, e.g. “Malthouse, Kit”."
    )
    summary = models.TextField(blank=True)
    image_url = HttpURLField("image URL", blank=True)
    wikidata_qid = models.CharField(
        "Wikidata QID", max_length=20, blank=True, validators=[wikidata_qid_validator]
    )
    editor_notes = models.TextField(
        blank=True, help_text="Internal: never shown on the public site."
    )

    objects = PersonQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["editor_notes"])

    class Meta:
        ordering = ["sort_name", "name"]
        verbose_name_plural = "people"
        permissions = [("merge_person", "Can merge two records of one person")]
        constraints = [
            models.UniqueConstraint(
                fields=["wikidata_qid"],
                condition=~Q(wikidata_qid=""),
                name="person_wikidata_qid_unique",
            ),
            http_url_constraint("image_url", "person_image_url_is_http"),
        ]
        indexes = [models.Index(fields=["sort_name", "name"], name="person_az_idx")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.sort_name:
            self.sort_name = default_sort_name(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("people:detail", args=[self.slug])

    def roles_held_on(self, day: datetime.date) -> "RoleQuerySet":
        """The roles this person held on `day`, a queryset (queries the database when read)."""
        return self.roles.held_on(day)


def default_sort_name(name: str) -> str:
    """“Kit Malthouse” sorts as “Malthouse, Kit”; a single word sorts as itself."""
    given, _, family = name.strip().rpartition(" ")
    return f"{family}, {given}" if given else family


class PersonRedirect(models.Model):
    """A slug that named a record merged into another: its pages redirect (301) to `person`'s."""

    old_slug = models.SlugField(max_length=200, unique=True)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_slug"]

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.person.slug}"


class OtherName(models.Model):
    """Another name a person is known by ("Mr Malthouse"), used in search and article import."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="other_names")
    name = models.CharField(max_length=200)
    note = models.CharField(
        max_length=200, blank=True, help_text="e.g. “honorific”, “maiden name”."
    )

    class Meta:
        ordering = ["person", "name"]
        constraints = [
            models.UniqueConstraint(fields=["person", "name"], name="other_name_unique_per_person")
        ]

    def __str__(self) -> str:
        return self.name


class PersonLink(models.Model):
    """A reference about a person: official biography, parliamentary page, social profile."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="links")
    url = HttpURLField("URL")
    label = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["person", "label"]
        constraints = [
            models.UniqueConstraint(fields=["person", "url"], name="person_link_unique_url"),
            http_url_constraint("url", "person_link_url_is_http"),
        ]

    def __str__(self) -> str:
        return self.label or self.url


class RoleQuerySet(models.QuerySet):
    def held_on(self, day: datetime.date) -> "RoleQuerySet":
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gte=day), start_date__lte=day)


class Role(models.Model):
    """A post a person held in an organisation for a time (a Popolo membership)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="roles")
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="roles")
    title = models.CharField(
        max_length=200, help_text="Full title: “Minister of State for Crime and Policing”."
    )
    label = models.CharField(
        "short label", max_length=100, blank=True, help_text="As copy says it: “policing minister”."
    )
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True, help_text="Empty while the role is held.")

    objects = RoleQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["person", "-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="role_end_after_start",
                violation_error_message="A role cannot end before it starts.",
            ),
            models.UniqueConstraint(
                fields=["person", "organization", "title", "start_date"], name="role_unique_term"
            ),
        ]
        indexes = [
            models.Index(fields=["person", "start_date", "end_date"], name="role_held_on_idx")
        ]

    def __str__(self) -> str:
        return f"{self.person}, {self.title}"

    @property
    def display_label(self) -> str:
        return self.label or self.title

    def covers(self, day: datetime.date) -> bool:
        return self.start_date <= day and (self.end_date is None or self.end_date >= day)
