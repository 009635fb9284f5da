"""Every write of the assessment: keyword-only, atomic, validated, audited (``<entity>_<verb>``).

Who may write (county staff for schemes, results and answers; a town's leaders and office for its
objections) is checked here too, so the views, the API and the demo share one gate. A scheme used
by a published result is frozen: its lines, towns and adjustments refuse every change, and
``scheme_revise`` copies it into the next version instead.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.accounts.models import Indicator
from luoshi.cases import services as case_services
from luoshi.cases import sla
from luoshi.cases.models import DayBasis
from luoshi.county import scoring
from luoshi.county.models import Adjustment, Line, Objection, Result, ResultRow, Scheme, SchemeTown
from luoshi.org.models import County, Town, User
from luoshi.org.roles import Role
from luoshi.org.scoping import scope_of

OBJECTION_CASE_TYPE = "objection"


class CountyError(Exception):
    """A refused write, with a reason for the user (``field`` names the input when there is one)."""

    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.message = message
        self.field = field


def _require(cond: bool, message: str, field: str = "") -> None:
    if not cond:
        raise CountyError(message, field)


def _by(obj, user):
    if user is not None:
        obj._history_user = user
    return obj


def _county_staff(user: User | None, county_id: int) -> None:
    s = scope_of(user)
    _require(s.is_admin or county_id in s.county_ids, _("只有县级考核人员可以进行此操作。"))


def _editable(scheme: Scheme) -> None:
    _require(
        not scheme.frozen,
        _("该方案已用于公布的考核结果，已冻结；请“修订为新版本”后再修改。"),
    )
    _require(scheme.is_current, _("这是旧版本，请修改最新版本。"))


FULL_MARKS = 100.0  # the lines of a scheme share 100 points (百分制); bonus points come on top


def _weights_fit(scheme: Scheme, weight: float, excluding: int | None = None) -> None:
    others = sum(w for pk, w in scheme.lines.values_list("pk", "weight") if pk != excluding)
    _require(
        others + float(weight) <= FULL_MARKS + 1e-6,
        _("各指标分值合计不能超过 %(full)s 分（其他指标已占 %(used)s 分）。")
        % {"full": f"{FULL_MARKS:g}", "used": f"{others:g}"},
        "weight",
    )


def _lock_for_edit(scheme_id: int, by: User | None) -> Scheme:
    """The scheme, locked, once the user may change it and it may still change."""
    scheme = Scheme.objects.select_for_update().get(pk=scheme_id)
    _county_staff(by, scheme.county_id)
    _editable(scheme)
    return scheme


def _check_line(line: Line) -> None:
    """A line's rule is complete: a valid spec (cap, steps) and a target unless it ranks."""
    try:
        line.spec().check()
    except scoring.SchemeError as exc:
        raise CountyError(_("计分规则设置不完整：%(e)s") % {"e": exc}, "rule") from exc
    _require(
        line.rule == scoring.RANK or line.target is not None or len(line.targets or {}) > 0,
        _("除类内排名外，计分规则需要目标值。"),
        "target",
    )


def _clean(obj) -> None:
    try:
        obj.full_clean(exclude=["scheme", "created_by", "previous"])
    except ValidationError as exc:
        field, errors = next(iter(exc.message_dict.items()))
        raise CountyError(str(errors[0]), field) from exc


# --- schemes ----------------------------------------------------------------------------------------


@transaction.atomic
def scheme_create(
    *,
    county: County,
    name: str,
    year: int,
    by: User | None,
    kind: str = Scheme.Kind.ANNUAL,
    quarter: int = 0,
    pass_score: float = 60,
    bonus_cap: float | None = None,
    objection_days: int = 5,
    document: str = "",
    towns: dict[Town, int] | None = None,
) -> Scheme:
    """A new scheme (version 1); ``towns``: town → category (default: every town of the county, 一类)."""
    _county_staff(by, county.pk)
    _require(2000 <= int(year) <= 2100, _("年度应在 2000–2100 之间。"), "year")
    _require(bool((name or "").strip()), _("请填写方案名称。"), "name")
    scheme = _by(
        Scheme(
            county=county,
            name=name.strip()[:100],
            kind=kind,
            year=year,
            quarter=quarter or 0,
            pass_score=pass_score,
            bonus_cap=bonus_cap,
            objection_days=objection_days,
            document=(document or "")[:200],
            created_by=by,
        ),
        by,
    )
    _clean(scheme)
    scheme.save()
    if towns is None:
        towns = {t: 1 for t in Town.objects.filter(county=county)}
    for town, category in towns.items():
        _require(town.county_id == county.pk, _("“%(t)s”不属于本县。") % {"t": town}, "towns")
        _by(SchemeTown(scheme=scheme, town=town, category=int(category)), by).save()
    return scheme


