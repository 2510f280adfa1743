"""The API's one error shape, and the exception that carries it to the handlers in api.py."""

import re

from django.http import Http404
from ninja import Schema


class ParameterProblem(Schema):
    parameter: str
    message: str


class Problem(Schema):
    """Every 4xx answer: what went wrong, and for bad parameters which one and why."""

    detail: str
    errors: list[ParameterProblem] = []


class ApiError(Exception):
    def __init__(self, status: int, detail: str, errors: list[dict] | None = None):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors or []


def not_found(what: str, slug: str) -> ApiError:
    return ApiError(404, f"We have no {what} called “{slug[:80]}”.")


def bad_parameter(parameter: str, message: str) -> ApiError:
    return ApiError(400, f"{parameter}: {message}", [{"parameter": parameter, "message": message}])


# pydantic's wording, in the site's voice (the content loader says the same things).
_MESSAGES = {
    "Field required": "is required",
    "Input should be a valid integer, unable to parse string as an integer": (
        "must be a whole number"
    ),
}


def parameter_problems(errors: list[dict]) -> list[dict]:
    """pydantic errors as {"parameter", "message"}: the name a client sent, in plain words."""
    problems = []
    for error in errors:
        loc = [str(part) for part in error.get("loc", ()) if part not in ("query", "path")]
        # Parameters gathered in a schema (page, page_size) are nested one level down.
        name = loc[-1] if loc else "request"
        message = _MESSAGES.get(error.get("msg", ""), error.get("msg", "is not valid"))
        message = message.removeprefix("Value error, ").replace("Input should be", "must be")
        problems.append({"parameter": name, "message": message})
    return problems


SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG = re.compile(SLUG_PATTERN)
# How a slug parameter is described in the OpenAPI document; the endpoint itself checks it, so
# a malformed slug gets the same message as an unknown one.
SLUG_SCHEMA = {"pattern": SLUG_PATTERN, "minLength": 1, "maxLength": 120}


def is_slug(value: str) -> bool:
    return len(value) <= 120 and bool(_SLUG.match(value))


def found(what: str, slug: str, fetch):
    """`fetch(slug)` (a selector that raises Http404), or a 404 that names the slug.

    A string that cannot be a slug is unknown without asking the database (which would refuse
    some characters, such as NUL, with an error)."""
    if not is_slug(slug):
        raise not_found(what, slug)
    try:
        return fetch(slug)
    except Http404:
        raise not_found(what, slug) from None
