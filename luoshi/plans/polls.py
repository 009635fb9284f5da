"""Secret polls (无记名表决): the deputies' project vote and their satisfaction evaluation, one mechanism.

Services (every write: keyword-only, atomic, validated) and the reads the pages and the API share. The
cryptography is in ``luoshi.plans.secret``; docs/voting.md is the threat model. Ballot contents never
reach a log, the audit trail, a message or the session: ``ballot_cast`` returns the tracker to its caller
only, and before sealing the reads expose how many deputies took part and who, nothing else.
"""

from __future__ import annotations

import secrets as _secrets
import uuid
from dataclasses import dataclass, field

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_variables

from luoshi.org.models import User
from luoshi.org.roles import Role
from luoshi.org.scoping import scope_of
from luoshi.plans import livelihood as machine
from luoshi.plans import secret, voting
from luoshi.plans.models import (
    LivelihoodProject,
    LivelihoodRound,
    Phase,
    Poll,
    PollParticipation,
    PublishedBallot,
    SealedBallot,
)
from luoshi.plans.services import PlanError, _by, _is_town_deputy, _require, apply_tallies, round_quorum

OPTIONS = {
    Poll.Kind.VOTE: (
        ("agree", gettext_lazy("赞成")),
        ("disagree", gettext_lazy("反对")),
        ("abstain", gettext_lazy("弃权")),
    ),
    Poll.Kind.EVALUATION: (
        ("satisfied", gettext_lazy("满意")),
        ("basic", gettext_lazy("基本满意")),
        ("dissatisfied", gettext_lazy("不满意")),
    ),
}
# The round's phase table (``livelihood.ACTIONS``) says when each kind of poll takes ballots.
ACTION = {Poll.Kind.VOTE: "ballot_cast", Poll.Kind.EVALUATION: "evaluate"}
MANAGERS = (Role.OFFICE, Role.LEADER)


def _items_for(r: LivelihoodRound, kind: str) -> list[int]:
    qs = r.candidates.order_by("id")
    if kind == Poll.Kind.EVALUATION:
        qs = qs.filter(adopted=True)
    return list(qs.values_list("pk", flat=True))


def _phase_ok(p: Poll) -> bool:
    return Phase(p.round.phase) in machine.ACTIONS[ACTION[p.kind]]


def _in_phase(p: Poll) -> None:
    _require(
        _phase_ok(p),
        _("当前阶段（%(phase)s）不能进行此操作。") % {"phase": p.round.get_phase_display()},
    )


def _is_manager(user: User, r: LivelihoodRound) -> bool:
    return user.roles.filter(role__in=MANAGERS, town_id=r.plan.town_id).exists()


