"""What the API says about each record: the public fields only, with the site's own URLs.

A statement's fields depend on its state, as its page does: a published one has everything;
a retracted one its words and a `notice` with the date and reason; a withheld one only the
notice, who and when (`text`, `context` and its corrections are null or empty).
"""

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from claims.models import Claim, ClaimCorrection, Proposition, Stance, Verdict
from events.models import Event
from people.models import Organization, OtherName, Person, PersonLink, Role
from statements.models import Correction, Source, Statement


def absolute(serializer: serializers.Serializer, path: str) -> str:
    request = serializer.context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


class SiteLinks(serializers.Serializer):
    """`url`: the record's page on the site; `api_url`: this resource."""

    api_view: str = ""
    lookup: str = "slug"

    def get_url(self, obj: Any) -> str:
        return absolute(self, obj.get_absolute_url())

    def get_api_url(self, obj: Any) -> str:
        return reverse(
            self.api_view, args=[getattr(obj, self.lookup)], request=self.context.get("request")
        )


class OrganizationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = ["slug", "name", "classification", "url"]


class RoleSerializer(serializers.ModelSerializer):
    organization = OrganizationSerializer()

    class Meta:
        model = Role
        fields = ["title", "label", "organization", "start_date", "end_date"]


class PersonRefSerializer(SiteLinks, serializers.ModelSerializer):
    api_view = "api:person-detail"
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    class Meta:
        model = Person
        fields = ["slug", "name", "url", "api_url"]


class OtherNameSerializer(serializers.ModelSerializer):
    class Meta:
        model = OtherName
        fields = ["name", "note"]


class PersonLinkSerializer(serializers.ModelSerializer):
    class Meta:
        model = PersonLink
        fields = ["url", "label"]


class PersonSerializer(PersonRefSerializer):
    other_names = OtherNameSerializer(many=True)
    roles = RoleSerializer(many=True)
    links = PersonLinkSerializer(many=True)

    class Meta:
        model = Person
        fields = [
            "slug",
            "name",
            "sort_name",
            "summary",
            "image_url",
            "wikidata_qid",
            "other_names",
            "roles",
            "links",
            "url",
            "api_url",
        ]


class SourceSerializer(serializers.ModelSerializer):
    outlet = OrganizationSerializer()

    class Meta:
        model = Source
        fields = ["id", "title", "outlet", "medium", "url", "archive_url", "published_on"]


class EventRefSerializer(SiteLinks, serializers.ModelSerializer):
    api_view = "api:event-detail"
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    class Meta:
        model = Event
        fields = ["slug", "title", "start_date", "url", "api_url"]


class EventSerializer(EventRefSerializer):
    parent = EventRefSerializer(allow_null=True)
    children = EventRefSerializer(many=True)

    class Meta:
        model = Event
        fields = [
            "slug",
            "title",
            "start_date",
            "start_time",
            "end_date",
            "location",
            "description",
            "parent",
            "children",
            "url",
            "api_url",
        ]


class CorrectionSerializer(serializers.ModelSerializer):
    statement = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = Correction
        fields = ["id", "kind", "made_at", "reason", "changes", "earlier_text", "statement", "url"]

    def get_statement(self, note: Correction) -> int:
        return note.statement_id

    def get_url(self, note: Correction) -> str:
        return absolute(self, note.get_absolute_url())


class NoticeSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["retracted", "withheld"])
    date = serializers.DateField(allow_null=True)
    text = serializers.CharField()
    reason = serializers.CharField(allow_null=True)


