from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "luoshi.cases"
    label = "cases"
