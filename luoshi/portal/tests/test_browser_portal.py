"""In a real browser on a phone (390 × 844), as an anonymous resident: browse a town's work report and
targets, download its open data and check it holds no personal field, track a case by its short code."""

from __future__ import annotations

import importlib
import os
import re

import pytest
from playwright.sync_api import expect

from luoshi.org.demo import load_org
from luoshi.org.testing import nav_link

pytestmark = pytest.mark.django_db(transaction=True)  # seed() puts back the reference rows

SHOTS = os.environ.get("PORTAL_SCREENSHOTS", "/tmp/portal-shots")


def shot(page, name):
    os.makedirs(SHOTS, exist_ok=True)
    page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def seed(ctx):
    """Transactional tests start from a flushed database: put the seeded data back, then the demo."""
    from django.apps import apps

    for name in (
        "luoshi.cases.migrations.0002_seed_case_types",
        "luoshi.portal.migrations.0002_disclosure_request_type",
    ):
        importlib.import_module(name).seed(apps, None)
    for name in ("reports", "plans", "accounts", "portal"):
        importlib.import_module(f"luoshi.{name}.demo").load(ctx)


def test_an_anonymous_resident_on_a_phone_reads_downloads_and_tracks(page, live_server):
    ctx = load_org()
    seed(ctx)
    from luoshi.cases.services import case_create

    case = case_create(
        case_type="public",
        title="桥头路灯不亮",
        content="桥头三盏路灯坏了，电话13812345678。",
        town=ctx.towns[0],
        contact_name="王建国",
        contact_phone="13812345678",
        address="云溪镇桃坞村桥头路5号",
        actor=None,
        actor_label="群众",
    )
    page.set_viewport_size({"width": 390, "height": 844})

    # the portal from the site's menu, then the town
    page.goto(f"{live_server.url}/accounts/login/")
    nav_link(page, "portal").click()
    page.click("text=云溪镇")
    assert page.inner_text("[data-testid=area-name]") == "云溪镇"
    shot(page, "1-town")

    # a work report in the viewer, facts highlighted
    page.click("[data-testid=reports] a >> nth=0")
    assert page.locator("#report-text mark.fact").count() > 5
    assert "镇长" in page.inner_text("#report-text")
    shot(page, "2-report")

    # this year's published targets with progress and 序时进度
    page.click("nav.portal-tabs >> text=年度目标")
    targets = page.locator("[data-testid=targets] > li")
    assert targets.count() > 3
    assert "序时进度" in page.inner_text("[data-testid=targets]")
    shot(page, "3-targets")

    # download the open data: UTF-8 with BOM, Chinese headers, no personal field
    page.click("nav.portal-tabs >> text=概览")
    personal = ["王建国", "13812345678", "桥头路5号", "陈静", "林晓", "13800001111", "office", "leader"]
    for key in ("targets", "projects", "livelihood", "cases", "case-stats"):
        with page.expect_download() as info:
            page.click(f"[data-testid=csv-{key}]")
        raw = open(info.value.path(), "rb").read()
        assert raw.startswith(b"\xef\xbb\xbf"), key
        text = raw.decode("utf-8-sig")
        assert "乡镇" in text.splitlines()[0], key
        leaked = [v for v in personal if v in text]
        assert not leaked, (key, leaked)
    shot(page, "4-downloads")

    # track the case by its short code, read out on the phone
    page.goto(f"{live_server.url}/portal/")
    page.click("[data-testid=track-link]")
    code = case.short_code
    page.fill("input[name=code]", f"{code[:4].lower()}-{code[4:].lower()}")
    page.click("[data-testid=track-lookup] button[type=submit]")
    assert page.inner_text("[data-testid=public-status]")
    assert "13812345678" not in page.content()
    shot(page, "5-track")
    # the page fits the phone: no sideways scrolling of the whole page
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def _photo_with_gps(size=(3000, 2000)) -> bytes:
    """A large noisy JPEG (megabytes, like a phone's) with a GPS position in its EXIF."""
    import io

    from PIL import Image

    img = Image.effect_noise(size, 60).convert("RGB")
    exif = Image.Exif()
    exif[0x0110] = "SecretPhone X"
    exif.get_ifd(0x8825).update({1: "N", 2: (29.0, 52.0, 12.0), 3: "E", 4: (121.0, 33.0, 0.0)})
    out = io.BytesIO()
    img.save(out, "JPEG", exif=exif.tobytes(), quality=95)
    return out.getvalue()


