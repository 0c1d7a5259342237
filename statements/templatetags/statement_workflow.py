"""The admin index's review queue."""

from typing import Any

from django import template

from common.pagination import capped_count
from statements.models import Statement

register = template.Library()


@register.inclusion_tag("admin/statements/review_queue.html", takes_context=True)
def review_queue(context: template.Context) -> dict[str, Any]:
    """How many statements wait for review, linked to the queue (oldest first)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.has_perm("statements.view_statement"):
        return {"shown": False}
    waiting = capped_count(Statement.objects.filter(status=Statement.Status.IN_REVIEW))
    return {
        "shown": True,
        "waiting": waiting,
        "can_publish": user.has_perm("statements.publish_statement"),
    }
