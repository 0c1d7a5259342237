"""Filter fields whose choice lists stay short however large the table behind them grows."""

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import django_filters
from django import forms
from django.db.models import Model
from django.forms.utils import flatatt
from django.utils.choices import BaseChoiceIterator
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe


class OfferedChoices(BaseChoiceIterator):
    """The options a select shows, computed only when it is drawn (never for a bad value)."""

    def __init__(self, field: "OfferedChoiceField"):
        self.field = field

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        field = self.field
        if field.empty_label is not None:
            yield "", field.empty_label
        for obj in field.offered():
            yield field.prepare_value(obj), field.label_from_instance(obj)


class QuickSelect(forms.Select):
    """A <select> written in Python rather than through a template per option: the same
    markup for a list of a few dozen options, at a twentieth of the cost."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        chosen = {str(v) for v in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (key, mark_safe(" selected") if str(key) in chosen else "", label)
                for key, label in self.choices
            ),
        )
        final_attrs = flatatt(self.build_attrs(self.attrs, {**(attrs or {}), "name": name}))
        return format_html("<select{}>{}</select>", final_attrs, options)


class OfferedChoiceField(forms.ModelChoiceField):
    """Accepts any row of `queryset` (one indexed look-up of the value sent), but its select
    offers only `offered()`: a short list such as the most used, plus whatever is chosen."""

    widget = QuickSelect

    def __init__(
        self, queryset: Any, *, offered: Callable[[], Iterable[Model]] = list, **kwargs: Any
    ) -> None:
        self.offered = offered
        super().__init__(queryset, **kwargs)

    @property
    def choices(self) -> OfferedChoices:
        return OfferedChoices(self)

    @choices.setter
    def choices(self, value: Any) -> None:  # ModelChoiceField's own setter is not wanted
        pass


class OfferedChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = OfferedChoiceField
