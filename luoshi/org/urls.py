from django.urls import path

from luoshi.org import calendar_views

app_name = "org"

urlpatterns = [
    path("calendar/", calendar_views.calendar_page, name="calendar"),
    path("calendar/<int:year>/", calendar_views.calendar_page, name="calendar_year"),
    path("calendar/<int:year>/notice/", calendar_views.calendar_notice, name="calendar_notice"),
    path("calendar/<int:year>/day/", calendar_views.calendar_day, name="calendar_day"),
    path("calendar/<int:year>/day/remove/", calendar_views.calendar_day_remove, name="calendar_day_remove"),
    path("calendar/<int:year>/confirm/", calendar_views.calendar_confirm, name="calendar_confirm"),
    path("calendar/<int:year>/progress/", calendar_views.calendar_progress, name="calendar_progress"),
]
