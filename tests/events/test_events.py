import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests import factories

D = datetime.date


@pytest.mark.django_db
def test_database_refuses_an_event_that_ends_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.event(start_date=D(2021, 3, 15), end_date=D(2021, 3, 14))


@pytest.mark.django_db
def test_an_event_cannot_be_nested_inside_its_own_child():
    vigil = factories.event()
    inquiry = factories.event(parent=vigil)
    vigil.parent = inquiry
    with pytest.raises(ValidationError, match="inside itself"):
        vigil.full_clean()


@pytest.mark.django_db
def test_deleting_a_parent_event_with_children_is_refused():
    from django.db.models import ProtectedError

    vigil = factories.event()
    factories.event(parent=vigil)
    with pytest.raises(ProtectedError):
        vigil.delete()
