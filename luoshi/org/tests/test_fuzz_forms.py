"""No input to the main HTML forms and list pages gives a server error.

Each form is read from its page (field names, options), then hypothesis posts random values per
field — a valid option, random text with control characters, huge text, edge dates and numbers,
random bytes as the uploaded file — with the CSRF token, as the persona who uses the form. List
pages get random query parameters. The answer is a success or a refusal (``FUZZ_OK``), never a 5xx.
Fixed, derandomized budget (``FUZZ_EXAMPLES``).
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

from luoshi.org.testing import FUZZ_EXAMPLES, FUZZ_OK, csrf_client, fuzz_settings

pytestmark = pytest.mark.django_db

EDGE = st.sampled_from(
    [
        "",
        " ",
        "0",
        "-1",
        "NaN",
        "inf",
        "1e999",
        "9" * 30,
        "0001-01-01",
        "9999-12-31",
        "2026-02-30",
        "x" * 5000,
        "\x00",
        "a\x00b",
        "\ud7ff\ufffe",
        "<script>",
    ]
)
TEXT = st.text(max_size=60)


def form_fields(html: str, action: str) -> dict[str, list[str]]:
    """The fields of the form posting to ``action`` (or the first POST form): name → offered values."""
    soup = BeautifulSoup(html, "html.parser")
    forms = [f for f in soup.find_all("form") if (f.get("method") or "").lower() == "post"]
    form = next((f for f in forms if f.get("action") == action), None)
    form = form or next((f for f in forms if not f.get("action")), None)
    assert form is not None, f"no POST form at {action}"
    fields: dict[str, list[str]] = {}
    for el in form.find_all(["input", "select", "textarea"]):
        name = el.get("name")
        if not name or name == "csrfmiddlewaretoken" or el.get("type") in ("submit", "button"):
            continue
        values = fields.setdefault(name, [])
        if el.name == "select":
            values += [o.get("value", o.text) for o in el.find_all("option")]
        elif el.get("type") == "file":
            values.append("<file>")
        elif el.get("value") is not None:
            values.append(el["value"])
    return fields


def field_values(fields: dict[str, list[str]]):
    def one(name, offered):
        if "<file>" in offered:
            return st.builds(
                lambda data, suffix: SimpleUploadedFile(f"f{suffix}", data),
                st.binary(max_size=2000),
                st.sampled_from([".txt", ".html", ".pdf", ".docx", ".xlsx", "", ".exe"]),
            )
        choices = [st.sampled_from(offered)] if offered else []
        return st.one_of(*choices, EDGE, TEXT)

    return st.fixed_dictionaries({}, optional={n: one(n, v) for n, v in fields.items()})


def fuzz_form(client, page_url: str, url: str) -> None:
    page = client.get(page_url)
    assert page.status_code == 200, (page_url, page.status_code)
    fields = form_fields(page.content.decode(), url)

    @fuzz_settings()
    @given(data=field_values(fields))
    def run(data):
        resp = client.post(url, data)
        assert resp.status_code in FUZZ_OK, (url, resp.status_code, data)

    run()


def form_urls(world) -> list[tuple[str, str, str | None]]:
    """(page showing the form, the form's action, persona) of the main forms."""
    from luoshi.plans.models import Item, Plan

    org = world["org"]
    plan = Plan.objects.filter(town=org.towns[0]).first()
    item = Item.objects.filter(plan=plan).first()
    received = world["cases"][0]
    return [
        ("/cases/new/", "/cases/new/", "office"),
        ("/cases/public/new/", "/cases/public/new/", None),
        (f"/cases/{received.pk}/act/dispatch/", f"/cases/{received.pk}/act/dispatch/", "office"),
        (f"/plans/{plan.pk}/items/new/", f"/plans/{plan.pk}/items/new/", "office"),
        (f"/plans/items/{item.pk}/edit/", f"/plans/items/{item.pk}/edit/", "office"),
        (f"/plans/items/{item.pk}/", f"/plans/item/{item.pk}/updates/new/", "office"),
        (f"/plans/{plan.pk}/projects/new/", f"/plans/{plan.pk}/projects/new/", "office"),
        ("/reports/new/", "/reports/new/", "office"),
        ("/accounts/login/", "/accounts/login/", None),
    ]


def test_no_form_input_gives_a_server_error(fuzz_world):
    org = fuzz_world["org"]
    failures = []
    for page_url, url, persona in form_urls(fuzz_world):
        client = csrf_client(org.users[persona] if persona else None)
        try:
            fuzz_form(client, page_url, url)
        except Exception as exc:  # collected, so one run reports every failing form
            failures.append(f"{url}: {type(exc).__name__}: {exc}"[:3000])
    assert not failures, "\n\n".join(failures)


LIST_PARAMS = st.fixed_dictionaries(
    {},
    optional={
        name: st.one_of(EDGE, TEXT, st.integers().map(str))
        for name in (
            "queue",
            "q",
            "type",
            "type_id",
            "category",
            "status",
            "unit",
            "village",
            "town",
            "received_from",
            "received_to",
            "month",
            "kpi",
            "part",
            "sort",
            "page",
            "from",
            "to",
            "by",
            "year",
            "ids",
            "format",
        )
    },
)


def test_no_query_on_a_list_page_gives_a_server_error(fuzz_world):
    from luoshi.plans.models import Plan

    plan = Plan.objects.filter(town=fuzz_world["org"].towns[0]).first()
    client = csrf_client(fuzz_world["org"].users["office"])
    pages = ["/cases/", "/cases/kpi/", "/cases/export.xlsx", "/reports/", "/reports/compare/", "/plans/"]
    pages += [f"/plans/{plan.pk}/", f"/plans/{plan.pk}/projects/", "/org/villages/"]

    @fuzz_settings(3 * FUZZ_EXAMPLES)
    @given(page=st.sampled_from(pages), params=LIST_PARAMS)
    def run(page, params):
        resp = client.get(f"{page}?{urlencode(params)}")
        assert resp.status_code in FUZZ_OK, (page, resp.status_code, params)

    run()


# --- the failures the fuzzing found, kept as plain regression tests -----------------------------


@pytest.mark.parametrize(
    "url, name",
    [
        ("/cases/?received_from=9999-12-31", "received_from"),
        ("/cases/?received_to=0001-01-01", "received_to"),
        ("/cases/?month=9999-12", "month"),
        ("/cases/?unit=99999999999999999999", "unit"),
        ("/cases/export.xlsx?received_to=9999-12-31", "received_to"),
        ("/cases/kpi/?to=9999-12-31", "to"),
        ("/cases/kpi/?from=0001-01-01", "from"),
        ("/cases/kpi/?town=99999999999999999999", "town"),
    ],
)
def test_an_unusable_list_filter_is_a_400_naming_the_parameter(client_for, url, name):
    resp = client_for("office").get(url)
    assert resp.status_code == 400
    assert name in resp.content.decode()


@pytest.mark.parametrize(
    "url", ["/cases/99999999999999999999/", "/plans/99999999999999999999/", "/reports/99999999999999999999/"]
)
def test_an_id_past_64_bits_in_a_path_is_a_404(client_for, url):
    assert client_for("office").get(url).status_code == 404
