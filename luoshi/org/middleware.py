"""Request middleware of the org app."""

from luoshi.org.scoping import remember_scope


def scope_middleware(get_response):
    """Attach the signed-in user's scope, reusing the copy kept in the session (see ``remember_scope``)."""

    def middleware(request):
        remember_scope(request)
        return get_response(request)

    return middleware
