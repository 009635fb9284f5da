"""``luoshi projects``: what a county IT person scripts about key projects.

    luoshi projects templates                                   # the milestone templates, as JSON
    luoshi projects schedule --template industrial --on 2027-12-31          # 倒排 preview (no login)
    luoshi projects schedule ... --project 12 --user office --apply         # confirm it as the baseline
    luoshi projects wall --plan 3 --user county --format csv -o wall.csv    # the wall chart's data
    luoshi projects move --milestone 40 --date 2027-05-20 --user office [--apply]
    luoshi projects decisions --plan 3 --user county [--open]               # dispatch decisions, CSV

Everything that reads or writes a town's data runs as a named user (``--user``), through the same
scope checks and services as the pages and the API: the county sees its towns, a town its own;
writes are audited under that user. Bad input exits with status 2 and a message naming the option.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from contextlib import contextmanager


class CliError(Exception):
    pass


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "projects",
        help="key projects: templates, backward scheduling, wall chart export, moves, decisions",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="projects_command", metavar="ACTION", required=True)

    p = sub.add_parser("templates", help="print the milestone templates (steps, durations, predecessors)")
    p.set_defaults(func=run, action_fn=_templates)

    p = sub.add_parser("schedule", help="lay a template out backwards (倒排) or forwards; optionally apply")
    p.add_argument("--template", required=True)
    p.add_argument("--mode", choices=["backward", "forward"], default="backward")
    p.add_argument("--on", required=True, help="promised date (backward) or start date (forward), YYYY-MM-DD")
    p.add_argument("--anchor", default="", help="the promised step (backward; default: the template's)")
    p.add_argument("--project", type=int, help="with --apply: the project to schedule (it has no milestones)")
    p.add_argument("--user", help="with --apply: who applies it (a town leader or office)")
    p.add_argument("--apply", action="store_true", help="create the milestones and the baseline")
    p.set_defaults(func=run, action_fn=_schedule)

    p = sub.add_parser("wall", help="export the wall chart's data (JSON or CSV, one row per milestone)")
    p.add_argument("--plan", type=int, required=True)
    p.add_argument("--user", required=True, help="whose view: the scope of this user applies")
    p.add_argument("--format", choices=["json", "csv"], default="json")
    p.add_argument("--group", choices=["", "leader", "unit", "stage"], default="")
    p.add_argument("--status", default="", help="only projects of this derived status (e.g. at_risk)")
    p.add_argument("-o", "--output", help="file to write (default: standard output)")
    p.set_defaults(func=run, action_fn=_wall)

    p = sub.add_parser("move", help="move a milestone: preview what moves, --apply to save")
    p.add_argument("--milestone", type=int, required=True)
    p.add_argument("--date", required=True, help="the new planned finish, YYYY-MM-DD")
    p.add_argument("--user", required=True)
    p.add_argument("--apply", action="store_true")
    p.set_defaults(func=run, action_fn=_move)

    p = sub.add_parser("decisions", help="dispatch-meeting decisions of a plan as CSV")
    p.add_argument("--plan", type=int, required=True)
    p.add_argument("--user", required=True)
    p.add_argument("--open", action="store_true", help="only decisions not yet done")
    p.add_argument("-o", "--output")
    p.set_defaults(func=run, action_fn=_decisions)


def run(args) -> int:
    from luoshi.org.cli import setup_django

    setup_django()
    try:
        return args.action_fn(args) or 0
    except CliError as exc:
        print(f"luoshi projects {args.projects_command}: {exc}", file=sys.stderr)
        return 2


def _date(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise CliError(f"--{option}: not a date (YYYY-MM-DD): {text!r}") from None


def _user(username: str | None):
    from luoshi.org.models import User

    if not username:
        raise CliError("--user is required")
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CliError(f"--user: no active user {username!r}")
    return user


def _scoped(fn, user, pk: int, option: str):
    """The object through the shared scope check; out of scope reads exactly like missing."""
    from django.http import Http404

    try:
        return fn(user, pk)
    except Http404:
        raise CliError(f"--{option}: {pk} not found (or not visible to this user)") from None


@contextmanager
def _out(path: str | None):
    """The output file (closed afterwards), or standard output."""
    if not path:
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="") as f:
        yield f


def _readable_plan(args, roles):
    """``--plan`` as ``--user`` sees it: a role that reads it, then the shared scope check."""
    from luoshi.plans import selectors as sel

    user = _user(args.user)
    if not sel.scope_of(user).has(*roles):
        raise CliError("--user: this user cannot read this")
    return _scoped(sel.plan_for, user, args.plan, "plan")


def _templates(args) -> int:
    from luoshi.plans.milestone_templates import TEMPLATES

    data = {
        t.key: {
            "label": str(t.label),
            "anchor": t.anchor,
            "steps": [
                {
                    "key": s.key,
                    "name": str(s.name),
                    "duration": s.duration,
                    "preds": [list(p) for p in s.preds],
                }
                for s in t.steps
            ],
        }
        for t in TEMPLATES.values()
    }
    print(json.dumps(data, ensure_ascii=False, indent=2))
    return 0


def _schedule(args) -> int:
    from luoshi.plans import scheduling
    from luoshi.plans import selectors as sel
    from luoshi.plans.services import PlanError

    on = _date(args.on, "on")
    try:
        planned = scheduling.template_plan(args.template, args.mode, on, args.anchor)
    except PlanError as exc:
        raise CliError(str(exc)) from None
    rows = [
        {
            "step": p.step.key,
            "name": str(p.step.name),
            "duration": p.step.duration,
            "start": p.slot.start.isoformat(),
            "finish": p.slot.finish.isoformat(),
            "predecessors": p.predecessor_names,
        }
        for p in planned
    ]
    if args.apply:
        if not args.project:
            raise CliError("--apply needs --project")
        user = _user(args.user)
        project = _scoped(sel.project_for, user, args.project, "project")
        if not sel.can_manage(user, project.plan):
            raise CliError("--user: only the town's leaders and office schedule its projects")
        try:
            scheduling.project_schedule_apply(
                project=project, template=args.template, mode=args.mode, on=on, anchor=args.anchor, by=user
            )
        except PlanError as exc:
            raise CliError(str(exc)) from None
    print(json.dumps({"applied": bool(args.apply), "steps": rows}, ensure_ascii=False, indent=2))
    return 0


def _wall(args) -> int:
    from django.utils import timezone

    from luoshi.lib.export import csv_writer
    from luoshi.plans import selectors as sel
    from luoshi.plans import wallchart

    plan = _readable_plan(args, sel.READERS)
    qs = wallchart.projects_of(plan)
    data = wallchart.data(plan, qs, timezone.localdate(), status=args.status, group=args.group)
    with _out(args.output) as out:
        if args.format == "json":
            json.dump(data, out, ensure_ascii=False, indent=1)
            out.write("\n")
        else:
            w = csv_writer(out)
            w.writerow(wallchart.CSV_HEADER)
            w.writerows(wallchart.csv_rows(data))
    return 0


def _move(args) -> int:
    from luoshi.plans import scheduling
    from luoshi.plans import selectors as sel
    from luoshi.plans.services import PlanError

    user = _user(args.user)
    day = _date(args.date, "date")
    m = _scoped(sel.milestone_for, user, args.milestone, "milestone")
    if not sel.can_manage(user, m.plan):
        raise CliError("--user: only the town's leaders and office move milestones")
    try:
        moves = (
            scheduling.milestone_move(milestone=m, new_date=day, by=user)
            if args.apply
            else scheduling.milestone_move_preview(m, day)
        )
    except PlanError as exc:
        raise CliError(str(exc)) from None
    print(
        json.dumps(
            {"applied": bool(args.apply), "moves": scheduling.move_rows(moves)}, ensure_ascii=False, indent=2
        )
    )
    return 0


def _decisions(args) -> int:
    from luoshi.lib.export import csv_writer
    from luoshi.plans import selectors as sel
    from luoshi.plans.models import Decision

    plan = _readable_plan(args, sel.STAFF_READERS)
    qs = Decision.objects.filter(meeting__plan=plan).select_related("meeting", "project", "owner_unit")
    if args.open:
        qs = qs.filter(done_on__isnull=True)
    with _out(args.output) as out:
        w = csv_writer(out)
        w.writerow(
            ["meeting_date", "meeting", "project", "decision", "owner_unit", "deadline", "done_on", "result"]
        )
        for d in qs.order_by("meeting__date", "deadline", "id"):
            w.writerow(
                [
                    d.meeting.date.isoformat(),
                    d.meeting.title,
                    d.project.name if d.project_id else "",
                    d.text,
                    d.owner_unit.name,
                    d.deadline.isoformat(),
                    d.done_on.isoformat() if d.done_on else "",
                    d.done_note,
                ]
            )
    return 0
