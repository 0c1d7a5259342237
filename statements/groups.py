"""The newsroom's two groups and what each may do, defined once.

Used by the data migration that creates the groups and by tests whose database flush removes them.
"""

EDITORS = "Editors"
REVIEWERS = "Reviewers"

# (app_label, model) -> actions editors may take. No deletes of people or sources: what statements
# rest on is corrected, never removed. Inline rows (other names, links, participations) may go.
EDITOR_PERMISSIONS: dict[tuple[str, str], tuple[str, ...]] = {
    ("people", "person"): ("view", "add", "change"),
    ("people", "othername"): ("view", "add", "change", "delete"),
    ("people", "personlink"): ("view", "add", "change", "delete"),
    ("people", "organization"): ("view", "add", "change"),
    ("people", "role"): ("view", "add", "change"),
    ("events", "event"): ("view", "add", "change"),
    ("events", "participation"): ("view", "add", "change", "delete"),
    ("statements", "source"): ("view", "add", "change"),
    ("statements", "statement"): ("view", "add", "change"),
    ("statements", "taggedstatement"): ("view", "add", "change", "delete"),
    ("taggit", "tag"): ("view", "add", "change"),
}

REVIEWER_EXTRA_PERMISSIONS: tuple[tuple[str, str], ...] = (("statements", "publish_statement"),)


def sync_newsroom_groups(group_model, permission_model) -> None:
    """Create or update the Editors and Reviewers groups with exactly their permissions.

    Takes the model classes so a migration can pass its historical models.
    """
    editor_permissions = [
        permission_model.objects.get(
            content_type__app_label=app_label, codename=f"{action}_{model}"
        )
        for (app_label, model), actions in EDITOR_PERMISSIONS.items()
        for action in actions
    ]
    reviewer_permissions = editor_permissions + [
        permission_model.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in REVIEWER_EXTRA_PERMISSIONS
    ]
    for name, permissions in ((EDITORS, editor_permissions), (REVIEWERS, reviewer_permissions)):
        group, _ = group_model.objects.get_or_create(name=name)
        group.permissions.set(permissions)
