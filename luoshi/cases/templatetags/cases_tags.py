from html import escape

from django import template
from django.template.defaultfilters import filesizeformat
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from luoshi.cases.templatetags.deadline_tags import deadline_warning, row_marker
from luoshi.lib.masking import mask_if, mask_text

register = template.Library()


@register.filter
def masked(text, on):
    """``{{ case.content|masked:mask }}``: phone and ID numbers in the text masked when ``mask`` is true,
    for readers who see the phone field masked (``selectors.sees_phone_numbers``)."""
    return mask_if(bool(on), text)


@register.filter
def published(text, names=""):
    """Text shown to the public (tracking page): phone/ID numbers and names masked."""
    return mask_text(text, names=(names,), public=True)


_CLOCK_BADGES = {
    "overdue": ("bad", gettext_noop("超期")),
    "near_due": ("warn", gettext_noop("临期")),
    "late": ("bad", gettext_noop("超期办结")),
}


@register.simple_tag
def clock_badges(case):
    """The 超期/临期/督办/催办 badges of a case or a list row (anything with ``clock_state``)."""
    badges = []
    if case.clock_state in _CLOCK_BADGES:
        css, label = _CLOCK_BADGES[case.clock_state]
        badges.append((css, _(label)))
    if case.supervised:
        badges.append(("bad", _("督办")))
    if case.urge_count:
        badges.append(("warn", _("催办%(n)s次") % {"n": case.urge_count}))
    return format_html_join(" ", '<span class="badge {}">{}</span>', badges) if badges else ""


_ROW = (
    '<td><a href="{url}">{number}</a></td><td><a href="{url}">{title}</a></td><td>{type}</td><td>{village}</td>'
    '<td>{unit}</td><td><span class="badge">{status}</span> {badges}</td><td>{received}</td><td>{due}</td>'
)
_CHECKBOX = '<td><input type="checkbox" name="ids" value="{}" aria-label="{}"></td>'


@register.simple_tag
def case_row_cells(row, with_checkbox=False):
    """The cells of one case-list row, built in one call: the list renders 25 of them per page.

    Plain ``html.escape`` (quotes included, so safe in attributes too) instead of ``format_html``,
    whose lazy-string handling cost more than the rest of the row.
    """
    title = row.title if len(row.title) <= 30 else row.title[:29] + "…"
    number = escape(row.number)
    cells = _ROW.format(
        url=escape(row.url),
        number=number,
        title=escape(title),
        type=escape(row.type_name),
        village=escape(row.village_name or "—"),
        unit=escape(row.unit_name or "—"),
        status=escape(str(row.status_label)),
        badges=clock_badges(row),
        received=row.received_text,
        due=(row.due_text or "—") + row_marker(row),
    )
    return mark_safe(_CHECKBOX.format(row.id, number) + cells if with_checkbox else cells)  # noqa: S308 - escaped above


@register.simple_tag
def options(choices, selected=""):
    """``<option>`` elements of (value, label) pairs with ``selected`` marked, built in one call."""
    selected = "" if selected is None else str(selected)
    return mark_safe(  # noqa: S308 - every value and label is escaped
        "".join(
            f'<option value="{escape(str(value))}"{" selected" if str(value) == selected else ""}>'
            f"{escape(str(label))}</option>"
            for value, label in choices
        )
    )


@register.filter
def review_decision(code):
    """维持 / 撤销 / 变更 for a stored ``ReviewDecision`` value."""
    from luoshi.cases.models import ReviewDecision

    return ReviewDecision(code).label if code in ReviewDecision.values else code


@register.filter
def rating_label(code):
    """满意 / 基本满意 / 不满意 for a stored ``Rating`` value (timeline entries keep the code)."""
    from luoshi.cases.models import Rating

    return Rating(code).label if code in Rating.values else code


@register.filter
def case_details(case):
    """The case's type-specific fields with their labels (see ``selectors.detail_items``)."""
    from luoshi.cases.selectors import detail_items

    return detail_items(case)


