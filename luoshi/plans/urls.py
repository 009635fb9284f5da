from django.urls import path

from luoshi.plans.views import livelihood as lv
from luoshi.plans.views import meetings as mt
from luoshi.plans.views import plans as pv
from luoshi.plans.views import polls as pl
from luoshi.plans.views import projects as pj
from luoshi.plans.views import schedule as sc

app_name = "plans"

urlpatterns = [
    path("", pv.index, name="index"),
    path("new/", pv.plan_create, name="create"),
    path("<int:pk>/", pv.board, name="board"),
    path("<int:pk>/print/", pv.plan_print, name="print"),
    path("<int:pk>/time-progress/", pv.plan_time_progress, name="time_progress"),
    path("<int:pk>/export.xlsx", pv.plan_export, name="export"),
    path("<int:pk>/items/new/", pv.item_create, name="item_create"),
    path("items/<int:pk>/", pv.item_detail, name="item"),
    path("items/<int:pk>/edit/", pv.item_edit, name="item_edit"),
    path("items/<int:pk>/delete/", pv.item_delete, name="item_delete"),
    path("items/<int:pk>/override/", pv.item_override, name="item_override"),
    path("items/<int:pk>/override-actual/", pv.item_override_actual, name="item_override_actual"),
    path("<str:kind>/<int:pk>/updates/new/", pv.update_create, name="update_create"),
    path("updates/<int:pk>/resolve/", pv.update_resolve, name="update_resolve"),
    path("updates/<int:pk>/escalate/", pj.update_escalate, name="update_escalate"),
    path("projects/<int:pk>/enterprise/", pj.project_enterprise, name="project_enterprise"),
    path("enterprises/proposals/", pj.enterprise_proposals, name="enterprise_proposals"),
    path("<str:kind>/<int:pk>/milestones/new/", pv.milestone_create, name="milestone_create"),
    path("milestones/<int:pk>/done/", pv.milestone_done, name="milestone_done"),
    path("<int:pk>/projects/", pj.project_list, name="projects"),
    path("<int:pk>/projects/new/", pj.project_create, name="project_create"),
    path("projects/<int:pk>/", pj.project_detail, name="project"),
    path("projects/<int:pk>/edit/", pj.project_edit, name="project_edit"),
    path("projects/<int:pk>/stage/", pj.project_stage, name="project_stage"),
    path("<int:pk>/gantt/", sc.wall, name="gantt"),
    path("projects/<int:pk>/schedule/", sc.project_schedule, name="project_schedule"),
    path("projects/<int:pk>/baseline/", sc.project_baseline, name="project_baseline"),
    path("milestones/<int:pk>/move/", sc.milestone_move, name="milestone_move"),
    path("<int:pk>/meetings/", mt.meeting_list, name="meetings"),
    path("meetings/<int:pk>/", mt.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/minutes/", mt.meeting_print, name="meeting_print"),
    path("meetings/<int:pk>/minutes/edit/", mt.meeting_minutes, name="meeting_minutes"),
    path("meetings/<int:pk>/decisions/new/", mt.decision_create, name="decision_create"),
    path("decisions/<int:pk>/close/", mt.decision_close, name="decision_close"),
    path("<int:pk>/funnel/", pj.funnel, name="funnel"),
    path("<int:pk>/dispatch/", pj.dispatch, name="dispatch"),
    path("<int:pk>/import/", pj.report_import, name="import"),
    path("<int:pk>/livelihood/", lv.round_page, name="round"),
    path("<int:pk>/livelihood/new/", lv.round_create, name="round_create"),
    path("rounds/<int:pk>/configure/", lv.round_configure, name="round_configure"),
    path("rounds/<int:pk>/advance/", lv.round_advance, name="round_advance"),
    path("rounds/<int:pk>/proposals/new/", lv.proposal_create, name="proposal_create"),
    path("proposals/<int:pk>/screen/", lv.proposal_screen, name="proposal_screen"),
    path("rounds/<int:pk>/candidates/new/", lv.candidate_create, name="candidate_create"),
    path("rounds/<int:pk>/paper/", lv.paper_tally, name="paper_tally"),
    path("rounds/<int:pk>/paper/confirm/", lv.paper_confirm, name="paper_confirm"),
    path("rounds/<int:pk>/seal/", lv.seal, name="seal"),
    path("rounds/<int:pk>/verify/", lv.verify, name="verify"),
    path("rounds/<int:pk>/override/", lv.override, name="override"),
    path("livelihood/<int:pk>/", lv.project_page, name="livelihood"),
    path("livelihood/<int:pk>/accept/", lv.accept, name="livelihood_accept"),
    path("polls/<int:pk>/configure/", pl.poll_configure, name="poll_configure"),
    path("polls/<int:pk>/open/", pl.poll_open, name="poll_open"),
    path("polls/<int:pk>/ballot/", pl.poll_ballot, name="poll_ballot"),
    path("polls/<int:pk>/seal/", pl.poll_seal, name="poll_seal"),
    path("polls/<int:pk>/reset/", pl.poll_reset, name="poll_reset"),
]