def test_a_resident_files_a_case_with_photo_and_position_after_the_similar_prompt(page, live_server):
    """Done means of issue 13 §3 on a 390 × 844 phone, and axe-core on the form and tracking pages."""
    import io

    from PIL import Image

    from luoshi.cases.models import Attachment, Case, CaseType
    from luoshi.cases.services import case_create
    from luoshi.portal.tests.axe import serious_violations

    ctx = load_org()
    seed(ctx)
    CaseType.objects.filter(code="public").update(public=True)
    published = case_create(
        case_type="public",
        title="桥头路灯不亮",
        content="桥头三盏路灯坏了一周，晚上很黑。",
        town=ctx.towns[0],
        contact_name="王建国",
        contact_phone="13812345678",
        actor=None,
        actor_label="群众",
    )
    page.context.grant_permissions(["geolocation"], origin=live_server.url)
    page.context.set_geolocation({"latitude": 30.2601, "longitude": 120.1552})
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/cases/public/new/")
    assert serious_violations(page) == []
    # one screen, the submit button at the bottom of it where the thumb is
    button = page.locator("[data-testid=submit-public]").bounding_box()
    assert 844 * 0.75 <= button["y"] and button["y"] + button["height"] <= 844, button
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert not page.locator("#intake-map").count()  # no tile server configured: no map
    shot(page, "6-form")

    page.select_option("select[name=town]", label=ctx.towns[0].name)
    page.fill("input[name=title]", "路灯不亮")
    page.fill("textarea[name=content]", "桥头的路灯坏了，晚上很黑")
    page.locator("textarea[name=content]").blur()
    page.wait_for_selector("[data-testid=similar-case]")
    similar = page.inner_text("[data-testid=similar]")
    assert published.number in similar and "13812345678" not in similar and "王建国" not in similar
    assert serious_violations(page) == []
    shot(page, "7-similar")
    page.click("[data-testid=not-same]")
    assert not page.locator("[data-testid=similar-case]").count()

    # the photo: its EXIF position is offered; the phone shrinks it before upload
    raw = _photo_with_gps()
    page.set_input_files(
        "[data-testid=photo]", {"name": "IMG_0001.jpg", "mimeType": "image/jpeg", "buffer": raw}
    )
    # (expect polls from Python: the CSP forbids the eval behind wait_for_function's string predicates)
    expect(page.locator("input[name=latitude]")).to_have_value(re.compile(r"^29\.87"), timeout=20000)
    page.wait_for_selector("#photo-preview canvas")
    assert page.evaluate("document.querySelector('[data-testid=photo]').files[0].size") < len(raw) / 3
    # the resident prefers where they stand: clear, then 使用我的位置
    page.click("[data-clear-position]")
    assert page.input_value("input[name=latitude]") == ""
    page.click("[data-testid=locate]")
    expect(page.locator("input[name=latitude]")).to_have_value(re.compile(r"^30\.26"), timeout=20000)
    assert "30.26010" in page.inner_text("[data-testid=position-status]")
    page.fill("input[name=contact_name]", "李四")
    page.fill("input[name=contact_phone]", "13900001111")
    shot(page, "8-filled")
    page.click("[data-testid=submit-public]")
    page.wait_for_selector("[data-testid=short-code]")
    assert serious_violations(page) == []
    shot(page, "9-tracking")
    code = page.inner_text("[data-testid=short-code]").strip()

    case = Case.objects.get(contact_phone="13900001111")
    assert (round(float(case.latitude), 4), round(float(case.longitude), 4)) == (30.2601, 120.1552)
    stored = Attachment.objects.get(case=case).file.open("rb").read()
    assert b"Exif" not in stored and b"SecretPhone" not in stored
    with Image.open(io.BytesIO(stored)) as img:
        assert max(img.size) <= 1600 and not img.getexif()

    # track it by the short code, as read out on the phone
    page.goto(f"{live_server.url}/cases/track/")
    assert serious_violations(page) == []
    page.fill("input[name=code]", code.lower().replace("-", " "))
    page.click("[data-testid=track-lookup] button[type=submit]")
    page.wait_for_selector("[data-testid=public-status]")
    assert "13900001111" not in page.content()


