"""Chinese names for the third-party apps and models the admin site lists (登录保护, 后台任务).

Their own names are English (``django_tasks_db`` does not even mark its app name for translation),
so the admin index of a Chinese interface showed "AXES · Access attempts" and "TASKS DATABASE
BACKEND". Called once from ``OrgConfig.ready()``; our catalogue translates the names like any other.
"""

from __future__ import annotations

from django.apps import apps
from django.utils.translation import gettext_lazy as _

APP_NAMES = {
    "axes": _("登录保护"),
    "django_tasks_database": _("后台任务"),
    "simple_history": _("变更记录"),
}
MODEL_NAMES = {
    ("axes", "accessattempt"): (_("登录失败记录"), _("登录失败记录")),
    ("axes", "accessfailurelog"): (_("登录失败日志"), _("登录失败日志")),
    ("axes", "accesslog"): (_("登录日志"), _("登录日志")),
    ("axes", "accessattemptexpiration"): (_("登录锁定到期"), _("登录锁定到期")),
    ("django_tasks_database", "dbtaskresult"): (_("任务结果"), _("任务结果")),
}


def name_third_party_apps() -> None:
    from django.contrib import admin

    admin.site.site_header = admin.site.site_title = _("落实管理后台")
    for label, name in APP_NAMES.items():
        if label in apps.app_configs:
            apps.get_app_config(label).verbose_name = name
    for (label, model_name), (singular, plural) in MODEL_NAMES.items():
        try:
            meta = apps.get_model(label, model_name)._meta
        except LookupError:
            continue
        meta.verbose_name, meta.verbose_name_plural = singular, plural
