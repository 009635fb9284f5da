"""A register as CSV in the layout towns keep it in: number, place, owner, maintainer, then the
type's own attributes. Every cell goes through ``luoshi.lib.export`` (no cell runs as a formula)."""

from __future__ import annotations

from django.http import StreamingHttpResponse
from django.utils.translation import gettext as _

from luoshi.lib.export import csv_writer


class _Echo:
    def write(self, value):
        return value


def register_rows(rt, qs):
    yield [
        _("序号"),
        rt.number_label,
        _("名称"),
        _("乡镇"),
        _("村(社区)"),
        rt.owner_label,
        rt.maintainer_label,
        _("纬度"),
        _("经度"),
        *[a["label"] for a in rt.attributes or []],
    ]
    for i, item in enumerate(qs.iterator(chunk_size=2000), start=1):
        yield [
            i,
            item.number,
            item.name,
            item.town.name,
            item.village.name if item.village else "",
            item.owner,
            item.maintainer,
            item.latitude or "",
            item.longitude or "",
            *[item.attributes.get(a["key"], "") for a in rt.attributes or []],
        ]


def register_csv(rt, qs) -> StreamingHttpResponse:
    writer = csv_writer(_Echo())
    response = StreamingHttpResponse(
        ("\ufeff" if i == 0 else "") + writer.writerow(row) for i, row in enumerate(register_rows(rt, qs))
    )
    response["Content-Type"] = "text/csv; charset=utf-8"
    response["Content-Disposition"] = f'attachment; filename="{rt.code}.csv"'
    return response