def _secure_delete() -> None:
    """SQLite: overwrite deleted content with zeros, so a deleted ciphertext does not linger in free pages."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cur:
            cur.execute("PRAGMA secure_delete=ON")


def _purge(p: Poll) -> None:
    """Delete the poll's ciphertexts so that no copy stays readable in the table's storage.

    PostgreSQL: ``TRUNCATE`` the sealed-ballot table inside the transaction and re-insert the other polls'
    ciphertexts: the old file is unlinked at commit. (``VACUUM``, even ``FULL``, keeps deleted tuples that an
    open snapshot anywhere in the cluster might still see, and lazy ``VACUUM`` leaves their bytes in the page.)
    SQLite: ``secure_delete`` zeroes the deleted cells; ``reclaim_storage`` then empties the write-ahead log.
    """
    if connection.vendor == "postgresql":
        keep = [
            SealedBallot(id=pk, poll_id=poll_id, ciphertext=c)
            for pk, poll_id, c in SealedBallot.objects.exclude(poll=p).values_list(
                "id", "poll_id", "ciphertext"
            )
        ]
        with connection.cursor() as cur:
            cur.execute("SET CONSTRAINTS ALL IMMEDIATE")  # TRUNCATE refuses pending deferred checks
            cur.execute(f"TRUNCATE {connection.ops.quote_name(SealedBallot._meta.db_table)}")
            cur.execute("SET CONSTRAINTS ALL DEFERRED")
        SealedBallot.objects.bulk_create(keep)
    else:
        _secure_delete()
        SealedBallot.objects.filter(poll=p).delete()
    transaction.on_commit(reclaim_storage)


def reclaim_storage() -> None:
    """SQLite, after the deletion commits: a ``TRUNCATE`` checkpoint copies the zeroed pages into the database
    file and empties the write-ahead log, where the inserted ciphertexts were still readable."""
    if connection.in_atomic_block or connection.vendor != "sqlite":
        return
    with connection.cursor() as cur:
        cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")


# --- Services -----------------------------------------------------------------------------------------


def poll_create(*, round: LivelihoodRound, kind: str, by: User | None = None) -> Poll:
    """The poll of a phase, created when the round enters it (called inside ``round_advance``)."""
    existing = Poll.objects.filter(round=round, kind=kind).first()
    if existing:
        return existing
    expected, quorum = round_quorum(round)
    p = _by(Poll(round=round, kind=kind, items=_items_for(round, kind), expected=expected, quorum=quorum), by)
    p.save()
    return p


@transaction.atomic
def poll_configure(*, poll: Poll, chair: User, quorum: int, by: User) -> Poll:
    """Name the chair (who opens the poll and receives the round code) and the quorum, before opening."""
    p = Poll.objects.select_for_update().select_related("round__plan").get(pk=poll.pk)
    _require(_is_manager(by, p.round), _("只有本镇党政办或镇领导可以设置表决。"))
    _require(not p.public_key and not p.is_sealed, _("表决开启后不能修改主持人和法定人数。"))
    _require(_is_town_deputy(chair, p.round), _("主持人须是本镇人大代表。"))
    _require(
        1 <= quorum <= p.expected,
        _("法定人数须在 1 到应到代表 %(m)d 人之间。") % {"m": p.expected},
    )
    p.chair, p.quorum = chair, quorum
    _by(p, by).save()
    return p


@sensitive_variables("code", "key")
@transaction.atomic
def poll_open(*, poll: Poll, by: User) -> str:
    """Open the poll: generate the round code, keep only the public key derived from it, return the code.

    The caller shows the code once to the chair; it is not stored, logged or put in the session.
    """
    p = Poll.objects.select_for_update().select_related("round__plan").get(pk=poll.pk)
    _in_phase(p)
    _require(not p.is_sealed, _("表决已结束。"))
    _require(not p.public_key, _("表决已开启；如会议码遗失，请由工作人员作废后重新开启。"))
    _require(p.chair_id is not None and p.chair_id == by.pk, _("只有主持人可以开启表决并领取会议码。"))
    p.items = _items_for(p.round, p.kind)
    _require(bool(p.items), _("没有需要表决的事项。"))
    code, salt = secret.new_code(), secret.new_salt()
    key = secret.derive_key(code, salt)
    p.public_key, p.kdf_salt = secret.public_hex(key), salt.hex()
    p.kdf_ops, p.kdf_mem = secret.KDF_OPS, secret.KDF_MEM
    p.opened_at, p.opened_by = timezone.now(), by
    _by(p, by).save()
    return code


@transaction.atomic
def ballot_cast(*, poll: Poll, deputy: User, choices: dict) -> str:
    """Cast one secret ballot and return its tracker (to the voter only; it is stored nowhere).

    The participation row and the ciphertext are written in one transaction; the unique participation
    (poll, deputy) refuses a second ballot even when two requests race. Casting locks the poll row so a
    ballot cannot slip in while the poll is being sealed.
    """
    p = Poll.objects.select_for_update().select_related("round__plan").get(pk=poll.pk)
    _require(not p.is_sealed, _("表决已结束。"))
    _require(bool(p.public_key), _("表决尚未开启。"))
    _in_phase(p)
    _require(_is_town_deputy(deputy, p.round), _("只有本镇人大代表可以投票。"))
    values = [v for v, _label in OPTIONS[p.kind]]
    clean = {str(k): v for k, v in choices.items()}
    _require(set(clean) == {str(i) for i in p.items}, _("请对每个事项表明态度。"))
    _require(all(v in values for v in clean.values()), _("选票内容不正确。"))
    indexes = [values.index(clean[str(i)]) for i in p.items]
    try:
        with transaction.atomic():
            PollParticipation.objects.create(poll=p, deputy=deputy)
    except IntegrityError as exc:
        raise PlanError(_("您已经投过票，每位代表只能投一次。")) from exc
    ciphertext, tracker = secret.seal_ballot(p.public_key, indexes)
    _secure_delete()
    SealedBallot.objects.create(id=uuid.uuid4(), poll=p, ciphertext=ciphertext)
    return tracker


@sensitive_variables("code", "key")
@transaction.atomic
def poll_seal(*, poll: Poll, code: str, by: User) -> Poll:
    """Close the poll with the chair's code: decrypt in memory, publish in random order, destroy ciphertexts.

    Refused (nothing changes) below the quorum or with a wrong code. Results are computed from the
    published ballots: the vote's tallies and adoption, or the evaluation's satisfaction counts.
    """
    p = Poll.objects.select_for_update().select_related("round__plan").get(pk=poll.pk)
    r = p.round
    _in_phase(p)
    _require(not p.is_sealed, _("表决结果已封存。"))
    _require(bool(p.public_key), _("表决尚未开启。"))
    _require(by.pk == p.chair_id or _is_manager(by, r), _("只有主持人或本镇党政办、镇领导可以封存结果。"))
    voted = p.participations.count()
    _require(
        voted >= p.quorum,
        _("已投票 %(n)d 人，未达到法定人数 %(q)d 人（应到 %(m)d 人），不能封存。")
        % {"n": voted, "q": p.quorum, "m": p.expected},
    )
    try:
        key = secret.derive_key(code, bytes.fromhex(p.kdf_salt), p.kdf_ops, p.kdf_mem)
    except secret.SecretError as exc:
        raise PlanError(_("会议码格式不正确：应为 20 位字母和数字（不含 0、O、1、I、L）。")) from exc
    _require(secret.public_hex(key) == p.public_key, _("会议码不正确，结果未封存。"))
    rows = list(SealedBallot.objects.filter(poll=p).values_list("pk", "ciphertext"))
    _require(
        len(rows) == voted,
        _("加密选票 %(b)d 张与投票代表 %(n)d 人不一致，请联系系统管理员。") % {"b": len(rows), "n": voted},
    )
    try:
        opened = [secret.open_ballot(key, c, len(p.items)) for _pk, c in rows]
    except secret.SecretError as exc:
        raise PlanError(_("有加密选票无法解密，请联系系统管理员。")) from exc
    _secrets.SystemRandom().shuffle(opened)
    PublishedBallot.objects.bulk_create(
        [
            PublishedBallot(
                id=uuid.uuid4(),
                poll=p,
                tracker=b.tracker,
                nonce=b.nonce,
                choices="".join(map(str, b.choices)),
            )
            for b in opened
        ]
    )
    _purge(p)  # casting locks the poll row: no ciphertext of this poll was added since ``rows`` was read
    tallies = secret.count((b.choices for b in opened), len(p.items))
    p.seal_hash = secret.seal_digest(poll=p.pk, kind=p.kind, items=p.items, ballots=opened, tallies=tallies)
    p.sealed_at, p.sealed_by = timezone.now(), by
    _by(p, by).save()
    _apply(p, r, tallies, voted, by)
    if Poll.round.is_cached(poll):
        poll.round.refresh_from_db()
    poll.refresh_from_db(fields=["seal_hash", "sealed_at", "sealed_by"])
    return p


def _apply(p: Poll, r: LivelihoodRound, tallies: list[list[int]], voted: int, by: User) -> None:
    if p.kind == Poll.Kind.VOTE:
        apply_tallies(
            r, {cid: voting.Tally(cid, *t) for cid, t in zip(p.items, tallies, strict=True)}, voted, by
        )
        r.seal_hash, r.sealed_at, r.sealed_by = p.seal_hash, p.sealed_at, by
        _by(r, by).save()
        return
    for c in LivelihoodProject.objects.filter(pk__in=p.items):
        c.eval_satisfied, c.eval_basic, c.eval_dissatisfied = tallies[p.items.index(c.pk)]
        _by(c, by).save(update_fields=["eval_satisfied", "eval_basic", "eval_dissatisfied"])


@transaction.atomic
def poll_reset(*, poll: Poll, reason: str, by: User) -> Poll:
    """Void an unsealed poll (e.g. the code was lost): ballots and participations are destroyed, the chair
    opens it again and every deputy votes anew. The reason stays in the poll's history."""
    p = Poll.objects.select_for_update().select_related("round__plan").get(pk=poll.pk)
    _require(_is_manager(by, p.round), _("只有本镇党政办或镇领导可以作废重开。"))
    _require(not p.is_sealed, _("表决结果已封存，不能作废。"))
    _require(bool(reason.strip()), _("作废重开必须写明理由。"))
    _purge(p)
    PollParticipation.objects.filter(poll=p).delete()
    p.public_key = p.kdf_salt = ""
    p.kdf_ops = p.kdf_mem = 0
    p.opened_at = p.opened_by = None
    p.reset_reason = reason.strip()[:300]
    _by(p, by).save()
    return p


