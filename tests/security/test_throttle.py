"""Throttling of sign-in, password reset, join codes and invite links (issue 6, 3.2).

Limits are lowered to a few tries so each test meets its boundary: the Nth try
is answered as usual, the next one gets the 429 page.
"""

from __future__ import annotations

import socket
import uuid

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client

from crmvision.settings import env_limit
from questionnaires.services import invitation_reissue
from tests.factories import UserFactory
from workshops import throttle
from workshops.throttle import TOO_MANY_TRIES

PASSWORD = "pw-for-tests"  # tests/factories.py
IP_A, IP_B = "203.0.113.7", "198.51.100.9"


@pytest.fixture(autouse=True)
def small_limits(settings):
    settings.THROTTLES = {
        **settings.THROTTLES,
        "sign_in_account": (3, 600),
        "sign_in_ip": (5, 600),
        "password_reset_address": (2, 600),
        "password_reset_ip": (4, 600),
        "join_code_ip": (3, 600),
        "invite_link_ip": (3, 600),
    }


class Clock:
    """Moves the throttle's clock; the cache itself keeps entries longer than this."""

    def __init__(self, monkeypatch):
        self.now = 1_900_000_000.0
        monkeypatch.setattr(throttle.time, "time", lambda: self.now)

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


def client_from(ip: str) -> Client:
    return Client(REMOTE_ADDR=ip)


def sign_in(client: Client, username: str, password: str):
    return client.post("/accounts/login/", {"username": username, "password": password})


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def assert_throttled(response) -> None:
    assert response.status_code == 429
    assert str(TOO_MANY_TRIES % {"minutes": 10}) in response.content.decode()
    assert response["Retry-After"] == "600"


# --- sign-in ------------------------------------------------------------------


def test_it_refuses_the_right_password_after_too_many_wrong_ones_until_the_window_ends(
    facilitator, clock
):
    client = client_from(IP_A)
    for _ in range(3):
        response = sign_in(client, "frida", "wrong")
        assert response.status_code == 200
        assert "did not match" in response.content.decode()
    assert_throttled(sign_in(client, "frida", "wrong"))
    assert_throttled(sign_in(client, "frida", PASSWORD))
    assert not signed_in(client)
    clock.advance(599)
    assert sign_in(client, "frida", PASSWORD).status_code == 429
    clock.advance(1)
    assert sign_in(client, "frida", PASSWORD).status_code == 302
    assert signed_in(client)


def test_an_account_under_attack_is_refused_from_every_ip(facilitator):
    for _ in range(3):
        sign_in(client_from(IP_A), "frida", "wrong")
    assert sign_in(client_from(IP_B), "Frida", PASSWORD).status_code == 429


def test_one_ip_trying_many_accounts_is_refused_and_another_ip_is_not(facilitator, sponsor):
    attacker = client_from(IP_A)
    for n in range(5):  # five accounts, one try each: no account limit is reached
        assert sign_in(attacker, f"user-{n}", "wrong").status_code == 200
    assert sign_in(attacker, "clara", PASSWORD).status_code == 429
    colleague = client_from(IP_B)
    assert sign_in(colleague, "clara", PASSWORD).status_code == 302


def test_a_successful_sign_in_forgets_the_accounts_failures(facilitator):
    client = client_from(IP_A)
    for _ in range(2):
        sign_in(client, "frida", "wrong")
    assert sign_in(client, "frida", PASSWORD).status_code == 302
    other = client_from(IP_B)
    for _ in range(3):
        assert sign_in(other, "frida", "wrong").status_code == 200


def test_the_admin_sign_in_is_throttled_too(db):
    UserFactory(username="root", is_staff=True, is_superuser=True)
    client = client_from(IP_A)
    for _ in range(3):
        assert (
            client.post("/admin/login/", {"username": "root", "password": "x"}).status_code == 200
        )
    response = client.post("/admin/login/", {"username": "root", "password": PASSWORD})
    assert_throttled(response)


# --- password reset -----------------------------------------------------------


def test_password_reset_is_limited_per_address(facilitator):
    client = client_from(IP_A)
    for _ in range(2):
        assert (
            client.post("/accounts/password_reset/", {"email": facilitator.email}).status_code
            == 302
        )
    assert_throttled(client.post("/accounts/password_reset/", {"email": facilitator.email.upper()}))
    assert len(mail.outbox) == 2
    # Another address from another IP is not affected.
    assert (
        client_from(IP_B).post("/accounts/password_reset/", {"email": "x@example.com"}).status_code
        == 302
    )


def test_password_reset_is_limited_per_ip(facilitator):
    client = client_from(IP_A)
    for n in range(4):
        response = client.post("/accounts/password_reset/", {"email": f"n{n}@example.com"})
        assert response.status_code == 302
    assert client.post("/accounts/password_reset/", {"email": facilitator.email}).status_code == 429
    assert mail.outbox == []
    assert client.get("/accounts/password_reset/").status_code == 200  # the form still shows


# --- join codes -----------------------------------------------------------------