@transaction.atomic
def scheme_set_category(*, scheme: Scheme, town: Town, category: int, by: User | None) -> SchemeTown:
    scheme = _lock_for_edit(scheme.pk, by)
    _require(town.county_id == scheme.county_id, _("“%(t)s”不属于本县。") % {"t": town}, "town")
    _require(int(category) in (1, 2, 3), _("类别应为一类、二类或三类。"), "category")
    row, _created = SchemeTown.objects.get_or_create(
        scheme=scheme, town=town, defaults={"category": category}
    )
    row.category = int(category)
    _by(row, by).save()
    return row


@transaction.atomic
def scheme_update(*, scheme: Scheme, by: User | None, **fields) -> Scheme:
    """Change a draft scheme's name, pass mark, bonus cap, objection period or document."""
    scheme = _lock_for_edit(scheme.pk, by)
    allowed = {"name", "pass_score", "bonus_cap", "objection_days", "document"}
    _require(set(fields) <= allowed, _("不能修改这些字段。"))
    if "name" in fields:
        fields["name"] = (fields["name"] or "").strip()[:100]
        _require(bool(fields["name"]), _("请填写方案名称。"), "name")
    for k, v in fields.items():
        setattr(scheme, k, v)
    _require(0 <= scheme.pass_score <= FULL_MARKS, _("合格分应在 0 到 100 之间。"), "pass_score")
    _require(
        scheme.bonus_cap is None or 0 <= scheme.bonus_cap <= 100,
        _("加分上限应在 0 到 100 之间。"),
        "bonus_cap",
    )
    _clean(scheme)
    _by(scheme, by).save()
    return scheme


@transaction.atomic
def scheme_delete(*, scheme: Scheme, by: User | None) -> None:
    """Delete a scheme that was never computed (a computed one is evidence: keep it, revise it)."""
    scheme = _lock_for_edit(scheme.pk, by)
    _require(not scheme.results.exists(), _("该方案已有计算结果，不能删除。"))
    _require(not scheme.objections.exists(), _("该方案已有异议记录，不能删除。"))
    _by(scheme, by).delete()  # a deleted revision leaves the previous version current again


@transaction.atomic
def scheme_set_towns(*, scheme: Scheme, categories: dict[Town, int], by: User | None) -> None:
    """Take part with a category (1–3) or leave (0). A town with adjustments or objections stays."""
    scheme = _lock_for_edit(scheme.pk, by)
    for town, category in categories.items():
        if int(category) == 0:
            row = scheme.towns.filter(town=town).first()
            if row is None:
                continue
            _require(
                not scheme.adjustments.filter(town=town).exists()
                and not scheme.objections.filter(town=town).exists(),
                _("“%(t)s”已有加减分或异议，不能退出考核。") % {"t": town},
                "towns",
            )
            _by(row, by).delete()
        else:
            scheme_set_category(scheme=scheme, town=town, category=category, by=by)
    _require(scheme.towns.exists(), _("至少要有一个参评乡镇。"), "towns")


@transaction.atomic
def line_add(
    *,
    scheme: Scheme,
    indicator: Indicator,
    group: str,
    weight: float,
    by: User | None,
    rule: str = scoring.RATIO,
    target: float | None = None,
    targets: dict | None = None,
    cap: float = 1.2,
    lower_is_better: bool = False,
    thresholds: list | None = None,
) -> Line:
    """Add an indicator line. Only county-wide indicators: a town's own indicator cannot score every town."""
    scheme = _lock_for_edit(scheme.pk, by)
    _require(indicator.town_id is None, _("只能选用全县共用的指标。"), "indicator")
    _require(indicator.is_active, _("该指标已停用。"), "indicator")
    line = Line(
        scheme=scheme,
        indicator=indicator,
        group=group,
        weight=weight,
        rule=rule,
        target=target,
        targets={str(k): float(v) for k, v in (targets or {}).items() if v is not None},
        cap=cap,
        lower_is_better=lower_is_better,
        thresholds=[[float(a), float(b)] for a, b in (thresholds or [])],
        order=scheme.lines.count() + 1,
    )
    _clean(line)
    _weights_fit(scheme, line.weight)
    _check_line(line)
    _require(set(line.targets) <= {"1", "2", "3"}, _("分类目标值只能按一类、二类、三类填写。"), "targets")
    _by(line, by).save()
    return line


