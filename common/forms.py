"""Form fields the public site's forms share."""

from typing import Any

from django import forms

from .text import clean_typed_text

MAX_SEARCH_LENGTH = 200


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
