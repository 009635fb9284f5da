"""The public form's photo, position and similar-reports prompt (issue 13 §3), attacked from outside:
a photo's EXIF position never reaches storage, a position outside China is refused, no map or tile
without a configured tile server, and the similar-reports prompt shows only published cases."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from PIL import Image

from luoshi.cases.models import Attachment, Case, CaseType, Status
from luoshi.cases.services import case_create
from luoshi.portal import views

pytestmark = pytest.mark.django_db

GPS = {1: "N", 2: (30.0, 15.0, 36.0), 3: "E", 4: (120.0, 9.0, 18.0)}


def jpeg_with_gps(size=(2400, 1200)) -> bytes:
    img = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "SecretPhone X"  # Model
    exif.get_ifd(0x8825).update(GPS)
    out = io.BytesIO()
    img.save(out, "JPEG", exif=exif.tobytes(), quality=90)
    return out.getvalue()


def _post(client, org, **extra):
    data = {
        "town": org.towns[0].pk,
        "title": "路灯不亮",
        "content": "桥头路灯坏了一周。",
        "contact_name": "王建国",
        "contact_phone": "13812345678",
        **extra,
    }
    return client.post("/cases/public/new/", data)


def test_the_stored_photo_has_no_exif_position_or_device_and_is_shrunk(org):
    raw = jpeg_with_gps()
    with Image.open(io.BytesIO(raw)) as img:  # the fixture really carries a position
        assert img.getexif().get_ifd(0x8825)[2] == (30.0, 15.0, 36.0)
    resp = _post(Client(), org, photo=SimpleUploadedFile("p.jpg", raw, content_type="image/jpeg"))
    assert resp.status_code == 302, resp.content.decode()[:2000]
    att = Attachment.objects.get()
    stored = att.file.open("rb").read()
    assert b"Exif" not in stored and b"SecretPhone" not in stored and b"PhoneMaker" not in stored
    with Image.open(io.BytesIO(stored)) as img:
        assert not img.getexif() and not img.info.get("exif")
        assert max(img.size) == 1600 and img.format == "JPEG"
    assert att.kind == "before" and att.content_type == "image/jpeg" and att.case.channel == "online"


@pytest.mark.parametrize(
    "payload",
    [b"not an image at all", b"\xff\xd8\xff\xe0" + b"\0" * 50, b"\x89PNG\r\n\x1a\n" + b"\xff" * 40, b""],
)
def test_bytes_that_are_no_photo_get_a_clear_error_and_no_case(org, payload):
    resp = _post(Client(), org, photo=SimpleUploadedFile("p.jpg", payload, content_type="image/jpeg"))
    assert resp.status_code == 200 and not Case.objects.exists()
    page = resp.content.decode()
    assert ("无法识别该照片" if payload else "空文件") in page


def test_a_position_is_stored_for_staff_only_inside_china_and_only_as_a_pair(org, client_for):
    for extra, message in (
        ({"latitude": "51.5", "longitude": "-0.12"}, "位置不在中国境内"),
        ({"latitude": "30.2"}, "纬度和经度须同时提供"),
        ({"latitude": "abc", "longitude": "120"}, "位置格式不正确"),
        ({"latitude": "30.1", "longitude": "1e400"}, "位置格式不正确"),
    ):
        resp = _post(Client(), org, **extra)
        assert resp.status_code == 200 and message in resp.content.decode(), extra
    assert not Case.objects.exists()
    assert _post(Client(), org, latitude="30.260100", longitude="120.155200").status_code == 302
    case = Case.objects.get()
    assert (float(case.latitude), float(case.longitude)) == (30.2601, 120.1552)
    page = client_for("office").get(case.get_absolute_url()).content.decode()
    assert "30.260100, 120.155200" in page


def test_no_tile_server_no_leaflet_and_no_tile_url(org):
    page = Client().get("/cases/public/new/").content.decode()
    assert "leaflet" not in page.lower() and "intake-map" not in page and "tile" not in page.lower()
    assert 'capture="environment"' in page and 'accept="image/*"' in page and "data-locate" in page
    tiles = "https://t{s}.example-tiles.cn/vec/{z}/{x}/{y}.png?tk=KEY"
    with override_settings(PORTAL_TILE_URL=tiles, PORTAL_TILE_ATTRIBUTION="© 县测绘"):
        page = Client().get("/cases/public/new/").content.decode()
    assert "vendor/leaflet-1.9.4/leaflet.js" in page and 'data-tiles="' in page and "© 县测绘" in page


def test_the_tile_server_origin_is_allowed_by_the_csp_and_nothing_else():
    from luoshi.settings import tile_origin

    assert tile_origin("https://t{s}.tianditu.gov.cn/x?tk=1") == "https://*.tianditu.gov.cn"
    assert tile_origin("https://tiles.county.gov.cn/{z}/{x}/{y}.png") == "https://tiles.county.gov.cn"
    assert tile_origin("javascript:alert(1)") == "" and tile_origin("https://{s}") == ""


# --- similar reports ---------------------------------------------------------------------------------


@pytest.fixture
def planted(org):
    """A published case, and the same problem where it must not show: unpublished type, another town,
    merged; the published one carries a resident's name and phone in its text."""
    CaseType.objects.filter(code="public").update(public=True)
    CaseType.objects.filter(code="hotline").update(public=False)
    a, b = org.towns[0], org.towns[1]
    text = "桥头路灯不亮已经一周，晚上很黑。联系人王建国13812345678"

    def make(case_type, town, title, **kw):
        return case_create(
            case_type=case_type,
            title=title,
            content=text,
            town=town,
            contact_name="王建国",
            contact_phone="13812345678",
            address="桃坞村桥头路5号",
            actor=None,
            actor_label="群众",
            **kw,
        )

    published = make("public", a, "桥头路灯不亮")
    hidden = make("hotline", a, "桥头路灯不亮（热线）")
    other = make("public", b, "桥头路灯不亮（外镇）")
    merged = make("public", a, "桥头路灯不亮（已合并）")
    Case.objects.filter(pk=merged.pk).update(status=Status.MERGED)
    return {"published": published, "hidden": hidden, "other": other, "merged": merged, "town": a}


