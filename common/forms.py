"""Form fields the apps' forms share."""

from typing import Any

from django import forms
from taggit.forms import TagField
from taggit.models import Tag

from .text import clean_typed_text, excerpt

MAX_SEARCH_LENGTH = 200
TAG_MAX_LENGTH: int = Tag._meta.get_field("name").max_length


class SearchField(forms.CharField):
    """A search box that accepts anything a person can type and never fails validation."""

    widget = forms.SearchInput(attrs={"maxlength": MAX_SEARCH_LENGTH})

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", "Search")
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str:
        # Control characters are removed, not refused, and overlong text is cut, not refused.
        return clean_typed_text(str(value) if value is not None else "", MAX_SEARCH_LENGTH)


class BoundedTagField(TagField):
    """Tags as a comma-separated list, each no longer than the database keeps a tag name."""

    def clean(self, value: Any) -> list[str]:
        names = super().clean(value)
        too_long = [name for name in names if len(name) > TAG_MAX_LENGTH]
        if too_long:
            raise forms.ValidationError(
                "A tag can be at most %(limit)d characters; this one has %(length)d: “%(tag)s”.",
                code="tag_too_long",
                params={
                    "limit": TAG_MAX_LENGTH,
                    "length": len(too_long[0]),
                    "tag": excerpt(too_long[0], 40),
                },
            )
        return names
