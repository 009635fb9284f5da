"""The compiled session and user reads (``luoshi/org/sessions.py``, ``luoshi/org/backends.py``) and
the site header rendered once per key (``luoshi.org.context_processors.site_header``), from an
attacker's side: nothing signs in that Django's own reads would not, and no header carries one
user's name, rights, language or CSRF token to another."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DjangoSessionStore
from django.contrib.sessions.models import Session
from django.middleware.csrf import _unmask_cipher_token
from django.template import RequestContext, Template
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from luoshi.org import context_processors
from luoshi.org.backends import UserBackend
from luoshi.org.models import RoleAssignment
from luoshi.org.roles import Role
from luoshi.org.sessions import LEGACY_BACKEND, SessionStore

pytestmark = pytest.mark.django_db

HOME = "/"


def header(response) -> str:
    body = response.content.decode()
    return body[body.index('<header class="site">') : body.index("</header>")]


def header_tokens(response) -> list[str]:
    return re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', header(response))


def signed_out(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def signed_in_as(response) -> str | None:
    found = re.search(r'data-testid="user-menu">([^<]*)<', header(response))
    return found.group(1) if found else None


def session_for(user, backend: str = "luoshi.org.backends.UserBackend") -> str:
    s = DjangoSessionStore()  # written by Django's own store: the two must agree on the table
    s[SESSION_KEY] = str(user.pk)
    s[BACKEND_SESSION_KEY] = backend
    s[HASH_SESSION_KEY] = user.get_session_auth_hash()
    s.create()
    return s.session_key


def client_with(session_key: str) -> Client:
    c = Client()
    c.cookies["sessionid"] = session_key
    return c


# --- the session read


def test_the_compiled_read_loads_what_djangos_store_loads(org):
    key = session_for(org.users["office"])
    assert SessionStore(key).load() == DjangoSessionStore(key).load()
    assert SessionStore(key).load()[SESSION_KEY] == str(org.users["office"].pk)


def test_an_unknown_session_key_gives_a_new_empty_session(org):
    s = SessionStore("x" * 32)
    assert s.load() == {} and s.session_key is None


def test_an_expired_session_is_empty_and_signs_nobody_in(org):
    key = session_for(org.users["office"])
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() - timedelta(seconds=1))
    s = SessionStore(key)
    assert s.load() == {} and s.session_key is None
    assert signed_out(client_with(key).get(HOME))


def test_a_session_just_before_its_expiry_still_signs_in(org):
    key = session_for(org.users["office"])
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() + timedelta(minutes=1))
    assert signed_in_as(client_with(key).get(HOME)) == str(org.users["office"])


def test_a_session_made_with_modelbackend_keeps_its_user_signed_in(org):
    key = session_for(org.users["unit"], backend=LEGACY_BACKEND)
    assert signed_in_as(client_with(key).get(HOME)) == str(org.users["unit"])


def test_a_session_naming_an_unknown_backend_signs_nobody_in(org):
    key = session_for(org.users["unit"], backend="django.contrib.auth.backends.RemoteUserBackend")
    assert signed_out(client_with(key).get(HOME))


# --- the user read


def test_the_backend_reads_the_user_as_modelbackend_does(org):
    user = org.users["leader"]
    user.refresh_from_db()
    got = UserBackend().get_user(str(user.pk))
    assert got == user and got.password == user.password and got.scope_version == user.scope_version
    assert UserBackend().get_user(10**9) is None


def test_a_deactivated_user_is_signed_out_at_once(org):
    user = org.users["office"]
    c = client_with(session_for(user))
    assert signed_in_as(c.get(HOME)) == str(user)
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert UserBackend().get_user(user.pk) is None
    assert signed_out(c.get(reverse("cases:list")))


def test_a_changed_password_signs_the_other_sessions_out(org):
    user = org.users["office"]
    c = client_with(session_for(user))
    assert signed_in_as(c.get(HOME)) == str(user)
    user.set_password("a new and long passphrase 42")
    user.save()
    assert signed_out(c.get(HOME))


def test_signing_in_through_the_login_page_binds_the_session_to_the_new_backend(org):
    user = org.users["grid"]
    user.set_password("grid passphrase 12345")
    user.save()
    c = Client()
    r = c.post(reverse("login"), {"username": user.username, "password": "grid passphrase 12345"})
    assert r.status_code == 302
    data = SessionStore(c.cookies["sessionid"].value).load()
    assert data[BACKEND_SESSION_KEY] == "luoshi.org.backends.UserBackend"
    assert signed_in_as(c.get(HOME)) == str(user)


# --- the cached header


def test_two_users_in_turn_each_see_only_their_own_header(org, client_for):
    office, unit = org.users["office"], org.users["unit"]
    a, b = client_for("office"), client_for("unit")
    for _round in range(2):
        ra, rb = a.get(HOME), b.get(HOME)
        assert signed_in_as(ra) == str(office) and str(unit) not in header(ra)
        assert signed_in_as(rb) == str(unit) and str(office) not in header(rb)


def test_a_new_display_name_shows_at_once(org, client_for):
    c = client_for("office")
    c.get(HOME)
    user = org.users["office"]
    user.full_name = "改名后<b>的人</b>"
    user.save(update_fields=["full_name"])
    h = header(c.get(HOME))
    assert "改名后&lt;b&gt;的人&lt;/b&gt;" in h and "<b>" not in h


def test_the_admin_link_follows_a_role_given_and_taken_at_once(org, client_for):
    user = org.users["office"]
    c = client_for("office")
    assert 'data-nav="admin"' not in header(c.get(HOME))
    role = RoleAssignment.objects.create(user=user, role=Role.ADMIN)
    assert 'data-nav="admin"' in header(c.get(HOME))
    role.delete()
    assert 'data-nav="admin"' not in header(c.get(HOME))


def test_the_language_switch_changes_the_header(org, client_for):
    c = client_for("office")
    zh = header(c.get(HOME, headers={"accept-language": "zh-hans"}))
    r = c.post(reverse("set_language"), {"language": "en", "next": HOME})
    assert r.status_code == 302
    en = header(c.get(HOME))
    assert "退出登录" in zh and "Change password" not in zh
    assert "Change password" in en and "退出登录" not in en
    assert re.search(r'<option value="en" selected>', en) and not re.search(r'value="en" selected', zh)


def test_the_csrf_token_is_per_session_and_valid_in_the_cached_headers_forms(org):
    users = [org.users["office"], org.users["unit"]]
    clients = [Client(enforce_csrf_checks=True) for _ in users]
    for c, u in zip(clients, users, strict=True):
        c.force_login(u)
    secrets_ = []
    for c in clients:
        r = c.get(HOME)
        tokens = header_tokens(r)
        assert len(tokens) == 2 and len(set(tokens)) == 1  # language form and sign-out form
        body_token = re.search(r'"X-CSRFToken": "([^"]+)"', r.content.decode()).group(1)
        secret = _unmask_cipher_token(tokens[0])
        assert secret == _unmask_cipher_token(body_token) == c.cookies["csrftoken"].value
        secrets_.append(secret)
        again = header_tokens(c.get(HOME))[0]
        assert again != tokens[0] and _unmask_cipher_token(again) == secret  # masked afresh per request
        ok = c.post(
            reverse("set_language"), {"language": "en", "next": HOME, "csrfmiddlewaretoken": tokens[0]}
        )
        assert ok.status_code == 302
    assert secrets_[0] != secrets_[1]
    # one session's token is refused in the other's
    foreign = header_tokens(clients[0].get(HOME))[0]
    refused = clients[1].post(reverse("logout"), {"csrfmiddlewaretoken": foreign})
    assert refused.status_code == 403


def test_the_anonymous_header_has_the_login_link_and_a_token(org):
    r = Client().get(reverse("login"))
    h = header(r)
    assert 'href="/accounts/login/"' in h and "user-menu" not in h
    assert len(header_tokens(r)) == 1


def test_the_cached_header_is_what_the_template_renders_for_the_request(org):
    """Byte for byte against the partial rendered with the request's own values, for each persona,
    both languages and a path that needs escaping."""
    factory = RequestFactory()
    for persona in ("office", "unit", "county", "admin", None):
        user = org.users.get(persona) if persona else None
        for lang in ("zh-hans", "en"):
            with override(lang):
                for path in ("/cases/?q=x&a=1&b=\"'", "/"):
                    request = factory.get(path)
                    if user is not None:
                        request.user = user
                    else:
                        from django.contrib.auth.models import AnonymousUser

                        request.user = AnonymousUser()
                    request.session = {}
                    context = RequestContext(request, {})
                    with context.bind_template(Template("")):
                        cached = [context_processors.site_header(context) for _ in range(2)]
                        flat = context.flatten()
                    expected = render_to_string(
                        "site_header.html",
                        {
                            "csrf_token": flat["csrf_token"],
                            "next_path": request.get_full_path(),
                            "nav_menu": flat["nav_menu"],
                            "user": flat["user"],
                            "scope": flat["scope"],
                        },
                    )
                    assert cached[0] == cached[1] == expected
                    assert "?q=x&amp;a=1&amp;b=" in expected or path == "/"
