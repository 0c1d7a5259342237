"""Model and form fields shared by the apps: web addresses that pages may turn into links (only
http and https, checked by forms, by `full_clean` and, for whatever skips both (the shell, a bulk
import), by a database constraint), and the newsroom user who made a change.
"""

from typing import Any

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Q

from .html import validate_http_url


class HttpURLFormField(forms.URLField):
    default_validators = [validate_http_url]

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class HttpURLField(models.URLField):
    """A URL that is http or https, or empty when the field allows blank."""

    default_validators = [validate_http_url]

    def formfield(  # type: ignore[override]  # the stubs spell out arguments Django passes on
        self, **kwargs: Any
    ) -> forms.Field | None:
        return super().formfield(**{"form_class": HttpURLFormField, **kwargs})


def http_url_constraint(field: str, name: str) -> models.CheckConstraint:
    """In the database: `field` is empty or starts with http:// or https:// (any case)."""
    return models.CheckConstraint(
        condition=Q(**{field: ""})
        | Q(**{f"{field}__istartswith": "http://"})
        | Q(**{f"{field}__istartswith": "https://"}),
        name=name,
        violation_error_message="Enter a web address starting with http:// or https://.",
    )


def newsroom_user_field(**kwargs: Any) -> models.ForeignKey:
    """Who in the newsroom did something to a record (created it, last changed it, reviewed it):
    set by the admin, never by a form; a user with such records cannot be deleted."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        **kwargs,
    )
