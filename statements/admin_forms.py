"""Forms of the statement admin: the statement itself, with the reason a correction needs, and
the confirmation of a workflow move."""

from typing import Any

from django import forms

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

    def corrected_fields(self) -> list[str]:
        """The record's own fields this form changes on a public statement."""
        instance = self.instance
        if instance.pk is None or not instance.has_permalink:
            return []
        return [name for name in self.changed_data if name in CORRECTED_FIELDS]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if self.corrected_fields() and not cleaned.get("correction_reason", "").strip():
            labels = ", ".join(corrected_field_label(name) for name in self.corrected_fields())
            self.add_error(
                "correction_reason",
                f"This statement is public and you changed its {labels}: that is a "
                "correction. Say why; readers will see the reason with the change.",
            )
        return cleaned


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
