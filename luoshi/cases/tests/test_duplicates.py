"""Duplicate candidates (重复件) for the merge form: the similarity, the bounded scoped query, the page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from luoshi.cases import selectors, services, similar
from luoshi.cases.models import Case, Status

# --- the similarity (pure) -------------------------------------------------------------------------


def test_bigrams_are_adjacent_character_pairs():
    assert similar.bigrams("村口路灯不亮") == {"村口", "口路", "路灯", "灯不", "不亮"}


def test_punctuation_and_spaces_split_the_pairs():
    assert similar.bigrams("路灯，不亮！") == {"路灯", "不亮"}
    assert similar.bigrams("路灯 坏") == {"路灯"}


def test_full_width_and_upper_case_text_is_normalised():
    assert similar.bigrams("１２３ ＡB") == similar.bigrams("123 ab") == {"12", "23", "ab"}


def test_empty_or_one_character_text_has_no_bigrams():
    assert similar.bigrams("") == similar.bigrams(None) == similar.bigrams("灯") == frozenset()


def test_jaccard_is_shared_over_all_pairs():
    a, b = similar.bigrams("村口路灯不亮"), similar.bigrams("村口路灯坏了")
    assert similar.jaccard(a, b) == pytest.approx(3 / 7)
    assert similar.jaccard(a, a) == 1.0
    assert similar.jaccard(a, similar.bigrams("咨询医保缴费")) == 0.0


def test_jaccard_of_nothing_is_no_evidence():
    assert similar.jaccard(frozenset(), frozenset()) == 0.0
    assert similar.jaccard(similar.bigrams("路灯"), frozenset()) == 0.0


def profile(**kw):
    base = dict(village_id=None, grid_id=None, category_id=None, phone="", title="", content="")
    return similar.profile(**{**base, **kw})


def test_the_same_caller_alone_makes_a_candidate():
    match = similar.compare(profile(phone="13812345678"), profile(phone=" 13812345678 "))
    assert match.reasons == ("phone",) and match.score == 3.0 and match.is_candidate


def test_empty_phones_never_match():
    assert similar.compare(profile(), profile()).score == 0


def test_the_same_village_alone_is_not_enough():
    match = similar.compare(profile(village_id=1), profile(village_id=1))
    assert match.reasons == ("village",) and not match.is_candidate


def test_same_village_and_category_is_a_candidate():
    match = similar.compare(profile(village_id=1, category_id=5), profile(village_id=1, category_id=5))
    assert match.reasons == ("village", "category") and match.is_candidate


def test_a_shared_grid_counts_on_top_of_the_village():
    match = similar.compare(profile(village_id=1, grid_id=7), profile(village_id=1, grid_id=7))
    assert match.reasons == ("village", "grid") and match.score == 1.5


def test_a_clearly_similar_title_alone_is_a_candidate():
    a = profile(title="桃坞村村口路灯不亮")
    b = profile(title="桃坞村村口路灯坏了")
    match = similar.compare(a, b)
    assert match.reasons == ("title",) and match.is_candidate


def test_a_loosely_similar_text_needs_the_same_village():
    a, b = profile(title="村口路灯不亮"), profile(title="村口路灯坏了")  # J = 3/7
    assert not similar.compare(a, b).is_candidate
    a, b = profile(title="村口路灯不亮", village_id=1), profile(title="村口路灯坏了", village_id=1)
    assert similar.compare(a, b).is_candidate


def test_title_and_content_are_one_piece_of_evidence_but_both_are_named():
    a = profile(title="下水道冒水", content="菜市场门口下水道冒水")
    match = similar.compare(a, a)
    assert match.reasons == ("title", "content")
    assert match.score == similar.TEXT_WEIGHT  # max(1.0, 1.0) × weight, not twice


def test_the_comparison_is_symmetric():
    a = profile(village_id=1, category_id=2, phone="1", title="路灯不亮了", content="村口路灯")
    b = profile(village_id=1, category_id=3, phone="1", title="路灯坏了", content="村口路灯不亮")
    assert similar.compare(a, b) == similar.compare(b, a)


# --- the scoped, bounded query ---------------------------------------------------------------------

db = pytest.mark.django_db


@pytest.fixture
def lamp(make_case):
    """The case being looked at: 云溪社区 (the village cadre's village), 王建国's phone."""
    return make_case(title="云溪社区村口路灯不亮", content="云溪社区村口三盏路灯一周不亮，晚上出行不便。")


def numbers(found):
    return [c.number for c in found]


@db
def test_near_duplicates_of_the_same_town_are_ranked_and_explained(lamp, make_case, users, places):
    again = make_case(title="云溪社区村口路灯坏了", content="村口路灯坏了好几天。")  # same phone too
    other_caller = make_case(
        title="云溪社区村口路灯还是不亮", content="村口的路灯不亮。", contact_phone="13900001111"
    )
    make_case(title="咨询医保缴费时间", content="来电咨询城乡居民医保缴费。", contact_phone="13900002222")
    found = selectors.duplicate_candidates(lamp, users["office"])
    assert numbers(found) == [again.number, other_caller.number]
    assert found[0].reasons == ("同一来电", "同村", "标题相近")
    assert found[1].reasons_text == "同村 · 标题相近"
    assert found[0].village_name == places["village"].name and found[0].status_label == "待派单"


@db
def test_the_same_caller_in_another_village_is_a_candidate(lamp, make_case, users, places):
    other = make_case(title="反映桥头积水", content="桥头积水", village=places["village2"])
    found = selectors.duplicate_candidates(lamp, users["office"])
    assert numbers(found) == [other.number] and found[0].reasons == ("同一来电",)


@db
def test_other_towns_old_merged_and_cancelled_cases_are_never_candidates(lamp, make_case, users, places):
    same = {"title": lamp.title, "content": lamp.content}
    make_case(town=places["bailu"], village=None, actor=users["office_b"], **same)
    make_case(received_at=lamp.received_at - dt.timedelta(days=31), **same)
    make_case(received_at=lamp.received_at + dt.timedelta(days=31), **same)
    target = make_case(**same)
    services.case_merge(case=make_case(**same), actor=users["office"], into=target)
    services.case_cancel(case=make_case(**same), actor=users["office"], reason="重复登记")
    in_window = make_case(received_at=lamp.received_at - dt.timedelta(days=29), **same)
    found = selectors.duplicate_candidates(lamp, users["office"])
    assert set(numbers(found)) == {target.number, in_window.number}
    assert lamp.number not in numbers(found)


@db
def test_candidates_come_from_what_the_user_may_see(lamp, make_case, users, places):
    """The 桃坞村 cadre sees only 桃坞村's cases; the other town's office sees none of 云溪镇's."""
    mine = make_case(title=lamp.title, content=lamp.content, village=places["village2"])
    theirs = make_case(title=lamp.title, content=lamp.content)  # 云溪社区
    assert numbers(selectors.duplicate_candidates(mine, users["village2"])) == []
    assert theirs.number in numbers(selectors.duplicate_candidates(mine, users["office"]))
    assert numbers(selectors.duplicate_candidates(mine, users["office_b"])) == []
    assert numbers(selectors.duplicate_candidates(lamp, users["village"])) == [theirs.number]


@db
def test_the_candidate_query_reads_a_bounded_window_of_one_town(lamp, make_case, users):
    make_case(title=lamp.title, content=lamp.content)
    selectors.duplicate_candidates(lamp, users["office"])  # warm the configuration caches
    with CaptureQueriesContext(connection) as ctx:
        selectors.duplicate_candidates(lamp, users["office"])
    case_reads = [q["sql"] for q in ctx.captured_queries if '"cases_case"' in q["sql"]]
    assert len(case_reads) == 2
    for sql in case_reads:
        assert f"LIMIT {selectors.DUPLICATE_SCAN}" in sql
        assert '"town_id" =' in sql and '"received_at" >' in sql and '"received_at" <' in sql


@db
def test_at_most_limit_candidates_are_returned(lamp, make_case, users):
    for _ in range(4):
        make_case(title=lamp.title, content=lamp.content)
    assert len(selectors.duplicate_candidates(lamp, users["office"], limit=3)) == 3


# --- the detail page's merge form ------------------------------------------------------------------


@db
def test_the_merge_form_lists_candidates_with_the_best_one_selected(client_for, lamp, make_case):
    best = make_case(title="云溪社区村口路灯坏了", content="村口路灯坏了好几天。")
    page = client_for("office").get(f"/cases/{lamp.pk}/act/merge/", HTTP_HX_REQUEST="true").content.decode()
    assert 'data-testid="merge-candidates"' in page
    assert best.number in page and "同一来电 · 同村 · 标题相近" in page
    assert f'name="merge-candidate" value="{best.number}" checked' in page
    assert 'name="merge-into"' in page  # a number can still be typed


@db
def test_merging_into_the_picked_candidate(client_for, lamp, make_case):
    best = make_case(title="云溪社区村口路灯坏了", content="村口路灯坏了好几天。")
    resp = client_for("office").post(
        f"/cases/{lamp.pk}/act/merge/",
        {"merge-candidate": best.number, "merge-into": "", "merge-version": lamp.version},
        HTTP_HX_REQUEST="true",
    )
    assert resp.status_code == 200
    lamp.refresh_from_db()
    assert lamp.status == Status.MERGED and lamp.merged_into == best
    assert best.events.filter(kind="merge").exists()


@db
def test_a_typed_number_wins_over_the_picked_candidate(client_for, lamp, make_case):
    best = make_case(title="云溪社区村口路灯坏了", content="村口路灯坏了好几天。")
    chosen = make_case(title="别的案件", content="无关内容", contact_phone="13900003333")
    client_for("office").post(
        f"/cases/{lamp.pk}/act/merge/",
        {"merge-candidate": best.number, "merge-into": chosen.number, "merge-version": lamp.version},
    )
    lamp.refresh_from_db()
    assert lamp.merged_into == chosen


@db
def test_merging_needs_a_target(client_for, lamp):
    resp = client_for("office").post(
        f"/cases/{lamp.pk}/act/merge/",
        {"merge-candidate": "", "merge-into": "", "merge-version": lamp.version},
        HTTP_HX_REQUEST="true",
    )
    assert resp.status_code == 400 and "请选择要合并到的另一件案件" in resp.content.decode()
    assert Case.objects.get(pk=lamp.pk).status == Status.RECEIVED


@db
def test_a_case_outside_the_users_scope_cannot_be_the_target(client_for, lamp, make_case, users, places):
    other_town = make_case(town=places["bailu"], village=None, actor=users["office_b"], title=lamp.title)
    resp = client_for("office").post(
        f"/cases/{lamp.pk}/act/merge/",
        {"merge-into": other_town.number, "merge-version": lamp.version},
        HTTP_HX_REQUEST="true",
    )
    assert resp.status_code == 400
    assert Case.objects.get(pk=lamp.pk).status == Status.RECEIVED


@db
def test_without_candidates_the_form_asks_for_a_number(client_for, lamp):
    # without JavaScript the button's link opens the case page with the merge form open
    page = client_for("office").get(f"/cases/{lamp.pk}/act/merge/").content.decode()
    assert 'data-testid="no-candidates"' in page and "合并到案件编号" in page
    assert '<details open data-action="merge">' in page


@db
def test_who_cannot_merge_gets_no_candidate_list(client_for, lamp, make_case):
    make_case(title=lamp.title, content=lamp.content)
    for persona in ("village", "unit"):
        page = client_for(persona).get(f"/cases/{lamp.pk}/")
        assert 'data-testid="merge-candidates"' not in page.content.decode()
        assert (
            client_for(persona).get(f"/cases/{lamp.pk}/act/merge/", HTTP_HX_REQUEST="true").status_code == 404
        )


@db
def test_the_api_lists_candidates_without_any_phone_number(client_for, lamp, make_case):
    again = make_case(title="云溪社区村口路灯坏了", content="村口路灯坏了好几天。")
    body = client_for("village").get(f"/api/cases/{lamp.pk}/duplicates").json()
    assert [c["number"] for c in body] == [again.number]
    assert body[0]["reasons"] == ["同一来电", "同村", "标题相近"]
    assert "5678" not in str(body)


@db
def test_another_village_cannot_ask_for_candidates(client_for, lamp):
    assert client_for("village2").get(f"/api/cases/{lamp.pk}/duplicates").status_code == 404
    assert client_for("office_b").get(f"/cases/{lamp.pk}/").status_code == 404


@db
def test_candidates_are_those_received_around_the_case(lamp, make_case, users):
    """Nearest in time first among equally alike ones."""
    now = timezone.now()
    far = make_case(title=lamp.title, content=lamp.content, received_at=now - dt.timedelta(days=20))
    near = make_case(title=lamp.title, content=lamp.content, received_at=now - dt.timedelta(days=2))
    assert numbers(selectors.duplicate_candidates(lamp, users["office"])) == [near.number, far.number]
