"""The CSP nonce in a stored page (a cached or published page, a saved plan's kept page).

A stored page holds a mark where each request's own nonce goes; it is swapped only inside
`nonce="…"` attributes, so no text of the page can be mistaken for one.
"""

NONCE_MARK = b"__careerpath_csp_nonce__"
_NONCE_ATTRIBUTE_MARK = b'nonce="' + NONCE_MARK + b'"'


def mark_nonce(request, content: bytes) -> bytes:
    nonce = getattr(request, "_csp_nonce", None)
    if not nonce:  # none was made while rendering: the page has no nonce attribute
        return content
    return content.replace(b'nonce="' + str(nonce).encode() + b'"', _NONCE_ATTRIBUTE_MARK)


def unmark_nonce(request, content: bytes) -> bytes:
    if _NONCE_ATTRIBUTE_MARK not in content:
        return content
    # Reading the nonce makes the CSP middleware send it in this response's policy.
    return unmark_bytes(content, str(request._csp_nonce).encode())


def unmark_bytes(content: bytes, nonce: bytes) -> bytes:
    """`content` with `nonce` where the marks are."""
    return content.replace(_NONCE_ATTRIBUTE_MARK, b'nonce="' + nonce + b'"')
