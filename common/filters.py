"""Filter fields whose choice lists stay short however large the table behind them grows."""

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import django_filters
from django import forms
from django.db.models import Model
from django.utils.choices import BaseChoiceIterator


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


class OfferedChoiceField(forms.ModelChoiceField):
    """Accepts any row of `queryset` (one indexed look-up of the value sent), but its select
    offers only `offered()`: a short list such as the most used, plus whatever is chosen."""

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
