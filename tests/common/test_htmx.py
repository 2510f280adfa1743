"""The htmx contract: which answer a request gets, decided from the decoded headers."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django_htmx.middleware import HtmxDetails

from common.htmx import chosen_partial, variant, vary_on_htmx, wants_fragment

PARTIALS = {"fit-results": "fit", None: "list"}


def request_with(**headers):
    request = RequestFactory().get("/", headers=headers)
    request.htmx = HtmxDetails(request)
    return request


@vary_on_htmx
def page(request):
    return HttpResponse("page")


@vary_on_htmx(targets=PARTIALS)
def catalogue(request):
    return HttpResponse("catalogue")


def plain(request):
    return HttpResponse("plain")


@pytest.mark.parametrize(
    ("headers", "fragment"),
    [
        ({}, False),
        ({"HX-Request": "true"}, True),
        ({"HX-Request": "%74rue", "HX-Request-URI-AutoEncoded": "true"}, True),
        ({"HX-Request": "%74rue"}, False),
        ({"HX-Request": "true", "HX-History-Restore-Request": "true"}, False),
        (
            {
                "HX-Request": "true",
                "HX-History-Restore-Request": "%74rue",
                "HX-History-Restore-Request-URI-AutoEncoded": "true",
            },
            False,
        ),
    ],
)
def test_a_fragment_is_sent_only_for_an_htmx_swap(headers, fragment):
    assert wants_fragment(request_with(**headers)) is fragment


def test_the_target_picks_the_partial_and_unknown_targets_get_the_default():
    assert chosen_partial(request_with(HX_Request="true", HX_Target="fit-results"), PARTIALS) == (
        "fit"
    )
    assert chosen_partial(request_with(HX_Request="true", HX_Target="elsewhere"), PARTIALS) == (
        "list"
    )
    assert chosen_partial(request_with(HX_Target="fit-results"), PARTIALS) is None
    assert chosen_partial(request_with(HX_Request="true"), "panel") == "panel"


def test_the_cache_variant_follows_the_same_decision():
    swap = request_with(HX_Request="true", HX_Target="fit-results")
    assert variant(swap, catalogue)[0] == "fragment:fit-results"
    assert variant(request_with(HX_Request="true", HX_Target="junk-1"), catalogue)[0] == (
        "fragment:*"
    )
    assert variant(request_with(HX_Request="true", HX_Target="junk-2"), catalogue)[0] == (
        "fragment:*"
    )
    assert variant(swap, page)[0] == "fragment"
    assert variant(request_with(HX_Request="true", HX_History_Restore_Request="true"), page)[0] == (
        "page"
    )
    assert variant(swap, plain) == ("any", ())


def test_the_decorator_says_vary_for_every_header_that_picks_the_answer():
    vary = catalogue(request_with())["Vary"]
    for header in ("HX-Request", "HX-History-Restore-Request", "HX-Target"):
        assert header in vary and f"{header}-URI-AutoEncoded" in vary
    assert "HX-Target" not in page(request_with())["Vary"]
