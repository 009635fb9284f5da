"""Background work for reports: reading an uploaded file (in ``luoshi worker``, never in a web request)."""

from __future__ import annotations

from django_tasks import task


@task()
def read_upload(upload_id: int) -> str:
    """Read one queued upload through ``services.upload_read``; returns its final status."""
    from luoshi.reports import services
    from luoshi.reports.models import ReportUpload

    upload = ReportUpload.objects.filter(pk=upload_id).first()
    if upload is None:
        return "gone"
    return services.upload_read(upload=upload).status
