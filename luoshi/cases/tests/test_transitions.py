"""Every transition of the lifecycle, through the services, with its permission refusals."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from luoshi.cases import services, workflow
from luoshi.cases.models import Case, CaseEvent, EventKind, Stage, Status
from luoshi.org.scoping import scope_of

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def signed(make_case, users, places, type_code="public", **kw):
    case = make_case(type_code, **kw)
    case = services.case_dispatch(case=case, actor=users["office"], unit=places["yjb"])
    return services.case_sign(case=case, actor=users["unit"])


def test_a_case_goes_from_intake_to_archive_with_a_timeline_entry_per_step(make_case, users, places):
    case = make_case()
    assert case.status == Status.RECEIVED and case.stage == Stage.OPEN and case.routed_unit == places["zzzx"]
    case = services.case_dispatch(case=case, actor=users["office"], unit=places["yjb"])
    assert case.status == Status.DISPATCHED and case.dispatched_at and case.sign_due_at
    case = services.case_sign(case=case, actor=users["unit"])
    assert case.status == Status.IN_PROGRESS and case.due_at
    case = services.case_progress(case=case, actor=users["unit"], note="已电话联系诉求人")
    assert case.first_response_at
    case = services.case_resolve(case=case, actor=users["unit"], reply="已更换灯泡")
    assert case.status == Status.RESOLVED and case.stage == Stage.RESOLVED and case.resolved_on_time is True
    case = services.case_feedback(case=case, actor=users["office"], rating="satisfied")
    assert case.status == Status.CLOSED and case.reviewed_at and case.closed_at
    kinds = list(case.events.values_list("kind", flat=True))
    assert kinds == ["create", "dispatch", "sign", "progress", "resolve", "feedback"]
    assert case.version == 6
    assert case.history.count() >= 6


def test_unit_staff_cannot_dispatch(make_case, users, places):
    case = make_case()
    with pytest.raises(services.NotAllowed):
        services.case_dispatch(case=case, actor=users["unit"], unit=places["yjb"])


def test_dispatch_only_to_a_unit_of_the_same_town(make_case, users, places):
    with pytest.raises(services.Invalid):
        services.case_dispatch(case=make_case(), actor=users["office"], unit=places["bailu_dzb"])


def test_only_the_lead_unit_can_sign(make_case, users, places):
    case = services.case_dispatch(case=make_case(), actor=users["office"], unit=places["yjb"])
    for who in ("unit_jfb", "village", "grid", "office", "deputy"):
        with pytest.raises(services.NotAllowed):
            services.case_sign(case=case, actor=users[who])


def test_the_other_town_office_cannot_act(make_case, users, places):
    with pytest.raises(services.NotAllowed):
        services.case_dispatch(case=make_case(), actor=users["office_b"], unit=places["yjb"])


def test_return_needs_a_reason_and_goes_back_to_the_dispatcher(make_case, users, places):
    case = services.case_dispatch(case=make_case(), actor=users["office"], unit=places["yjb"])
    with pytest.raises(services.Invalid):
        services.case_return(case=case, actor=users["unit"], reason="")
    case = services.case_return(case=case, actor=users["unit"], reason="职能不符，应由经发办办理")
    assert case.status == Status.RETURNED and case.return_count == 1
    assert case.last_return_reason == "职能不符，应由经发办办理"
    case = services.case_dispatch(case=case, actor=users["office"], unit=places["jfb"])
    assert case.unit == places["jfb"] and case.status == Status.DISPATCHED
    reroute = case.events.get(kind=EventKind.REROUTE)
    assert reroute.data["from_unit"] == places["yjb"].pk


def test_rerouting_three_times_escalates_to_the_responsible_leader(make_case, users, places):
    case = make_case()
    for unit in ("yjb", "jfb", "zzzx"):
        case = services.case_dispatch(case=case, actor=users["office"], unit=places[unit])
    assert case.supervised and case.escalated_to == users["leader"]


def test_resolve_needs_a_reply(make_case, users, places):
    case = signed(make_case, users, places)
    with pytest.raises(services.Invalid) as exc:
        services.case_resolve(case=case, actor=users["unit"], reply="")
    assert "reply" in exc.value.errors


def test_text_with_a_nul_character_is_refused_with_the_field_named(make_case, users, places):
    with pytest.raises(services.Invalid) as exc:
        make_case(title="路灯\x00不亮", details={"地点": "桥头\x00"})
    assert set(exc.value.errors) == {"title", "details.地点"}
    assert not Case.objects.exists()
    case = services.case_dispatch(case=make_case(), actor=users["office"], unit=places["yjb"])
    case = services.case_sign(case=case, actor=users["unit"])
    with pytest.raises(services.Invalid) as exc:
        services.case_progress(case=case, actor=users["unit"], note="已联系\x00")
    assert list(exc.value.errors) == ["note"] and "NUL" in exc.value.message


def test_dispute_resolution_requires_an_outcome(make_case, users, places):
    case = signed(make_case, users, places, "dispute")
    with pytest.raises(services.Invalid):
        services.case_resolve(case=case, actor=users["unit"], reply="双方达成协议", outcome="")
    case = services.case_resolve(case=case, actor=users["unit"], reply="双方达成协议", outcome="resolved")
    assert case.status_label == "已调处待回访"


def test_unsatisfied_feedback_reopens_with_a_fresh_limit(make_case, users, places):
    case = signed(make_case, users, places)
    case = services.case_resolve(case=case, actor=users["unit"], reply="已处理")
    with pytest.raises(services.Invalid):
        services.case_feedback(case=case, actor=users["office"], rating="unsatisfied", reason="")
    case = services.case_feedback(
        case=case, actor=users["office"], rating="unsatisfied", reason="路灯还是不亮"
    )
    assert case.status == Status.IN_PROGRESS and case.reopen_count == 1 and case.resolved_at is None


def test_unsatisfied_petition_is_not_reopened_by_its_type_rule(make_case, users, places):
    case = signed(make_case, users, places, "petition")
    case = services.case_resolve(case=case, actor=users["unit"], reply="书面答复已送达")
    case = services.case_feedback(case=case, actor=users["office"], rating="unsatisfied", reason="不认可")
    assert case.status == Status.CLOSED and case.rating == "unsatisfied"


def test_grid_event_is_routed_to_the_grid_workers_village_and_verified_by_him(users, places):
    case = services.case_create(
        case_type="grid",
        actor=users["grid"],
        title="垃圾堆放",
        content="路边垃圾三天未清运",
        category="sanitation",
    )
    assert case.grid == places["grid"] and case.village == places["village"]
    # auto-dispatched by the town default rule
    assert case.status == Status.DISPATCHED and case.unit == places["zzzx"]


def test_grid_event_needs_verification_before_closing(users, places):
    case = services.case_create(
        case_type="grid", actor=users["grid"], title="井盖缺失", content="主路井盖缺失"
    )
    case = services.case_dispatch(case=case, actor=users["office"], unit=places["yjb"])
    case = services.case_sign(case=case, actor=users["unit"])
    case = services.case_resolve(case=case, actor=users["unit"], reply="已补装井盖")
    assert "close" not in [t.name for t in workflow.available(case, scope_of(users["office"]))]
    with pytest.raises(services.NotAllowed):
        services.case_close(case=case, actor=users["office"])
    with pytest.raises(services.NotAllowed):
        services.case_verify(case=case, actor=users["village2"], passed=True)
    failed = services.case_verify(case=case, actor=users["grid"], passed=False, note="井盖尺寸不符")
    assert failed.status == Status.IN_PROGRESS and failed.reopen_count == 1
    case = services.case_resolve(case=failed, actor=users["unit"], reply="已更换合格井盖")
    case = services.case_verify(case=case, actor=users["grid"], passed=True)
    assert case.status == Status.CLOSED and case.verified_at


def test_grid_worker_can_handle_on_the_spot(users, places):
    from luoshi.cases.models import RoutingRule

    RoutingRule.objects.all().delete()  # no rule: the event waits for the dispatcher
    case = services.case_create(case_type="grid", actor=users["grid"], title="树枝挡路", content="已当场清理")
    case = services.case_self_handle(case=case, actor=users["grid"], reply="已当场清理")
    assert case.status == Status.RESOLVED and case.resolved_on_time is True


def test_hazard_needs_five_fixes_at_registration_and_after_photos_at_rectification(users, places):
    with pytest.raises(services.Invalid) as exc:
        services.case_create(
            case_type="hazard",
            actor=users["unit"],
            title="灭火器过期",
            content="超市灭火器过期",
            village=places["village"],
            address="云溪社区商业街3号",
        )
    assert "details.measures" in exc.value.errors
    five = {
        "responsible": "店主",
        "measures": "更换灭火器",
        "funds": "200元",
        "deadline_note": "3日内",
        "contingency": "临时借用邻店灭火器",
    }
    case = services.case_create(
        case_type="hazard",
        actor=users["unit"],
        title="灭火器过期",
        content="超市灭火器过期",
        village=places["village"],
        address="云溪社区商业街3号",
        details=five,
    )
    case = services.case_dispatch(case=case, actor=users["office"], unit=places["yjb"])
    case = services.case_sign(case=case, actor=users["unit"])
    with pytest.raises(services.Invalid) as exc:
        services.case_resolve(case=case, actor=users["unit"], reply="已更换")
    assert "photos_after" in exc.value.errors
    services.attachment_add(
        case=case,
        actor=users["unit"],
        kind="after",
        file=SimpleUploadedFile("after.png", PNG, content_type="image/png"),
    )
    case = services.case_resolve(case=case, actor=users["unit"], reply="已更换")
    case = services.case_verify(case=case, actor=users["office"], passed=True)
    assert case.status == Status.CLOSED and case.status_label == "已销号"


def test_attachments_refuse_wrong_types_and_oversize(make_case, users, settings):
    case = make_case()
    with pytest.raises(services.Invalid):
        services.attachment_add(
            case=case,
            actor=users["office"],
            file=SimpleUploadedFile("a.exe", b"MZ\x90\0", content_type="application/x-msdownload"),
        )
    with pytest.raises(services.Invalid):
        services.attachment_add(
            case=case,
            actor=users["office"],
            file=SimpleUploadedFile("fake.png", b"MZ\x90\0" * 4, content_type="image/png"),
        )
    settings.MAX_UPLOAD_BYTES = 10
    with pytest.raises(services.Invalid):
        services.attachment_add(
            case=case,
            actor=users["office"],
            file=SimpleUploadedFile("big.png", PNG, content_type="image/png"),
        )


def test_extension_is_requested_once_and_approved_by_the_leader(make_case, users, places):
    case = signed(make_case, users, places)
    due = case.due_at
    with pytest.raises(services.Invalid):
        services.case_request_extension(case=case, actor=users["unit"], days=99, reason="需协调供电所")
    case = services.case_request_extension(case=case, actor=users["unit"], days=3, reason="需协调供电所")
    with pytest.raises(services.NotAllowed):
        services.case_request_extension(case=case, actor=users["unit"], days=2, reason="再延")
    with pytest.raises(services.NotAllowed):
        services.case_decide_extension(case=case, actor=users["unit"], approve=True)
    case = services.case_decide_extension(case=case, actor=users["leader"], approve=True)
    assert case.extension_days == 3 and case.due_at > due
    with pytest.raises(services.NotAllowed):
        services.case_request_extension(case=case, actor=users["unit"], days=1, reason="第二次")


def test_suspend_and_resume_are_for_the_dispatcher(make_case, users, places):
    case = signed(make_case, users, places)
    with pytest.raises(services.NotAllowed):
        services.case_suspend(case=case, actor=users["unit"], reason="等待")
    case = services.case_suspend(case=case, actor=users["office"], reason="等待法院判决")
    assert case.status == Status.SUSPENDED and case.stage == Stage.PAUSED
    with pytest.raises(services.NotAllowed):
        services.case_resolve(case=case, actor=users["unit"], reply="x")
    case = services.case_resume(case=case, actor=users["office"])
    assert case.status == Status.IN_PROGRESS


def test_merge_folds_a_duplicate_into_another_case(make_case, users, places):
    a, b = make_case(), make_case()
    b = services.case_merge(case=b, actor=users["office"], into=a)
    assert b.status == Status.MERGED and b.merged_into == a
    assert CaseEvent.objects.filter(case=a, kind=EventKind.MERGE).exists()
    with pytest.raises(services.Invalid):
        services.case_merge(case=make_case(), actor=users["office"], into=b)


def test_cancel_needs_a_reason_and_excludes_the_case(make_case, users):
    case = make_case()
    with pytest.raises(services.NotAllowed):
        services.case_cancel(case=case, actor=users["village"], reason="重复登记")
    case = services.case_cancel(case=case, actor=users["office"], reason="重复登记")
    assert case.status == Status.CANCELLED and case.stage == Stage.CLOSED


def test_urge_and_supervise_escalate_to_the_leader_in_charge_of_the_unit(make_case, users, places):
    case = services.case_dispatch(case=make_case(), actor=users["office"], unit=places["yjb"])
    with pytest.raises(services.NotAllowed):
        services.case_urge(case=case, actor=users["unit"])
    case = services.case_urge(case=case, actor=users["office"], note="请加快办理")
    assert case.urge_count == 1
    case = services.case_supervise(case=case, actor=users["leader"])
    assert case.supervised and case.escalated_to == users["leader"]
    with pytest.raises(services.NotAllowed):
        services.case_supervise(case=case, actor=users["office"])


def test_a_stale_version_is_refused_with_a_clear_message(make_case, users, places):
    case = make_case()
    seen = case.version
    services.case_dispatch(case=case, actor=users["office"], unit=places["yjb"], version=seen)
    with pytest.raises(services.Conflict) as exc:
        services.case_dispatch(case=case, actor=users["office"], unit=places["jfb"], version=seen)
    assert "已被他人更新" in exc.value.message
    case.refresh_from_db()
    assert case.unit == places["yjb"] and case.version == seen + 1


def test_closed_case_accepts_no_transition(make_case, users, places):
    case = signed(make_case, users, places)
    case = services.case_resolve(case=case, actor=users["unit"], reply="好了")
    case = services.case_close(case=case, actor=users["office"], note="诉求人电话无人接听")
    assert workflow.available(case, scope_of(users["admin"])) == []
    with pytest.raises(services.NotAllowed):
        services.case_urge(case=case, actor=users["office"])


def test_public_actor_may_only_give_feedback(make_case, users, places):
    case = make_case()
    with pytest.raises(services.NotAllowed):
        services.case_cancel(case=case, actor=None, reason="不想办了")


def test_intake_outside_ones_place_is_refused(users, places):
    with pytest.raises(services.NotAllowed):
        services.case_create(
            case_type="public", actor=users["village"], village=places["village2"], title="x", content="y"
        )
    with pytest.raises(services.NotAllowed):
        services.case_create(
            case_type="public", actor=users["office_b"], village=places["village"], title="x", content="y"
        )
