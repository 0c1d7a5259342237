"""People, organisations and roles as Popolo JSON (https://www.popoloproject.com/specs/):
`persons`, `organizations` and `memberships` (a role is a Popolo membership), streamed, so
the whole register is served in constant memory however many people are on record.

Ids are the site's slugs (`kit-malthouse`); a membership's id is `role-<id>`. Wikidata QIDs are
identifiers with the scheme `wikidata`; each person's page on the site is one of their links.
"""

import json
from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest, StreamingHttpResponse

from people.models import Organization, Person, Role

CHUNK = 2000


def _without_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def person(person: Person, request: HttpRequest) -> dict[str, Any]:
    links = [{"url": request.build_absolute_uri(person.get_absolute_url()), "note": "On Record"}]
    links += [
        {"url": link.url, "note": link.label} if link.label else {"url": link.url}
        for link in person.links.all()
    ]
    return _without_empty(
        {
            "id": person.slug,
            "name": person.name,
            "sort_name": person.sort_name,
            "other_names": [
                _without_empty({"name": other.name, "note": other.note})
                for other in person.other_names.all()
            ],
            "identifiers": (
                [{"identifier": person.wikidata_qid, "scheme": "wikidata"}]
                if person.wikidata_qid
                else []
            ),
            "image": person.image_url,
            "summary": person.summary,
            "links": links,
        }
    )


def organization(organization: Organization) -> dict[str, Any]:
    return _without_empty(
        {
            "id": organization.slug,
            "name": organization.name,
            "classification": organization.get_classification_display(),
            "links": [{"url": organization.url, "note": "website"}] if organization.url else [],
        }
    )


def membership(role: Role) -> dict[str, Any]:
    return _without_empty(
        {
            "id": f"role-{role.pk}",
            "person_id": role.person.slug,
            "organization_id": role.organization.slug,
            "role": role.title,
            "label": role.label,
            "start_date": role.start_date.isoformat(),
            "end_date": role.end_date.isoformat() if role.end_date else None,
        }
    )


def _array(items: Iterator[dict[str, Any]]) -> Iterator[str]:
    yield "["
    first = True
    for item in items:
        yield ("\n" if first else ",\n") + json.dumps(item, ensure_ascii=False)
        first = False
    yield "\n]"


def popolo_chunks(request: HttpRequest) -> Iterator[str]:
    people = Person.objects.prefetch_related("other_names", "links").order_by("sort_name", "pk")
    roles = Role.objects.select_related("person", "organization").order_by(
        "person__sort_name", "start_date", "pk"
    )
    organizations = Organization.objects.order_by("name", "pk")
    yield '{"persons": '
    yield from _array(person(p, request) for p in people.iterator(chunk_size=CHUNK))
    yield ',\n"organizations": '
    yield from _array(organization(o) for o in organizations.iterator(chunk_size=CHUNK))
    yield ',\n"memberships": '
    yield from _array(membership(r) for r in roles.iterator(chunk_size=CHUNK))
    yield "}\n"


def popolo(request: HttpRequest) -> StreamingHttpResponse:
    """/api/popolo.json: everyone on record, their organisations and roles, as Popolo."""
    response = StreamingHttpResponse(
        popolo_chunks(request), content_type="application/json; charset=utf-8"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
