from html import escape

from django import template
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from luoshi.cases.templatetags.deadline_tags import row_marker
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
            f'<li><a href="{escape(reverse("cases:attachment", args=[a.pk]))}">{escape(a.name)}</a> '
            f'<small class="muted">{kinds.get(a.kind) or escape(a.kind)} · {escape(str(filesizeformat(a.size)))} · '
            f"{at:%Y-%m-%d %H:%M}</small></li>"
        )
    if not out:
        return mark_safe(f'<li class="muted">{escape(_("暂无附件"))}</li>')  # noqa: S308 - escaped
    return mark_safe("".join(out))  # noqa: S308 - every value is escaped above
