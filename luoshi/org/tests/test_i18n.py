"""The English interface: pages in English once the language is switched, and a complete en catalogue.

The source language is Simplified Chinese (msgids are Chinese); English comes from
``luoshi/locale/en/LC_MESSAGES/django.po``, compiled to .mo with polib (``luoshi compilemessages``).
"""

from __future__ import annotations

import ast
import datetime as dt
import re

import polib
import pytest
from django.utils import translation
from django.utils.translation import trans_real
from django.utils.translation.template import templatize

from luoshi.lib import msgids
from luoshi.lib.i18n import LOCALE_DIR, compile_catalogues
from luoshi.lib.msgids import Message

EN_PO = LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"
ZH_PO = LOCALE_DIR / "zh_Hans" / "LC_MESSAGES" / "django.po"
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


# --- Every msgid the code asks for is in the catalogue ----------------------------------------------


def test_every_msgid_in_code_and_templates_is_translated():
    occurrences, _ = msgids.extract()
    assert len({o.message for o in occurrences}) > 1000, "the extractor found almost nothing"
    lacking = msgids.missing(occurrences, EN_PO)
    listed = "\n".join(
        f"  {m}  at {', '.join(f'luoshi/{o.where}' for o in where)}"
        for m, where in sorted(lacking.items(), key=lambda kv: (kv[1][0].path, kv[1][0].line))
    )
    assert not lacking, f"{len(lacking)} msgids missing or untranslated in {EN_PO.name} (en):\n{listed}"


def test_no_translation_call_builds_its_message_at_run_time():
    _, problems = msgids.extract()
    assert not problems, "\n".join(map(str, problems))


def test_zh_hans_catalogue_lists_the_same_msgids_as_the_english_one():
    """zh_Hans is the source language: its catalogue only mirrors the msgids, with empty msgstr."""

    def keys(path):
        return {(e.msgctxt, e.msgid, e.msgid_plural) for e in polib.pofile(str(path)) if not e.obsolete}

    en, zh = keys(EN_PO), keys(ZH_PO)
    assert not en - zh, f"only in en: {sorted(en - zh, key=str)}"
    assert not zh - en, f"only in zh_Hans: {sorted(zh - en, key=str)}"


# --- The extractor itself ------------------------------------------------------------------------


def messages(found) -> list[Message]:
    occurrences, problems = found
    assert not problems, problems
    return [o.message for o in occurrences]


def test_extractor_follows_whatever_name_a_module_gives_gettext():
    source = """
from django.utils.translation import gettext_lazy as _l, pgettext as p_, ngettext_lazy
from django.utils import translation as tr
from django.utils.translation import gettext_noop
N_ = gettext_noop

def _(text):  # not Django's: ignored
    return text

LABEL = _l("甲")
DAY = p_("calendar day", "班")
ROWS = ngettext_lazy("%(n)s 行", "%(n)s 行", "n")
LAZY = tr.npgettext_lazy("ctx", "一项", "多项", 2)
NOOP = N_("乙")
KEYWORD = tr.gettext(message="丙")
NOT_OURS = _("丁")
variable = _l(LABEL)
"""
    assert messages(msgids.python_messages(source)) == [
        Message("甲"),
        Message("班", context="calendar day"),
        Message("%(n)s 行", plural="%(n)s 行"),
        Message("一项", context="ctx", plural="多项"),
        Message("乙"),
        Message("丙"),
    ]


def test_extractor_flags_messages_built_at_run_time():
    source = """from django.utils.translation import gettext as _
a = _(f"第 {n} 项")
b = _("第 %s 项" % n)
c = _("第 {} 项".format(n))
d = _(name)
"""
    occurrences, problems = msgids.python_messages(source, "x.py")
    assert occurrences == []
    assert [str(p) for p in problems] == [
        f"x.py:{line}: gettext() of a string built at run time" for line in (2, 3, 4)
    ]


def test_extractor_reads_translate_tags():
    template = """{% load i18n %}
<h1>{% translate "首页" %}</h1>{% trans '办结率 100%' %}
{% translate "班" context "calendar day" as day %}{% translate "已办结"|lower noop %}
{% translate variable %}{{ user|default:_("系统") }}
{% comment %}{% translate "注释里" %}{% endcomment %}{% verbatim %}{% translate "原样" %}{% endverbatim %}
"""
    found = msgids.template_messages(template, "t.html")
    assert messages(found) == [
        Message("首页"),
        Message("办结率 100%%"),
        Message("班", context="calendar day"),
        Message("已办结"),
        Message("系统"),
    ]
    assert [o.line for o in found[0]] == [2, 2, 3, 3, 4]


def test_extractor_reads_blocktranslate_like_makemessages():
    template = """{% blocktranslate with name=user.name %}{{ name }}，您好{% endblocktranslate %}
{% blocktranslate count n=rows|length %}显示 {{ n }} 行{% plural %}显示 {{ n }} 行（多）{% endblocktranslate %}
{% blocktrans trimmed context "report" with y=year %}
  回顾 {{ y }} 年：
  完成 100%
{% endblocktrans %}
{% blocktranslate count n=k with m=shared context 'x' %}{{ n }}/{{ m }}{% plural %}{{ n }}//{{ m }}{% endblocktranslate %}
{% blocktranslate %}
  不修剪
{% endblocktranslate %}
"""
    assert messages(msgids.template_messages(template)) == [
        Message("%(name)s，您好"),
        Message("显示 %(n)s 行", plural="显示 %(n)s 行（多）"),
        Message("回顾 %(y)s 年： 完成 100%%", context="report"),
        Message("%(n)s/%(m)s", context="x", plural="%(n)s//%(m)s"),
        Message("\n  不修剪\n"),
    ]


def test_extractor_reports_a_blocktranslate_django_would_refuse():
    occurrences, problems = msgids.template_messages(
        "{% blocktranslate %}a{% if x %}b{% endblocktranslate %}", "t.html"
    )
    assert occurrences == [] and len(problems) == 1 and "inside a blocktranslate" in str(problems[0])


def test_template_extractor_agrees_with_djangos_templatize_on_every_project_template():
    """Django's makemessages turns a template into gettext calls; the extractor finds the same msgids."""
    call = re.compile(
        r"""\b(npgettext|ngettext|pgettext|gettext|_)\(((?:\s*u?(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*,?)+)"""
    )
    string = re.compile(r"""u?('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")""")

    # Order of the string arguments in the calls templatize() writes.
    order = {
        "gettext": ("msgid",),
        "_": ("msgid",),
        "pgettext": ("context", "msgid"),
        "ngettext": ("msgid", "plural"),
        "npgettext": ("context", "msgid", "plural"),
    }

    def via_django(source: str) -> set[Message]:
        found = set()
        for name, args in call.findall(templatize(source)):
            strings = [ast.literal_eval(s) for s in string.findall(args)]
            found.add(Message(**dict(zip(order[name], strings, strict=True))))
        return found

    templates = [p for p in msgids.source_files() if p.suffix == ".html"]
    assert len(templates) > 40
    for path in templates:
        source = path.read_text(encoding="utf-8")
        ours = {o.message for o in msgids.template_messages(source)[0]}
        assert ours == via_django(source), path
