"""No input to the JSON API gives a server error.

schemathesis generates requests for every operation of the OpenAPI schema (``/api/openapi.json``):
valid ones, invalid ones (wrong types, out-of-range numbers, missing fields, NUL characters …) and
valid ones aimed at real rows (cases in several states with every transition name, plans, plan
items, projects, livelihood rounds, reports). Each is sent in-process through Django's test client
as a logged-in persona drawn per example, with CSRF enforced and the token sent, inside the test's
transaction. Every answer must be a success or a refusal (``FUZZ_OK``), never a 5xx, and a success
must match the documented response schema.

The budget is fixed and derandomized: ``FUZZ_EXAMPLES`` examples per operation (default 10; set
``FUZZ_EXAMPLES=200`` for a deep local run).
"""

from __future__ import annotations

import pytest
import requests
import schemathesis
from hypothesis import given
from hypothesis import strategies as st
from schemathesis.core.transport import Response
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import response_schema_conformance
from schemathesis.transport.wsgi import WSGI_TRANSPORT
from werkzeug.test import EnvironBuilder

from luoshi.org.testing import CSRF_TOKEN, FUZZ_OK, csrf_client, fuzz_settings

pytestmark = pytest.mark.django_db

PERSONAS = ("office", "unit", "grid", "deputy", "leader", "county", "admin")


def send(client, case):
    """Send a generated case through Django's test client; an exception in a view is raised here."""
    environ = EnvironBuilder(**WSGI_TRANSPORT.serialize_case(case, base_url="http://localhost")).get_environ()
    environ.pop("HTTP_COOKIE", None)  # the persona's session and the CSRF cookie, not generated ones
    environ["HTTP_X_CSRFTOKEN"] = CSRF_TOKEN
    return client.request(**environ)


def as_schemathesis_response(answer, case) -> Response:
    url = "http://localhost" + case.formatted_path
    return Response(
        status_code=answer.status_code,
        headers={k.lower(): [v] for k, v in answer.headers.items()},
        content=answer.content,
        request=requests.Request(method=case.method, url=url).prepare(),
        elapsed=0.0,
        verify=False,
    )


def real_path_parameters(world) -> dict[str, list]:
    """Values of each path parameter that name real rows (and every transition and update kind)."""
    from luoshi.cases.api import _ARGS
    from luoshi.plans.models import Item, LivelihoodRound, Plan
    from luoshi.reports.models import Report

    return {
        "case_id": [c.pk for c in world["cases"]],
        "name": sorted(_ARGS),
        "plan_id": list(Plan.objects.values_list("pk", flat=True)),
        "kind": ["items", "projects", "livelihood"],
        "pk": list(Item.objects.values_list("pk", flat=True)[:5]),
        "round_id": list(LivelihoodRound.objects.values_list("pk", flat=True)),
        "report_id": list(Report.objects.values_list("pk", flat=True)),
    }


def strategies(operation, real: dict[str, list]):
    """Valid and invalid cases, and valid cases whose path names real rows."""
    out = [operation.as_strategy(), operation.as_strategy(GenerationMode.NEGATIVE)]
    names = [p.name for p in operation.path_parameters]
    if names and all(real.get(n) for n in names):
        fixed = st.fixed_dictionaries({n: st.sampled_from(real[n]) for n in names})
        out.append(fixed.flatmap(lambda pp: operation.as_strategy(path_parameters=pp)))
    return st.one_of(out)


def test_no_api_input_gives_a_server_error(fuzz_world):
    from luoshi.api import api

    schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 18
    org = fuzz_world["org"]
    clients = {p: csrf_client(org.users[p]) for p in PERSONAS}
    real = real_path_parameters(fuzz_world)
    failures = []
    for operation in operations:

        @fuzz_settings()
        @given(case=strategies(operation, real), persona=st.sampled_from(PERSONAS))
        def run(case, persona):
            answer = send(clients[persona], case)
            assert answer.status_code in FUZZ_OK, (answer.status_code, case.as_curl_command())
            if answer.status_code < 300 and answer.content:
                case.validate_response(
                    as_schemathesis_response(answer, case), checks=[response_schema_conformance]
                )

        try:
            run()
        except Exception as exc:  # collected, so one run reports every failing operation
            failures.append(f"{operation.label}: {type(exc).__name__}: {exc}"[:3000])
    assert not failures, "\n\n".join(failures)


# --- the failures the fuzzing found, kept as plain regression tests -----------------------------


@pytest.mark.parametrize(
    "url, name",
    [
        ("/api/org/villages?limit=-1", "limit"),  # was a negative slice: ValueError
        ("/api/org/grids?village=99999999999999999999", "village"),  # was OverflowError on SQLite
        ("/api/reports/?page=461168601842738792", "page"),  # OFFSET past 64 bits: IntegrityError
        ("/api/reports/?year=99999999999999999999", "year"),
        ("/api/reports/99999999999999999999", "report_id"),
        ("/api/cases/?unit=99999999999999999999", "unit"),
        ("/api/cases/99999999999999999999", "case_id"),
        ("/api/cases/?received_from=9999-12-31", "received_from"),  # plus one day overflowed
        ("/api/cases/?received_to=0001-01-01", "received_to"),  # before UTC year 1 once converted
        ("/api/cases/?received_from=2026-13-45", "received_from"),
        ("/api/plans/plans/99999999999999999999/items", "plan_id"),
    ],
)
def test_an_unusable_number_or_date_is_a_422_naming_the_parameter(client_for, url, name):
    resp = client_for("office").get(url)
    assert resp.status_code == 422, resp.content
    assert name in {err["loc"][-1] for err in resp.json()["detail"]}


def test_a_date_filter_in_range_still_filters(client_for, fuzz_world):
    client = client_for("office")
    assert client.get("/api/cases/?received_from=1900-01-01").json()["count"] == 3
    assert client.get("/api/cases/?received_to=2199-12-31&received_from=2199-12-01").json()["count"] == 0
