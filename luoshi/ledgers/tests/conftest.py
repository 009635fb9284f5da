from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def photo(name: str = "p.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, JPEG, content_type="image/jpeg")


@pytest.fixture
def ledgers(org, settings, tmp_path):
    """Routing rules, eight street lights in the first village (云溪社区) and two in 桃坞村, a village
    item per village, households in both villages with approved rules."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    from luoshi.cases import config
    from luoshi.cases.models import CaseType, RoutingRule
    from luoshi.ledgers import services
    from luoshi.ledgers.models import RegisterType
    from luoshi.org.models import Unit

    yunxi = org.towns[0]
    for code, unit in (("facility_fault", "yjb"), ("living_env", "hbb")):
        RoutingRule.objects.create(
            town=yunxi,
            case_type=CaseType.objects.get(code=code),
            unit=Unit.objects.get(town=yunxi, code=unit),
        )
    config.clear()
    a, b = list(yunxi.villages.order_by("code"))[:2]
    admin = org.users["admin"]
    lights = RegisterType.objects.get(code="streetlight")
    world = {"a": a, "b": b, "lights": [], "homes_a": [], "homes_b": []}
    for n in range(1, 11):
        v = a if n <= 8 else b
        world["lights"].append(
            services.item_save(
                actor=admin,
                register_type=lights,
                number=f"LD-{n:03d}",
                village=v,
                maintainer=f"承包商{n % 2}",
            )
        )
    env = RegisterType.objects.get(code="village_env")
    world["env"] = {
        v.pk: services.item_save(actor=admin, register_type=env, number=v.code, village=v, name=v.name)
        for v in yunxi.villages.all()
    }
    homes = RegisterType.objects.get(code="household")
    for key, v, cadre in (("homes_a", a, "village"), ("homes_b", b, "village2")):
        for n, name in enumerate(["王一", "李二"], start=1):
            world[key].append(
                services.item_save(
                    actor=admin,
                    register_type=homes,
                    number=f"{key}-{n}",
                    village=v,
                    owner=name,
                    name=f"{name}户",
                )
            )
        import datetime as dt

        services.rulebook_record(
            actor=org.users[cadre],
            village=v,
            title="积分细则",
            assembly="村民代表会议",
            assembly_date=dt.date(2026, 1, 10),
            attendance=30,
            votes_for=28,
            rules=[("义务劳动", 5), ("美丽庭院", 10)],
        )
    return world
