"""Work reports (政府工作报告): the reader library and the Django app that stores parsed reports.

``from luoshi.reports import parse`` works without Django settings: the reader lives in
``luoshi.reports.reader`` and imports nothing from Django.
"""


def parse(source, **kwargs):
    from luoshi.reports.reader import parse as _parse

    return _parse(source, **kwargs)
