"""Reading pages as a visitor's browser would: the links a page offers."""

import re


def pager_links(html: str) -> dict[str, str]:
    """{"prev": url, "next": url} from a pager's links, as a browser would follow them."""
    return {
        rel: href.replace("&amp;", "&")
        for href, rel in re.findall(r'<a href="([^"]+)" rel="(prev|next)"', html)
    }
