"""What the API's OpenAPI schema says beyond what drf-spectacular reads from the views: the
errors every client meets, so a response is never one the schema does not describe."""

from typing import Any

PAGING = {"after", "before", "page_size"}

DETAIL = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
# {"said_from": ["Enter a valid date."]}, {"proposition": "No proposition “x”."}
INVALID_QUERY = {
    "type": "object",
    "additionalProperties": {
        "oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]
    },
}


def _response(description: str, schema: str) -> dict[str, Any]:
    reference = {"$ref": f"#/components/schemas/{schema}"}
    return {"description": description, "content": {"application/json": {"schema": reference}}}


def document_errors(result: dict, generator: Any, request: Any, public: bool) -> dict:
    """A drf-spectacular postprocessing hook: every operation may answer 404 (an unknown slug
    or id; a cursor that is not a page of the list) and 429 (the rate limit, with
    Retry-After); one taking filters, 400 (a value that is not one: `said_from=someday`)."""
    for operations in result["paths"].values():
        for operation in operations.values():
            responses = operation["responses"]
            filters = {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
            if filters - PAGING:
                responses["400"] = _response("A filter's value is not one it takes.", "Invalid")
            responses["404"] = _response("Not found, or not a page of this list.", "Error")
            responses["429"] = _response("Too many requests: wait Retry-After seconds.", "Error")
    result["components"]["schemas"] |= {"Error": DETAIL, "Invalid": INVALID_QUERY}
    return result
