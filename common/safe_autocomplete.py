"""The admin's autocomplete fields and inlines, made safe against a tampered form.

A select2 widget only ever sends real keys, but a hand-made POST can send "abc" or a number
past the database's integer range. Django's autocomplete widgets and its multiple-choice field
put such keys straight into a query, which raises (a 500 on SQLite for out-of-range numbers).
Here they are an ordinary "Select a valid choice" error instead.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import admin
from django.contrib.admin import widgets
from django.contrib.admin.options import BaseModelAdmin
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest


def is_well_formed_key(key_field: models.Field, key: Any) -> bool:
    """Whether `key` could be a value of `key_field` (the right type, within its range)."""
    try:
        key_field.run_validators(key_field.to_python(key))
    except (ValidationError, TypeError, ValueError):
        return False
    return True


if TYPE_CHECKING:
    _Autocomplete = widgets.AutocompleteMixin
    _ModelAdmin = BaseModelAdmin
else:
    _Autocomplete = _ModelAdmin = object


class _SkipsMalformedKeys(_Autocomplete):
    """Redisplaying a form with errors looks up the submitted keys: leave the malformed out."""

    def optgroups(
        self, name: str, value: Sequence[str], attr: dict[str, Any] | None = None
    ) -> list[tuple[str | None, list[dict[str, Any]], int | None]]:
        key_field = self.field.remote_field.model._meta.pk
        keys = [key for key in value if is_well_formed_key(key_field, key)]
        return super().optgroups(name, keys, attr)


class AutocompleteSelect(_SkipsMalformedKeys, widgets.AutocompleteSelect):
    pass


class AutocompleteSelectMultiple(_SkipsMalformedKeys, widgets.AutocompleteSelectMultiple):
    pass


class KeyCheckedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value: Any) -> Any:
        assert self.queryset is not None
        key_field = self.queryset.model._meta.pk
        for key in value:
            if not is_well_formed_key(key_field, key):
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": key},
                )
        return super()._check_values(value)  # type: ignore[misc]  # private, not in the stubs


class SafeAutocompleteMixin(_ModelAdmin):
    """For ModelAdmins and inlines: their autocomplete and many-to-many fields use the above."""

    def formfield_for_foreignkey(
        self, db_field: models.ForeignKey, request: HttpRequest, **kwargs: Any
    ) -> Any:
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = AutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(
        self, db_field: models.ManyToManyField, request: HttpRequest, **kwargs: Any
    ) -> Any:
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = AutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        kwargs.setdefault("form_class", KeyCheckedModelMultipleChoiceField)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class BoundedTabularInline(SafeAutocompleteMixin, admin.TabularInline):
    """An inline whose form count is bounded by what is real: the rows already there plus
    `new_rows_per_save`. However many forms a tampered management form claims, no more are
    built, and the excess is refused with a form error."""

    new_rows_per_save = 50

    def get_formset(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        formset = super().get_formset(request, obj, **kwargs)
        existing = 0
        if obj is not None and obj.pk is not None:
            link = formset.fk.name  # type: ignore[attr-defined]  # the ForeignKey, at run time
            existing = formset.model._default_manager.filter(**{link: obj}).count()
        formset.max_num = formset.absolute_max = existing + self.new_rows_per_save
        formset.validate_max = True
        return formset
