"""No input to the Open311 endpoints gives a server error (they are public and not in the OpenAPI
schema, so hypothesis drives them directly): query parameters with NaN/inf/huge coordinates, dates
from year 1 to 9999 and garbage, odd page sizes and statuses; POST bodies with odd fields, huge
strings, NUL characters, non-UTF-8 bytes and wrong content types. Every answer is a success or a
refusal in the spec's error format, never a 5xx. Fixed, derandomized budget (``FUZZ_EXAMPLES``).
"""

from __future__ import annotations

import json
from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from luoshi.cases.models import Case
from luoshi.org.testing import FUZZ_OK, fuzz_settings

pytestmark = pytest.mark.django_db

V2 = "/open311/v2"
YUNXI = "369901100"

NUMBERS = st.one_of(
    st.sampled_from(["NaN", "nan", "-NaN", "sNaN", "inf", "-Infinity", "1e999", "-1e999", "1e-999", "0x1A"]),
    st.sampled_from(["9" * 400, "1" + "0" * 5000, "", " ", "30.5", "-90", "90.0000001", "1_0", "٣٠"]),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.integers().map(str),
    st.text(max_size=20),
)
DATES = st.one_of(
    st.sampled_from(
        [
            "0001-01-01",
            "9999-12-31",
            "0001-01-01T00:00:00+14:00",
            "9999-12-31T23:59:59-12:00",
            "2026-02-30",
            "2026-03-01T08:00:00+08:00",
            "2026-03-01 08:00:00 08:00",
            "garbage",
            "",
        ]
    ),
    st.datetimes().map(lambda d: d.isoformat()),
    st.dates().map(str),
    st.text(max_size=30),
)
CODES = st.one_of(
    st.sampled_from(["public.sanitation", "public.road", "hotline.consult", "petition.x", "public", ".", ""]),
    st.text(max_size=40),
)
PAGES = st.one_of(st.integers().map(str), st.sampled_from(["0", "-1", "1e3", "abc", "", "9" * 30]))
TEXT = st.one_of(
    st.text(max_size=200), st.just("x" * 100_000), st.text(alphabet="\x00\x01\ufffe", max_size=5)
)


def query_params():
    return st.fixed_dictionaries(
        {},
        optional={
            "jurisdiction_id": st.one_of(st.just(YUNXI), st.just("369901200"), st.text(max_size=12)),
            "service_code": CODES,
            "service_request_id": st.one_of(st.text(max_size=40), st.just(",".join(["1"] * 2000))),
            "start_date": DATES,
            "end_date": DATES,
            "status": st.one_of(
                st.sampled_from(["open", "closed", "open,closed", "x"]), st.text(max_size=10)
            ),
            "page": PAGES,
            "page_size": PAGES,
            "lat": NUMBERS,
            "long": NUMBERS,
            "radius": NUMBERS,
        },
    )


def post_params(key: str):
    return st.fixed_dictionaries(
        {},
        optional={
            "api_key": st.one_of(st.just(key), st.text(max_size=50)),
            "jurisdiction_id": st.one_of(st.just(YUNXI), st.text(max_size=12)),
            "service_code": CODES,
            "lat": NUMBERS,
            "long": NUMBERS,
            "address_string": TEXT,
            "address_id": st.one_of(st.just("369901100201"), st.text(max_size=20)),
            "description": TEXT,
            "first_name": TEXT,
            "last_name": TEXT,
            "phone": TEXT,
            "email": TEXT,
            "media_url": st.one_of(st.just("https://example.org/a.jpg"), TEXT),
            "attribute[x]": TEXT,
        },
    )


def assert_refusal_or_success(resp, fmt: str) -> None:
    assert resp.status_code in FUZZ_OK, (resp.status_code, resp.content[:500])
    if resp.status_code >= 400 and fmt == "json":
        body = resp.json()  # the spec's error format: [{"code": …, "description": …}]
        assert body[0]["code"] == resp.status_code and body[0]["description"]


def test_no_query_gives_a_server_error(client, make_case):
    make_case()

    @fuzz_settings()
    @given(params=query_params(), fmt=st.sampled_from(["json", "xml"]))
    def run(params, fmt):
        assert_refusal_or_success(client.get(f"{V2}/requests.{fmt}?{urlencode(params)}"), fmt)

    run()