# --- Reads --------------------------------------------------------------------------------------------


@dataclass
class PollView:
    """What a page or the API may show of a poll. Before sealing: counts, who took part, quorum; no more."""

    poll: Poll
    items: list[LivelihoodProject]
    options: list[tuple[str, str]]
    voted: int
    voters: list[str]
    reached: bool
    has_voted: bool = False
    can_vote: bool = False
    is_chair: bool = False
    # After sealing only:
    tallies: list[tuple[LivelihoodProject, list[int]]] = field(default_factory=list)
    ballots: list[tuple[str, list[str]]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    rule: str = ""
    found: tuple[str, list[str]] | None = None


def poll_view(p: Poll, user: User, tracker: str = "") -> PollView:
    by_id = {c.pk: c for c in LivelihoodProject.objects.filter(pk__in=p.items)}
    items = [by_id[i] for i in p.items if i in by_id]
    voters = sorted(
        (str(u) for u in User.objects.filter(pk__in=p.participations.values("deputy_id"))),
    )
    labels = [str(label) for _v, label in OPTIONS[p.kind]]
    v = PollView(
        poll=p,
        items=items,
        options=[(value, str(label)) for value, label in OPTIONS[p.kind]],
        voted=len(voters),
        voters=voters,
        reached=len(voters) >= p.quorum,
        has_voted=p.participations.filter(deputy_id=user.pk).exists(),
        is_chair=p.chair_id == user.pk,
    )
    v.can_vote = p.is_open and not v.has_voted and _phase_ok(p) and _is_town_deputy(user, p.round)
    if not p.is_sealed:
        return v
    published = list(PublishedBallot.objects.filter(poll=p).order_by("tracker"))
    v.ballots = [(b.tracker, [labels[int(ch)] for ch in b.choices]) for b in published]
    counts = secret.count(([int(ch) for ch in b.choices] for b in published), len(p.items))
    v.tallies = list(zip(items, counts, strict=False))
    v.problems = poll_verify(p, published)
    if p.kind == Poll.Kind.VOTE:
        r = p.round
        v.rule = voting.rule_statement(
            rule=r.rule,
            seats=r.seats,
            deputies_total=r.deputies_total or p.expected,
            valid_ballots=len(published),
        )
    if tracker:
        try:
            wanted = secret.normalize_tracker(tracker)
        except secret.SecretError:
            wanted = ""
        v.found = next((b for b in v.ballots if b[0] == wanted), None) or ("", [])
    return v


def poll_verify(p: Poll, published: list[PublishedBallot] | None = None) -> list[str]:
    """Recount a sealed poll from its published ballots; the reasons it does not match (empty: it does)."""
    if published is None:
        published = list(PublishedBallot.objects.filter(poll=p))
    opened = [secret.Opened(b.tracker, b.nonce, tuple(int(ch) for ch in b.choices)) for b in published]
    problems = []
    bad = [b.tracker for b in opened if not secret.check_tracker(b)]
    if bad:
        problems.append(_("追踪码与选票内容不符：%(t)s") % {"t": "、".join(bad)})
    tallies = secret.count((b.choices for b in opened), len(p.items))
    if (
        secret.seal_digest(poll=p.pk, kind=p.kind, items=p.items, ballots=opened, tallies=tallies)
        != p.seal_hash
    ):
        problems.append(_("由公布的选票重新计算的指纹与封存指纹不一致。"))
    stored = {
        c.pk: (
            [c.agree, c.disagree, c.abstain]
            if p.kind == Poll.Kind.VOTE
            else [c.eval_satisfied, c.eval_basic, c.eval_dissatisfied]
        )
        for c in LivelihoodProject.objects.filter(pk__in=p.items)
    }
    if any(stored.get(cid) != t for cid, t in zip(p.items, tallies, strict=True)):
        problems.append(_("公布的票数与重新计票结果不一致。"))
    if len(opened) != p.participations.count():
        problems.append(
            _("选票 %(b)d 张与参加表决的代表 %(n)d 人不一致。")
            % {"b": len(opened), "n": p.participations.count()}
        )
    return problems


def open_polls_for(user: User):
    """Opened, unsealed polls of the deputy's towns in which they have not yet taken part (home panel)."""
    towns = user.roles.filter(role=Role.DEPUTY).values("town_id")
    return (
        Poll.objects.filter(round__plan__town_id__in=towns, sealed_at__isnull=True)
        .exclude(public_key="")
        .exclude(participations__deputy=user)
        .select_related("round__plan")
    )


def can_seal(user: User, p: Poll) -> bool:
    return p.is_open and (user.pk == p.chair_id or _is_manager(user, p.round))


def is_manager(user: User, p: Poll) -> bool:
    return _is_manager(user, p.round) and scope_of(user).has(*MANAGERS)
