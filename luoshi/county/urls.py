from django.urls import path

from luoshi.county import views

app_name = "county"

urlpatterns = [
    path("", views.schemes, name="schemes"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("projects/", views.project_board, name="projects"),
    path("livelihood/", views.livelihood_board, name="livelihood"),
    path("schemes/new/", views.scheme_new, name="scheme_new"),
    path("schemes/<int:pk>/", views.scheme_detail, name="scheme"),
    path("schemes/<int:pk>/edit/", views.scheme_edit, name="scheme_edit"),
    path("schemes/<int:pk>/delete/", views.scheme_delete, name="scheme_delete"),
    path("schemes/<int:pk>/towns/", views.scheme_towns, name="scheme_towns"),
    path("schemes/<int:pk>/lines/new/", views.line_form, name="line_new"),
    path("schemes/<int:pk>/lines/<int:line>/", views.line_form, name="line_edit"),
    path("schemes/<int:pk>/lines/<int:line>/delete/", views.line_delete, name="line_delete"),
    path(
        "schemes/<int:pk>/adjustments/<int:adjustment>/delete/",
        views.adjustment_delete,
        name="adjustment_delete",
    ),
    path("schemes/<int:pk>/revise/", views.scheme_revise, name="scheme_revise"),
    path("schemes/<int:pk>/compute/", views.result_compute, name="compute"),
    path("schemes/<int:pk>/adjustments/", views.adjustment_add, name="adjustment_add"),
    path("schemes/<int:pk>/towns/<int:town>/", views.town_scores, name="town"),
    path("schemes/<int:pk>/towns/<int:town>/object/<int:line>/", views.objection_new, name="objection_new"),
    path("results/<int:pk>/", views.result_detail, name="result"),
    path("results/<int:pk>/publish/", views.result_publish, name="publish"),
    path("results/<int:pk>/export.xlsx", views.result_xlsx, name="result_xlsx"),
    path("results/<int:pk>/export.docx", views.result_docx, name="result_docx"),
    path("results/<int:pk>/towns/<int:town>/", views.result_town, name="result_town"),
    path("objections/<int:pk>/", views.objection_detail, name="objection"),
]
