"""Request helpers shared by the views of every app."""


def query_params(*names: str):
    """Declare every query parameter a view reads.

    The page cache keys a page on these alone and hands the view a query string without the
    others (tracking tags, cache-busters), so they can neither fill the cache nor force a fresh
    render. A view without the declaration is cached only when its query string is empty.
    """

    def decorate(view):
        view.query_params = frozenset(names)
        return view

    return decorate


def published(*params: str):
    """Declare that the view's pages are built when the content changes
    (careerpath/publishing.py) for the query strings that hold at most these parameters: the
    page cache looks such a page up there before building it, and looks up no other view's.
    """

    def decorate(view):
        view.published_params = frozenset(params)
        return view

    return decorate