def test_every_portal_page_passes_axe_on_a_phone(page, live_server):
    """0 serious or critical axe-core violations on every public portal page (issue 13)."""
    from luoshi.portal.models import DisclosureDocument, DocState
    from luoshi.portal.tests.axe import serious_violations
    from luoshi.reports.models import Report

    ctx = load_org()
    seed(ctx)
    town = ctx.towns[0].code
    report = Report.objects.filter(town=ctx.towns[0], publication__isnull=False).first()
    doc = DisclosureDocument.objects.filter(state=DocState.PUBLISHED).first()
    urls = [
        "/portal/",
        f"/portal/{ctx.county.code}/",
        f"/portal/{town}/",
        f"/portal/{town}/targets/",
        f"/portal/{town}/projects/",
        f"/portal/{town}/livelihood/",
        f"/portal/{town}/cases/",
        f"/portal/{town}/disclosure/",
        f"/portal/reports/{report.pk}/",
        f"/portal/documents/{doc.pk}/",
        "/portal/request/",
    ]
    page.set_viewport_size({"width": 390, "height": 844})
    found = {}
    for url in urls:
        page.goto(live_server.url + url)
        violations = serious_violations(page)
        if violations:
            found[url] = violations
    assert found == {}, found


def test_with_a_tile_server_the_resident_picks_the_place_on_the_map(page, live_server, settings):
    """Where the county configures tiles, vendored Leaflet shows a map; a tap on it sets the position.
    The tiles point at this server (they 404): the test fetches nothing from outside."""
    from django.apps import apps

    load_org()
    importlib.import_module("luoshi.cases.migrations.0002_seed_case_types").seed(apps, None)
    settings.PORTAL_TILE_URL = f"{live_server.url}/static/no-tiles/{{z}}/{{x}}/{{y}}.png"
    settings.PORTAL_MAP_CENTER = "30.26,120.15,14"
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(live_server.url) else None)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/cases/public/new/")
    page.wait_for_selector("#intake-map.leaflet-container")
    page.locator("#intake-map").click()
    expect(page.locator("input[name=latitude]")).to_have_value(re.compile(r"^30\.2"), timeout=20000)
    assert "已在地图上选定" in page.inner_text("[data-testid=position-status]")
    assert page.locator("#intake-map .leaflet-marker-icon").count() == 1
    assert outside == []
    shot(page, "10-map")


def test_an_office_confirms_before_publishing_and_english_pages_show_english_periods(page, live_server):
    from django.conf import settings

    from luoshi.lib.i18n import compile_catalogues
    from luoshi.org.testing import browser_login
    from luoshi.portal.models import PublishedIndicator

    compile_catalogues()
    ctx = load_org()
    seed(ctx)
    town = ctx.towns[0]
    browser_login(page, live_server, "office")
    page.goto(f"{live_server.url}/portal/manage/?town={town.pk}")
    button = page.locator(
        "form:has(input[name=public][value='1']) button[data-testid^=publish-indicator-]"
    ).first
    pk = int(button.get_attribute("data-testid").rsplit("-", 1)[1])
    button.click()
    expect(page.get_by_test_id("confirm-publish")).to_be_visible()
    shot(page, "confirm-publish-zh")
    assert not PublishedIndicator.objects.filter(town=town, indicator_id=pk).exists()
    page.get_by_test_id("confirm-publish-button").click()
    page.wait_for_url(re.compile(r"/portal/manage/"))
    assert PublishedIndicator.objects.filter(town=town, indicator_id=pk).exists()

    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": live_server.url}])
    page.goto(f"{live_server.url}/portal/manage/?town={town.pk}")
    page.locator(
        "form:has(input[name=public][value='1']) button[data-testid^=publish-indicator-]"
    ).first.click()
    expect(page.get_by_test_id("confirm-publish")).to_contain_text("The public will see")
    shot(page, "confirm-publish-en")

    page.goto(f"{live_server.url}/portal/{town.code}/targets/")
    shot(page, "portal-targets-en")
    periods = page.locator("[data-testid=indicators] tbody td:nth-child(3)").all_inner_texts()
    assert periods and not [p for p in periods if "年" in p or "月" in p], periods
    page.goto(f"{live_server.url}/indicators/")
    shot(page, "indicators-en")
    assert not re.search(r"\d{4}年", page.locator("main").inner_text())
    page.goto(f"{live_server.url}/portal/{town.code}/projects/")
    shot(page, "portal-projects-en")
    stages = page.locator("[data-testid=projects] li").all_inner_texts()
    assert stages and not [s for s in stages if "Lead" in s or "Negotiating" in s], stages
