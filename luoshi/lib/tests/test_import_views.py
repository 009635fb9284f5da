"""The shared import page flow (``luoshi.lib.import_views``): a token opens only its own kind of import,
for its uploader, and the check page takes only the methods its import declares."""

from __future__ import annotations

import pytest

from luoshi.accounts.models import IndicatorValue
from luoshi.accounts.tests.test_import import GOOD, upload

pytestmark = pytest.mark.django_db


def test_a_token_of_one_kind_of_import_opens_nothing_in_another(client_for, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    office = client_for("office")
    url = upload(office, GOOD)  # /indicators/import/<token>/
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert office.get(url).status_code == 200
    assert office.get(f"/ledgers/streetlight/import/{token}/").status_code == 404
    assert office.post(f"/ledgers/streetlight/import/{token}/").status_code == 404  # nor commits there
    assert not IndicatorValue.objects.exists()


def test_the_check_page_of_a_flow_with_its_own_commit_url_refuses_a_post(client_for, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    office = client_for("office")
    url = upload(office, GOOD)
    assert office.post(url).status_code == 405  # committing is only the commit URL's POST
    assert office.get(url + "commit/").status_code == 405
    assert not IndicatorValue.objects.exists()
    assert office.post(url + "commit/").status_code == 302
    assert IndicatorValue.objects.count() == len(GOOD)
    assert office.get(url).status_code == 302  # a finished job goes back to the catalogue
