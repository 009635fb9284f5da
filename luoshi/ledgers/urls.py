from django.urls import path

from luoshi.ledgers import views

app_name = "ledgers"

urlpatterns = [
    path("", views.index, name="index"),
    path("ranking/", views.ranking, name="ranking"),
    path("points/", views.points, name="points"),
    path("points/notice/<int:village>/", views.notice, name="notice"),
    path("inspect/<slug:code>/", views.inspect, name="inspect"),
    path("item/<int:pk>/", views.item, name="item"),
    path("item/<int:pk>/problems/<int:problem>/close/", views.problem_close, name="problem_close"),
    path("<slug:code>/", views.register, name="register"),
    path("<slug:code>/labels/", views.labels, name="labels"),
    path("<slug:code>/import/", views.import_upload, name="import"),
    path("<slug:code>/import/<str:token>/", views.import_check, name="import_check"),
]
