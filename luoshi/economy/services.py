"""Every write of the economy desk: keyword-only, atomic, validated, audited (simple-history).

Who may write is checked here too (``_require_desk``): only the town's leaders and economy office
register enterprises, import returns, log visits and raise cases about them.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.cases.models import CaseType, Category, Channel
from luoshi.cases.services import case_create
from luoshi.economy import access, credit_code
from luoshi.economy import warnings as rules
from luoshi.economy.models import (
    Enterprise,
    EnterpriseCase,
    Feed,
    FeedSource,
    MeterAccount,
    Scale,
    ScaleFlag,
    Visit,
)
from luoshi.org.models import Grid, Town, Unit, User, Village

PROBLEM_TYPE = "enterprise"  # 企业诉求 (migration economy.0002_case_types)
WARNING_TYPE = "econ_warning"  # 经济运行预警核查


class EconomyError(Exception):
    """A refused write, with a reason fit to show (``field`` names the input when there is one)."""

    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.message = message
        self.field = field


def _require(cond: bool, message: str, field: str = "") -> None:
    if not cond:
        raise EconomyError(message, field)


def _require_desk(user: User, town: Town) -> None:
    _require(access.desk_towns(user).filter(pk=town.pk).exists(), _("只有本镇领导和经发办人员可以操作。"))


def _by(obj, user):
    if user is not None:
        obj._history_user = user
    return obj


def _full_clean(obj, exclude=None) -> None:
    try:
        obj.full_clean(exclude=exclude)
    except ValidationError as exc:
        field, errors = next(iter(exc.message_dict.items()))
        raise EconomyError(str(errors[0]), "" if field == "__all__" else field) from exc


def desk_unit(town: Town) -> Unit:
    unit = Unit.objects.filter(town=town, code__in=access.desk_unit_codes(), is_active=True).first()
    _require(unit is not None, _("本镇没有经发办，无法登记企业。"), "town")
    return unit


@transaction.atomic
def enterprise_create(
    *,
    by: User,
    town: Town,
    credit_code_text: str,
    name: str,
    industry: str,
    village: Village | None = None,
    grid: Grid | None = None,
    address: str = "",
    contact_name: str = "",
    contact_phone: str = "",
    scales: list[tuple[str, dt.date]] | None = None,
    meters: list[str] | None = None,
) -> Enterprise:
    """Register an enterprise with its scale flags (each with its start date) and meter accounts."""
    _require_desk(by, town)
    try:
        code = credit_code.validate(credit_code_text)
    except credit_code.CreditCodeError as exc:
        msg = {
            "length": _("统一社会信用代码应为18位。"),
            "format": _("统一社会信用代码含有不允许的字符。"),
            "checksum": _("统一社会信用代码校验位不正确。"),
        }[exc.reason]
        raise EconomyError(msg, "credit_code") from exc
    _require(
        not Enterprise.objects.filter(credit_code=code).exists(),
        _("该统一社会信用代码已登记。"),
        "credit_code",
    )
    if grid is not None and village is None:
        village = grid.village
    ent = _by(
        Enterprise(
            credit_code=code,
            name=name.strip(),
            industry=industry.strip().upper(),
            town=town,
            village=village,
            grid=grid,
            desk=desk_unit(town),
            address=address.strip(),
            contact_name=contact_name.strip(),
            contact_phone=contact_phone.strip(),
        ),
        by,
    )
    _full_clean(ent, exclude=["credit_code"])
    ent.save()
    for scale, since in scales or []:
        flag_add(by=by, enterprise=ent, scale=scale, since=since)
    for account in meters or []:
        meter_add(by=by, enterprise=ent, account=account)
    return ent


@transaction.atomic
def flag_add(*, by: User, enterprise: Enterprise, scale: str, since: dt.date) -> ScaleFlag:
    _require_desk(by, enterprise.town)
    _require(scale in Scale.values, _("规模类别无效。"), "scale")
    _require(
        not enterprise.flags.filter(scale=scale, until__isnull=True).exists(),
        _("该企业已有此规模标志。"),
        "scale",
    )
    flag = _by(ScaleFlag(enterprise=enterprise, scale=scale, since=since), by)
    flag.save()
    return flag


@transaction.atomic
def meter_add(*, by: User, enterprise: Enterprise, account: str) -> MeterAccount:
    _require_desk(by, enterprise.town)
    account = account.strip()
    _require(bool(account), _("用电户号不能为空。"), "meters")
    _require(
        not MeterAccount.objects.filter(account=account).exists(),
        _("用电户号“%(a)s”已对应其他企业。") % {"a": account},
        "meters",
    )
    meter = _by(MeterAccount(enterprise=enterprise, account=account), by)
    meter.save()
    return meter


@transaction.atomic
def visit_log(
    *,
    by: User,
    enterprise: Enterprise,
    visited_on: dt.date,
    kind: str = Visit.Kind.ROUTINE,
    note: str = "",
    problem: str = "",
    problem_category: str = "",
) -> Visit:
    """Log a visit; a problem the enterprise raised becomes a 企业诉求 case in the same step."""
    _require_desk(by, enterprise.town)
    _require(kind in Visit.Kind.values, _("走访类型无效。"), "kind")
    _require(visited_on <= timezone.localdate(), _("走访日期不能晚于今天。"), "visited_on")
    _require(visited_on.year >= 2000, _("走访日期无效。"), "visited_on")
    visit = _by(Visit(enterprise=enterprise, visited_on=visited_on, kind=kind, note=note.strip(), by=by), by)
    visit.save()
    if problem.strip():
        problem_raise(by=by, enterprise=enterprise, text=problem, category=problem_category, visit=visit)
    return visit


def _category(type_code: str, code: str) -> Category | None:
    if not code:
        return None
    cat = Category.objects.filter(case_type__code=type_code, code=code, is_active=True).first()
    _require(cat is not None, _("问题类别无效。"), "problem_category")
    return cat


@transaction.atomic
def problem_raise(
    *, by: User, enterprise: Enterprise, text: str, category: str = "", visit: Visit | None = None
) -> EnterpriseCase:
    """A problem the enterprise raised (用地、用电、融资、审批、用工 …) becomes a 企业诉求 case of its town,
    with the case engine's deadlines, reply and rating; it counts in the KPIs and in 帮助企业解决问题."""
    _require_desk(by, enterprise.town)
    text = text.strip()
    _require(bool(text), _("请填写企业反映的问题。"), "problem")
    ctype = CaseType.objects.filter(code=PROBLEM_TYPE).first()
    _require(ctype is not None, _("未配置“企业诉求”案件类型。"))
    case = case_create(
        case_type=ctype,
        title=_("%(e)s：%(t)s") % {"e": enterprise.name, "t": text[:60]},
        content=text,
        actor=by,
        town=enterprise.town,
        village=enterprise.village,
        grid=enterprise.grid,
        category=_category(PROBLEM_TYPE, category),
        channel=Channel.VISIT,
        address=enterprise.address,
        contact_name=enterprise.contact_name,
        contact_phone=enterprise.contact_phone,
    )
    return _by(
        EnterpriseCase.objects.create(
            enterprise=enterprise, case=case, origin=EnterpriseCase.Origin.PROBLEM, visit=visit
        ),
        by,
    )


