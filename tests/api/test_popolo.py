"""People, organisations and roles as Popolo JSON, valid against the Popolo schemas (written
down from the specification in tests/api/popolo/)."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft7Validator, FormatChecker
from referencing import Registry, Resource

from people.models import Person, PersonLink
from tests.routes import body

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "popolo"


def validator(name: str) -> Draft7Validator:
    resources = [
        (path.name, Resource.from_contents(json.loads(path.read_text())))
        for path in SCHEMAS.glob("*.json")
    ]
    registry = Registry().with_resources(resources)
    schema = json.loads((SCHEMAS / name).read_text())
    return Draft7Validator(schema, registry=registry, format_checker=FormatChecker())


def popolo(client) -> dict:
    response = client.get("/api/popolo.json")
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(body(response))


def test_the_demo_register_is_valid_popolo(client, demo):
    data = popolo(client)
    assert set(data) == {"persons", "organizations", "memberships"}
    for kind, schema in [
        ("persons", "person.json"),
        ("organizations", "organization.json"),
        ("memberships", "membership.json"),
    ]:
        check = validator(schema)
        assert data[kind], kind
        for item in data[kind]:
            errors = [error.message for error in check.iter_errors(item)]
            assert errors == [], (kind, item, errors)


def test_people_carry_their_other_names_identifiers_links_and_roles(client, demo):
    kit = Person.objects.get(slug="kit-malthouse")
    kit.wikidata_qid = "Q6416956"
    kit.save()
    PersonLink.objects.create(
        person=kit, url="https://members.parliament.uk/member/4495", label="MP"
    )
    data = popolo(client)
    person = next(p for p in data["persons"] if p["id"] == "kit-malthouse")
    assert {"name": "Mr Malthouse"} in person["other_names"] or any(
        n["name"] == "Mr Malthouse" for n in person["other_names"]
    )
    assert person["identifiers"] == [{"identifier": "Q6416956", "scheme": "wikidata"}]
    assert {"url": "https://members.parliament.uk/member/4495", "note": "MP"} in person["links"]
    roles = [m for m in data["memberships"] if m["person_id"] == "kit-malthouse"]
    assert roles and roles[0]["organization_id"] in {o["id"] for o in data["organizations"]}
    assert roles[0]["start_date"] == kit.roles.order_by("start_date").first().start_date.isoformat()


def test_a_bad_record_fails_the_schema_so_the_check_can_fail():
    check = validator("person.json")
    assert list(check.iter_errors({"id": "x"}))  # no name
    assert list(check.iter_errors({"name": "X", "birth_date": "14/03/2021"}))
    assert list(check.iter_errors({"name": "X", "links": [{"note": "no url"}]}))
