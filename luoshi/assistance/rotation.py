"""Key rotation: re-encrypt every encrypted column under the first key of ``LUOSHI_FIELD_KEYS`` and
recompute the lookup hashes under the current ``LUOSHI_FIELD_HASH_KEY``. Reading decrypts with any
configured key; writing (``QuerySet.update``, no history row: the history holds no encrypted column)
encrypts with the first. Run after putting the new key first; then drop the old key."""

from __future__ import annotations

from django.db import transaction

from luoshi.assistance import crypto
from luoshi.assistance.fields import EncryptedTextField


def encrypted_models() -> list[tuple[type, list[str]]]:
    from django.apps import apps

    out = []
    for model in apps.get_app_config("assistance").get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if names:
            out.append((model, names))
    return out


HASHES = {"Household": ("head_id_number", "head_id_hash"), "Member": ("id_number", "id_hash")}


def rotate(batch: int = 500) -> dict[str, int]:
    """Rows rewritten per model."""
    counts = {}
    for model, names in encrypted_models():
        n = 0
        pair = HASHES.get(model.__name__)
        ids = list(model.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), batch):
            with transaction.atomic():
                for row in model.objects.filter(pk__in=ids[start : start + batch]).select_for_update():
                    values = {name: getattr(row, name) for name in names}
                    if pair:
                        values[pair[1]] = crypto.lookup_hash(getattr(row, pair[0]))
                    model.objects.filter(pk=row.pk).update(**values)
                    n += 1
        counts[model.__name__] = n
    return counts