@transaction.atomic
def warning_task_create(*, by: User, enterprise: Enterprise, kind: str, month: dt.date) -> EnterpriseCase:
    """Turn a current warning into a task (a case for the economy office to verify, usually by a visit).

    The case names the enterprise and the kind of warning but carries none of its figures: cases are
    seen by the town office and the units they are dispatched to, who see no per-enterprise values.
    """
    from luoshi.economy.selectors import enterprise_warnings

    _require_desk(by, enterprise.town)
    current = [
        f for f in enterprise_warnings(enterprise) if f.warning.kind == kind and f.warning.month == month
    ]
    _require(bool(current), _("该预警已不存在（数据可能已更新）。"), "kind")
    _require(current[0].task is None, _("该预警已转为任务。"), "kind")
    ctype = CaseType.objects.filter(code=WARNING_TYPE).first()
    _require(ctype is not None, _("未配置“经济运行预警核查”案件类型。"))
    label = rules.kind_labels()[kind]
    case = case_create(
        case_type=ctype,
        title=_("预警核查：%(e)s（%(k)s）") % {"e": enterprise.name, "k": label},
        content=_(
            "经济运行监测发现该企业“%(k)s”（%(m)s），请走访核实原因并反馈。具体数据请在经济运行页面查看。"
        )
        % {"k": label, "m": _("%(y)s年%(m)s月") % {"y": month.year, "m": month.month}},
        actor=by,
        town=enterprise.town,
        village=enterprise.village,
        grid=enterprise.grid,
        channel=Channel.INSPECTION,
        address=enterprise.address,
    )
    return _by(
        EnterpriseCase.objects.create(
            enterprise=enterprise,
            case=case,
            origin=EnterpriseCase.Origin.WARNING,
            warning_kind=kind,
            warning_month=month,
        ),
        by,
    )


