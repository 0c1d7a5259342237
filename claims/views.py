"""The public claim and position pages."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponseRedirect, StreamingHttpResponse
from django.views.generic import DetailView, ListView, TemplateView

from common.exports import download
from common.pagination import capped_count, first_page_url, keyset_page
from statements.models import Statement

from .exports import COLUMNS, claim_rows, exported_claims
from .filters import ClaimFilter
from .models import Claim, Position, Proposition, Stance
from .ordering import NEWEST_RATED, SAID_FIRST
from .schema import APPEARANCES_LISTED, claim_review_json_ld


class ClaimListView(TemplateView):
    """Rated claims, newest verdict first, filtered, paged by keyset."""

    template_name = "claims/claim_list.html"
    per_page = 20

    def get(self, request, *args, **kwargs):
        filterset = ClaimFilter(request.GET, queryset=Claim.objects.published())
        page = keyset_page(
            filterset.qs.with_related(),
            NEWEST_RATED,
            after=request.GET.get("after"),
            before=request.GET.get("before"),
            per_page=self.per_page,
        )
        if page is None:
            return HttpResponseRedirect(first_page_url(request))
        context = self.get_context_data(
            filterset=filterset,
            page=page,
            earlier_label="More recent verdicts",
            later_label="Earlier verdicts",
        )
        return self.render_to_response(context)


class ClaimDetailView(DetailView):
    """A claim, its verdict with finding and evidence, earlier verdicts, and the statements
    making it, oldest first (keyset-paged: a claim may be repeated thousands of times)."""

    model = Claim
    statements_per_page = 20

    def get_queryset(self):
        claims = Claim.objects.all() if self.request.user.is_staff else Claim.objects.published()
        return claims.select_related("verdict", "verdict__reviewer").prefetch_related("tags")

    def get(self, request, *args, **kwargs):
        claim = self.object = self.get_object()
        # The claim's statements by id: joined through the links instead, PostgreSQL walks the
        # whole archive's oldest-first index looking for them (0.5 s at a million statements
        # for a claim made 1,200 times). A claim is made a few thousand times at most.
        made_by = Claim.statements.through.objects.filter(claim=claim)
        ids = list(made_by.values_list("statement_id", flat=True))
        statements = Statement.objects.published().filter(pk__in=ids).with_related()
        page = keyset_page(
            statements,
            SAID_FIRST,
            after=request.GET.get("after"),
            before=request.GET.get("before"),
            per_page=self.statements_per_page,
        )
        if page is None:
            return HttpResponseRedirect(first_page_url(request))
        url = request.build_absolute_uri(claim.get_absolute_url())
        verdict = claim.verdict
        json_ld = None
        if claim.is_public:
            earliest = (
                page.items
                if not page.earlier_cursor
                else list(
                    Statement.objects.published()
                    .filter(pk__in=ids)
                    .select_related("speaker", "source__outlet")
                    .annotate(said_first=SAID_FIRST.key_expression)
                    .order_by(*SAID_FIRST.order_by())[:APPEARANCES_LISTED]
                )
            )
            json_ld = claim_review_json_ld(claim, url, earliest, request.build_absolute_uri)
        context = self.get_context_data(
            canonical_url=url,
            verdict=verdict,
            evidence=verdict.evidence.select_related("outlet") if verdict else [],
            earlier_verdicts=claim.earlier_verdicts() if verdict else [],
            corrections=claim.corrections.all(),
            page=page,
            statement_count=capped_count(Statement.objects.published().filter(pk__in=ids)),
            earlier_label="Earlier statements",
            later_label="Later statements",
            json_ld=json_ld,
        )
        return self.render_to_response(context)


class PropositionListView(ListView):
    """The questions of the day, each with how many stand on each side."""

    paginate_by = 50

    def get_queryset(self):
        published = Q(stances__statement__status=Statement.Status.PUBLISHED)
        counts = {
            f"{position.value}_count": Count(
                "stances", filter=published & Q(stances__position=position)
            )
            for position in Position
        }
        return Proposition.objects.annotate(**counts).order_by("question")


@dataclass
class Standing:
    """Where one speaker stands on a proposition: their latest stance, and each change of
    position as (stance before, stance after). Stances are ids until `hydrate`."""

    latest: int
    latest_position: str
    said_on: datetime.date
    changes: list[tuple[int, int]] = field(default_factory=list)


# A position's column lists this many people, and the page this many changes; the counts
# cover everyone.
SHOWN_PER_POSITION = 12
CHANGES_SHOWN = 10


def standings(rows: list[tuple]) -> list[Standing]:
    """Each speaker's latest stance and their changes of position, from (stance id, speaker
    id or None, position, said on) rows in the order they were said (oldest first). A
    statement without a named speaker stands alone."""
    by_speaker: dict[object, Standing] = {}
    for stance_id, speaker_id, position, said_on in rows:
        key = speaker_id if speaker_id is not None else ("unnamed", stance_id)
        standing = by_speaker.get(key)
        if standing is None:
            by_speaker[key] = Standing(stance_id, position, said_on)
            continue
        if position != standing.latest_position:
            standing.changes.append((standing.latest, stance_id))
        standing.latest, standing.latest_position, standing.said_on = stance_id, position, said_on
    return list(by_speaker.values())


class PropositionDetailView(DetailView):
    """Who stands where on one question: grouped by stance, each backed by its latest quote,
    role and date; changes of position shown as changes. The stances are read as ids (one
    query), and only those shown are loaded in full (one more)."""

    model = Proposition

    def get_context_data(self, **kwargs):
        rows = list(
            self.object.stances.published()
            .order_by("statement__said_on", "statement__said_at", "statement_id")
            .values_list("id", "statement__speaker_id", "position", "statement__said_on")
        )
        everyone = standings(rows)
        by_position: dict[str, list[Standing]] = {position.value: [] for position in Position}
        for standing in sorted(everyone, key=lambda s: s.said_on, reverse=True):
            by_position[standing.latest_position].append(standing)
        changed = sorted((s for s in everyone if s.changes), key=lambda s: s.said_on, reverse=True)
        shown_ids = {s.latest for group in by_position.values() for s in group[:SHOWN_PER_POSITION]}
        for standing in changed[:CHANGES_SHOWN]:
            shown_ids |= {pk for change in standing.changes for pk in change}
        stances = Stance.objects.select_related(
            "statement__speaker", "statement__role", "statement__source__outlet"
        ).in_bulk(shown_ids)
        groups = [
            (
                position,
                len(by_position[position.value]),
                [stances[s.latest] for s in by_position[position.value][:SHOWN_PER_POSITION]],
            )
            for position in Position
        ]
        changes = [
            [(stances[before], stances[after]) for before, after in standing.changes]
            for standing in changed[:CHANGES_SHOWN]
        ]
        return super().get_context_data(
            groups=groups,
            changes=changes,
            changed_count=len(changed),
            stance_count=len(rows),
            **kwargs,
        )


def export_claims(request: HttpRequest, format: str) -> StreamingHttpResponse:
    """ "Download these results" of /claims/: every public claim its filters match, streamed."""
    return download("claims", format, COLUMNS, claim_rows(exported_claims(request), request))
