"""Throttling of everything that can be guessed or abused at full speed.

Sign-in (per account and per IP), password reset (per address and per IP),
join codes and invite links (failed lookups per IP). The counters live in
Django's default cache: Redis when `REDIS_URL` is set, the database cache
otherwise, so every server process sees the same counts (the in-process
cache would let an attacker spread tries over workers).

A limit in `settings.THROTTLES` is (tries, seconds). The window starts with
the first counted try; once `tries` tries are counted, every request on that
key gets the 429 page until the window ends, the right password included.
Keys are hashed: no address or username is stored in the cache in clear.
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
import time
from collections.abc import Callable, Iterable
from functools import wraps

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy

TOO_MANY_TRIES = gettext_lazy(
    "Too many tries from here in a short time. To keep accounts and links safe, this is paused: "
    "please try again in %(minutes)d minutes."
)

SIGN_IN_ACCOUNT = "sign_in_account"
SIGN_IN_IP = "sign_in_ip"
PASSWORD_RESET_ADDRESS = "password_reset_address"  # noqa: S105 - a limit's name
PASSWORD_RESET_IP = "password_reset_ip"  # noqa: S105 - a limit's name
JOIN_CODE_IP = "join_code_ip"
INVITE_LINK_IP = "invite_link_ip"
JOIN_EMAIL_ADDRESS = "join_email_address"

Check = tuple[str, str]  # (limit name, what is counted: an IP, an account, an address)


def client_ip(request: HttpRequest) -> str:
    """The client's address; IPv6 counts per /64, which one client usually holds whole."""
    address = request.META.get("REMOTE_ADDR", "")
    if settings.THROTTLE_TRUST_X_FORWARDED_FOR:
        # The rightmost entry is the one our own proxy added; the others are the client's word.
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        address = forwarded or address
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address[:64]
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def normalized(text: str) -> str:
    return text.strip().casefold()


def _key(name: str, subject: str) -> str:
    digest = hashlib.sha256(subject.encode("utf-8", "surrogatepass")).hexdigest()
    return f"throttle:{name}:{digest}"


def wait_seconds(checks: Iterable[Check]) -> int:
    """Seconds until all of `checks` are below their limit again; 0 when none is reached."""
    checks = list(checks)
    entries = cache.get_many([_key(name, subject) for name, subject in checks])
    now = time.time()
    wait = 0.0
    for name, subject in checks:
        count, ends_at = entries.get(_key(name, subject), (0, now))
        tries, _seconds = settings.THROTTLES[name]
        if count >= tries and ends_at > now:
            wait = max(wait, ends_at - now)
    return math.ceil(wait)


def record(name: str, subject: str) -> None:
    """Count one try; the first one starts the window."""
    key = _key(name, subject)
    now = time.time()
    count, ends_at = cache.get(key, (0, 0.0))
    if ends_at <= now:
        count, ends_at = 0, now + settings.THROTTLES[name][1]
    cache.set(key, (count + 1, ends_at), timeout=max(1, math.ceil(ends_at - now)))


def forget(name: str, subject: str) -> None:
    cache.delete(_key(name, subject))


def too_many_tries(request: HttpRequest, seconds: int) -> HttpResponse:
    minutes = max(1, math.ceil(seconds / 60))
    message = TOO_MANY_TRIES % {"minutes": minutes}
    response = render(request, "429.html", {"message": message}, status=429)
    response["Retry-After"] = str(seconds)
    return response


def _refuse_when(checks_for: Callable[[HttpRequest], list[Check]]):
    """Decorator: answer 429 while any of the request's checks is at its limit."""

    def decorate(view):
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs):
            checks = checks_for(request)
            wait = wait_seconds(checks) if checks else 0
            if wait:
                return too_many_tries(request, wait)
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


def _sign_in_checks(request: HttpRequest) -> list[Check]:
    if request.method != "POST":
        return []
    account = normalized(request.POST.get("username", ""))
    return [(SIGN_IN_IP, client_ip(request)), (SIGN_IN_ACCOUNT, account)]


# Failures are counted from Django's own signal, so every sign-in form counts.
sign_in_throttled = _refuse_when(_sign_in_checks)


@receiver(user_login_failed, dispatch_uid="throttle_count_failed_sign_in")
def _count_failed_sign_in(sender, credentials, request=None, **kwargs) -> None:
    if request is None:  # e.g. a management command, not a client
        return
    record(SIGN_IN_IP, client_ip(request))
    record(SIGN_IN_ACCOUNT, normalized(credentials.get("username", "")))


@receiver(user_logged_in, dispatch_uid="throttle_forget_sign_in_failures")
def _forget_account_failures(sender, request, user, **kwargs) -> None:
    # The account's count starts again; the IP's does not, or an attacker with one
    # account of their own could reset it between guesses.
    if request is not None and request.method == "POST":
        forget(SIGN_IN_ACCOUNT, normalized(request.POST.get("username", "")))


def password_reset_throttled(view):
    """Every reset request counts, per address asked for and per IP."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        checks = [
            (PASSWORD_RESET_IP, client_ip(request)),
            (PASSWORD_RESET_ADDRESS, normalized(request.POST.get("email", ""))),
        ]
        wait = wait_seconds(checks)
        if wait:
            return too_many_tries(request, wait)
        for name, subject in checks:
            record(name, subject)
        return view(request, *args, **kwargs)

    return wrapper


def failed_lookups_throttled(name: str, failure: type[Exception] = Http404):
    """Decorator: count the view's failed lookups (`failure` raised) per IP.

    Past the limit, every request from that IP gets 429, a good code or link
    included (otherwise the answer would still tell which guess was right).
    Successful lookups are never counted.
    """

    def decorate(view):
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs):
            ip = client_ip(request)
            wait = wait_seconds([(name, ip)])
            if wait:
                return too_many_tries(request, wait)
            try:
                return view(request, *args, **kwargs)
            except failure:
                record(name, ip)
                raise

        return wrapper

    return decorate


def allow(name: str, subject: str) -> bool:
    """Count one try of `subject` and say whether it is within the limit (a silent limit)."""
    if wait_seconds([(name, subject)]):
        return False
    record(name, subject)
    return True