@transaction.atomic
def feed_create(*, by: User, town: Town, name: str, source: str, layout: str, key: str) -> Feed:
    """A new recurring feed of the town (its mapping is filled in by its first import)."""
    _require_desk(by, town)
    name = name.strip()
    _require(bool(name), _("请填写数据源名称。"), "name")
    _require(source in FeedSource.values, _("来源无效。"), "source")
    _require(layout in Feed.Layout.values, _("表格形式无效。"), "layout")
    _require(key in Feed.Key.values, _("匹配依据无效。"), "key")
    _require(not Feed.objects.filter(town=town, name=name).exists(), _("本镇已有同名数据源。"), "name")
    feed = _by(Feed(town=town, name=name[:60], source=source, layout=layout, key=key), by)
    feed.save()
    return feed


# --- Key projects → the register (a project at 投产/入库 is an enterprise: one story) ------------------

PROJECT_STAGES = ("producing", "attained")  # plans.Project.Stage: 投产, 达产/入库


def project_enterprise_link(*, project, by: User | None = None) -> Enterprise | None:
    """Link the register's enterprise to a project that reached 投产/入库, by its credit code.

    Only an exact credit-code match in the project's own town that is not yet linked to another project
    is linked without asking; anything else stays a proposal (``project_enterprise_confirm``) for the
    economy office, so a project never creates a silent duplicate. Returns the linked enterprise or None.
    """
    linked = Enterprise.objects.filter(project=project).first()
    if linked is not None or project.stage not in PROJECT_STAGES or not project.credit_code:
        return linked
    ent = Enterprise.objects.filter(
        credit_code=credit_code.normalize(project.credit_code),
        town_id=project.plan.town_id,
        project__isnull=True,
    ).first()
    if ent is not None:
        ent.project = project
        _by(ent, by).save(update_fields=["project"])
    return ent


@transaction.atomic
def project_enterprise_confirm(
    *, by: User, project, enterprise: Enterprise | None = None, industry: str = "", name: str = ""
) -> Enterprise:
    """The economy office settles a proposal: link an existing enterprise of the town, or register the
    project's company (its credit code from the project, the industry code typed here) and link it."""
    town = project.plan.town
    _require_desk(by, town)
    _require(project.stage in PROJECT_STAGES, _("项目尚未投产或入库。"))
    _require(not Enterprise.objects.filter(project=project).exists(), _("该项目已关联企业。"))
    if enterprise is None:
        _require(bool(project.credit_code), _("项目没有统一社会信用代码：请选择名录中的企业。"), "enterprise")
        enterprise = enterprise_create(
            by=by,
            town=town,
            credit_code_text=project.credit_code,
            name=name or project.investor or project.name,
            industry=industry,
        )
    enterprise = Enterprise.objects.select_for_update().get(pk=enterprise.pk)
    _require(enterprise.town_id == town.pk, _("只能关联本镇名录中的企业。"), "enterprise")
    _require(enterprise.project_id is None, _("该企业已关联其他项目。"), "enterprise")
    enterprise.project = project
    _by(enterprise, by).save(update_fields=["project"])
    return enterprise
