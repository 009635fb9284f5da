"""QR labels for items (segno, SVG drawn server-side): the payload is the item's page with its number
after ``#n=`` so the inspection form can pick the item without asking the server, and any phone
camera opens the item."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

import segno
from django.urls import reverse
from django.utils.safestring import mark_safe

PER_PAGE = 24  # 3 × 8 labels on an A4 sheet


@dataclass
class Label:
    item: object
    payload: str
    svg: str


def payload(request, item) -> str:
    return request.build_absolute_uri(reverse("ledgers:item", args=[item.pk])) + "#n=" + quote(item.number)


def svg(text: str) -> str:
    """The QR code as inline SVG (error correction M: a label may get dirty on a post)."""
    return segno.make(text, error="m", micro=False).svg_inline(scale=1, border=4, omitsize=True)


def labels(request, items) -> list[Label]:
    out = []
    for item in items:
        text = payload(request, item)
        out.append(Label(item, text, mark_safe(svg(text))))  # noqa: S308 - segno's own SVG markup
    return out
