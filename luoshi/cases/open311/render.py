"""Open311 responses in JSON and XML (UTF-8, the spec's element names), and its error format."""

from __future__ import annotations

import json

from django.http import HttpResponse
from lxml import etree

CONTENT_TYPES = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _xml(root: str, item: str, rows: list[dict]) -> bytes:
    top = etree.Element(root)
    for row in rows:
        el = etree.SubElement(top, item)
        _fill(el, row)
    return etree.tostring(top, xml_declaration=True, encoding="UTF-8")


def _fill(el, row: dict) -> None:
    for key, value in row.items():
        child = etree.SubElement(el, key)
        if isinstance(value, dict):
            _fill(child, value)
        elif isinstance(value, list):
            for v in value:
                sub = etree.SubElement(child, key.rstrip("s"))
                _fill(sub, v) if isinstance(v, dict) else setattr(sub, "text", _text(v))
        else:
            child.text = _text(value)


def respond(fmt: str, root: str, item: str, rows: list[dict], status: int = 200) -> HttpResponse:
    if fmt == "xml":
        body = _xml(root, item, rows)
    else:
        body = json.dumps(rows, ensure_ascii=False).encode("utf-8")
    return HttpResponse(body, status=status, content_type=CONTENT_TYPES[fmt])


def respond_object(fmt: str, root: str, obj: dict, status: int = 200) -> HttpResponse:
    """A single document (service definition, discovery): an object in JSON, ``<root>…</root>`` in XML."""
    if fmt == "xml":
        top = etree.Element(root)
        _fill(top, obj)
        body = etree.tostring(top, xml_declaration=True, encoding="UTF-8")
    else:
        body = json.dumps(obj, ensure_ascii=False).encode("utf-8")
    return HttpResponse(body, status=status, content_type=CONTENT_TYPES[fmt])


def error(fmt: str, status: int, description: str) -> HttpResponse:
    """``[{"code": 400, "description": "…"}]`` / ``<errors><error><code>…`` with the same HTTP status."""
    return respond(fmt, "errors", "error", [{"code": status, "description": description}], status=status)
