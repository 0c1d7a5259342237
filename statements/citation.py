"""What a journalist pastes when citing a statement, and what search engines read about it."""

from typing import Any

from django.utils.formats import date_format

from common.html import http_url

from .models import Statement


def citation(statement: Statement, url: str) -> str:
    """Speaker, role on the day, outlet, date and permalink, as one line of plain text.

    “Kit Malthouse, policing minister, Sky News, 14 March 2021. On Record: https://…/4/”
    """
    parts = [statement.speaker_name]
    if statement.role is not None:
        parts.append(statement.role.display_label)
    parts += [statement.source.outlet.name, date_format(statement.said_on, "j F Y")]
    return f"{', '.join(parts)}. On Record: {url}"


def quotation_json_ld(statement: Statement, url: str, speaker_url: str | None) -> dict[str, Any]:
    """A schema.org `Quotation` describing the statement (escape it when embedding in HTML)."""
    if statement.speaker is not None:
        speaker: dict[str, Any] = {"@type": "Person", "name": statement.speaker.name}
        if speaker_url:
            speaker["url"] = speaker_url
        if statement.role is not None:
            speaker["jobTitle"] = statement.role.title
            speaker["worksFor"] = {
                "@type": "Organization",
                "name": statement.role.organization.name,
            }
    else:
        speaker = {"@type": "Organization", "name": statement.speaker_name}
    source = statement.source
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Quotation",
        "url": url,
        "text": statement.text,
        "spokenByCharacter": speaker,
        "creator": speaker,
        "dateCreated": statement.said_on.isoformat(),
        "isBasedOn": {
            "@type": "CreativeWork",
            "name": source.title,
            "publisher": {"@type": "Organization", "name": source.outlet.name},
            "datePublished": source.published_on.isoformat(),
        },
        "about": [{"@type": "Event", "name": event.title} for event in statement.events.all()],
        "keywords": [tag.name for tag in statement.tags.all()],
    }
    if source_url := http_url(source.url):
        data["isBasedOn"]["url"] = source_url
    return data
