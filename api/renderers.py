"""JSON as the API writes it: <, > and & escaped as \\u003c, \\u003e and \\u0026, so text a
visitor sent (a search, an unknown path) never appears as markup in any answer, even to a
client that ignores the Content-Type. The parsed data is the same."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from ninja.renderers import JSONRenderer

_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def dumps(data) -> str:
    return json.dumps(data, cls=DjangoJSONEncoder).translate(_ESCAPES)


class EscapedJSONRenderer(JSONRenderer):
    def render(self, request, data, *, response_status):
        return dumps(data)
