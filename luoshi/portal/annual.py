"""The annual report on government information disclosure (政府信息公开工作年度报告), drafted from the records.

《政府信息公开条例》art. 49–50 asks every office for a report by 31 January on the previous year, in
the layout of the national template (国办公开办发〔2021〕30号): 一、总体情况; 二、主动公开政府信息情况;
三、收到和处理政府信息公开申请情况; 四、政府信息公开行政复议、行政诉讼情况; 五、存在的主要问题及改进情况;
六、其他需要报告的事项. Every figure here is counted from the records (published documents per catalogue
category, 依申请公开 cases by outcome and timeliness); what the system cannot know (reviews and
lawsuits, problems, plans) is left as a bracketed prompt for the office to write.

The draft becomes an ordinary disclosure document: the office edits the wording on the management
page, and it reaches the portal only after review by someone else (``services.DOC_TRANSITIONS``).
``docx_blocks`` lays a document's text out for the official .docx writer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from django.db.models import Q
from django.utils import timezone

from luoshi.cases.models import Case, CaseType
from luoshi.portal.models import DisclosureDocument, DocState

DISCLOSURE_TYPE = "disclosure"
ANNUAL_CATEGORY = "年度报告"
# What the office writes itself: shown bracketed in the draft, so a reviewer sees what is missing.
TO_FILL = "【请填写】"


def _bounds(year: int) -> tuple[dt.datetime, dt.datetime]:
    tz = timezone.get_current_timezone()
    return dt.datetime(year, 1, 1, tzinfo=tz), dt.datetime(year + 1, 1, 1, tzinfo=tz)


def figures(*, county, towns: list, is_county: bool, year: int) -> dict:
    """The report's numbers for ``year``: proactive disclosures and requests, all counted from records."""
    start, end = _bounds(year)
    where = Q(item__county=county, item__town__isnull=True) if is_county else Q(item__town__in=towns)
    docs = DisclosureDocument.objects.filter(
        where,
        state__in=(DocState.PUBLISHED, DocState.WITHDRAWN),
        published_at__gte=start,
        published_at__lt=end,
    )
    by_category = Counter(docs.values_list("item__category", flat=True))
    ctype = CaseType.objects.filter(code=DISCLOSURE_TYPE).first()
    requests = Case.objects.filter(case_type=ctype, town__in=towns).exclude(
        status__in=("merged", "cancelled")
    )
    received = requests.filter(received_at__gte=start, received_at__lt=end)
    carried_in = requests.filter(received_at__lt=start).filter(
        Q(resolved_at__isnull=True) | Q(resolved_at__gte=start)
    )
    answered = requests.filter(resolved_at__gte=start, resolved_at__lt=end)
    outcome_counts = Counter(answered.values_list("outcome", flat=True))
    labels = (ctype.outcome_labels or {}) if ctype else {}
    outcomes = [
        (labels.get(k, k) if k else "其他处理", n) for k, n in sorted(outcome_counts.items(), key=str)
    ]
    on_time = sum(
        1 for resolved, due in answered.values_list("resolved_at", "due_at") if due is None or resolved <= due
    )
    pending = requests.filter(received_at__lt=end).filter(
        Q(resolved_at__isnull=True) | Q(resolved_at__gte=end)
    )
    return {
        "year": year,
        "documents": sum(by_category.values()),
        "by_category": sorted(by_category.items()),
        "received": received.count(),
        "carried_in": carried_in.count(),
        "answered": answered.count(),
        "outcomes": outcomes,
        "on_time": on_time,
        "extended": answered.exclude(extension_days=0).count(),
        "pending": pending.count(),
    }


def draft_text(area_name: str, f: dict) -> tuple[str, str]:
    """(title, body) of the report in the national template's sections, figures filled in."""
    y = f["year"]
    title = f"{area_name}{y}年政府信息公开工作年度报告"
    rate = f"{f['on_time'] * 100 / f['answered']:.1f}%" if f["answered"] else "—"
    lines = [
        f"本报告根据《中华人民共和国政府信息公开条例》要求，由{area_name}编制，数据统计期限为{y}年1月1日至{y}年12月31日。",
        "一、总体情况",
        f"{y}年，{area_name}按照主动公开目录公开政府信息{f['documents']}条，受理政府信息公开申请{f['received']}件，"
        f"办结{f['answered']}件，按期答复率{rate}。{TO_FILL}（工作举措、平台建设、监督保障等）",
        "二、主动公开政府信息情况",
    ]
    if f["by_category"]:
        lines += [f"{category}：{n}条" for category, n in f["by_category"]]
    else:
        lines.append("本年度未在主动公开目录下发布文件。")
    lines += [
        "三、收到和处理政府信息公开申请情况",
        f"本年新收政府信息公开申请数量：{f['received']}件",
        f"上年结转政府信息公开申请数量：{f['carried_in']}件",
        f"本年度办理结果：共办结{f['answered']}件",
        *[f"{label}：{n}件" for label, n in f["outcomes"]],
        f"按期答复：{f['on_time']}件（按期答复率{rate}），其中经批准延长答复期限{f['extended']}件",
        f"结转下年度继续办理：{f['pending']}件",
        "四、政府信息公开行政复议、行政诉讼情况",
        f"行政复议、行政诉讼情况：{TO_FILL}（系统未记录复议和诉讼，请据实填写；无则写“无”。）",
        "五、存在的主要问题及改进情况",
        f"{TO_FILL}",
        "六、其他需要报告的事项",
        f"{TO_FILL}（收取信息处理费情况等；无则写“无”。）",
    ]
    return title, "\n".join(lines)


_H1 = re.compile(r"^[一二三四五六七八九十]+、")
_H2 = re.compile(r"^（[一二三四五六七八九十]+）")


def docx_blocks(title: str, body: str) -> list[tuple[str, str]]:
    """A document's text as (kind, text) blocks for ``reports.writer.docx.write``: 一、 lines are
    headings, （一） lines subheadings, the rest paragraphs."""
    blocks = [("title", title)]
    for line in body.splitlines():
        line = line.strip()
        if not line:
            continue
        blocks.append(("h1" if _H1.match(line) else "h2" if _H2.match(line) else "p", line))
    return blocks
