"""People and organisations in spreadsheet imports: named by slug, name or other name
(common/imports.py has the upload's checks)."""

from typing import Any

from django.db.models import Q

from common.imports import CheckedResource, NamedWidget
from common.slugs import unique_slug

from .models import Organization, Person, default_sort_name


class PersonWidget(NamedWidget):
    label = "person"

    def __init__(self) -> None:
        super().__init__(Person, "slug")

    def matching(self, value: str) -> Any:
        return Person.objects.filter(
            Q(slug=value) | Q(name__iexact=value) | Q(other_names__name__iexact=value)
        )


class OrganizationWidget(NamedWidget):
    label = "organisation"

    def __init__(self) -> None:
        super().__init__(Organization, "slug")


class PersonResource(CheckedResource):
    """People matched by slug, name or other name: a match is updated, anyone else added."""

    required_columns = ("name",)

    class Meta:
        model = Person
        fields = ("name", "slug", "sort_name", "summary", "wikidata_qid", "image_url")
        import_id_fields = ("slug",)
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = True

    def get_instance(self, instance_loader: Any, row: Any) -> Any:
        slug = str(row.get("slug") or "").strip()
        name = str(row.get("name") or "").strip()
        match = Person.objects.filter(slug=slug).first() if slug else None
        if match is None and name:
            match = (
                Person.objects.filter(Q(name__iexact=name) | Q(other_names__name__iexact=name))
                .distinct()
                .first()
            )
        return match

    def import_instance(self, instance: Person, row: Any, **kwargs: Any) -> None:
        """A blank cell leaves what is on record as it is; a new person without a slug or sort
        name gets them from the name."""
        names = self._meta.fields or ()
        before = {name: getattr(instance, name) for name in names} if instance.pk else {}
        super().import_instance(instance, row, **kwargs)
        for name, value in before.items():
            if getattr(instance, name) in ("", None):
                setattr(instance, name, value)
        if not instance.sort_name:
            instance.sort_name = default_sort_name(instance.name)
        if not instance.slug:
            instance.slug = unique_slug(Person, instance.name)

    def before_save_instance(self, instance: Person, row: Any, **kwargs: Any) -> None:
        instance._change_reason = "Imported from a spreadsheet"  # type: ignore[attr-defined]