@register.filter
def grouped_code(code):
    """ABCDEFGH → ABCD-EFGH: a short tracking code in two groups of four, easy to read out."""
    code = str(code or "")
    return f"{code[:4]}-{code[4:]}" if len(code) == 8 else code


@register.simple_tag
def timeline_entries(events, mask=False):
    """The ``<li>`` of every timeline entry of the case page, built in one call: a case shows 10–30
    of them and the template loop cost as much as the rest of the page. Plain ``html.escape`` on
    every value (as the template's autoescape); notes masked like ``|masked:mask``."""
    from luoshi.cases.models import EventKind

    assist, public = escape(_("协办")), escape(_("公开"))
    # (not ``get_kind_display``: it hashes every lazy label of the choices, a translation lookup each)
    kinds = {value: escape(str(label)) for value, label in EventKind.choices}
    out = []
    for e in events:
        at = timezone.localtime(e.at)
        data = e.data if isinstance(e.data, dict) else {}
        out.append(
            f'<li><time datetime="{at.isoformat()}">{at:%Y-%m-%d %H:%M}</time>'
            f'<span class="kind">{kinds.get(e.kind) or escape(e.kind)}</span>'
            f'<span class="muted">{escape(e.actor_label or "")}</span>'
        )
        if data.get("unit_name"):
            out.append(f" → {escape(str(data['unit_name']))}")
        if data.get("assist_units"):
            names = "、".join(
                escape(str(u.get("name", "") if isinstance(u, dict) else "")) for u in data["assist_units"]
            )
            out.append(f" · {assist}：{names}")
        if data.get("assist_unit_name"):
            out.append(f" · {escape(str(data['assist_unit_name']))}")
        if data.get("rating"):
            out.append(f" · {escape(str(rating_label(data['rating'])))}")
        if data.get("decision"):
            out.append(f" · {escape(str(review_decision(data['decision'])))}")
        if e.note:
            out.append(f'<span class="note">{escape(mask_if(bool(mask), e.note))}</span>')
            if e.note_public:
                out.append(f' <small class="badge">{public}</small>')
        out.append("</li>")
    return mark_safe("".join(out))  # noqa: S308 - every value is escaped above


# Stands for an object's id while a URL pattern is reversed once (``_id_url``): ids are positive.
_ID_SLOT = 2_071_960_319
_id_urls: dict[tuple, tuple[str, str] | None] = {}


def _id_url(view: str, pk: int, *rest: str) -> str:
    """``reverse(view, args=[pk, *rest])``, the pattern reversed once per view, rest and prefix: the
    case page reversed a URL per action button and per attachment (a twentieth of its CPU)."""
    key = (view, rest, get_script_prefix(), get_urlconf())
    form = _id_urls.get(key, False)
    if form is False:
        head, _slot, tail = reverse(view, args=[_ID_SLOT, *rest]).partition(str(_ID_SLOT))
        form = _id_urls[key] = (head, tail) if _slot and str(_ID_SLOT) not in tail else None
    if form is None:
        return reverse(view, args=[pk, *rest])
    return f"{form[0]}{int(pk)}{form[1]}"


@register.simple_tag
def attachment_items(attachments):
    """The ``<li>`` of each attachment of the case page, built in one call (as ``timeline_entries``)."""
    from luoshi.cases.models import AttachmentKind

    kinds = {}
    out = []
    for a in attachments:
        if not kinds:
            kinds = {value: escape(str(label)) for value, label in AttachmentKind.choices}
        at = timezone.localtime(a.uploaded_at)
        out.append(
            f'<li><a href="{escape(_id_url("cases:attachment", a.pk))}">{escape(a.name)}</a> '
            f'<small class="muted">{kinds.get(a.kind) or escape(a.kind)} · {escape(str(filesizeformat(a.size)))} · '
            f"{at:%Y-%m-%d %H:%M}</small></li>"
        )
    if not out:
        return mark_safe(f'<li class="muted">{escape(_("暂无附件"))}</li>')  # noqa: S308 - escaped
    return mark_safe("".join(out))  # noqa: S308 - every value is escaped above