def _similar(client, town, text="桥头的路灯不亮了，晚上很黑", title="路灯不亮"):
    return client.post("/portal/similar/", {"town": town.pk, "title": title, "content": text})


def test_similar_reports_show_only_published_cases_of_the_town_masked(planted):
    resp = _similar(Client(), planted["town"])
    page = resp.content.decode()
    assert resp.status_code == 200 and page.count('data-testid="similar-case"') == 1
    assert planted["published"].number in page
    for case in ("hidden", "other", "merged"):
        assert planted[case].number not in page, case
    for personal in ("王建国", "13812345678", "5号", planted["published"].short_code, "桥头路灯不亮（"):
        assert personal not in page, personal
    # an unrelated description finds nothing; a bad town or no text too
    assert (
        "similar-case"
        not in _similar(Client(), planted["town"], text="申请低保", title="低保").content.decode()
    )
    for town in ("", "abc", "99999999999", "-1"):
        resp = Client().post("/portal/similar/", {"town": town, "content": "路灯不亮"})
        assert resp.status_code == 200 and "similar-case" not in resp.content.decode()


def test_similar_reports_need_post_with_csrf_and_are_rate_limited(planted, monkeypatch):
    assert Client().get("/portal/similar/").status_code == 405
    strict = Client(enforce_csrf_checks=True)
    assert _similar(strict, planted["town"]).status_code == 403
    monkeypatch.setattr(views, "SIMILAR_PER_HOUR", 2)
    client = Client()
    assert [_similar(client, planted["town"]).status_code for _ in range(3)] == [200, 200, 429]


def test_this_is_the_same_problem_links_the_report_to_the_published_case(planted):
    resp = _post(Client(), _Org(planted), same_as=planted["published"].number)
    assert resp.status_code == 302
    new = Case.objects.order_by("-id").first()
    assert planted["published"].number in new.details.values()
    # a number outside the published set (another town's, hidden type) is not recorded
    for case in ("hidden", "other"):
        _post(Client(), _Org(planted), same_as=planted[case].number)
        assert not (Case.objects.order_by("-id").first().details or {})


class _Org:
    def __init__(self, planted):
        self.towns = [planted["town"]]
