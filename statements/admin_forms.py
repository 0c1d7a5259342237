"""Forms of the statement admin: the statement itself, with the reason a correction needs, and
the confirmation of a workflow move."""

from typing import Any

from django import forms

from .duplicates import near_duplicates
from .models import CORRECTED_FIELDS, Statement, corrected_field_label
from .workflow import Move, NoteKind, WithholdingGrounds

CORRECTION_REASON_HELP = (
    "This statement is public. Changing its words, kind, speaker, role, date, time or source "
    "is a correction: say what was wrong (“a word was misheard”). The reason is shown to "
    "readers with the change, on the statement's page and in Corrections. Fixing the context, "
    "tags, events or editor notes needs no reason."
)
CORRECTION_FIELDSET = ("Correction", {"fields": ["correction_reason"]})


class StatementAdminForm(forms.ModelForm):
    """The statement, checked for what an editor must not do by accident: change the public
    record without saying why, or enter a statement that is on record already."""

    confirm_not_duplicate = forms.BooleanField(
        label="Save anyway: this is a different statement",
        required=False,
        help_text="Tick only when the statements listed above are not this one.",
    )
    correction_reason = forms.CharField(
        label="Reason for the correction",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 80}),
        help_text=CORRECTION_REASON_HELP,
    )

    class Meta:
        model = Statement
        # Everything but the status, which only a workflow move changes.
        fields = [
            "text",
            "kind",
            "speaker",
            "role",
            "organization",
            "attribution",
            "said_on",
            "said_at",
            "source",
            "reported_in",
            "context",
            "events",
            "tags",
            "editor_notes",
        ]

    def clean_text(self) -> str:
        # Browsers post line breaks as CRLF; the record keeps "\n", as the import does, so an
        # untouched quote of several paragraphs never reads as changed.
        return self.cleaned_data["text"].replace("\r\n", "\n")

    def corrected_fields(self) -> list[str]:
        """The record's own fields this form changes on a public statement, compared with the
        row as stored (a form reverting to an earlier version starts from that version)."""
        stored = Statement.objects.filter(pk=self.instance.pk).first() if self.instance.pk else None
        if stored is None or not stored.has_permalink:
            return []
        changed = []
        for name in CORRECTED_FIELDS:
            if name not in self.cleaned_data:
                continue
            field = Statement._meta.get_field(name)
            value = self.cleaned_data[name]
            stored_value = getattr(stored, getattr(field, "attname", name))
            if getattr(value, "pk", value) != stored_value and not (
                value in (None, "") and stored_value in (None, "")
            ):
                changed.append(name)
        return changed

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.duplicates: list[Statement] = []

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        self.check_duplicates(cleaned)
        corrected = self.corrected_fields()  # reads the stored row: once
        if corrected and not cleaned.get("correction_reason", "").strip():
            labels = ", ".join(corrected_field_label(name) for name in corrected)
            self.add_error(
                "correction_reason",
                f"This statement is public and you changed its {labels}: that is a "
                "correction. Say why; readers will see the reason with the change.",
            )
        return cleaned

    def check_duplicates(self, cleaned: dict[str, Any]) -> None:
        """Refuse, until confirmed, a new wording that nearly matches another statement by the
        same speaker (statements/duplicates.py); the page lists them (change_form.html)."""
        if self.instance.pk is not None and not {"text", "speaker", "organization"} & set(
            self.changed_data
        ):
            return
        speaker = cleaned.get("speaker")
        self.duplicates = near_duplicates(
            cleaned.get("text") or "",
            speaker=speaker,
            organization=None if speaker else cleaned.get("organization"),
            exclude_pk=self.instance.pk,
        )
        if self.duplicates and not cleaned.get("confirm_not_duplicate"):
            count = len(self.duplicates)
            self.add_error(
                None,
                f"{'A statement' if count == 1 else f'{count} statements'} by this speaker "
                f"{'is' if count == 1 else 'are'} worded nearly like this one: it may be on "
                "record already. Open the existing record below, or tick “Save anyway” if "
                "this is a different statement.",
            )


class MoveForm(forms.Form):
    """Confirms a workflow move; asks for the reason when the move records a note."""

    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}), max_length=1000, required=False
    )
    withheld_for = forms.ChoiceField(
        label="Withheld for", choices=WithholdingGrounds.choices, initial=WithholdingGrounds.LEGAL
    )

    def __init__(self, move: Move, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.move = move
        reason = self.fields["reason"]
        reason.required = move.needs_reason
        reason.help_text = move.reason_help
        if move.note != NoteKind.WITHHOLDING:
            del self.fields["withheld_for"]
        if not move.needs_reason:
            del self.fields["reason"]