_ACTION_FORM = "cases/partials/action_form.html"


@register.simple_tag(takes_context=True)
def action_buttons(context, case, actions):
    """The case panel's action buttons (one ``<details>`` each), built in one call: the template's
    loop — a URL, a few conditions and the labels per action, six or seven on an open case — cost
    half of the panel. A button whose form is built (a failed submission, the action asked for, the
    only action) includes ``action_form.html`` with the page's context, as the loop did; the others
    load their form when opened (htmx) or link to it."""
    if not actions:
        return mark_safe(f'<p class="muted">{_("当前没有您可办理的操作。")}</p>')  # noqa: S308 - our own text
    out = []
    fill = ""
    for i, a in enumerate(actions):
        name = a["t"].name
        url = escape(_id_url("cases:action", case.pk, name))
        if a.get("form"):
            opened = " open" if a.get("open") or (i == 0 and len(actions) == 1) else ""
            form_template = context.template.engine.get_template(_ACTION_FORM)
            with context.push(a=a):
                inner = form_template.render(context)
            head = opened
        else:
            fill = fill or _("填写办理信息")  # (a translation is markup as written, as {% translate %})
            inner = f'<a href="{url}">{fill}</a>'
            head = f' hx-get="{url}" hx-trigger="toggle once" hx-target="find .action-form"'
        out.append(
            f'\n    \n    <details{head} data-action="{escape(name)}">\n'
            f'      <summary role="button" class="{"secondary outline" if i else ""}">{conditional_escape(a["label"])}</summary>\n'
            f'      <div class="action-form">{inner}</div>\n    </details>\n    '
        )
    return mark_safe("".join(out))  # noqa: S308 - every value is escaped above, the form by its template


def _when(value) -> str:
    """``{{ value|date:"Y-m-d H:i" }}``: local time, "" for none."""
    return f"{timezone.localtime(value):%Y-%m-%d %H:%M}" if value else ""


def _num(value) -> str:
    """A number as ``{{ value }}`` prints it (localised)."""
    return escape(str(localize(value)))


