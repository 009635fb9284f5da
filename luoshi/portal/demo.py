"""Demo portal: each town publishes its plan-bound indicators (not all: one stays internal to show the
default) and its reports; the county's and each town's disclosure catalogue with reviewed documents,
one draft awaiting review; one request for disclosure. Idempotent."""

from __future__ import annotations

from django.utils import timezone

from luoshi.accounts.models import Indicator
from luoshi.cases.models import Case, CaseType
from luoshi.plans.models import Plan
from luoshi.portal import annual, services
from luoshi.portal.models import DisclosureDocument, DisclosureItem
from luoshi.reports.models import Report

BASIS = "《中华人民共和国政府信息公开条例》第二十条"
COUNTY_ITEMS = [
    (
        "机构职能",
        "县政府工作部门设置及职能",
        BASIS,
        "县政府办公室",
        "信息形成或变更之日起20个工作日内",
        "县政府门户网站",
    ),
    (
        "规划计划",
        "国民经济和社会发展规划及年度计划",
        BASIS,
        "县发展改革局",
        "批准后20个工作日内",
        "县政府门户网站",
    ),
]
TOWN_ITEMS = [
    ("工作报告", "政府工作报告", BASIS, "党政办", "人代会闭幕后20个工作日内", "政务公开栏、门户网站"),
    ("财政信息", "财政预算、决算报告", "《预算法》第十四条", "财政所", "批准后20日内", "门户网站"),
    (
        "民生实事",
        "民生实事项目票决结果及实施情况",
        "县人大常委会民生实事项目票决制实施办法",
        "党政办",
        "结果封存后5个工作日内",
        "政务公开栏、门户网站",
    ),
    ("重大建设项目", "重大建设项目批准和实施信息", BASIS, "经发办", "信息形成之日起20个工作日内", "门户网站"),
    (
        annual.ANNUAL_CATEGORY,
        "政府信息公开工作年度报告",
        "《政府信息公开条例》第四十九条、第五十条",
        "党政办",
        "每年1月31日前",
        "门户网站",
    ),
]


def _items(county, town, rows):
    out = []
    for i, (category, title, basis, owner, deadline, channel) in enumerate(rows, start=1):
        item, _created = DisclosureItem.objects.get_or_create(
            county=county,
            town=town,
            title=title,
            defaults={
                "category": category,
                "basis": basis,
                "owner": owner,
                "deadline": deadline,
                "channel": channel,
                "order": i * 10,
            },
        )
        out.append(item)
    return out


def _document(item, title, body, author, reviewer):
    if DisclosureDocument.objects.filter(item=item, title=title).exists():
        return
    doc = services.document_create(item=item, title=title, body=body, by=author)
    doc = services.document_move(document=doc, action="submit", by=author)
    if reviewer is not None:
        services.document_move(document=doc, action="publish", by=reviewer)


def load(ctx, progress=lambda msg: None) -> None:
    users = ctx.users
    office = {ctx.towns[0].pk: users["office"], ctx.towns[1].pk: users["office_b"]}
    reviewer = {ctx.towns[0].pk: users["leader"], ctx.towns[1].pk: None}
    year = timezone.localdate().year
    for town in ctx.towns:
        by = office[town.pk]
        bound = Indicator.objects.filter(
            pk__in=Plan.objects.filter(town=town, year=year).values("items__indicator_id")
        ).order_by("code")
        for n, indicator in enumerate(bound):
            if n % 5 != 4:  # every fifth stays internal: public is a decision, not the default
                services.indicator_publish(town=town, indicator=indicator, public=True, by=by)
        for report in Report.objects.filter(town=town):
            services.report_publish(report=report, public=True, by=by)
        items = _items(ctx.county, town, TOWN_ITEMS)
        has_plan = Plan.objects.filter(town=town, year=year).exists()
        _document(
            items[0],
            f"{town.name}{year}年政府工作报告",
            "全文见本页“政府工作报告”栏目。",
            by,
            reviewer[town.pk] or users["admin"],
        )
        if has_plan:
            _document(
                items[2],
                f"{town.name}{year}年民生实事项目票决结果公告",
                "经镇人民代表大会票决，确定本年度民生实事项目，详见“民生实事”栏目。",
                by,
                reviewer[town.pk] or users["admin"],
            )
        _document(items[1], f"{town.name}{year}年财政预算报告（待审核）", "预算报告正文（草稿）。", by, None)
        # last year's annual disclosure report, drafted from the records and reviewed like any document
        title, body = annual.draft_text(
            town.name, annual.figures(county=ctx.county, towns=[town], is_county=False, year=year - 1)
        )
        _document(items[4], title, body, by, reviewer[town.pk] or users["admin"])
    county_items = _items(ctx.county, None, COUNTY_ITEMS)
    _document(
        county_items[0],
        "县政府工作部门设置",
        "县政府设工作部门若干个，职能见各部门网站。",
        users["county"],
        users["admin"],
    )
    if (
        CaseType.objects.filter(code="disclosure").exists()
        and not Case.objects.filter(case_type__code="disclosure").exists()
    ):
        from luoshi.cases.services import case_create

        case_create(
            case_type="disclosure",
            title="申请公开本镇2025年农村公路养护资金使用情况",
            content="请提供本镇2025年农村公路养护资金的使用明细。",
            town=ctx.towns[0],
            category="info",
            contact_name="申请人 郑一",
            contact_phone="13800001111",
            channel="online",
            actor=None,
            actor_label="申请人（网上提交）",
        )
