"""The API's pages: the site's own keyset pagination (common/pagination.py), so a deep page
costs what the first does, with `next` and `previous` links carrying `after` / `before`."""

from typing import Any

from django.db.models import QuerySet
from rest_framework.exceptions import NotFound
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from common.pagination import KeysetOrder, KeysetPage, keyset_page

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


class KeysetPagination(BasePagination):
    """Pages of a view's `keyset_order` (or the order `get_keyset_order()` gives): `?after=`
    the cursor of the last row seen, `?before=` the first; `?page_size=` up to MAX_PAGE_SIZE.
    A garbled cursor, or one past either end, is a 404 with a reason."""

    page: KeysetPage | None = None
    request: Request | None = None

    def paginate_queryset(self, queryset: QuerySet, request: Request, view: Any = None) -> list:
        self.request = request
        order: KeysetOrder = view.get_keyset_order()
        self.page = keyset_page(
            queryset,
            order,
            after=request.query_params.get("after"),
            before=request.query_params.get("before"),
            per_page=self.page_size(request),
        )
        if self.page is None:
            raise NotFound("That cursor is not a page of this list: start again without it.")
        return list(self.page.items)

    @staticmethod
    def page_size(request: Request) -> int:
        try:
            size = int(request.query_params.get("page_size", PAGE_SIZE))
        except ValueError:
            return PAGE_SIZE
        return max(1, min(size, MAX_PAGE_SIZE))

    def link(self, name: str, cursor: str | None) -> str | None:
        if cursor is None or self.request is None:
            return None
        url = self.request.build_absolute_uri()
        other = "before" if name == "after" else "after"
        return replace_query_param(remove_query_param(url, other), name, cursor)

    def get_paginated_response(self, data: Any) -> Response:
        assert self.page is not None
        return Response(
            {
                "next": self.link("after", self.page.later_cursor),
                "previous": self.link("before", self.page.earlier_cursor),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema: dict) -> dict:
        link = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "required": ["results"],
            "properties": {"next": link, "previous": link, "results": schema},
        }

    def get_schema_operation_parameters(self, view: Any) -> list[dict]:
        def parameter(name: str, description: str, schema: dict) -> dict:
            return {
                "name": name,
                "required": False,
                "in": "query",
                "description": description,
                "schema": schema,
            }

        return [
            parameter("after", "The `next` link's cursor: the page after it.", {"type": "string"}),
            parameter(
                "before", "The `previous` link's cursor: the page before it.", {"type": "string"}
            ),
            parameter(
                "page_size",
                f"Rows a page, 1 to {MAX_PAGE_SIZE} (default {PAGE_SIZE}).",
                {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            ),
        ]
