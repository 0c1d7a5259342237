"""Every version of a statement, with its tags and events, and what changed between versions.

simple-history keeps a version per save, and its `m2m_fields` the events of each. Two things
it does not do are done here: each version also keeps the statement's tags (their names, in
`tag_names`), and a change of tags alone makes a version, as a change of events does. The
admin saves a statement before its events and tags, so it makes the version afterwards
(`record_pending_version`): one version per save, with everything the form changed.
"""

import difflib
import html
from typing import Any

from django.db.models.signals import m2m_changed
from django.utils.safestring import SafeString, mark_safe
from simple_history.signals import pre_create_historical_record

from .models import STATEMENT_VERSIONS, Statement, TaggedStatement


def tag_names(statement: Statement) -> str:
    return ", ".join(sorted(statement.tags.names(), key=str.casefold))


def keep_tags_in_version(sender: Any, instance: Any, history_instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Statement):
        history_instance.tag_names = tag_names(instance)


def version_on_tag_change(sender: Any, instance: Any, action: str, **kwargs: Any) -> None:
    """A statement's tags changed outside a form (`statement.tags.add(...)`): a version."""
    if (
        isinstance(instance, Statement)
        and action in ("post_add", "post_remove", "post_clear")
        and not hasattr(instance, "skip_history_when_saving")
    ):
        STATEMENT_VERSIONS.create_historical_record(instance, "~")


def record_pending_version(statement: Any) -> None:
    """Make the version the admin held back while it saved the events and tags (see
    StatementAdmin.save_model)."""
    history_type = getattr(statement, "_version_pending", None)
    if history_type is None:
        return
    del statement._version_pending
    if hasattr(statement, "skip_history_when_saving"):
        del statement.skip_history_when_saving
    STATEMENT_VERSIONS.create_historical_record(statement, history_type)
    if hasattr(statement, "_change_reason"):
        del statement._change_reason


def word_diff(old: str, new: str) -> SafeString:
    """`new` against `old`, word by word: removed words in <del>, added ones in <ins>."""
    old_words, new_words = old.split(), new.split()
    parts = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(html.escape(" ".join(old_words[a1:a2])))
            continue
        if a2 > a1:
            parts.append(f"<del>{html.escape(' '.join(old_words[a1:a2]))}</del>")
        if b2 > b1:
            parts.append(f"<ins>{html.escape(' '.join(new_words[b1:b2]))}</ins>")
    return mark_safe(" ".join(parts))  # noqa: S308 - every word is escaped above


def add_tag_and_text_changes(versions: Any) -> None:
    """To each version's changes as simple-history lists them (newest version first, each
    compared with the one before it): the tags, and a word-by-word diff of the text."""
    versions = list(versions)
    for newer, older in zip(versions, versions[1:], strict=False):
        changes = list(getattr(newer, "history_delta_changes", None) or [])
        for change in changes:
            if change["field"] == "Text":
                change["diff"] = word_diff(older.text, newer.text)
        if newer.tag_names != older.tag_names:
            changes.append({"field": "Tags", "old": older.tag_names, "new": newer.tag_names})
        newer.history_delta_changes = changes


def connect() -> None:
    """Called once, from the app's ready()."""
    pre_create_historical_record.connect(
        keep_tags_in_version, sender=Statement.history.model, dispatch_uid="version-tags"
    )
    m2m_changed.connect(version_on_tag_change, sender=TaggedStatement, dispatch_uid="version-tag")