@transaction.atomic
def line_update(*, line: Line, by: User | None, **fields) -> Line:
    """Change a line's weight, rule, target … (refused once the scheme is frozen)."""
    scheme = _lock_for_edit(line.scheme_id, by)
    allowed = {"weight", "rule", "target", "targets", "cap", "lower_is_better", "thresholds", "group"}
    _require(set(fields) <= allowed, _("不能修改这些字段。"))
    for k, v in fields.items():
        setattr(line, k, v)
    _clean(line)
    _weights_fit(scheme, line.weight, excluding=line.pk)
    _check_line(line)
    _by(line, by).save()
    return line


@transaction.atomic
def line_remove(*, line: Line, by: User | None) -> None:
    _lock_for_edit(line.scheme_id, by)
    _require(not Objection.objects.filter(line=line).exists(), _("该指标已有异议记录，不能删除。"))
    _by(line, by).delete()


@transaction.atomic
def adjustment_add(
    *,
    scheme: Scheme,
    town: Town,
    kind: str,
    reason: str,
    by: User | None,
    points: float = 0,
    document: str = "",
) -> Adjustment:
    """加分 needs the document that grants it; 扣分 a positive number of points; 一票否决 a reason."""
    scheme = _lock_for_edit(scheme.pk, by)
    _require(scheme.towns.filter(town=town).exists(), _("该乡镇未参加本方案考核。"), "town")
    _require(kind in Adjustment.Kind.values, _("类型无效。"), "kind")
    reason = (reason or "").strip()
    document = (document or "").strip()
    _require(bool(reason), _("请填写事由。"), "reason")
    if kind == Adjustment.Kind.VETO:
        points = 0
    else:
        _require(points is not None and 0 < float(points) <= 100, _("分值应在 0 到 100 之间。"), "points")
    if kind == Adjustment.Kind.BONUS:
        _require(bool(document), _("加分须注明授予荣誉或表彰的文件。"), "document")
    adj = _by(
        Adjustment(
            scheme=scheme,
            town=town,
            kind=kind,
            points=float(points),
            reason=reason[:300],
            document=document[:200],
            created_by=by,
        ),
        by,
    )
    adj.save()
    return adj


@transaction.atomic
def adjustment_remove(*, adjustment: Adjustment, by: User | None) -> None:
    _lock_for_edit(adjustment.scheme_id, by)
    _by(adjustment, by).delete()


@transaction.atomic
def scheme_revise(*, scheme: Scheme, by: User | None) -> Scheme:
    """The next version of a frozen scheme: a copy of its towns, lines and adjustments, editable.
    The published results keep pointing at the old version, which stays as it was."""
    scheme = Scheme.objects.select_for_update().get(pk=scheme.pk)
    _county_staff(by, scheme.county_id)
    _require(scheme.is_current, _("该版本已有新版本。"))
    new = _by(
        Scheme(
            county_id=scheme.county_id,
            name=scheme.name,
            kind=scheme.kind,
            year=scheme.year,
            quarter=scheme.quarter,
            version=scheme.version + 1,
            previous=scheme,
            pass_score=scheme.pass_score,
            bonus_cap=scheme.bonus_cap,
            objection_days=scheme.objection_days,
            document=scheme.document,
            created_by=by,
        ),
        by,
    )
    new.save()
    for st in scheme.towns.all():
        _by(SchemeTown(scheme=new, town_id=st.town_id, category=st.category), by).save()
    for line in scheme.lines.all():
        line.pk = None
        line.id = None
        line.scheme = new
        line._state.adding = True
        _by(line, by).save()
    for adj in scheme.adjustments.all():
        adj.pk = None
        adj.id = None
        adj.scheme = new
        adj._state.adding = True
        _by(adj, by).save()
    return new


# --- results -----------------------------------------------------------------------------------------