class StatementSerializer(SiteLinks, serializers.ModelSerializer):
    api_view = "api:statement-detail"
    lookup = "pk"
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()
    text = serializers.SerializerMethodField()
    # The statement's editorial context (the field is named as the model's; DRF keeps the
    # serializer's own `context` apart, which the type checker cannot see).
    context = serializers.SerializerMethodField()  # type: ignore[assignment]
    speaker = PersonRefSerializer(allow_null=True)
    organization = OrganizationSerializer(allow_null=True)
    role = RoleSerializer(allow_null=True)
    source = SourceSerializer(allow_null=True)  # type: ignore[assignment]  # as `context`
    events = EventRefSerializer(many=True)
    tags = serializers.SerializerMethodField()
    notice = serializers.SerializerMethodField()
    corrections = serializers.SerializerMethodField()

    class Meta:
        model = Statement
        fields = [
            "id",
            "status",
            "kind",
            "text",
            "context",
            "speaker",
            "organization",
            "attribution",
            "role",
            "said_on",
            "said_at",
            "source",
            "events",
            "tags",
            "notice",
            "corrections",
            "url",
            "api_url",
        ]

    def to_representation(self, statement: Statement) -> dict[str, Any]:
        if not self.root.context.get("detail") and statement.is_public:
            return self.list_item(statement)
        data = super().to_representation(statement)
        if statement.is_withheld:
            # As on its page: who and when, and the notice; nothing of what was said or where.
            data |= {"source": None, "events": [], "tags": [], "corrections": []}
            if "reported_in" in data:
                data["reported_in"] = []
        return data

    def list_item(self, statement: Statement) -> dict[str, Any]:
        """The same fields as the serializers above give a published statement in a list,
        built directly: DRF's nested serializers cost about 1 ms a statement, which at 20 a
        page was half an API page's time (tests/api/test_api.py checks the two agree)."""
        request = self.root.context.get("request")

        def absolute_url(path: str) -> str:
            return request.build_absolute_uri(path) if request is not None else path

        def organization(body: Organization | None) -> dict[str, Any] | None:
            if body is None:
                return None
            return {
                "slug": body.slug,
                "name": body.name,
                "classification": body.classification,
                "url": body.url,
            }

        speaker, role, source = statement.speaker, statement.role, statement.source
        return {
            "id": statement.pk,
            "status": statement.status,
            "kind": statement.kind,
            "text": statement.text,
            "context": statement.context,
            "speaker": None
            if speaker is None
            else {
                "slug": speaker.slug,
                "name": speaker.name,
                "url": absolute_url(speaker.get_absolute_url()),
                "api_url": absolute_url(f"/api/people/{speaker.slug}/"),
            },
            "organization": organization(statement.organization),
            "attribution": statement.attribution,
            "role": None
            if role is None
            else {
                "title": role.title,
                "label": role.label,
                "organization": organization(role.organization),
                "start_date": role.start_date.isoformat(),
                "end_date": role.end_date.isoformat() if role.end_date else None,
            },
            "said_on": statement.said_on.isoformat(),
            "said_at": statement.said_at.isoformat() if statement.said_at else None,
            "source": {
                "id": source.pk,
                "title": source.title,
                "outlet": organization(source.outlet),
                "medium": source.medium,
                "url": source.url,
                "archive_url": source.archive_url,
                "published_on": source.published_on.isoformat(),
            },
            "events": [
                {
                    "slug": event.slug,
                    "title": event.title,
                    "start_date": event.start_date.isoformat(),
                    "url": absolute_url(event.get_absolute_url()),
                    "api_url": absolute_url(f"/api/events/{event.slug}/"),
                }
                for event in statement.events.all()
            ],
            "tags": self.get_tags(statement),
            "notice": None,
            "corrections": [],
            "url": absolute_url(statement.get_absolute_url()),
            "api_url": absolute_url(f"/api/statements/{statement.pk}/"),
        }

    # Null for a withheld statement, as the schema says.
    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_text(self, statement: Statement) -> str | None:
        return None if statement.is_withheld else statement.text

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_context(self, statement: Statement) -> str | None:
        return None if statement.is_withheld else statement.context

    def get_tags(self, statement: Statement) -> list[str]:
        return sorted(tag.name for tag in statement.tags.all())

    @extend_schema_field(NoticeSerializer(allow_null=True))
    def get_notice(self, statement: Statement) -> dict | None:
        if statement.is_withheld:
            held = statement.withholding()
            grounds = held.get_withheld_for_display() if held else "legal reasons"
            return {
                "kind": "withheld",
                "date": held.made_at.date() if held else None,
                "text": f"This statement has been withheld for {grounds}.",
                "reason": None,
            }
        if statement.status == Statement.Status.RETRACTED:
            latest = statement.retraction()
            return {
                "kind": "retracted",
                "date": latest.made_at.date() if latest else None,
                "text": "This statement has been retracted.",
                "reason": latest.reason if latest else None,
            }
        return None

    @extend_schema_field(CorrectionSerializer(many=True))
    def get_corrections(self, statement: Statement) -> Any:
        # Only the permalink's own response lists them (a list would query per row).
        context = self.root.context
        if not context.get("detail"):
            return []
        return CorrectionSerializer(statement.public_notes(), many=True, context=context).data


class StatementDetailSerializer(StatementSerializer):
    reported_in = SourceSerializer(many=True)

    class Meta(StatementSerializer.Meta):
        fields = [*StatementSerializer.Meta.fields, "reported_in"]


class VerdictSerializer(serializers.ModelSerializer):
    rating_label = serializers.CharField(source="get_rating_display")
    evidence = SourceSerializer(many=True)

    class Meta:
        model = Verdict
        fields = [
            "rating",
            "rating_label",
            "finding",
            "evidence",
            "reviewed_on",
            "change_reason",
            "is_demo",
        ]


class ClaimCorrectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = ClaimCorrection
        fields = ["made_at", "reason", "earlier_text", "earlier_short_text"]


class ClaimSerializer(SiteLinks, serializers.ModelSerializer):
    api_view = "api:claim-detail"
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()
    verdict = VerdictSerializer()
    tags = serializers.SerializerMethodField()

    class Meta:
        model = Claim
        fields = ["slug", "short_text", "text", "verdict", "rated_on", "tags", "url", "api_url"]

    def get_tags(self, claim: Claim) -> list[str]:
        return sorted(tag.name for tag in claim.tags.all())


class ClaimDetailSerializer(ClaimSerializer):
    earlier_verdicts = serializers.SerializerMethodField()
    corrections = ClaimCorrectionSerializer(many=True)
    events = EventRefSerializer(many=True)

    class Meta(ClaimSerializer.Meta):
        fields = [*ClaimSerializer.Meta.fields, "earlier_verdicts", "corrections", "events"]

    @extend_schema_field(VerdictSerializer(many=True))
    def get_earlier_verdicts(self, claim: Claim) -> Any:
        earlier = claim.earlier_verdicts().prefetch_related("evidence__outlet")
        return VerdictSerializer(earlier, many=True, context=self.context).data


class PropositionSerializer(SiteLinks, serializers.ModelSerializer):
    api_view = "api:proposition-detail"
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    class Meta:
        model = Proposition
        fields = ["slug", "question", "description", "url", "api_url"]


class StanceSerializer(serializers.ModelSerializer):
    proposition: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    speaker = PersonRefSerializer(source="statement.speaker", allow_null=True)
    statement = serializers.SerializerMethodField()
    said_on = serializers.DateField(source="statement.said_on")

    class Meta:
        model = Stance
        fields = ["id", "proposition", "position", "speaker", "statement", "said_on"]

    def get_statement(self, stance: Stance) -> int:
        return stance.statement_id
