"""Uploading a report: another town named in it needs a confirmation; warnings read in Chinese only."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from luoshi.reports.models import Report

from .test_web_reports import YUNXI

pytestmark = pytest.mark.django_db


def test_a_report_naming_another_town_than_the_chosen_one_needs_a_confirmation(client_for, org):
    yunxi = org.towns[0]
    text = YUNXI.replace("云溪镇", "新界埠镇")
    c = client_for("county")
    r = c.post(reverse("reports:new"), {"text": text, "town": yunxi.pk})
    page = r.content.decode()
    assert "报告写的是「新界埠镇」" in page and "云溪镇" in page
    assert 'type="checkbox" name="confirm_town"' in page
    assert not Report.objects.exists()
    r = c.post(reverse("reports:new"), {"text": text, "town": yunxi.pk, "confirm_town": "on"})
    assert r.status_code == 302 and Report.objects.get().town == yunxi


def test_a_report_naming_the_chosen_town_needs_no_confirmation(client_for, org):
    r = client_for("office").post(reverse("reports:new"), {"text": YUNXI, "town": org.towns[0].pk})
    assert r.status_code == 302 and Report.objects.count() == 1


def test_warnings_show_no_raw_english_after_the_chinese(client_for):
    r = client_for("office").post(
        reverse("reports:new"), {"text": "各位代表：云溪镇今年完成收入3亿元，"}, follow=True
    )
    warnings = r.content.decode().split('data-testid="warnings"')[1].split("</ul>")[0]
    assert "正文可能不完整" in warnings
    assert not re.search(r"[A-Za-z]{3,}", re.sub(r"<[^>]+>", "", warnings)), warnings
