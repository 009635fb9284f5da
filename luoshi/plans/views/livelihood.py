"""Livelihood projects by deputies' vote: the round page, screening, paper tally, seal, verify.

The secret electronic polls (vote and satisfaction evaluation) have their own views in ``polls.py``.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from luoshi.org.scoping import get_visible_or_404, require_roles
from luoshi.plans import forms, polls, services
from luoshi.plans import livelihood as machine
from luoshi.plans import selectors as sel
from luoshi.plans.models import LivelihoodRound, PaperTally, Phase, Plan, Proposal
from luoshi.plans.selectors import MANAGERS, READERS
from luoshi.plans.views.common import check_manage, crumbs, run


@require_roles(*READERS)
@require_GET
def round_page(request: HttpRequest, pk: int) -> HttpResponse:
    return render_round(request, sel.plan_for(request.user, pk))


def render_round(request: HttpRequest, plan: Plan, find: dict[int, str] | None = None) -> HttpResponse:
    """The round page; ``find`` maps a sealed poll's id to a tracker its reader looks up.

    The tracker comes only from a POST body (``polls.poll_find``), never from the URL: a query string
    reaches the web server's access log, the browser history and the next page's ``Referer``.
    """
    r = LivelihoodRound.objects.filter(plan=plan).first()
    can_manage = sel.can_manage(request.user, plan)
    ctx = {"plan": plan, "round": r, "can_manage": can_manage, "breadcrumbs": crumbs(plan, _("民生实事"))}
    if r is None:
        ctx["form"] = forms.RoundForm()
        return render(request, "plans/round.html", ctx)
    entries = {e.phase: e for e in r.phase_entries.select_related("by")}
    ctx.update(
        {
            "phases": [
                {
                    "value": p.value,
                    "label": p.label,
                    "entry": entries.get(p.value),
                    "current": p.value == r.phase,
                }
                for p in Phase
            ],
            "blockers": machine.blockers(r) if can_manage else [],
            "next": machine.TRANSITIONS.get(Phase(r.phase)),
            "proposals": r.proposals.all(),
            "rows": sel.round_candidates(r, timezone.localdate()),
            "polls": _poll_blocks(request, r, can_manage, find or {}),
            "quorum": services.round_quorum(r),
            "warnings": sel.vote_warnings(r),
            "overrides": r.overrides.select_related("candidate", "by"),
            "tally": PaperTally.objects.filter(round=r).select_related("entered_by", "confirmed_by").first(),
            "allowed": {a for a, phases in machine.ACTIONS.items() if Phase(r.phase) in phases},
            "proposal_form": forms.ProposalForm(),
            "candidate_form": forms.CandidateForm(town=plan.town),
            "screen_form": forms.ScreenForm(town=plan.town),
            "config_form": forms.RoundForm(instance=r),
        }
    )
    return render(request, "plans/round.html", ctx)


def _poll_blocks(request, r: LivelihoodRound, can_manage: bool, find: dict[int, str]) -> list[dict]:
    """Each poll of the round as the page shows it: the public view, and the forms this user may use."""
    out = []
    for p in r.polls.select_related("chair", "sealed_by", "opened_by"):
        out.append(
            {
                "v": polls.poll_view(p, request.user, tracker=find.get(p.pk, "")[:40]),
                "can_seal": polls.can_seal(request.user, p),
                "config_form": forms.PollConfigForm(
                    initial={"chair": p.chair_id, "quorum": p.quorum}, deputies=sel.town_deputies(r.plan.town)
                )
                if can_manage and not p.public_key and not p.is_sealed
                else None,
                "seal_form": forms.SealForm(),
                "reset_form": forms.ResetForm() if can_manage and not p.is_sealed else None,
            }
        )
    return out


def _round(request, pk: int, manage: bool = True) -> LivelihoodRound:
    r = sel.round_for(request.user, pk)
    if manage:
        check_manage(request, r.plan)
    return r


@require_roles(*MANAGERS)
@require_POST
def round_create(request: HttpRequest, pk: int) -> HttpResponse:
    plan = sel.plan_for(request.user, pk)
    check_manage(request, plan)
    form = forms.RoundForm(request.POST)
    if form.is_valid():
        run(request, services.round_create, _("已开始民生实事项目征集。"), plan=plan, **form.cleaned_data)
    return redirect("plans:round", plan.pk)


@require_roles(*MANAGERS)
@require_POST
def round_configure(request: HttpRequest, pk: int) -> HttpResponse:
    r = _round(request, pk)
    form = forms.RoundForm(request.POST, instance=sel.round_for(request.user, pk))
    if form.is_valid():
        run(request, services.round_configure, _("已保存。"), round=r, **form.cleaned_data)
    return redirect("plans:round", r.plan_id)


@require_roles(*MANAGERS)
@require_POST
def round_advance(request: HttpRequest, pk: int) -> HttpResponse:
    r = _round(request, pk)
    run(
        request,
        services.round_advance,
        _("已进入下一阶段。"),
        round=r,
        note=request.POST.get("note", "")[:300],
    )
    return redirect("plans:round", r.plan_id)


@require_roles(*MANAGERS)
@require_POST
def proposal_create(request: HttpRequest, pk: int) -> HttpResponse:
    r = _round(request, pk)
    form = forms.ProposalForm(request.POST)
    if form.is_valid():
        run(request, services.proposal_create, _("已登记建议。"), round=r, **form.cleaned_data)
    else:
        messages.error(request, _("请填写建议项目名称。"))
    return redirect("plans:round", r.plan_id)


@require_roles(*MANAGERS)
@require_POST
def proposal_screen(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_visible_or_404(Proposal.objects.select_related("round__plan__town"), request.user, pk=pk)
    check_manage(request, proposal.round.plan)
    form = forms.ScreenForm(request.POST, town=proposal.round.plan.town)
    if form.is_valid():
        run(request, services.proposal_screen, _("已完成筛选。"), proposal=proposal, **form.cleaned_data)
    return redirect("plans:round", proposal.round.plan_id)


@require_roles(*MANAGERS)
@require_POST
def candidate_create(request: HttpRequest, pk: int) -> HttpResponse:
    r = _round(request, pk)
    form = forms.CandidateForm(request.POST, town=r.plan.town)
    if form.is_valid():
        run(request, services.candidate_create, _("已添加候选项目。"), round=r, **form.cleaned_data)
    else:
        messages.error(request, _("候选项目须有名称、预算和责任单位。"))
    return redirect("plans:round", r.plan_id)


@require_roles(*MANAGERS)
@require_http_methods(["GET", "POST"])
def paper_tally(request: HttpRequest, pk: int) -> HttpResponse:
    """Enter the counted paper ballots (first person); a second person confirms."""
    r = _round(request, pk)
    form = forms.PaperTallyForm(request.POST or None, candidates=r.candidates.all())
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if run(
            request,
            services.paper_tally_enter,
            _("已录入，请另一位工作人员复核。"),
            round=r,
            issued=d["issued"],
            returned=d["returned"],
            valid=d["valid"],
            invalid=d["invalid"],
            rows=form.rows(),
        ):
            return redirect("plans:round", r.plan_id)
    return render(
        request,
        "plans/paper_tally.html",
        {"round": r, "form": form, "breadcrumbs": crumbs(r.plan, _("纸质选票计票"))},
    )


@require_roles(*MANAGERS)
@require_POST
def paper_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    r = _round(request, pk)
    run(request, services.paper_tally_confirm, _("计票结果已复核。"), round=r)
    return redirect("plans:round", r.plan_id)


@require_roles(*MANAGERS)
@require_POST
def seal(request: HttpRequest, pk: int) -> HttpResponse:
    r = _round(request, pk)
    run(request, services.vote_seal, _("表决已结束，结果已封存。"), round=r)
    return redirect("plans:round", r.plan_id)


@require_roles(*READERS)
@require_POST
def verify(request: HttpRequest, pk: int) -> HttpResponse:
    r = _round(request, pk, manage=False)
    return render(request, "plans/partials/verify.html", {"v": sel.vote_verify(r), "round": r})


@require_roles(*MANAGERS)
@require_POST
def override(request: HttpRequest, pk: int) -> HttpResponse:
    r = _round(request, pk)
    form = forms.VoteOverrideForm(request.POST)
    if form.is_valid():
        candidate = get_visible_or_404(r.candidates.all(), request.user, pk=form.cleaned_data["candidate"])
        run(
            request,
            services.vote_override,
            _("已记录调整及理由。"),
            candidate=candidate,
            adopted=form.cleaned_data["adopted"],
            reason=form.cleaned_data["reason"],
        )
    else:
        messages.error(request, _("调整票决结果必须写明理由。"))
    return redirect("plans:round", r.plan_id)


@require_roles(*READERS)
@require_GET
def project_page(request: HttpRequest, pk: int) -> HttpResponse:
    """One livelihood project under one identity: proposal, vote record, budget, milestones, acceptance, rating."""
    c = sel.livelihood_for(request.user, pk)
    r = c.round
    plan = r.plan
    row = next(x for x in sel.round_candidates(r, timezone.localdate()) if x.obj.pk == c.pk)
    return render(
        request,
        "plans/livelihood.html",
        {
            "c": c,
            "round": r,
            "row": row,
            "timeline": sel.livelihood_timeline(c),
            "owner_kind": "livelihood",
            "today": timezone.localdate(),
            "milestones": c.milestones.all(),
            "updates": c.updates.select_related("author"),
            "can_manage": sel.can_manage(request.user, plan),
            "can_report": sel.can_report(request.user, plan, c.owner_unit_id) and c.adopted is True,
            "allowed": {a for a, phases in machine.ACTIONS.items() if Phase(r.phase) in phases},
            "update_form": forms.UpdateForm(),
            "milestone_form": forms.MilestoneForm(),
            "accept_form": forms.AcceptForm(initial={"on": timezone.localdate()}),
            "breadcrumbs": crumbs(plan, _("民生实事"), str(c)),
        },
    )


@require_roles(*MANAGERS)
@require_POST
def accept(request: HttpRequest, pk: int) -> HttpResponse:
    c = sel.livelihood_for(request.user, pk)
    check_manage(request, c.round.plan)
    form = forms.AcceptForm(request.POST)
    if form.is_valid():
        run(request, services.livelihood_accept, _("已记录验收。"), project=c, **form.cleaned_data)
    return redirect("plans:livelihood", pk)
