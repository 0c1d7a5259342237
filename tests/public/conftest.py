import datetime

import pytest

from events.models import Event
from people.models import Person
from statements.models import Statement
from tests import factories

DRAFT_TEXT = "Unpublished words zebracorn that must stay inside the newsroom."
RETRACTED_TEXT = "Withdrawn words quokkafish that only their own permalink may show."


@pytest.fixture
def kit(demo) -> Person:
    return Person.objects.get(slug="kit-malthouse")


@pytest.fixture
def vigil(demo) -> Event:
    return Event.objects.get(slug="clapham-common-vigil")


@pytest.fixture
def unpublished(kit, vigil) -> dict[str, Statement]:
    """A draft and a retracted statement by the demo's speaker, about the demo's event and tag,
    so every page that lists the demo would list them too if it leaked."""
    common = {
        "speaker": kit,
        "said_on": datetime.date(2021, 3, 14),
        "events": [vigil],
        "tags": ["policing", "secret-draft-tag"],
        "context": "Asked about zebracorn and quokkafish",
    }
    return {
        "draft": factories.statement(text=DRAFT_TEXT, status=Statement.Status.DRAFT, **common),
        "retracted": factories.statement(
            text=RETRACTED_TEXT, status=Statement.Status.RETRACTED, **common
        ),
    }
