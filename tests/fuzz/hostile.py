"""What a hostile or careless client sends, as Hypothesis strategies: values for a query
string or a form field, and whole query strings built from the parameter names a page uses.

Each strategy mixes the realistic (the page's own values: slugs, dates, cursors) with the
hostile, so a generated request gets past the first check often enough to reach the next.
"""

import csv
import io
import string
from urllib.parse import quote

from django.core.files.uploadedfile import SimpleUploadedFile
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


# A real value, nearly: what gets past a first check and reaches the database.
MUTATIONS = [
    lambda value: value + "\x00",
    lambda value: value.replace("_", "\x00_", 1) or "\x00",
    lambda value: value[: len(value) // 2],
    lambda value: value.upper(),
    lambda value: f" {value} ",
    lambda value: value + "'",
    lambda value: value * 50,
    lambda value: value + "/",
]


def values(realistic: list[str]) -> st.SearchStrategy[str]:
    """A value a page would send (one of `realistic`), the same nearly, or a hostile one."""
    if not realistic:
        return hostile_values
    real = st.sampled_from(realistic)
    nearly = st.builds(lambda value, change: change(value), real, st.sampled_from(MUTATIONS))
    return st.one_of(real, nearly, hostile_values)


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


# The columns of the admin's spreadsheet imports (README, "Importing spreadsheets"), and cells
# a newsroom's sheet holds, or should not.
IMPORT_COLUMNS = [
    *("text", "said_on", "source", "speaker", "organization", "attribution", "kind"),
    *("said_at", "context", "events", "tags", "title", "outlet", "published_on", "medium"),
    *("url", "archive_url", "name", "slug", "sort_name", "summary", "wikidata_qid", "image_url"),
]
CELLS = [
    *("2021-03-14", "kit-malthouse", "Kit Malthouse", "direct", "reported", "policing;protest"),
    *("clapham-common-vigil", "https://news.example/2021/03/14/vigil", "online", "Q7", "12:30"),
    *("=1+1", "@SUM(A1)", "+44 20", "-1", "\t=cmd"),
]


@st.composite
def spreadsheets(draw: st.DrawFn) -> SimpleUploadedFile:
    """A file for an import: a CSV of known and unknown columns with real and hostile cells,
    in one of the encodings people send, or bytes that are no spreadsheet at all."""
    name = draw(st.sampled_from(["import.csv", "import.xlsx", "import.xls", "../import.csv", "x"]))
    if draw(st.integers(0, 4)) == 0:
        return SimpleUploadedFile(name, draw(st.binary(max_size=300)))
    columns = draw(st.lists(st.sampled_from(IMPORT_COLUMNS) | random_names, min_size=1, max_size=8))
    cells = st.sampled_from(CELLS) | hostile_values
    rows = draw(st.lists(st.lists(cells, min_size=len(columns), max_size=len(columns)), max_size=4))
    sheet = io.StringIO()
    csv.writer(sheet).writerows([columns, *rows])
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "utf-16"]))
    return SimpleUploadedFile(name, sheet.getvalue().encode(encoding, errors="replace"))


@st.composite
def form_posts(
    draw: st.DrawFn, form: Form, fixed: dict[str, str] | None = None, files: bool = False
) -> dict:
    """A post of `form`: each field drawn by `field_values` (a file field, with `files`, a
    spreadsheet); rows added to its inline formsets from their templates (the `__prefix__`
    rows); one of its buttons or none; and fields it does not have. `fixed` fields are posted
    as given."""
    posted: dict[str, list] = {}
    buttons = [name for name, field in form.fields.items() if field.kind == "submit"]
    for name, field in form.fields.items():
        if "__prefix__" in name or field.kind == "submit":
            continue
        if field.kind == "file" and files:
            posted[name] = [draw(spreadsheets())]
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
