"""The FAQ and the guides: metadata, and the sanitised HTML the pages show."""

from django.contrib.auth.models import AnonymousUser
from ninja import Query, Router

from guides import selectors

from . import schemas, serializers
from .errors import Problem, found
from .pagination import PageQuery, paginate

router = Router(tags=["FAQ and guides"])


@router.get(
    "/guides",
    response={200: schemas.GuideList, 400: Problem, 404: Problem},
    url_name="guides",
    operation_id="list_guides",
    summary="Published guides (metadata only)",
)
def guide_list(request, query: Query[PageQuery]):
    return paginate(request, selectors.published_guides(), query, serializers.guide_summary)


@router.get(
    "/guides/{slug}",
    response={200: schemas.GuideDetail, 404: Problem},
    url_name="guide",
    operation_id="get_guide",
    summary="One published guide with its sanitised HTML and table of contents",
)
def guide_detail(request, slug: str):
    # Always as an anonymous reader: drafts are never in the API, whoever asks.
    guide = found("guide", slug, lambda s: selectors.guide_page(s, AnonymousUser()))
    return serializers.guide_detail(guide)
