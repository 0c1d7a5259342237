"""What a page offers a client, read from its HTML: the query parameters of its GET forms and
links, and the fields of its POST form. The fuzz tests aim at what the page itself sends."""

from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist


class OfferedParameters(HTMLParser):
    """The query parameters a page offers: its GET forms' fields with their values and
    options, and the query strings of its links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.values: dict[str, list[str]] = defaultdict(list)
        self._in_get_form = False
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        name, value = attributes.get("name"), attributes.get("value")
        if tag == "form":
            self._in_get_form = (attributes.get("method") or "get").lower() == "get"
        elif tag == "a" and "?" in (attributes.get("href") or ""):
            for key, found in parse_qsl(urlsplit(attributes["href"] or "").query):
                self.values[key].append(found)
        elif self._in_get_form and tag in {"input", "select", "textarea"} and name:
            self.values[name].extend([value] if value else [])
            self._select = name if tag == "select" else None
        elif tag == "option" and self._select and value:
            self.values[self._select].append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._in_get_form = False
        elif tag == "select":
            self._select = None


def offered_parameters(html: str) -> dict[str, list[str]]:
    parser = OfferedParameters()
    parser.feed(html)
    parser.close()
    return {name: sorted(set(values)) for name, values in parser.values.items()}


@dataclass
class Field:
    """One field of a form: what the page fills in, and what it offers to choose from."""

    name: str
    kind: str  # the input's type, "select" or "textarea"
    values: list[str] = field(default_factory=list)
    options: list[str] = field(default_factory=list)
    multiple: bool = False


@dataclass
class Form:
    action: str | None
    fields: dict[str, Field] = field(default_factory=dict)

    def __repr__(self) -> str:  # Hypothesis shows it with each failure: names, not values
        return f"Form({self.action!r}, fields={list(self.fields)})"


class Forms(HTMLParser):
    """Every POST form of a page, with its fields. A select of the admin's autocomplete offers
    only what is chosen; it is offered every row (up to a few dozen) of the model it names."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: Field | None = None
        self._textarea: Field | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "form":
            if (attributes.get("method") or "").lower() == "post":
                self._form = Form(attributes.get("action"))
                self.forms.append(self._form)
            return
        name = attributes.get("name")
        if self._form is None:
            return
        if tag == "option" and self._select is not None:
            value = attributes.get("value") or ""
            self._select.options.append(value)
            if "selected" in attributes:
                self._select.values.append(value)
        if not name or tag not in {"input", "select", "textarea"}:
            return
        kind = tag if tag != "input" else (attributes.get("type") or "text").lower()
        found = self._form.fields.setdefault(name, Field(name, kind))
        if tag == "select":
            found.multiple = "multiple" in attributes
            found.options += related_rows(attributes)
            self._select = found
        elif tag == "textarea":
            self._textarea = found
            found.values.append("")
        elif kind in {"checkbox", "radio"}:
            value = attributes.get("value") or "on"
            found.options.append(value)
            found.multiple = kind == "checkbox"
            if "checked" in attributes:
                found.values.append(value)
        else:
            found.values.append(attributes.get("value") or "")

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea.values[-1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def related_rows(attributes: dict[str, str | None]) -> list[str]:
    """The keys an autocomplete select accepts: the rows of the model its field points to."""
    try:
        model = apps.get_model(attributes["data-app-label"], attributes["data-model-name"])
        related = model._meta.get_field(attributes["data-field-name"] or "")
    except (KeyError, LookupError, FieldDoesNotExist):
        return []
    target = related.remote_field.model
    key = getattr(related, "to_fields", [None])[0] or target._meta.pk.attname
    rows = target._default_manager.order_by("pk").values_list(key, flat=True)[:30]
    return [str(row) for row in rows]


def main_form(html: str) -> Form:
    """The page's form being tested: the one with the most fields, the sign-out form never."""
    parser = Forms()
    parser.feed(html)
    parser.close()
    forms = [form for form in parser.forms if not (form.action or "").endswith("/logout/")]
    return max(forms, key=lambda form: len(form.fields), default=Form(None))
