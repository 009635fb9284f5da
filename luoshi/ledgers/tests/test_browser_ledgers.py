"""In a real browser on a phone (390 × 844), the issue's "done means":

1. a patrol worker inspects three numbered lights, one fails and becomes a case, the repair closes it
   with a photo, and 亮灯率 moves (also: the draft survives a lost connection and is sent once);
2. an inspector scores a village's 人居环境 and the village ranking updates;
3. a village cadre records points for a household with evidence, another person approves, the
   household redeems some.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os

import pytest
from django.utils import timezone

from luoshi.org.demo import load_org
from luoshi.org.testing import browser_login

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = os.environ.get("LEDGERS_SCREENSHOTS", "/tmp/ledgers-shots")
PHONE = {"width": 390, "height": 844}
JPEG = {"name": "photo.jpg", "mimeType": "image/jpeg", "buffer": b"\xff\xd8\xff\xe0" + b"\x00" * 200}


def shot(page, name):
    os.makedirs(SHOTS, exist_ok=True)
    page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.fixture
def world(settings, tmp_path):
    """A flushed database: the organisation, the seeded case and register types, routing rules."""
    from django.apps import apps

    settings.MEDIA_ROOT = str(tmp_path / "media")
    ctx = load_org()
    importlib.import_module("luoshi.cases.migrations.0002_seed_case_types").seed(apps, None)
    importlib.import_module("luoshi.ledgers.migrations.0002_seed_types_and_sheets").seed(apps, None)
    importlib.import_module("luoshi.ledgers.migrations.0004_forest_chiefs_layouts_indicators").seed(
        apps, None
    )
    from luoshi.cases import config
    from luoshi.cases.models import CaseType, RoutingRule
    from luoshi.org.models import Unit

    yunxi = ctx.towns[0]
    for code, unit in (("facility_fault", "yjb"), ("living_env", "hbb")):
        RoutingRule.objects.create(
            town=yunxi,
            case_type=CaseType.objects.get(code=code),
            unit=Unit.objects.get(town=yunxi, code=unit),
        )
    config.clear()
    return ctx


def _lights_on(town):
    from luoshi.accounts import registry

    now = timezone.now()
    return registry.compute("ledgers-lights-on", town, now - dt.timedelta(days=30), now, now).value


def test_patrol_inspects_three_lights_one_fails_becomes_a_case_and_the_repair_closes_it(
    page, live_server, world
):
    from luoshi.cases.models import Status
    from luoshi.ledgers import services
    from luoshi.ledgers.models import Inspection, Item, Problem, RegisterType

    yunxi = world.towns[0]
    village = yunxi.villages.order_by("code").first()
    rt = RegisterType.objects.get(code="streetlight")
    for n in range(1, 4):
        services.item_save(
            actor=world.users["admin"], register_type=rt, number=f"YX-{n:03d}", village=village
        )
    assert _lights_on(yunxi) == 100.0

    page.set_viewport_size(PHONE)
    browser_login(page, live_server, "unit")
    form_url = f"{live_server.url}/ledgers/inspect/light-patrol/"
    status = page.locator("[data-testid=draft-status]")
    for n in range(1, 4):
        page.goto(form_url)
        page.fill("[data-testid=number]", f"YX-{n:03d}")
        if n == 2:
            page.check("input[name=failed]")
            page.set_input_files("input[name=photos]", JPEG)
            assert fits_the_screen(page)
            shot(page, "01-inspect-failing-light")
        if n == 3:  # the connection drops while sending: the draft waits and goes once back online
            page.context.set_offline(True)
            page.click("[data-testid=submit]")
            status.filter(has_text="网络中断").wait_for()
            shot(page, "02-offline-draft")
            page.context.set_offline(False)
            page.evaluate("window.dispatchEvent(new Event('online'))")
        else:
            page.click("[data-testid=submit]")
        status.filter(has_text="已提交").wait_for()
    assert Inspection.objects.count() == 3
    problem = Problem.objects.get()
    assert problem.item.number == "YX-002" and problem.case.status == Status.IN_PROGRESS
    assert _lights_on(yunxi) == pytest.approx(66.7)

    # the repair: the unit's worker opens the light and closes the fault with an after-photo
    page.goto(f"{live_server.url}/ledgers/item/{problem.item_id}/")
    assert "整改后照片" in page.inner_text("[data-testid=close-problem]")
    page.fill("input[name=reply]", "已更换灯头")
    page.set_input_files("input[name=photo]", JPEG)
    shot(page, "03-close-out")
    page.click("[data-testid=close-problem] button[type=submit]")
    page.locator("[data-testid=problem-status]").filter(has_text="已销号").wait_for()
    assert fits_the_screen(page)
    shot(page, "04-item-history")
    problem.case.refresh_from_db()
    assert problem.case.status == Status.CLOSED
    assert _lights_on(yunxi) == 100.0
    assert Item.objects.get(number="YX-002").inspections.count() == 1


def test_inspector_scores_a_village_and_the_ranking_updates(page, live_server, world):
    from luoshi.ledgers import services
    from luoshi.ledgers.models import RegisterType

    yunxi = world.towns[0]
    rt = RegisterType.objects.get(code="village_env")
    a, b = list(yunxi.villages.order_by("code"))[:2]
    for v in (a, b):
        services.item_save(
            actor=world.users["admin"], register_type=rt, number=v.code, village=v, name=v.name
        )
    page.set_viewport_size(PHONE)
    browser_login(page, live_server, "office")
    page.goto(f"{live_server.url}/ledgers/inspect/living-env/")
    page.fill("[data-testid=number]", a.code)
    page.locator("input[name=failed]").first.check()
    page.set_input_files("input[name=photos]", JPEG)
    page.click("[data-testid=submit]")
    page.locator("[data-testid=draft-status]").filter(has_text="已提交").wait_for()
    page.goto(f"{live_server.url}/ledgers/ranking/?sheet=living-env")
    rows = page.locator("[data-testid=village-ranking] tbody tr")
    assert rows.count() == 1 and a.name in rows.first.inner_text() and "75.0" in rows.first.inner_text()
    page.goto(f"{live_server.url}/ledgers/inspect/living-env/")
    page.fill("[data-testid=number]", b.code)
    page.click("[data-testid=submit]")
    page.locator("[data-testid=draft-status]").filter(has_text="已提交").wait_for()
    page.goto(f"{live_server.url}/ledgers/ranking/?sheet=living-env")
    first, second = rows.nth(0).inner_text(), rows.nth(1).inner_text()
    assert b.name in first and "100.0" in first and a.name in second
    assert fits_the_screen(page)
    shot(page, "05-village-ranking")


def test_cadre_records_points_another_approves_and_the_household_redeems(page, live_server, world):
    from luoshi.ledgers import services
    from luoshi.ledgers.models import RegisterType

    yunxi = world.towns[0]
    village = yunxi.villages.order_by("code").first()
    rt = RegisterType.objects.get(code="household")
    services.item_save(
        actor=world.users["admin"], register_type=rt, number="H-01", village=village, owner="王建国"
    )
    services.rulebook_record(
        actor=world.users["village"],
        village=village,
        title="家庭文明积分细则",
        assembly="村民代表会议",
        assembly_date=dt.date(2026, 1, 15),
        attendance=30,
        votes_for=29,
        rules=[("美丽庭院", 10)],
    )
    page.set_viewport_size(PHONE)
    browser_login(page, live_server, "village")
    page.goto(f"{live_server.url}/ledgers/points/")
    page.fill("input[name=evidence]", "庭院整洁，附照片")
    page.set_input_files("input[name=evidence_file]", JPEG)
    page.click("[data-testid=record-form] button[type=submit]")
    pending = page.locator("[data-testid=pending] tbody tr")
    assert "需他人审核" in pending.first.inner_text()  # the recorder is offered no approve button
    assert fits_the_screen(page)
    shot(page, "06-points-recorded")

    browser_login(page, live_server, "office")
    page.goto(f"{live_server.url}/ledgers/points/?village={village.pk}")
    page.click("[data-testid=pending] button[value=approve]")
    assert page.inner_text("[data-testid=balance-H-01]") == "10"
    page.locator("[data-testid=redeem-form]").locator("xpath=..").locator("summary").click()
    page.fill("[data-testid=redeem-form] input[name=points]", "4")
    page.fill("[data-testid=redeem-form] input[name=goods]", "洗衣粉一袋")
    page.click("[data-testid=redeem-form] button[type=submit]")
    assert page.inner_text("[data-testid=balance-H-01]") == "6"
    shot(page, "07-points-redeemed")
    page.goto(f"{live_server.url}/ledgers/points/notice/{village.pk}/")
    assert page.inner_text("[data-testid=notice] tbody") == "王建国\t6"


def _big_jpeg() -> dict:
    """A 3000 × 2000 camera-sized JPEG (the phone resizes it before keeping it)."""
    import io

    from PIL import Image, ImageDraw

    img = Image.new("RGB", (3000, 2000), (40, 90, 160))
    ImageDraw.Draw(img).rectangle((400, 300, 2600, 1700), fill=(230, 200, 40))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=80)
    return {"name": "IMG_0001.jpg", "mimeType": "image/jpeg", "buffer": out.getvalue()}


def test_a_photo_taken_offline_survives_a_closed_page_and_the_inspection_arrives_once(
    page, live_server, world
):
    """Photos wait in IndexedDB (resized to 1600 px): the page is closed while offline, opened again
    online, and sends the draft by itself; a resend after a lost response counts once."""
    from PIL import Image

    from luoshi.ledgers import services
    from luoshi.ledgers.models import Inspection, Photo, RegisterType

    yunxi = world.towns[0]
    village = yunxi.villages.order_by("code").first()
    rt = RegisterType.objects.get(code="streetlight")
    for n in (1, 2):
        services.item_save(
            actor=world.users["admin"], register_type=rt, number=f"YX-{n:03d}", village=village
        )
    page.set_viewport_size(PHONE)
    browser_login(page, live_server, "unit")
    form_url = f"{live_server.url}/ledgers/inspect/light-patrol/"
    page.goto(form_url)
    page.fill("[data-testid=number]", "YX-001")
    page.check("input[name=failed]")
    page.set_input_files("input[name=photos]", _big_jpeg())
    page.locator("[data-testid=photo-count]").filter(has_text="1 张").wait_for()
    context = page.context
    context.set_offline(True)
    page.click("[data-testid=submit]")
    page.locator("[data-testid=draft-status]").filter(has_text="网络中断").wait_for()
    shot(page, "08-offline-photo-kept")
    page.close()  # the phone's browser is closed while the connection is down
    assert Inspection.objects.count() == 0

    context.set_offline(False)
    page = context.new_page()
    page.set_viewport_size(PHONE)
    page.goto(form_url)  # opened again online: the pending draft goes by itself, photo included
    page.locator("[data-testid=draft-status]").filter(has_text="已提交").wait_for()
    shot(page, "09-draft-sent-after-reopening")
    inspection = Inspection.objects.get()
    assert inspection.item.number == "YX-001" and not inspection.passed
    photo = Photo.objects.get(inspection=inspection)
    with Image.open(photo.file.path) as img:
        assert max(img.size) == 1600 and img.size == (1600, 1067)
    assert inspection.problems.get().case.attachments.count() == 1
    page.evaluate("window.dispatchEvent(new Event('online'))")  # nothing pending any more
    page.reload()
    assert Inspection.objects.count() == 1 and Photo.objects.count() == 1

    # the server records the second light but the answer is lost: the draft stays, and the resend
    # with the same client token is answered with the first record
    lost = []

    def drop_answer(route):
        route.fetch()
        lost.append(1)
        route.abort()

    page.route(
        "**/ledgers/inspect/light-patrol/",
        lambda r: drop_answer(r) if r.request.method == "POST" else r.continue_(),
    )
    page.fill("[data-testid=number]", "YX-002")
    page.click("[data-testid=submit]")
    page.locator("[data-testid=draft-status]").filter(has_text="网络中断").wait_for()
    assert lost == [1] and Inspection.objects.filter(item__number="YX-002").count() == 1
    page.unroute("**/ledgers/inspect/light-patrol/")
    page.evaluate("window.dispatchEvent(new Event('online'))")
    page.locator("[data-testid=draft-status]").filter(has_text="YX-002 已提交").wait_for()
    assert Inspection.objects.filter(item__number="YX-002").count() == 1 and Inspection.objects.count() == 2


def test_a_printed_qr_label_picks_the_item_on_the_inspection_form(page, live_server, world):
    """The label sheet's QR code, photographed (a screenshot of the printed label), is decoded on the
    phone by the vendored jsQR and fills in the item's number."""
    from luoshi.ledgers import services
    from luoshi.ledgers.models import Inspection, RegisterType

    yunxi = world.towns[0]
    village = yunxi.villages.order_by("code").first()
    rt = RegisterType.objects.get(code="streetlight")
    for n in (7, 8, 9):
        services.item_save(
            actor=world.users["admin"], register_type=rt, number=f"YX-{n:03d}", village=village
        )
    browser_login(page, live_server, "office")
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/ledgers/streetlight/")
    assert "共 3 条" in page.inner_text("[data-testid=count]")
    assert "路灯巡查台账" in page.inner_text("[data-testid=export-xlsx]")
    assert fits_the_screen(page)
    shot(page, "10-register-phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/ledgers/streetlight/labels/")
    labels = page.locator("[data-testid=label]")
    assert labels.count() == 3
    shot(page, "11-label-sheet")
    label = labels.filter(has_text="YX-008")
    payload = label.get_attribute("data-payload")
    assert payload.endswith("#n=YX-008") and "/ledgers/item/" in payload
    page.locator("[data-testid=labels]").evaluate("sheet => { sheet.style.display = 'block'; }")
    label.locator("svg").evaluate("svg => { svg.style.width = svg.style.height = '240px'; }")  # a close-up
    picture = label.screenshot()

    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/ledgers/inspect/light-patrol/")
    page.set_input_files(
        "[data-testid=scan-file]", {"name": "label.png", "mimeType": "image/png", "buffer": picture}
    )
    page.locator("[data-testid=draft-status]").filter(has_text="已扫码选中 YX-008").wait_for()
    assert page.input_value("[data-testid=number]") == "YX-008"
    assert fits_the_screen(page)
    shot(page, "12-scanned-label")
    page.click("[data-testid=submit]")
    page.locator("[data-testid=draft-status]").filter(has_text="YX-008 已提交").wait_for()
    assert Inspection.objects.get().item.number == "YX-008"