@pytest.fixture
def join_url(questionnaire):
    questionnaire.join_enabled = True
    questionnaire.save()
    return f"/j/{questionnaire.join_code}/"


def test_it_stops_guessing_join_codes_even_a_right_one(join_url):
    guesser = client_from(IP_A)
    for code in ("AAAAAAAA", "BBBBBBBB", "CCCCCCCC"):
        assert guesser.get(f"/j/{code}/").status_code == 404
    assert_throttled(guesser.get(join_url))
    assert client_from(IP_B).get(join_url).status_code == 200


def test_typed_join_codes_count_too(join_url):
    guesser = client_from(IP_A)
    for _ in range(3):
        assert guesser.get("/j/?code=!!!").status_code == 404
    assert guesser.get("/j/?code=ABC").status_code == 429


def test_a_room_of_people_joining_from_one_ip_is_never_throttled(join_url):
    room = client_from(IP_A)
    for _ in range(10):
        assert room.get(join_url).status_code == 200


# --- invite links ---------------------------------------------------------------


def test_it_stops_guessing_invite_links_even_a_right_one(invitation):
    link = invitation.get_absolute_url()
    guesser = client_from(IP_A)
    for n in range(3):
        assert guesser.get(f"/s/{n}abc.def/").status_code == 404
    assert_throttled(guesser.get(link))
    assert_throttled(guesser.post(f"{link}save/", {}))
    assert client_from(IP_B).get(link).status_code == 200


def test_a_stakeholders_own_requests_are_never_counted(invitation, questionnaire):
    link = invitation.get_absolute_url()
    question = questionnaire.questions.filter(kind="long_text").first()
    stakeholder = client_from(IP_A)
    for n in range(10):
        response = stakeholder.post(
            f"{link}save/", {"question": question.pk, f"q_{question.pk}": f"draft {n}"}
        )
        assert response.status_code == 200
    # A question that is gone is refused (400), but not a failed link: not counted.
    for _ in range(4):
        assert stakeholder.post(f"{link}save/", {"question": 999999}).status_code == 400
    assert stakeholder.get(link).status_code == 200


def test_a_stale_tab_of_a_revoked_link_never_locks_the_room_out(invitation, questionnaire):
    """A revoked link was signed by us, so it is not a guess: a tab still
    autosaving on it must not use up the room's shared IP allowance."""
    old_link = invitation.get_absolute_url()
    question = questionnaire.questions.filter(kind="long_text").first()
    invitation_reissue(invitation=invitation)
    room = client_from(IP_A)
    for n in range(10):
        response = room.post(
            f"{old_link}save/", {"question": question.pk, f"q_{question.pk}": f"draft {n}"}
        )
        assert response.status_code == 404
    assert room.get(invitation.get_absolute_url()).status_code == 200


# --- settings and the shared cache ---------------------------------------------


def test_limits_are_read_as_tries_per_seconds(monkeypatch):
    monkeypatch.setenv("THROTTLE_X", "7/60")
    assert env_limit("THROTTLE_X", "5/900") == (7, 60)
    assert env_limit("THROTTLE_UNSET", "5/900") == (5, 900)
    monkeypatch.setenv("THROTTLE_X", "seven")
    with pytest.raises(Exception, match="tries/seconds"):
        env_limit("THROTTLE_X", "5/900")


def test_counters_live_in_the_shared_database_cache_by_default(facilitator, settings):
    assert settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache")
    sign_in(client_from(IP_A), "frida", "wrong")
    assert cache.get(throttle._key(throttle.SIGN_IN_ACCOUNT, "frida"))[0] == 1


def test_ipv6_clients_are_counted_per_64_network(rf):
    one = rf.get("/", REMOTE_ADDR="2001:db8:1:2::1")
    two = rf.get("/", REMOTE_ADDR="2001:db8:1:2:ffff::9")
    assert throttle.client_ip(one) == throttle.client_ip(two) == "2001:db8:1:2::/64"


def test_behind_a_proxy_the_client_is_the_last_forwarded_address(rf, settings):
    settings.THROTTLE_TRUST_X_FORWARDED_FOR = True
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7")
    assert throttle.client_ip(request) == IP_A
    settings.THROTTLE_TRUST_X_FORWARDED_FOR = False
    assert throttle.client_ip(request) == "10.0.0.1"


def _redis_answers() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _redis_answers(), reason="no Redis on 127.0.0.1:6379")
def test_it_throttles_with_redis_as_the_shared_cache(facilitator, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/1",
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        }
    }
    try:
        client = client_from(IP_A)
        for _ in range(3):
            assert sign_in(client, "frida", "wrong").status_code == 200
        assert sign_in(client, "frida", PASSWORD).status_code == 429
        assert sign_in(client_from(IP_B), "otto", "wrong").status_code == 200
    finally:
        for name in (throttle.SIGN_IN_ACCOUNT, throttle.SIGN_IN_IP):
            for subject in ("frida", "otto", IP_A, IP_B):
                cache.delete(throttle._key(name, subject))
