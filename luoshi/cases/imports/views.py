"""Ledger import pages (work in progress)."""

from django.http import HttpResponse


def upload(request):
    return HttpResponse(status=503)


mapping = check = commit = progress = upload
