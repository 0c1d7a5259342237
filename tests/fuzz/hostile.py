"""What a hostile or careless client sends, as Hypothesis strategies: values for a query
string or a form field, and whole query strings built from the parameter names a page uses.

Each strategy mixes the realistic (the page's own values: slugs, dates, cursors) with the
hostile, so a generated request gets past the first check often enough to reach the next.
"""

import string
from urllib.parse import quote

from hypothesis import strategies as st

from .pages import Field, Form

HOSTILE_TEXT = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\r\n",
    "\t",
    "\x1b[31m",
    "\u202eevil",
    "\ufeff",
    "\u200b",
    "🕯️",
    "Владимир Путин",
    "習近平",
    "بيان",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    '"',
    "'",
    "\\",
    "%",
    "_",
    "*",
    "-" * 40,
    "(",
    "null",
    "None",
    "true",
    "[]",
    "{}",
    "x" * 5000,
    "javascript:alert(1)",
    "../../etc/passwd",
]
NUMBERS = [
    "0",
    "-1",
    "1",
    "2",
    "9" * 18,
    "9" * 19,
    "9" * 40,
    "-" + "9" * 40,
    "1.5",
    "1e308",
    "1e999",
    "nan",
    "inf",
    "-inf",
    "0x10",
    "١٢٣",  # Arabic-Indic digits: int() reads them
    "²",  # a digit to str.isdigit(), not to int()
    " 1 ",
]
DATES = [
    "0000-00-00",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "2021-02-30",
    "2021-13-01",
    "-2021-03-14",
    "2021-3-14",
    "14/03/2021",
    "2021-03-14T25:00",
    "2021-03-14 00:00:00+99:00",
]
# Query-string pieces no encoder would produce: a bare "%", invalid escapes and UTF-8.
RAW_QUERY_PIECES = ["%", "%zz", "%0", "%00", "%ff%fe", "%c3%28", "&", "=", "==", ";", "+", "&&=&"]

numbers = st.sampled_from(NUMBERS) | st.integers(-(10**30), 10**30).map(str)
dates = st.sampled_from(DATES) | st.dates().map(lambda day: day.isoformat())
# Keyset cursors look like "2021-03-14_42": a key, an underscore, an id.
cursors = st.builds(
    lambda key, pk: f"{key}_{pk}",
    dates | numbers | st.text(max_size=20),
    numbers,
)
hostile_values = (
    st.sampled_from(HOSTILE_TEXT)
    | numbers
    | dates
    | cursors
    | st.text(max_size=60)
    | st.text(string.printable, max_size=300)
)

# Names no page uses, and the same names as a framework expecting arrays would send them.
random_names = st.text(string.ascii_letters + "_[]-.", min_size=1, max_size=20) | st.text(
    max_size=10
)


def values(realistic: list[str]) -> st.SearchStrategy[str]:
    """A value a page would send (one of `realistic`) half the time, a hostile one otherwise."""
    if not realistic:
        return hostile_values
    return st.one_of(st.sampled_from(realistic), hostile_values)


def query_strings(names: list[str], realistic: dict[str, list[str]]) -> st.SearchStrategy[str]:
    """A whole query string: mostly `names` (the page's parameters), each maybe repeated or
    as an array, with realistic or hostile values; some unknown names; raw garbage."""
    known = st.sampled_from(sorted(set(names))) if names else random_names
    name = st.one_of(
        known,
        known,
        known.map(lambda n: f"{n}[]"),
        known.map(lambda n: f"{n}[0]"),
        random_names,
    )

    def pair(key: str) -> st.SearchStrategy[str]:
        base = key.split("[", 1)[0]
        value = values(realistic.get(base, []))
        return value.map(lambda v: f"{quote(key, safe='[]')}={quote(v, safe='')}")

    pairs = st.lists(name.flatmap(pair), max_size=8)
    garbage = st.lists(st.sampled_from(RAW_QUERY_PIECES), max_size=3)
    return st.builds(lambda p, g: "&".join(p + g), pairs, garbage)


# Fields the admin reads from any form post: which button, a popup, a field to answer with.
ADMIN_KEYS = ["_save", "_continue", "_addanother", "_saveasnew", "_popup", "_to_field"]


def field_values(field: Field) -> st.SearchStrategy[list[str] | None]:
    """A field's values in a post: as the page filled it in (half the time), another option
    or a hostile value, or left out (None)."""
    value = values(field.options + field.values)
    changed = st.lists(value, max_size=4) if field.multiple else value.map(lambda v: [v])
    return st.one_of(st.just(field.values), st.just(field.values), changed, st.just(None))


@st.composite
def form_posts(draw: st.DrawFn, form: Form, fixed: dict[str, str] | None = None) -> dict:
    """A post of `form`: each field drawn by `field_values`; rows added to its inline formsets
    from their templates (the `__prefix__` rows); one of its buttons or none; and fields it
    does not have. `fixed` fields are posted as given."""
    posted: dict[str, list[str]] = {}
    buttons = [name for name, field in form.fields.items() if field.kind == "submit"]
    for name, field in form.fields.items():
        if "__prefix__" in name or field.kind == "submit":
            continue
        chosen = draw(field_values(field))
        if chosen is not None:
            posted[name] = chosen
    for prefix in sorted(
        {name.split("-__prefix__-")[0] for name in form.fields if "__prefix__" in name}
    ):
        total = f"{prefix}-TOTAL_FORMS"
        shown = form.fields[total].values[0] if total in form.fields else "0"
        start = int(shown) if shown.isdigit() else 0
        added = draw(st.integers(0, 2))
        for index in range(start, start + added):
            for name, field in form.fields.items():
                if name.startswith(f"{prefix}-__prefix__-"):
                    chosen = draw(field_values(field))
                    if chosen is not None:
                        posted[name.replace("__prefix__", str(index))] = chosen
        if added:
            posted[total] = [str(start + added)]
    button = draw(st.none() | st.sampled_from(buttons)) if buttons else None
    if button:
        posted[button] = form.fields[button].values or ["Save"]
    for name, value in draw(
        st.lists(st.tuples(st.sampled_from(ADMIN_KEYS) | random_names, hostile_values), max_size=3)
    ):
        posted[name] = [value]
    posted |= {name: [value] for name, value in (fixed or {}).items()}
    return posted
