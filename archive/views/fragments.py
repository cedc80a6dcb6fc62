"""Blocks a page loads in a second request, so that its main list is not kept waiting.

The facets of the article list, an entity's circle, an organisation's units and
people cost more to read than the rest of their pages. Each page draws a
placeholder with a link; archive/static/archive/deferred.js fetches the block
from its own URL and puts it in place. Without the script the link opens the
block as a page of its own, so nothing is lost. The script asks with the
header FRAGMENT_HEADER and gets the block alone; a browser following the link
gets it inside the site's layout.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

FRAGMENT_HEADER = "X-Archive-Fragment"


def render_fragment(
    request: HttpRequest,
    template: str,
    context: dict,
    *,
    title: str,
    back_url: str,
    back_label: str,
    status: int = 200,
) -> HttpResponse:
    """The block alone for the script, or as a page with a way back for a reader."""
    if request.headers.get(FRAGMENT_HEADER) == "1":
        response = render(request, template, context, status=status)
    else:
        page = {
            **context,
            "fragment_template": template,
            "fragment_title": title,
            "back_url": back_url,
            "back_label": back_label,
        }
        response = render(request, "archive/fragment_page.html", page, status=status)
    patch_vary_headers(response, [FRAGMENT_HEADER])
    return response


def entity_block(
    request: HttpRequest, record, template: str, context: dict, *, title
) -> HttpResponse:
    """A block of a person's or an organisation's page: `title` names the record
    ("%(name)s"), and the way back is the record's page."""
    return render_fragment(
        request,
        template,
        context,
        title=title % {"name": record.name},
        back_url=record.get_absolute_url(),
        back_label=record.name,
    )
