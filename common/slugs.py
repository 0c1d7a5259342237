"""Slugs for records made by the code (an import's new person or outlet)."""

from collections.abc import Callable
from typing import Any, TypeVar

from django.db import IntegrityError, models, transaction
from django.utils.text import slugify

M = TypeVar("M", bound=models.Model)
# Two saves racing for one slug: each retry finds the slug the other took and moves on.
ATTEMPTS = 5


def unique_slug(model: type[models.Model], name: str) -> str:
    """A slug for `name` not yet taken in `model` ("jane-doe", then "jane-doe-2", ...)."""
    base = slugify(name)[:190] or "unnamed"
    slug, n = base, 2
    while model._default_manager.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def create_with_unique_slug(
    model: type[M], name: str, *, same: Callable[[], M | None] | None = None, **fields: Any
) -> M:
    """Create a `model` row named `name` with a free slug, even when another save takes that
    slug at the same moment (two imports naming one new outlet): then `same()`, if given, is
    asked for the row the other save made (the outlet it created is ours too); otherwise the
    next free slug is tried."""
    for attempt in range(ATTEMPTS):
        try:
            with transaction.atomic():
                return model._default_manager.create(
                    name=name, slug=unique_slug(model, name), **fields
                )
        except IntegrityError:
            found = same() if same is not None else None
            if found is not None:
                return found
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")
