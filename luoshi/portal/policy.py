"""The privacy allow-list: the ONLY fields of any model the portal, its downloads and its API show.

Declared once. A field not listed here is not public — names of staff and residents, phone and ID
numbers, user accounts, door-level addresses, progress notes, problems, proposers, investors,
evidence, review notes. Each public field says how it is shown:

* ``plain``   — as stored (codes, names of public bodies, amounts, dates, published text);
* ``choice``  — the label of a choice field (never the raw key);
* ``masked``  — free text typed by residents or staff, passed through ``luoshi.lib.masking.mask_text``
  for the public (phone, ID, names after cue words, door numbers);
* ``sealed``  — a vote figure, shown only once the round's result is sealed.

Which *rows* are public is decided elsewhere and just as narrowly: published indicators and reports
(``PublishedIndicator``, ``PublishedReport``), key projects signed or later (``public_project_stages``:
never investment-attraction projects, never one at 线索 or 在谈), sealed vote results,
reviewed disclosure documents, the Open311 published case set (``luoshi.cases.open311.catalog``, same
masking), and case aggregates with small cells hidden (``luoshi.portal.suppress``).

Public code reads rows through ``public_dict`` (dicts, never model instances, reach the templates),
so a template cannot reach past this list. ``luoshi/portal/tests/test_privacy_attack.py`` collects
every personal value in the database and greps every public page, download and API answer for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from luoshi.lib.masking import mask_text


@dataclass(frozen=True)
class Pub:
    attr: str  # attribute path on the object, dots for relations (``owner_unit.name``)
    label: Any  # the column header (Chinese, gettext)
    show: str = "plain"  # plain | choice | masked | sealed

    @property
    def key(self) -> str:
        return self.attr.replace(".", "_")


PUBLIC_FIELDS: dict[str, tuple[Pub, ...]] = {
    "org.County": (Pub("code", _("代码")), Pub("name", _("名称"))),
    "org.Town": (Pub("code", _("代码")), Pub("name", _("名称")), Pub("kind", _("类型"), "choice")),
    "reports.Report": (
        Pub("title", _("标题")),
        Pub("review_year", _("回顾年度")),
        Pub("plan_year", _("计划年度")),
        Pub("text", _("正文")),  # the report as delivered to the congress: a public document once published
    ),
    "reports.Fact": (
        Pub("seq", _("序号")),
        Pub("part", _("部分"), "choice"),
        Pub("kind", _("类别"), "choice"),
        Pub("measure", _("度量"), "choice"),
        Pub("metric", _("指标")),
        Pub("value", _("数值")),
        Pub("unit", _("单位")),
        Pub("approx", _("约数")),
        Pub("year", _("年度")),
        Pub("quote", _("原句")),
    ),
    "accounts.Indicator": (
        Pub("code", _("指标代码")),
        Pub("name", _("指标名称")),
        Pub("unit", _("计量单位")),
        Pub("measure", _("度量"), "choice"),
        Pub("definition", _("口径定义")),
        Pub("version", _("口径版本")),
        Pub("source", _("数据来源"), "choice"),
    ),
    "plans.Item": (
        Pub("name", _("目标")),
        Pub("area", _("领域"), "choice"),
        Pub("measure", _("度量"), "choice"),
        Pub("unit", _("计量单位")),
        Pub("target_value", _("目标值")),
        Pub("qualifier", _("限定语")),
        Pub("deadline", _("完成时限")),
    ),
    "plans.Project": (
        Pub("name", _("项目名称")),
        Pub("industry", _("产业")),
        Pub("investment", _("总投资(万元)")),
        Pub("annual_plan", _("年度计划投资(万元)")),
        Pub("annual_done", _("年度完成投资(万元)")),
        Pub("stage", _("当前阶段"), "choice"),
        Pub("owner_unit.name", _("责任单位")),
        Pub("start_date", _("计划开始")),
        Pub("deadline", _("计划完成")),
    ),
    "plans.ProjectStage": (Pub("stage", _("阶段"), "choice"), Pub("date", _("日期"))),
    "plans.LivelihoodRound": (
        Pub("session_name", _("会议名称")),
        Pub("phase", _("阶段"), "choice"),
        Pub("mode", _("表决方式"), "choice"),
        Pub("seats", _("拟确定项目数")),
        Pub("rule", _("确定规则"), "choice"),
        Pub("deputies_total", _("全体代表人数")),
        Pub("resolution_no", _("决议文号")),
        Pub("sealed_at", _("封存时间")),
        Pub("seal_hash", _("封存指纹")),
    ),
    "plans.Proposal": (
        Pub("title", _("建议项目"), "masked"),
        Pub("source", _("来源"), "choice"),
        Pub("status", _("状态"), "choice"),
    ),
    "plans.LivelihoodProject": (
        Pub("name", _("项目名称")),
        Pub("content", _("建设内容"), "masked"),
        Pub("budget", _("预算(万元)")),
        Pub("funding", _("资金来源")),
        Pub("owner_unit.name", _("责任单位")),
        Pub("deadline", _("完成时限")),
        Pub("agree", _("赞成"), "sealed"),
        Pub("disagree", _("反对"), "sealed"),
        Pub("abstain", _("弃权"), "sealed"),
        Pub("rule_adopted", _("按规则当选"), "sealed"),
        Pub("adopted", _("最终确定"), "sealed"),
        Pub("accepted_on", _("验收日期")),
        Pub("eval_satisfied", _("满意")),
        Pub("eval_basic", _("基本满意")),
        Pub("eval_dissatisfied", _("不满意")),
    ),
    "portal.DisclosureItem": (
        Pub("category", _("类别")),
        Pub("title", _("公开事项")),
        Pub("basis", _("公开依据")),
        Pub("owner", _("责任单位")),
        Pub("deadline", _("公开时限")),
        Pub("channel", _("公开渠道")),
    ),
    "portal.DisclosureDocument": (
        Pub("title", _("标题")),
        Pub("body", _("正文")),  # public after review by a second person (services.document_publish)
        Pub("published_at", _("公开时间")),
    ),
}

# The Open311 fields of a published case (``open311.catalog.request_fields``, already masked there:
# street-level address, ~100 m coordinates, masked text; never the caller's name or phone).
PUBLIC_CASE_FIELDS: tuple[Pub, ...] = (
    Pub("service_request_id", _("编号")),
    Pub("service_name", _("类别")),
    Pub("status_notes", _("办理情况")),
    Pub("description", _("内容")),
    Pub("agency_responsible", _("承办单位")),
    Pub("requested_datetime", _("反映时间")),
    Pub("address", _("地点")),
)


# A project is public from its signing on (DOMAIN §7): leads and negotiations are commercially confidential
# (the investor may walk away, a rival town may court it), so neither they nor their amounts are shown.
PROJECTS_PUBLIC_FROM = "signed"


def public_project_stages() -> list[str]:
    """The stages (``plans.Project.Stage``) at which a key project appears on public pages, downloads and API."""
    from luoshi.plans.models import Project

    stages = list(Project.Stage.values)
    return stages[stages.index(PROJECTS_PUBLIC_FROM) :]


def model_key(obj_or_model) -> str:
    meta = obj_or_model._meta
    return f"{meta.app_label}.{meta.object_name}"


def fields_of(model) -> tuple[Pub, ...]:
    return PUBLIC_FIELDS[model_key(model)]


def _get(obj, path: str):
    for part in path.split("."):
        if obj is None:
            return None
        obj = getattr(obj, part)
    return obj


def shown(obj, pub: Pub, *, sealed: bool = False, names=()):
    """One allowed field of ``obj`` as the public sees it."""
    if pub.show == "choice":
        value = getattr(obj, pub.attr)
        return str(getattr(obj, f"get_{pub.attr}_display")()) if value else ""
    value = _get(obj, pub.attr)
    if pub.show == "masked":
        return mask_text(value or "", names=names, public=True)
    if pub.show == "sealed" and not sealed:
        return None
    return value


def public_dict(obj, *, sealed: bool = False, names=(), only: tuple[str, ...] | None = None) -> dict:
    """The public fields of ``obj`` (keys: ``Pub.key``); ``sealed``: its vote figures may be shown."""
    return {
        p.key: shown(obj, p, sealed=sealed, names=names)
        for p in fields_of(obj)
        if only is None or p.attr in only
    }


def public_case(fields: dict) -> dict:
    """The allowed subset of an Open311 request (``catalog.request_fields``)."""
    return {p.key: fields.get(p.attr) for p in PUBLIC_CASE_FIELDS}


def labels(model, only: tuple[str, ...] | None = None) -> list[tuple[str, Any]]:
    return [(p.key, p.label) for p in fields_of(model) if only is None or p.attr in only]
