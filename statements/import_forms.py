"""Forms of the admin's article import: the article and its source, then one form per quote."""

from typing import Any

from django import forms
from django.contrib import admin
from django.urls import reverse, reverse_lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString

from common.fields import HttpURLFormField
from common.forms import BoundedTagField
from common.safe_autocomplete import (
    AutocompleteSelect,
    AutocompleteSelectMultiple,
    KeyCheckedModelMultipleChoiceField,
)
from common.slugs import create_with_unique_slug
from common.submissions import SubmissionTokenField
from common.widgets import TagAutocomplete
from events.models import Event
from people.models import Organization, Person
from statements.importing import (
    MAX_ARTICLE_CHARS,
    MAX_QUOTES_PER_IMPORT,
    article_text_problem,
)
from statements.models import Source, Statement


def _autocomplete(
    field_name: str, multiple: bool = False
) -> AutocompleteSelect | AutocompleteSelectMultiple:
    """The admin's own autocomplete widget for a Statement field, so large tables stay usable."""
    widget = AutocompleteSelectMultiple if multiple else AutocompleteSelect
    return widget(Statement._meta.get_field(field_name), admin.site)


def already_imported(source: Source) -> SafeString:
    """What an editor is told when the article's URL is on record already."""
    statements = reverse("admin:statements_statement_changelist")
    return format_html(
        "This article was imported already as “{}”: "
        '<a href="{}?source__id__exact={}">see its statements</a>.',
        source.title,
        statements,
        source.pk,
    )


class ArticleForm(forms.Form):
    # Carried from the first step through the review, so the review saves once (a double click
    # on "Save", a retry) however often it is posted.
    submission_token = SubmissionTokenField()
    text = forms.CharField(
        label="Article text",
        strip=False,
        required=False,
        widget=forms.Textarea(attrs={"rows": 18, "cols": 100, "maxlength": MAX_ARTICLE_CHARS}),
        help_text="Paste the article as it was published, one paragraph per line.",
    )
    outlet = forms.ModelChoiceField(
        Organization.objects.all(),
        required=False,
        widget=_autocomplete("organization"),
        help_text="The outlet that published it.",
    )
    new_outlet = forms.CharField(
        label="…or a new outlet", max_length=200, required=False, help_text="e.g. “The Guardian”."
    )
    headline = forms.CharField(max_length=300)
    url = HttpURLFormField(label="URL", max_length=1000, required=False)
    published_on = forms.DateField(
        label="Published", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    medium = forms.ChoiceField(choices=Source.Medium.choices, initial=Source.Medium.ONLINE_ARTICLE)

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].replace("\r\n", "\n")
        if problem := article_text_problem(text):
            raise forms.ValidationError(problem)
        return text

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        existing = Source.objects.filter(url=url).first() if url else None
        if existing:
            raise forms.ValidationError(already_imported(existing))
        return url

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("outlet") and not cleaned.get("new_outlet", "").strip():
            self.add_error("outlet", "Choose the outlet, or name a new one.")
        return cleaned

    def build_source(self) -> Source:
        """An unsaved Source for the article; a new outlet is created here."""
        data = self.cleaned_data
        outlet = data["outlet"]
        if outlet is None:
            name = data["new_outlet"].strip()

            def same_name() -> Organization | None:
                return Organization.objects.filter(name__iexact=name).first()

            outlet = same_name() or create_with_unique_slug(
                Organization,
                name,
                same=same_name,
                classification=Organization.Classification.NEWS_OUTLET,
            )
        return Source(
            outlet=outlet,
            title=data["headline"],
            url=data["url"],
            published_on=data["published_on"],
            medium=data["medium"],
        )


class QuoteForm(forms.Form):
    """One extracted candidate, as the editor accepts, edits or rejects it."""

    accept = forms.BooleanField(required=False, initial=True)
    text = forms.CharField(strip=False, widget=forms.Textarea(attrs={"rows": 6, "cols": 80}))
    kind = forms.ChoiceField(choices=Statement.Kind.choices)
    speaker = forms.ModelChoiceField(
        Person.objects.all(), required=False, widget=_autocomplete("speaker")
    )
    new_speaker_name = forms.CharField(label="…or a new person", max_length=200, required=False)
    organization = forms.ModelChoiceField(
        Organization.objects.all(),
        required=False,
        widget=_autocomplete("organization"),
        label="Unnamed speaker's organisation",
    )
    attribution = forms.CharField(
        max_length=200, required=False, help_text="e.g. “a Home Office spokesperson”."
    )
    said_on = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    context = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    events = KeyCheckedModelMultipleChoiceField(
        Event.objects.all(), required=False, widget=_autocomplete("events", multiple=True)
    )
    tags = BoundedTagField(
        required=False,
        widget=TagAutocomplete(reverse_lazy("admin:statements_statement_tags")),
        help_text="Type to choose existing tags; a new one is added as typed.",
    )
    sentence = forms.CharField(required=False, widget=forms.HiddenInput)
    # A statement by the same speaker worded nearly like this one (statements/duplicates.py):
    # the review shows it and leaves the quote unticked.
    on_record = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def on_record_statement(self) -> Statement | None:
        value = self["on_record"].value()
        try:
            pk = int(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return None
        return Statement.objects.filter(pk=pk).first() if pk and pk < 2**63 else None

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].replace("\r\n", "\n").strip()
        if not text:
            raise forms.ValidationError("A statement needs its words.")
        return text

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("accept"):
            has_person = cleaned.get("speaker") or cleaned.get("new_speaker_name", "").strip()
            if not has_person and not cleaned.get("organization"):
                raise forms.ValidationError(
                    "Who said it? Choose a person, name a new one, or give the organisation "
                    "an unnamed spokesperson spoke for."
                )
        return cleaned


# However many forms a tampered management form claims, no more than this are built.
QuoteFormSet = forms.formset_factory(
    QuoteForm,
    extra=0,
    max_num=MAX_QUOTES_PER_IMPORT,
    absolute_max=MAX_QUOTES_PER_IMPORT,
    validate_max=True,
)