def test_no_path_or_query_on_the_other_endpoints_gives_a_server_error(client, make_case):
    number = make_case().number

    @fuzz_settings()
    @given(
        endpoint=st.sampled_from(["services/{}", "requests/{}", "tokens/{}", "discovery", "services"]),
        segment=st.one_of(st.just(number), st.just("public.sanitation"), st.text(min_size=1, max_size=40)),
        params=query_params(),
        fmt=st.sampled_from(["json", "xml"]),
    )
    def run(endpoint, segment, params, fmt):
        path = endpoint.format(quote(segment, safe=""))
        resp = client.get(f"{V2}/{path}.{fmt}?{urlencode(params)}")
        if resp.status_code == 404 and not resp["Content-Type"].startswith(("application/json", "text/xml")):
            return  # the segment does not match the URL pattern: Django's own 404 page
        assert_refusal_or_success(resp, fmt)

    run()


def test_no_post_body_gives_a_server_error(keys):
    client = Client()

    @fuzz_settings()
    @given(params=post_params(keys["yunxi"]), fmt=st.sampled_from(["json", "xml"]))
    def run(params, fmt):
        assert_refusal_or_success(client.post(f"{V2}/requests.{fmt}", params), fmt)

    run()


def test_no_body_encoding_or_content_type_gives_a_server_error(keys):
    client = Client()

    @fuzz_settings()
    @given(
        params=post_params(keys["yunxi"]),
        encoding=st.sampled_from(["form", "multipart", "json", "raw"]),
        raw=st.binary(max_size=300),
        content_type=st.sampled_from(
            [
                "application/x-www-form-urlencoded",
                "application/x-www-form-urlencoded; charset=gbk",
                "application/x-www-form-urlencoded; charset=no-such-charset",
                "multipart/form-data",
                "multipart/form-data; boundary=x",
                "application/json",
                "text/xml",
                "",
            ]
        ),
    )
    def run(params, encoding, raw, content_type):
        url = f"{V2}/requests.json?jurisdiction_id={YUNXI}"
        if encoding == "multipart":
            resp = client.post(url, params)
        elif encoding == "json":
            resp = client.post(url, json.dumps(params), content_type="application/json")
        elif encoding == "form":
            body = urlencode(params).encode() + raw
            ctype = content_type or "application/x-www-form-urlencoded"
            resp = client.generic("POST", url, body, content_type=ctype)
        else:
            resp = client.generic("POST", url, raw, content_type=content_type)
        assert_refusal_or_success(resp, "json")

    run()


# --- the failures the fuzzing found, kept as plain regression tests -----------------------------


@pytest.mark.parametrize("value", ["NaN", "-nan", "sNaN", "Infinity"])
def test_a_coordinate_that_is_not_a_number_is_a_400_naming_it(client, keys, value):
    resp = client.post(
        f"{V2}/requests.json",
        {
            "api_key": keys["yunxi"],
            "jurisdiction_id": YUNXI,
            "service_code": "public.sanitation",
            "lat": value,
            "long": "118.1",
        },
    )
    assert resp.status_code == 400
    assert resp.json()[0]["description"].startswith("lat ")
    assert not Case.objects.exists()


@pytest.mark.parametrize(
    "params, name",
    [
        ({"start_date": "0001-01-01"}, "start_date"),
        ({"end_date": "9999-12-31"}, "end_date"),
        ({"start_date": "9999-12-31T00:00:00+08:00"}, "start_date"),
        ({"end_date": "0001-01-01T00:00:00Z"}, "end_date"),
    ],
)
def test_a_date_outside_the_supported_range_is_a_400_naming_it(client, towns, params, name):
    resp = client.get(f"{V2}/requests.json", {"jurisdiction_id": YUNXI, **params})
    assert resp.status_code == 400
    assert resp.json()[0]["description"].startswith(name)


@pytest.mark.parametrize(
    "content_type, body",
    [("multipart/form-data", b"xx"), ("application/x-www-form-urlencoded; charset=gbk", b"a=\x80\xff")],
)
def test_an_unreadable_body_is_a_400_in_the_spec_format(keys, content_type, body):
    resp = Client().generic(
        "POST", f"{V2}/requests.json?jurisdiction_id={YUNXI}", body, content_type=content_type
    )
    assert resp.status_code == 400
    assert resp.json()[0]["description"].startswith("the body must be")
