"""Every portal write: publishing indicators and reports, and the disclosure documents' review step.

A document goes draft → submitted (its author) → published (reviewed by someone else) or back to
draft with a note; a published one can be withdrawn. The table below is the only place that says
who may move it where.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.accounts.models import Indicator
from luoshi.org.models import Town, User
from luoshi.org.roles import Role
from luoshi.org.scoping import scope_of
from luoshi.portal.models import (
    DisclosureDocument,
    DisclosureItem,
    DocState,
    PublishedIndicator,
    PublishedReport,
)
from luoshi.reports.models import Report

# action → (from states, to state, who: "author" | "reviewer" | "manager")
DOC_TRANSITIONS = {
    "submit": ((DocState.DRAFT,), DocState.SUBMITTED, "author"),
    "publish": ((DocState.SUBMITTED,), DocState.PUBLISHED, "reviewer"),
    "return": ((DocState.SUBMITTED,), DocState.DRAFT, "reviewer"),
    "withdraw": ((DocState.PUBLISHED,), DocState.WITHDRAWN, "manager"),
}


def _by(obj, user):
    obj._history_user = user
    return obj


def can_manage_town(user, town: Town) -> bool:
    scope = scope_of(user)
    return scope.is_admin or (scope.has(Role.OFFICE, Role.LEADER) and town.pk in scope.town_ids)


def can_manage_item(user, item: DisclosureItem) -> bool:
    """A town item: its office and leaders; a county item: county staff."""
    scope = scope_of(user)
    if scope.is_admin:
        return True
    if item.town_id is None:
        return scope.has(Role.COUNTY) and item.county_id in scope.county_ids
    return can_manage_town(user, item.town)


def _require_town(user, town: Town) -> None:
    if not can_manage_town(user, town):
        raise PermissionDenied


@transaction.atomic
def indicator_publish(*, town: Town, indicator: Indicator, public: bool, by: User) -> bool:
    """Mark (or unmark) an indicator as public for a town; returns whether anything changed."""
    _require_town(by, town)
    if indicator.town_id not in (None, town.pk):
        raise ValidationError({"indicator": _("该指标不属于本镇。")})
    existing = PublishedIndicator.objects.filter(town=town, indicator=indicator).first()
    if public and existing is None:
        _by(PublishedIndicator(town=town, indicator=indicator, published_by=by), by).save()
        return True
    if not public and existing is not None:
        _by(existing, by).delete()
        return True
    return False


@transaction.atomic
def report_publish(*, report: Report, public: bool, by: User) -> bool:
    """Publish (or take down) a work report on the town's portal."""
    if report.town_id is None:
        raise ValidationError({"report": _("未指定乡镇的报告不能公开。")})
    _require_town(by, report.town)
    existing = PublishedReport.objects.filter(report=report).first()
    if public and existing is None:
        _by(PublishedReport(report=report, published_by=by), by).save()
        return True
    if not public and existing is not None:
        _by(existing, by).delete()
        return True
    return False


@transaction.atomic
def document_create(*, item: DisclosureItem, title: str, body: str, by: User) -> DisclosureDocument:
    if not can_manage_item(by, item):
        raise PermissionDenied
    title, body = (title or "").strip(), (body or "").strip()
    if not title:
        raise ValidationError({"title": _("请填写标题。")})
    if not body:
        raise ValidationError({"body": _("请填写正文。")})
    doc = DisclosureDocument(item=item, title=title, body=body, created_by=by)
    doc.full_clean()
    _by(doc, by).save()
    return doc


@transaction.atomic
def document_move(
    *, document: DisclosureDocument, action: str, by: User, note: str = ""
) -> DisclosureDocument:
    """Fire one transition of ``DOC_TRANSITIONS``; publishing needs a reviewer other than the author."""
    doc = DisclosureDocument.objects.select_for_update().select_related("item").get(pk=document.pk)
    if action not in DOC_TRANSITIONS:
        raise ValidationError({"action": _("没有这个操作。")})
    sources, target, who = DOC_TRANSITIONS[action]
    if not can_manage_item(by, doc.item):
        raise PermissionDenied
    if doc.state not in sources:
        raise ValidationError({"action": _("文件当前状态不能执行此操作。")})
    if who == "author" and doc.created_by_id != by.pk:
        raise ValidationError({"action": _("只有起草人可以提交审核。")})
    if who == "reviewer" and doc.created_by_id == by.pk:
        raise ValidationError({"action": _("审核须由起草人以外的人员进行。")})
    if action == "return" and not note.strip():
        raise ValidationError({"note": _("退回须说明理由。")})
    doc.state = target
    if who == "reviewer":
        doc.reviewed_by = by
        doc.review_note = note.strip()[:300]
    if action == "publish":
        doc.published_at = timezone.now()
    _by(doc, by).save()
    return doc
