"""bench/results.md, shared by every benchmark: `make bench` rewrites the part above the kept
mark; each other benchmark (fuzz, load test, export, ...) owns one `## ` section below it and
replaces only that section when it runs again."""

from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results.md"

# Sections of results.md other benchmarks write start after this line; a new site benchmark
# run keeps them.
KEPT_MARK = "<!-- Other benchmarks' figures: kept when make bench rewrites the file. -->"


def kept_sections(results: Path = RESULTS) -> str:
    """Everything from the kept mark on (what `make bench` must not overwrite)."""
    old = results.read_text() if results.exists() else ""
    return old[old.index(KEPT_MARK) :] if KEPT_MARK in old else ""


def replace_section(heading: str, body: str, results: Path = RESULTS) -> None:
    """Write `## <heading>` and `body` below the kept mark, replacing the section of that
    heading if it is there (up to the next `## ` heading), appending it otherwise."""
    text = results.read_text() if results.exists() else "# Benchmark results\n"
    if KEPT_MARK not in text:
        text = text.rstrip("\n") + "\n\n" + KEPT_MARK + "\n"
    head, kept = text.split(KEPT_MARK, 1)
    title = f"## {heading}"
    section = f"{title}\n\n{body.strip()}\n"
    lines = kept.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip() == title), None)
    if start is None:
        kept = kept.rstrip("\n") + "\n\n" + section
    else:
        end = next(
            (i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines)
        )
        kept = "\n".join(lines[:start]) + "\n" + section + "\n" + "\n".join(lines[end:])
    results.write_text(head + KEPT_MARK + "\n\n" + kept.strip("\n") + "\n")
