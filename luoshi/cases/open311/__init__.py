"""Open311 GeoReport v2 endpoint over the case engine (``/open311/v2/``).

Case types × categories are published as services; cases as service requests (public fields
only, never the caller's name or phone). POST needs an API key issued per town (``Open311Key``).
See ``docs/open311.md``.
"""
