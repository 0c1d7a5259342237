"""Which cached pages a change to claims reaches (the names of statements/caching.py).

A claim, its verdicts, a proposition or a stance shows on the claim and position pages and
lists (all under "record"), on the page of each statement making the claim or taking the stance,
and on its speaker's page (the verdict tally, the changes of position)."""

from collections.abc import Iterable
from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from statements.caching import bump_on_commit, statement_names

from .models import Claim, Proposition, Stance, TaggedClaim, Verdict


def names_of_statements(statement_ids: Iterable[int]) -> list[str]:
    """Every page the statements show on (two queries a statement: claims have few)."""
    return [name for pk in statement_ids for name in statement_names(pk)]


def claim_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Claim):
        claim_id = instance.pk
    elif isinstance(instance, TaggedClaim):
        claim_id = instance.content_object_id
    else:
        claim_id = instance.claim_id
    statements = Claim.statements.through.objects.filter(claim_id=claim_id)
    bump_on_commit(
        ["record", *names_of_statements(statements.values_list("statement_id", flat=True))]
    )


def claim_statements_changed(sender: Any, instance: Any, action: str, **kwargs: Any) -> None:
    if not action.startswith(("post_", "pre_clear")):
        return
    if isinstance(instance, Claim):
        linked = set(kwargs.get("pk_set") or ())
        linked |= set(instance.statements.values_list("pk", flat=True))
    else:  # a statement whose claims changed
        linked = {instance.pk}
    bump_on_commit(["record", *names_of_statements(linked)])


def stance_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Stance):
        bump_on_commit(["record", *statement_names(instance.statement_id)])
    else:
        bump_on_commit(["record"])


def connect() -> None:
    """Called once, from the app's ready()."""
    handlers: list[tuple[Any, tuple[type, ...]]] = [
        (claim_changed, (Claim, Verdict, TaggedClaim)),
        (stance_changed, (Stance, Proposition)),
    ]
    for signal in (post_save, post_delete):
        for handler, models in handlers:
            for model in models:
                signal.connect(handler, sender=model, dispatch_uid=f"cache-{model}-{signal}")
    m2m_changed.connect(
        claim_statements_changed,
        sender=Claim.statements.through,
        dispatch_uid="cache-claim-statements",
    )