@register.simple_tag(takes_context=True)
def case_facts(context, case, mask, phone, cosigners, assists, review):
    """The lines of the case panel's ``<dl>``, built in one call (as ``timeline_entries``): the
    template's twenty lines of conditions, filters and labels cost a third of the panel. Values are
    escaped as the template escaped them; free text is masked like ``|masked:mask``; labels are
    translations, markup as written (as ``{% translate %}``). The petition review block keeps its
    template (``partials/review.html``, rendered with the page's context)."""
    m = bool(mask)
    ct = case.case_type
    deputies = ct.filed_by_deputies
    ind = "        "
    place = escape(case.town.name)
    if case.village:
        place += f" · {escape(case.village.name)}"
    if case.grid:
        place += f" · {escape(case.grid.name)}"
    out = [f"{ind}<dt>{_('乡镇')}</dt><dd>{place}</dd>\n{ind}"]
    if case.address:
        out.append(f"<dt>{_('地址')}</dt><dd>{escape(mask_if(m, case.address))}</dd>")
    out.append(f"\n{ind}")
    if case.latitude is not None:
        out.append(
            f'<dt>{_("位置")}</dt><dd data-testid="position">{_num(case.latitude)}, {_num(case.longitude)}</dd>'
        )
    who = _("提出代表") if deputies else _("诉求人")
    tel = f'<span data-testid="phone">{escape(str(phone))}</span>' if phone else ""
    out.append(f"\n{ind}<dt>{who}</dt><dd>{escape(case.contact_name or '—')} {tel}</dd>\n{ind}")
    if cosigners:
        names = "、".join(escape(str(c.deputy)) for c in cosigners)
        out.append(f'<dt>{_("附议代表")}</dt><dd data-testid="cosigners">{names}</dd>')
    external = f" · {escape(case.external_no)}" if case.external_no else ""
    out.append(f"\n{ind}<dt>{_('来源')}</dt><dd>{escape(str(case.get_channel_display()))}{external}</dd>\n")
    unit = escape(case.unit.name or "—") if case.unit else "—"
    if not case.unit and case.routed_unit:
        unit += f' <small class="muted">({_("建议")}: {escape(case.routed_unit.name)})</small>'
    out.append(f"{ind}<dt>{_('承办站所')}</dt><dd>{unit}</dd>\n{ind}")
    if assists:
        items = []
        for a in assists:
            if a.answered_at:
                by = f" · {escape(str(a.answered_by))}" if a.answered_by else ""
                state = (
                    f'<small class="muted">{_when(a.answered_at)}{by}</small>'
                    f'<span class="note">{escape(mask_if(m, a.opinion))}</span>'
                )
            else:
                state = f'<span class="badge warn">{_("待回复")}</span>'
            items.append(
                f'<li data-unit="{_num(a.unit_id)}"><strong>{escape(a.unit.name)}</strong> {state}</li>'
            )
        out.append(
            f'<dt>{_("协办单位")}</dt><dd><ul class="assists" data-testid="assists">{"".join(items)}</ul></dd>'
        )
    out.append(f"\n{ind}<dt>{_('受理时间')}</dt><dd>{_when(case.received_at)}</dd>\n{ind}")
    if case.sign_due_at and not case.signed_at:
        out.append(f"<dt>{_('签收截止')}</dt><dd>{_when(case.sign_due_at)}</dd>")
    due = _when(case.due_at) or "—"
    if case.extension_days:
        due += f' <small class="muted">({_("已延期%(n)s天") % {"n": _num(case.extension_days)}})</small>'
    if case.paused_days:
        due += f' <small class="muted">({_("挂起顺延%(n)s天") % {"n": _num(case.paused_days)}})</small>'
    label = _("答复期限") if deputies else _("办结截止")
    out.append(f"\n{ind}<dt>{label}</dt><dd>{due} {deadline_warning(case)}\n</dd>\n{ind}")
    if case.extension_state == "requested":
        out.append(
            f'<dt>{_("延期申请")}</dt><dd><span class="badge warn">{_("待审批")}</span> '
            f"{escape(mask_if(m, case.extension_reason))}</dd>"
        )
    out.append(f"\n{ind}")
    if case.last_return_reason and case.status == "returned":
        out.append(f"<dt>{_('退单理由')}</dt><dd>{escape(mask_if(m, case.last_return_reason))}</dd>")
    out.append(f"\n{ind}")
    if case.escalated_to:
        out.append(f"<dt>{_('督办领导')}</dt><dd>{escape(str(case.escalated_to))}</dd>")
    out.append(f"\n{ind}")
    for label, value in case_details(case):
        out.append(f"<dt>{escape(str(label))}</dt><dd>{escape(mask_if(m, value))}</dd>")
    out.append(f"\n{ind}")
    if case.reply:
        outcome = (
            f' <span class="badge" data-testid="outcome">{escape(str(case.outcome_label))}</span>'
            if case.outcome
            else ""
        )
        out.append(
            f'<dt>{_("办理结果")}</dt><dd class="pre-wrap" data-testid="reply">'
            f"{escape(mask_if(m, case.reply))}{outcome}</dd>"
        )
    out.append(f"\n{ind}")
    if case.rating:
        css = "bad" if case.rating == "unsatisfied" else "ok"
        out.append(
            f'<dt>{_("评价")}</dt><dd><span class="badge {css}">{escape(str(case.get_rating_display()))}</span> '
            f"{escape(mask_if(m, case.rating_reason))}</dd>"
        )
    out.append(f"\n{ind}")
    if review:
        out.append(context.template.engine.get_template(_REVIEW).render(context))
    out.append(f"\n{ind}")
    if case.merged_into:
        target = case.merged_into
        out.append(
            f'<dt>{_("合并至")}</dt><dd><a href="{escape(target.get_absolute_url())}">{escape(target.number)}</a></dd>'
        )
    out.append("\n")
    return mark_safe("".join(out))  # noqa: S308 - every value is escaped above, the labels are ours


_REVIEW = "cases/partials/review.html"
