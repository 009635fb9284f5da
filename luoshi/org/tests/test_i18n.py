"""The English interface: pages in English once the language is switched, and a complete en catalogue.

The source language is Simplified Chinese (msgids are Chinese); English comes from
``luoshi/locale/en/LC_MESSAGES/django.po``, compiled to .mo with polib (``luoshi compilemessages``).
"""

from __future__ import annotations

import datetime as dt
import re

import polib
import pytest
from django.utils import translation
from django.utils.translation import trans_real

from luoshi.lib.i18n import LOCALE_DIR, compile_catalogues

EN_PO = LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")


@pytest.fixture(scope="module", autouse=True)
def catalogues():
    """The .mo files are build output (not committed): compile them before any page is requested."""
    if compile_catalogues():
        # A catalogue loaded earlier in this process predates the new .mo: load it again.
        trans_real._translations = {}
        trans_real._default = None


def in_english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


def nav(body: str) -> str:
    """The site header (brand, main navigation, language and user menus)."""
    return body[body.index('<header class="site">') : body.index("</header>")]


def test_home_page_in_english(client_for):
    body = in_english(client_for("office")).get("/").content.decode()
    header = nav(body)
    for english in ("Home", "Case handling", "Annual plans", "Work reports", "Change password", "Log out"):
        assert english in header
    for chinese in ("首页", "案件办理", "年度计划", "工作报告", "修改密码", "退出登录"):
        assert chinese not in header
    assert '<html lang="en">' in body
    assert "Hello, " in body and "Party-Government Office" in body
    assert "open-source platform for township work" in body


def test_chinese_stays_the_default(client_for):
    body = client_for("office").get("/").content.decode()
    header = nav(body)
    assert "首页" in header and "案件办理" in header
    assert "Case handling" not in header


def test_case_queue_in_english(client_for):
    body = in_english(client_for("office")).get("/cases/").content.decode()
    assert "Register case" in body and "Export to Excel" in body
    assert "Awaiting dispatch" in body and "Overdue" in body and "Near due" in body
    assert "No cases match the filters." in body
    assert "登记案件" not in body and "待派单" not in body and "超期" not in body
    assert "案件办理" not in nav(body)


def test_plans_board_in_english(org, client_for):
    from luoshi.plans import services

    plan = services.plan_create(town=org.towns[0], year=dt.date.today().year, by=org.users["office"])
    body = in_english(client_for("office")).get(f"/plans/{plan.pk}/").content.decode()
    for english in ("Time-elapsed progress", "Battle map", "Add target", "Add key task", "On track"):
        assert english in body
    for chinese in ("序时进度", "挂图作战", "添加指标", "正常推进"):
        assert chinese not in body
    assert "年度计划" not in nav(body)


def test_reports_list_in_english(client_for):
    body = in_english(client_for("office")).get("/reports/").content.decode()
    assert "Government work reports" in body and "Upload report" in body
    assert "政府工作报告" not in body and "上传报告" not in body
    assert "工作报告" not in nav(body)


def test_messages_built_in_python_are_translated():
    from luoshi.plans import voting

    kwargs = dict(issued=40, returned=41, valid=41, invalid=0, rows=[voting.Tally(7, 30, 6, 9)])
    with translation.override("en"):
        errors = voting.reconcile_paper(**kwargs)
    assert errors == [
        "41 ballots returned is more than the 40 ballots issued.",
        "Candidate project 7: for + against + abstain = 45, more than the 41 valid ballots.",
    ]
    with translation.override("zh-hans"):
        errors = voting.reconcile_paper(**kwargs, names={7: "道路改造"})
    assert errors[1] == "“道路改造”的赞成+反对+弃权 = 45，多于有效票 41。"


def test_english_catalogue_is_complete():
    po = polib.pofile(str(EN_PO))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated, f"untranslated msgids: {untranslated}"
    assert not fuzzy, f"fuzzy msgids: {fuzzy}"
    assert po.percent_translated() == 100
    assert len(po) > 500


def test_english_translations_keep_the_placeholders():
    po = polib.pofile(str(EN_PO))
    wrong = []
    for e in po.translated_entries():
        wanted = sorted(PLACEHOLDER.findall(e.msgid))
        forms = list(e.msgstr_plural.values()) if e.msgid_plural else [e.msgstr]
        wrong += [(e.msgid, f) for f in forms if sorted(PLACEHOLDER.findall(f)) != wanted]
    assert not wrong, f"placeholders differ: {wrong}"
