"""The provisional-deadline warning: a deadline counted across a year whose holidays are not entered."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from luoshi.cases import deadlines

register = template.Library()


@register.simple_tag
def deadline_warning(case):
    """Beside a case's 办结截止: a badge and the sentence saying why the date may still move."""
    years = deadlines.provisional_years(case)
    if not years:
        return ""
    return format_html(
        '<span class="badge warn" data-testid="deadline-provisional">{}</span> <small class="warn-text">{}</small>',
        _("暂定"),
        deadlines.provisional_text(years),
    )


def row_marker(row) -> str:
    """The small marker a queue row shows after its due date (the sentence as its title)."""
    years = deadlines.row_provisional_years(row)
    if not years:
        return ""
    return format_html(
        ' <span class="badge warn" data-testid="deadline-provisional" title="{}">{}</span>',
        deadlines.provisional_text(years),
        _("暂定"),
    )