def _digest(rows: list[dict]) -> str:
    payload = json.dumps(rows, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def row_payload(row: ResultRow) -> dict:
    """What the digest covers for one row (as stored)."""
    return {
        "town": row.town_id,
        "category": row.category,
        "base": row.base,
        "bonus": row.bonus,
        "deduction": row.deduction,
        "total": row.total,
        "vetoed": row.vetoed,
        "rank": row.rank,
        "passed": row.passed,
        "detail": row.detail,
    }


@transaction.atomic
def result_compute(*, scheme: Scheme, by: User | None, now: dt.datetime | None = None) -> Result:
    """Score every town now from the indicators and store the snapshot (a draft until published)."""
    from luoshi.county import selectors

    _county_staff(by, scheme.county_id)
    _require(scheme.is_current, _("这是旧版本，请用最新版本计算。"))
    _require(scheme.lines.exists(), _("方案还没有考核指标。"))
    now = now or timezone.now()
    board = selectors.live_scores(scheme, now=now)
    result = _by(Result(scheme=scheme, computed_at=now, computed_by=by, digest=""), by)
    result.save()
    rows = []
    for ts in board.scores:
        rows.append(
            ResultRow(
                result=result,
                town_id=ts.town,
                category=ts.category,
                base=ts.base,
                bonus=ts.bonus,
                deduction=ts.deduction,
                total=ts.total,
                vetoed=ts.vetoed,
                rank=ts.rank,
                passed=ts.passed,
                detail=board.detail(ts),
            )
        )
    ResultRow.objects.bulk_create(rows)
    stored = list(ResultRow.objects.filter(result=result).order_by("town_id"))
    result.digest = _digest([row_payload(r) for r in stored])
    result.save(update_fields=["digest"])
    return result


@transaction.atomic
def result_publish(*, result: Result, by: User | None, now: dt.datetime | None = None) -> Result:
    """Publish a result: towns (and deputies) see it; its scheme version is frozen from now on."""
    result = Result.objects.select_for_update().select_related("scheme").get(pk=result.pk)
    _county_staff(by, result.scheme.county_id)
    _require(not result.published, _("该结果已公布。"))
    _require(result.scheme.is_current, _("方案已有新版本，请用新版本重新计算后公布。"))
    stored = list(result.rows.order_by("town_id"))
    _require(_digest([row_payload(r) for r in stored]) == result.digest, _("结果指纹不符，不能公布。"))
    now = now or timezone.now()
    result.published_at = now
    result.published_by = by
    _by(result, by).save()
    scheme = result.scheme
    if scheme.frozen_at is None:
        scheme.frozen_at = now
        _by(scheme, by).save(update_fields=["frozen_at"])
    return result


# --- objections ---------------------------------------------------------------------------------------


def objection_window_end(scheme: Scheme) -> dt.datetime | None:
    """The last moment to object: ``objection_days`` working days after the first publication (None
    while nothing is published: objections are open as soon as scores exist)."""
    first = scheme.results.filter(published_at__isnull=False).order_by("published_at").first()
    if first is None:
        return None
    return sla.add_days(first.published_at, scheme.objection_days, DayBasis.WORKDAYS)


@transaction.atomic
def objection_file(
    *, scheme: Scheme, line: Line, town: Town, text: str, by: User, now: dt.datetime | None = None
) -> Objection:
    """A town's leader or office objects to one value; it becomes a 考核异议 case with its deadline."""
    from luoshi.county import selectors

    s = scope_of(by)
    _require(
        s.is_admin or (town.pk in s.town_ids and s.has(Role.LEADER, Role.OFFICE)),
        _("只有本镇领导或党政办可以对本镇得分提出异议。"),
    )
    _require(line.scheme_id == scheme.pk, _("该指标不属于本方案。"), "line")
    _require(scheme.towns.filter(town=town).exists(), _("该乡镇未参加本方案考核。"), "town")
    text = (text or "").strip()
    _require(bool(text), _("请写明异议理由。"), "text")
    _require("\x00" not in text, _("不能包含空字符（NUL）。"), "text")
    now = now or timezone.now()
    end = objection_window_end(scheme)
    _require(
        end is None or now <= end, _("已过异议期（截至 %(d)s）。") % {"d": f"{end:%Y-%m-%d}" if end else ""}
    )
    fig = selectors.line_figure(line, town, scheme, now=now)
    case = case_services.case_create(
        case_type=OBJECTION_CASE_TYPE,
        title=_("%(scheme)s：%(ind)s 考核异议") % {"scheme": scheme.name, "ind": line.indicator.name},
        content=text,
        actor=by,
        town=town,
        received_at=now,
    )
    obj = _by(
        Objection(
            scheme=scheme,
            line=line,
            town=town,
            value_seen=fig.value,
            text=text,
            case=case,
            filed_by=by,
            filed_at=now,
        ),
        by,
    )
    obj.save()
    return obj


@transaction.atomic
def objection_decide(*, objection: Objection, upheld: bool, answer: str, by: User) -> Objection:
    """The county's answer; the objection case is resolved and closed through the case engine."""
    objection = Objection.objects.select_for_update().select_related("scheme", "case").get(pk=objection.pk)
    _county_staff(by, objection.scheme.county_id)
    _require(objection.state == Objection.State.OPEN, _("该异议已答复。"))
    answer = (answer or "").strip()
    _require(bool(answer), _("请填写答复意见。"), "answer")
    objection.state = Objection.State.UPHELD if upheld else Objection.State.REJECTED
    objection.answer = answer
    objection.decided_by = by
    objection.decided_at = timezone.now()
    _by(objection, by).save()
    prefix = _("异议成立：") if upheld else _("异议不成立：")
    case = case_services.case_self_handle(case=objection.case, actor=by, reply=prefix + answer)
    case_services.case_close(case=case, actor=by)
    return objection
