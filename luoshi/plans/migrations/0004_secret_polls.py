"""Secret polls replace the linkable Ballot/VoteParticipation pair (docs/voting.md).

Data: a sealed electronic vote keeps its results; its ballots become published ballots (random order,
random keys, a fresh nonce and tracker each; no deputy ever held those trackers) and its poll's seal digest
is computed over them. An unsealed electronic vote cannot be carried over secretly (its ballots are stored
in the clear and linkable): its ballots and participations are dropped and its poll waits for the chair to
open it again, so every deputy votes anew.
"""

import secrets as _secrets

import django.db.models.deletion
import simple_history.models
import uuid
from django.conf import settings
from django.db import migrations, models


def carry_over_votes(apps, schema_editor):
    from luoshi.plans import secret

    Round = apps.get_model("plans", "LivelihoodRound")
    OldBallot = apps.get_model("plans", "Ballot")
    OldParticipation = apps.get_model("plans", "VoteParticipation")
    Poll = apps.get_model("plans", "Poll")
    PollParticipation = apps.get_model("plans", "PollParticipation")
    PublishedBallot = apps.get_model("plans", "PublishedBallot")
    Candidate = apps.get_model("plans", "LivelihoodProject")
    RoleAssignment = apps.get_model("org", "RoleAssignment")
    order = ["collecting", "screening", "candidates", "voting"]
    values = ["agree", "disagree", "abstain"]
    for r in Round.objects.filter(mode="electronic").exclude(phase__in=order[:3]).select_related("plan"):
        items = list(Candidate.objects.filter(round=r).order_by("id").values_list("pk", flat=True))
        expected = r.deputies_total or (
            RoleAssignment.objects.filter(role="deputy", town_id=r.plan.town_id)
            .values("user")
            .distinct()
            .count()
        )
        poll = Poll.objects.create(
            round=r, kind="vote", items=items, expected=expected, quorum=r.quorum or expected // 2 + 1
        )
        if not r.seal_hash:
            continue
        opened = []
        for choices in OldBallot.objects.filter(round=r).values_list("choices", flat=True):
            digits = tuple(
                values.index(choices.get(str(i))) if choices.get(str(i)) in values else 2 for i in items
            )
            payload = secret.encode(digits, _secrets.token_bytes(secret.NONCE_BYTES))
            opened.append(
                secret.Opened(secret.tracker(payload), payload[-secret.NONCE_BYTES :].hex(), digits)
            )
        _secrets.SystemRandom().shuffle(opened)
        PublishedBallot.objects.bulk_create(
            [
                PublishedBallot(
                    poll=poll, tracker=b.tracker, nonce=b.nonce, choices="".join(map(str, b.choices))
                )
                for b in opened
            ]
        )
        PollParticipation.objects.bulk_create(
            [
                PollParticipation(poll=poll, deputy_id=d)
                for d in OldParticipation.objects.filter(round=r).values_list("deputy_id", flat=True)
            ]
        )
        tallies = secret.count((b.choices for b in opened), len(items))
        poll.seal_hash = secret.seal_digest(
            poll=poll.pk, kind="vote", items=items, ballots=opened, tallies=tallies
        )
        poll.sealed_at, poll.sealed_by_id = r.sealed_at, r.sealed_by_id
        poll.public_key = "0" * 64  # opened once; the key is gone with the old ballots
        poll.save()


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0003_item_indicator_binding"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="historicallivelihoodround",
            name="quorum",
            field=models.PositiveIntegerField(
                blank=True, help_text="留空：超过全体代表人数的一半。", null=True, verbose_name="法定人数"
            ),
        ),
        migrations.AddField(
            model_name="livelihoodround",
            name="quorum",
            field=models.PositiveIntegerField(
                blank=True, help_text="留空：超过全体代表人数的一半。", null=True, verbose_name="法定人数"
            ),
        ),
        migrations.CreateModel(
            name="HistoricalPoll",
            fields=[
                (
                    "id",
                    models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID"),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[("vote", "项目票决"), ("evaluation", "满意度测评")],
                        max_length=10,
                        verbose_name="类别",
                    ),
                ),
                ("items", models.JSONField(default=list, verbose_name="表决事项")),
                ("expected", models.PositiveIntegerField(verbose_name="应到代表")),
                ("quorum", models.PositiveIntegerField(verbose_name="法定人数")),
                ("public_key", models.CharField(blank=True, max_length=64, verbose_name="公钥")),
                ("kdf_salt", models.CharField(blank=True, max_length=64, verbose_name="密钥派生盐")),
                ("kdf_ops", models.PositiveIntegerField(default=0)),
                ("kdf_mem", models.PositiveIntegerField(default=0)),
                ("opened_at", models.DateTimeField(blank=True, null=True, verbose_name="开启时间")),
                ("sealed_at", models.DateTimeField(blank=True, null=True, verbose_name="封存时间")),
                ("seal_hash", models.CharField(blank=True, max_length=64, verbose_name="封存指纹")),
                ("reset_reason", models.CharField(blank=True, max_length=300, verbose_name="作废重开理由")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "chair",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="主持人",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "opened_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="开启人",
                    ),
                ),
                (
                    "round",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plans.livelihoodround",
                        verbose_name="票决",
                    ),
                ),
                (
                    "sealed_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="封存人",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 无记名表决",
                "verbose_name_plural": "historical 无记名表决",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Poll",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[("vote", "项目票决"), ("evaluation", "满意度测评")],
                        max_length=10,
                        verbose_name="类别",
                    ),
                ),
                ("items", models.JSONField(default=list, verbose_name="表决事项")),
                ("expected", models.PositiveIntegerField(verbose_name="应到代表")),
                ("quorum", models.PositiveIntegerField(verbose_name="法定人数")),
                ("public_key", models.CharField(blank=True, max_length=64, verbose_name="公钥")),
                ("kdf_salt", models.CharField(blank=True, max_length=64, verbose_name="密钥派生盐")),
                ("kdf_ops", models.PositiveIntegerField(default=0)),
                ("kdf_mem", models.PositiveIntegerField(default=0)),
                ("opened_at", models.DateTimeField(blank=True, null=True, verbose_name="开启时间")),
                ("sealed_at", models.DateTimeField(blank=True, null=True, verbose_name="封存时间")),
                ("seal_hash", models.CharField(blank=True, max_length=64, verbose_name="封存指纹")),
                ("reset_reason", models.CharField(blank=True, max_length=300, verbose_name="作废重开理由")),
                (
                    "chair",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="主持人",
                    ),
                ),
                (
                    "opened_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="开启人",
                    ),
                ),
                (
                    "round",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="polls",
                        to="plans.livelihoodround",
                        verbose_name="票决",
                    ),
                ),
                (
                    "sealed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="封存人",
                    ),
                ),
            ],
            options={
                "verbose_name": "无记名表决",
                "verbose_name_plural": "无记名表决",
                "ordering": ["round", "kind"],
            },
        ),
        migrations.CreateModel(
            name="PollParticipation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "deputy",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "poll",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="participations",
                        to="plans.poll",
                    ),
                ),
            ],
            options={
                "verbose_name": "参加表决记录",
                "verbose_name_plural": "参加表决记录",
            },
        ),
        migrations.CreateModel(
            name="PublishedBallot",
            fields=[
                (
                    "id",
                    models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False),
                ),
                ("tracker", models.CharField(max_length=16, verbose_name="选票追踪码")),
                ("nonce", models.CharField(max_length=32)),
                ("choices", models.CharField(max_length=255)),
                (
                    "poll",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="published", to="plans.poll"
                    ),
                ),
            ],
            options={
                "verbose_name": "公布的选票",
                "verbose_name_plural": "公布的选票",
            },
        ),
        migrations.CreateModel(
            name="SealedBallot",
            fields=[
                (
                    "id",
                    models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False),
                ),
                ("ciphertext", models.BinaryField()),
                (
                    "poll",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="sealed", to="plans.poll"
                    ),
                ),
            ],
            options={
                "verbose_name": "加密选票",
                "verbose_name_plural": "加密选票",
            },
        ),
        migrations.AddConstraint(
            model_name="poll",
            constraint=models.UniqueConstraint(fields=("round", "kind"), name="one_poll_per_kind"),
        ),
        migrations.AddConstraint(
            model_name="publishedballot",
            constraint=models.UniqueConstraint(fields=("poll", "tracker"), name="tracker_once_per_poll"),
        ),
        migrations.RunPython(carry_over_votes, migrations.RunPython.noop),
        migrations.DeleteModel(
            name="Ballot",
        ),
        migrations.DeleteModel(
            name="VoteParticipation",
        ),
        migrations.AddConstraint(
            model_name="pollparticipation",
            constraint=models.UniqueConstraint(fields=("poll", "deputy"), name="one_ballot_per_deputy"),
        ),
    ]
