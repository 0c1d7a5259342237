"""Slugs for records made by the code (an import's new person or outlet)."""

from django.db import models
from django.utils.text import slugify


def unique_slug(model: type[models.Model], name: str) -> str:
    """A slug for `name` not yet taken in `model` ("jane-doe", then "jane-doe-2", ...)."""
    base = slugify(name)[:190] or "unnamed"
    slug, n = base, 2
    while model._default_manager.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
