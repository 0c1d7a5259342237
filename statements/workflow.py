"""A statement's life: the states it can be in, the moves between them and who may make each.

    draft ⇄ in review → published → retracted ⇄ withheld
      ↑_______________________|  ↖______restore______↙

Editors write drafts and send them to review (or take them back); only reviewers publish,
unpublish, retract, withhold and restore. What each state shows the public is in the README
("The editorial workflow"). Data only: `Statement.move` (models.py) makes a move, the admin
offers the moves `allowed_moves` gives the user.
"""

from dataclasses import dataclass
from typing import Any

from django.db import models


class StatementStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"
    RETRACTED = "retracted", "Retracted"
    WITHHELD = "withheld", "Withheld"


# States whose permalink answers the public (with a notice when not published).
PERMALINK_STATES = (StatementStatus.PUBLISHED, StatementStatus.RETRACTED, StatementStatus.WITHHELD)
# States an editor may still edit; anything the public has seen is a reviewer's to change.
EDITOR_EDITABLE_STATES = (StatementStatus.DRAFT, StatementStatus.IN_REVIEW)

# The permissions behind the moves (Meta.permissions on Statement; groups in common/groups.py).
EDIT = "statements.change_statement"
PUBLISH = "statements.publish_statement"
WITHHOLD = "statements.withhold_statement"


class NoteKind(models.TextChoices):
    """What a move or a correction leaves on the record (a `Correction`)."""

    CORRECTION = "correction", "Correction"
    RETRACTION = "retraction", "Retraction"
    RESTORATION = "restoration", "Restoration"
    WITHHOLDING = "withholding", "Withholding"


# Shown to the public, on the permalink and in /corrections/. A withholding's reason is legal
# advice: the public sees only that the statement was withheld, when, and on which grounds.
PUBLIC_NOTE_KINDS = (NoteKind.CORRECTION, NoteKind.RETRACTION, NoteKind.RESTORATION)


class WithholdingGrounds(models.TextChoices):
    LEGAL = "legal", "legal reasons"
    SAFETY = "safety", "safety reasons"


@dataclass(frozen=True)
class Move:
    name: str
    label: str  # the button: "Publish"
    done: str  # the message: "published"
    sources: tuple[str, ...]
    target: str
    permission: str
    note: str | None = None  # the NoteKind the move records, with its reason
    reason_help: str = ""  # what the reason is for; a move with a note requires one

    @property
    def needs_reason(self) -> bool:
        return self.note is not None

    def allowed_for(self, user: Any) -> bool:
        return bool(user.has_perm(self.permission))


S = StatementStatus
MOVES: dict[str, Move] = {
    move.name: move
    for move in (
        Move("submit", "Send to review", "sent to review", (S.DRAFT,), S.IN_REVIEW, EDIT),
        Move(
            "return_to_draft", "Back to draft", "returned to draft", (S.IN_REVIEW,), S.DRAFT, EDIT
        ),
        Move("publish", "Publish", "published", (S.DRAFT, S.IN_REVIEW), S.PUBLISHED, PUBLISH),
        Move(
            "unpublish",
            "Unpublish (back to draft)",
            "unpublished",
            (S.PUBLISHED,),
            S.DRAFT,
            PUBLISH,
        ),
        Move(
            "retract",
            "Retract",
            "retracted",
            (S.PUBLISHED,),
            S.RETRACTED,
            PUBLISH,
            note=NoteKind.RETRACTION,
            reason_help="Shown to the public on the statement's page and in Corrections: "
            "what was wrong with this entry.",
        ),
        Move(
            "withhold",
            "Withhold",
            "withheld",
            (S.PUBLISHED, S.RETRACTED),
            S.WITHHELD,
            WITHHOLD,
            note=NoteKind.WITHHOLDING,
            reason_help="Internal: the legal or safety advice behind the takedown. The public "
            "sees only that it was withheld, when, and on which grounds.",
        ),
        Move(
            "restore",
            "Restore",
            "restored",
            (S.RETRACTED,),
            S.PUBLISHED,
            PUBLISH,
            note=NoteKind.RESTORATION,
            reason_help="Shown to the public: why the entry stands after all.",
        ),
        Move(
            "release",
            "Lift the withholding",
            "released from withholding",
            (S.WITHHELD,),
            S.PUBLISHED,
            WITHHOLD,
            note=NoteKind.RESTORATION,
            reason_help="Shown to the public: why the statement is shown again.",
        ),
    )
}
del S


def allowed_moves(status: str, user: Any) -> list[Move]:
    """The moves `user` may make from `status`, in the order the admin offers them."""
    return [move for move in MOVES.values() if status in move.sources and move.allowed_for(user)]


class MoveNotAllowed(Exception):
    """The statement is not (or no longer) in a state the move starts from."""
