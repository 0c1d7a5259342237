"""Events that statements concern and readers follow as timelines."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from people.models import Person


class Event(models.Model):
    """Something that happened (a vigil, an inquiry, a meeting) that statements are about."""

    title = models.CharField(max_length=250)
    slug = models.SlugField(max_length=250, unique=True)
    start_date = models.DateField()
    start_time = models.TimeField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    location = models.CharField(max_length=250, blank=True)
    description = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="The larger story this event belongs to.",
    )
    participants: "models.ManyToManyField[Person, Participation]" = models.ManyToManyField(
        Person, through="Participation", related_name="events", blank=True
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date", "-start_time", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="event_end_after_start",
                violation_error_message="An event cannot end before it starts.",
            ),
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="event_not_its_own_parent"),
        ]
        indexes = [models.Index(fields=["-start_date"], name="event_recent_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.slug])

    def clean(self):
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None:
                raise ValidationError({"parent": "An event cannot be nested inside itself."})
            ancestor = ancestor.parent


class Participation(models.Model):
    """A person taking part in an event, optionally in a stated capacity ("chair", "attendee")."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participations")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="participations")
    role = models.CharField(max_length=200, blank=True, help_text="e.g. “expected attendee”.")

    class Meta:
        ordering = ["event", "person__sort_name"]
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="participation_unique")
        ]

    def __str__(self) -> str:
        return f"{self.person} at {self.event}" + (f" ({self.role})" if self.role else "")
