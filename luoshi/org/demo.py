"""The demo county: invented places, units and one user per role. Idempotent (keyed by codes and usernames).

Other apps add their own demo data through ``load(ctx, progress)`` in their ``demo`` module,
listed in DEMO_MODULES; they receive the objects created here in ``ctx``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.db import transaction

from luoshi.org.models import County, Grid, RoleAssignment, Town, Unit, User, Village
from luoshi.org.roles import Role

DEMO_PASSWORD = "luoshi2026"
DEMO_MODULES = [
    "luoshi.reports.demo",
    "luoshi.plans.demo",
    "luoshi.cases.demo",
    "luoshi.accounts.demo",
    "luoshi.portal.demo",
    "luoshi.county.demo",
    "luoshi.reports.writer.demo",
    "luoshi.assistance.demo",
    "luoshi.ledgers.demo",
    "luoshi.economy.demo",
]

COUNTY = ("369901", "青岚县")
TOWNS = [
    # code, name, kind, villages (name, kind)
    (
        "369901100",
        "云溪镇",
        Town.Kind.TOWN,
        [
            ("云溪社区", Village.Kind.COMMUNITY),
            ("桃坞村", Village.Kind.VILLAGE),
            ("石泉村", Village.Kind.VILLAGE),
            ("柳塘村", Village.Kind.VILLAGE),
            ("竹湾村", Village.Kind.VILLAGE),
            ("高坪村", Village.Kind.VILLAGE),
        ],
    ),
    (
        "369901200",
        "白鹭街道",
        Town.Kind.STREET,
        [
            ("鹭洲社区", Village.Kind.COMMUNITY),
            ("新桥社区", Village.Kind.COMMUNITY),
            ("茶亭社区", Village.Kind.COMMUNITY),
            ("江湾村", Village.Kind.VILLAGE),
            ("梅岭村", Village.Kind.VILLAGE),
        ],
    ),
]
UNITS = [
    ("dzb", "党政办"),
    ("jfb", "经发办"),
    ("yjb", "应急管理办"),
    ("zzzx", "综治中心"),
    ("nyb", "农业农村办"),
    ("shsw", "社会事务办"),
    ("zrzy", "自然资源所"),
    ("czs", "财政所"),
    ("rdb", "人大办"),
    ("hbb", "生态环境办"),
]
GRID_NAMES = ["第一网格", "第二网格", "第三网格"]


@dataclass
class DemoContext:
    county: County
    towns: list[Town]
    users: dict[str, User] = field(default_factory=dict)


_password_hash: list[str] = []


def _demo_password_hash() -> str:
    """Hash once: every demo account shares the password, and hashing is deliberately slow."""
    if not _password_hash:
        _password_hash.append(make_password(DEMO_PASSWORD))
    return _password_hash[0]


def _upsert_user(username: str, full_name: str, role: Role, **anchor) -> User:
    user, created = User.objects.get_or_create(username=username, defaults={"full_name": full_name})
    if created:
        user.password = _demo_password_hash()
        if role == Role.ADMIN:
            user.is_staff = user.is_superuser = True
        user.save()
    RoleAssignment.objects.get_or_create(user=user, role=role, **anchor)
    return user


@transaction.atomic
def load_org() -> DemoContext:
    county, _ = County.objects.update_or_create(code=COUNTY[0], defaults={"name": COUNTY[1]})
    towns = []
    for t_code, t_name, kind, villages in TOWNS:
        town, _ = Town.objects.update_or_create(
            code=t_code, defaults={"name": t_name, "kind": kind, "county": county}
        )
        towns.append(town)
        for i, (v_name, v_kind) in enumerate(villages, start=1):
            village, _ = Village.objects.update_or_create(
                code=f"{t_code}{200 + i:03d}", defaults={"name": v_name, "kind": v_kind, "town": town}
            )
            for j, g_name in enumerate(GRID_NAMES[: 2 + i % 2], start=1):
                Grid.objects.update_or_create(
                    code=f"{village.code}{j:03d}",
                    defaults={"name": g_name, "village": village, "households": 120 + 37 * ((i * 7 + j) % 9)},
                )
        for code, name in UNITS:
            Unit.objects.update_or_create(town=town, code=code, defaults={"name": name})
    ctx = DemoContext(county=county, towns=towns)
    yunxi, bailu = towns
    first_village = yunxi.villages.order_by("code").first()
    second_village = yunxi.villages.order_by("code")[1]
    u = ctx.users
    u["admin"] = _upsert_user("admin", "系统管理员", Role.ADMIN)
    u["county"] = _upsert_user("county", "县政务办 周明", Role.COUNTY, county=county)
    u["leader"] = _upsert_user("leader", "镇长 林晓", Role.LEADER, town=yunxi)
    leader_role = RoleAssignment.objects.get(user=u["leader"], role=Role.LEADER)
    leader_role.portfolio.set(Unit.objects.filter(town=yunxi, code__in=["jfb", "yjb", "zzzx"]))
    u["office"] = _upsert_user("office", "党政办 陈静", Role.OFFICE, town=yunxi)
    u["unit"] = _upsert_user("unit", "应急办 王磊", Role.UNIT, unit=Unit.objects.get(town=yunxi, code="yjb"))
    u["unit_jfb"] = _upsert_user(
        "jingfa", "经发办 赵敏", Role.UNIT, unit=Unit.objects.get(town=yunxi, code="jfb")
    )
    u["village"] = _upsert_user("village", "云溪社区 书记 李华", Role.VILLAGE, village=first_village)
    u["village2"] = _upsert_user("village2", "桃坞村 主任 吴刚", Role.VILLAGE, village=second_village)
    u["grid"] = _upsert_user(
        "grid", "网格员 张丽", Role.GRID, grid=first_village.grids.order_by("code").first()
    )
    u["deputy"] = _upsert_user("deputy", "人大代表 刘芳", Role.DEPUTY, town=yunxi)
    u["office_b"] = _upsert_user("office_b", "白鹭街道党政办 孙悦", Role.OFFICE, town=bailu)
    return ctx


DEMO_ACCOUNTS = [
    ("admin", "系统管理员 / system admin"),
    ("county", "县级人员 / county staff"),
    ("leader", "镇领导 云溪镇 / town leader"),
    ("office", "党政办 云溪镇 / town office"),
    ("unit", "应急管理办 / unit staff"),
    ("jingfa", "经发办 / unit staff"),
    ("village", "村干部 云溪社区 / village cadre"),
    ("village2", "村干部 桃坞村 / village cadre"),
    ("grid", "网格员 / grid worker"),
    ("deputy", "人大代表 / deputy"),
    ("office_b", "党政办 白鹭街道 / town office, 2nd town"),
]


def load_demo(progress=lambda msg: None) -> list[tuple[str, str, str]]:
    """Load everything; returns (username, password, label) rows to print."""
    progress("loading organisation …")
    ctx = load_org()
    for name in DEMO_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if not name.startswith(exc.name or "?"):
                raise
            continue
        progress(f"loading {name.split('.')[-2]} demo data …")
        module.load(ctx, progress)
    return [(username, DEMO_PASSWORD, label) for username, label in DEMO_ACCOUNTS]
