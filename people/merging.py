"""Two records for one person, joined: everything that points at the other record is moved to
the survivor, the other's name becomes one of the survivor's other names, its slug redirects
(PersonRedirect), and the other record is deleted. One transaction: a failure anywhere leaves
both records as they were.

What moves is read from the models, not listed here: every relation to Person (statements,
roles, other names, links, participations, earlier redirects, and whatever a later app adds),
so the people app needs to know nothing of the apps that build on it. Where a row would clash
with one the survivor already has (the same other name, link, event or role), the survivor's
stands and whatever pointed at the other row is pointed at the survivor's.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction
from simple_history.utils import bulk_update_with_history

from .models import OtherName, Person, PersonRedirect

# A person's fields the survivor takes from the other record where its own are blank.
FILLED_IN = ("summary", "image_url", "wikidata_qid")


class AlreadyMerged(Exception):
    """One of the two records is gone: merged (by someone else, a moment ago) or deleted."""


@dataclass
class Move:
    """One relation's rows to move: `count` of `label` ("statements")."""

    label: str
    count: int


@dataclass
class MergePlan:
    survivor: Person
    merged: Person
    moves: list[Move] = field(default_factory=list)
    filled_in: list[str] = field(default_factory=list)


def _relations() -> list[models.ForeignKey]:
    """Every visible foreign key to Person (historical records' are hidden and stay as they
    were: they record who a version named then)."""
    return [
        rel.field
        for rel in Person._meta.related_objects
        if rel.one_to_many and isinstance(rel.field, models.ForeignKey)
    ]


def _field(model: type[models.Model], name: str) -> models.Field:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field)
    return field


def _label(fk: models.ForeignKey) -> str:
    return str(fk.model._meta.verbose_name_plural)


def plan(survivor: Person, merged: Person) -> MergePlan:
    """What merging `merged` into `survivor` would move, for the confirmation page."""
    result = MergePlan(survivor, merged)
    for fk in _relations():
        count = fk.model._default_manager.filter(**{fk.name: merged}).count()
        if count:
            result.moves.append(Move(_label(fk), count))
    result.filled_in = [
        str(_field(Person, name).verbose_name)
        for name in FILLED_IN
        if getattr(merged, name) and not getattr(survivor, name)
    ]
    return result


def _unique_field_sets(model: type[models.Model], fk_name: str) -> list[list[str]]:
    """The other fields of each unique constraint of `model` that includes `fk_name`."""
    sets = []
    for constraint in model._meta.total_unique_constraints:
        if fk_name in constraint.fields:
            sets.append([name for name in constraint.fields if name != fk_name])
    for together in model._meta.unique_together:
        if fk_name in together:
            sets.append([name for name in together if name != fk_name])
    return sets


def _survivors_twin(
    row: models.Model, fk: models.ForeignKey, survivor: Person, clashing: list[list[str]]
) -> models.Model | None:
    """The survivor's row a unique constraint says is the same as `row`, if there is one."""
    manager = fk.model._default_manager
    for others in clashing:
        columns = [_field(fk.model, name).attname for name in others]
        same = {column: getattr(row, column) for column in columns}
        twin = manager.filter(**{fk.name: survivor}, **same).first()
        if twin is not None:
            return twin
    return None


def _point_references(row: models.Model, twin: models.Model) -> None:
    """Whatever points at `row` points at `twin` instead (e.g. statements at a duplicate role)."""
    for rel in row._meta.related_objects:
        if rel.one_to_many and isinstance(rel.field, models.ForeignKey):
            rel.field.model._default_manager.filter(**{rel.field.name: row}).update(
                **{rel.field.name: twin}
            )


def _move(fk: models.ForeignKey, survivor: Person, merged: Person, reason: str, by: Any) -> None:
    model = fk.model
    rows = model._default_manager.filter(**{fk.name: merged})
    clashing = _unique_field_sets(model, fk.name)
    if clashing:
        # Row by row: few rows (names, links, roles), each checked against the survivor's.
        for row in list(rows):
            twin = _survivors_twin(row, fk, survivor, clashing)
            if twin is not None:
                _point_references(row, twin)
                row.delete()
            else:
                setattr(row, fk.name, survivor)
                row._change_reason = reason  # type: ignore[attr-defined]
                row.save()
        return
    if hasattr(model, "history"):
        # Each moved row gets a version saying why its speaker changed (statements).
        moved = list(rows)
        for row in moved:
            setattr(row, fk.name, survivor)
            row._change_reason = reason  # type: ignore[attr-defined]
        bulk_update_with_history(
            moved, model, [fk.name], batch_size=1000, default_change_reason=reason
        )
    else:
        rows.update(**{fk.name: survivor})


def merge(survivor: Person, merged: Person, *, by: Any = None) -> Person:
    """Merge `merged` into `survivor` (see the module's docstring). Returns the survivor."""
    if survivor.pk == merged.pk:
        raise ValueError("A record cannot be merged into itself.")
    reason = f"Merged “{merged.name}” ({merged.slug}) into “{survivor.name}” ({survivor.slug})"
    with transaction.atomic():
        # Both rows locked in one query, in key order, so two merges of the same pair (or of
        # the pair the other way round) wait for each other instead of deadlocking; the one
        # that waited finds a record gone and says so.
        locked = Person.objects.select_for_update().filter(pk__in=[survivor.pk, merged.pk])
        found = {person.pk: person for person in locked.order_by("pk")}
        if survivor.pk not in found or merged.pk not in found:
            raise AlreadyMerged(
                f"“{merged.name}” and “{survivor.name}” are no longer two records: one was "
                "merged or deleted a moment ago. Nothing was changed."
            )
        survivor, merged = found[survivor.pk], found[merged.pk]
        for fk in _relations():
            _move(fk, survivor, merged, reason, by)
        if merged.name != survivor.name:
            OtherName.objects.get_or_create(
                person=survivor, name=merged.name, defaults={"note": "merged record"}
            )
        old_slug, filled = (
            merged.slug,
            [n for n in FILLED_IN if getattr(merged, n) and not getattr(survivor, n)],
        )
        values = {name: getattr(merged, name) for name in filled}
        if merged.editor_notes:
            survivor.editor_notes = "\n\n".join(
                part
                for part in (survivor.editor_notes, f"From {merged.name}: {merged.editor_notes}")
                if part
            )
        merged._change_reason = reason  # type: ignore[attr-defined]
        merged._history_user = by  # type: ignore[attr-defined]
        merged.delete()
        PersonRedirect.objects.create(old_slug=old_slug, person=survivor)
        for name, value in values.items():
            setattr(survivor, name, value)
        survivor._change_reason = reason  # type: ignore[attr-defined]
        survivor._history_user = by  # type: ignore[attr-defined]
        survivor.save()
    return survivor
