"""Form widgets the admin's forms share."""

from typing import Any

from django import forms
from django.conf import settings
from django.utils.functional import Promise
from taggit.utils import parse_tags


def tag_string(names: list[str]) -> str:
    """Tag names as taggit's field reads them back: quoted where a name has a space or comma."""
    return ", ".join(f'"{name}"' if ("," in name or " " in name) else name for name in names)


class TagAutocomplete(forms.SelectMultiple):
    """Tags chosen from the existing ones as you type (the admin's own select2, asking
    `source_url` for matches), new ones allowed. Posts one value per tag; the form field still
    receives the comma-separated text taggit reads, so a plain text post works too."""

    def __init__(self, source_url: str | Promise, attrs: dict[str, Any] | None = None) -> None:
        attrs = {"class": "tag-autocomplete", "data-tags-url": source_url, **(attrs or {})}
        super().__init__(attrs=attrs)

    @property
    def media(self) -> forms.Media:
        extra = "" if settings.DEBUG else ".min"
        return forms.Media(
            js=(
                f"admin/js/vendor/jquery/jquery{extra}.js",
                f"admin/js/vendor/select2/select2.full{extra}.js",
                "admin/js/jquery.init.js",
                "js/tag_autocomplete.js",
            ),
            css={
                "screen": (
                    f"admin/css/vendor/select2/select2{extra}.css",
                    "admin/css/autocomplete.css",
                )
            },
        )

    @staticmethod
    def names(value: Any) -> list[str]:
        if value is None or value == "":
            return []
        if isinstance(value, str):
            return parse_tags(value)
        if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            # One tag per value, as the box posts them; a value with commas or quotes is a
            # typed list ("a, b") and is read as taggit reads one.
            names: list[str] = []
            for item in value:
                names += parse_tags(item) if ("," in item or '"' in item) else [item.strip()]
            return [name for name in names if name]
        return sorted(getattr(tag, "name", str(tag)) for tag in value)

    def format_value(self, value: Any) -> Any:  # the chosen names, as a list
        return self.names(value)

    def optgroups(self, name: str, value: list[str], attrs: dict[str, Any] | None = None) -> Any:
        # The options are the chosen tags only; the others come from `source_url` as typed.
        chosen = [(tag, tag) for tag in value]
        self.choices = chosen
        return super().optgroups(name, value, attrs)

    def value_from_datadict(self, data: Any, files: Any, name: str) -> str:
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name, "")]
        return tag_string(self.names([v for v in values if isinstance(v, str)]))

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return name not in data
