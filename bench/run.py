"""`make bench`: each target's speed as a ratio to a minimal Django view, under gunicorn.

    make bench        # or: .venv/bin/python bench/run.py [--rounds 3] [--duration 4]

A throwaway SQLite database gets the demo data; gunicorn serves the app with
production settings (DEBUG off, HTTPS_ONLY off so plain http works locally)
plus one bench-only route, `/_bench/minimal/` (a tiny template, no database;
see bench/settings.py). `wrk` puts 20 connections of load on each target,
each run paired with a run of the minimal view just before it, round after
round, so both see the same machine. The ratio (target req/s ÷ minimal req/s
of its pair) holds on a shared, noisy machine where raw figures do not.

SQL queries per request are counted separately, with Django's test client,
on a second request (the steady state a stakeholder sees while typing).
It prints figures only; nothing fails on a time. To add a row, add one
`Target` to TARGETS.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, Python puts bench/ first on the path; the project root belongs there.
sys.path[0] = str(ROOT)

CONNECTIONS = 20
WORKERS = 2
PREFERRED_PORT = 8765
WARM_UP_SECONDS = 2
ANSWER = "What worked best was the day our sales team saw the whole customer history. " * 3


@dataclass(frozen=True)
class Target:
    """One row of the table. `path` and `body` may name the placeholders that
    `placeholders()` fills from the demo data: {page}, {autosave}, {question},
    {field}, {answer}."""

    name: str
    path: str
    method: str = "GET"
    body: str = ""


BASELINE = Target("minimal Django view", "/_bench/minimal/")
TARGETS = [
    Target("stakeholder page (GET)", "{page}"),
    Target("autosave (POST)", "{autosave}", "POST", "question={question}&{field}={answer}"),
]


@dataclass
class Run:
    requests_per_s: float
    p50_ms: float
    p95_ms: float
    failed: int


# --- The database and the app --------------------------------------------------


def bench_environment(workdir: Path) -> dict[str, str]:
    """Production settings, a throwaway database, nothing shared with the machine."""
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=f"sqlite:///{workdir / 'bench.sqlite3'}",
        SECRET_KEY="bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1",
        HTTPS_ONLY="0",
        EMAIL_URL="locmem:",
        LOG_LEVEL="WARNING",
    )
    return env


def prepare_database() -> dict[str, str]:
    """Migrate, seed the demo, and return the placeholders of the targets."""
    import django

    django.setup()
    from django.core.management import call_command

    from questionnaires.models import Invitation, QuestionKind, Response

    with open(os.devnull, "w") as devnull:
        call_command("migrate", verbosity=0, stdout=devnull)
        call_command("createcachetable", verbosity=0, stdout=devnull)
        call_command("seed_demo", quiet_credentials=True, stdout=devnull)
    # Someone half-way through: a response with answers, not yet submitted.
    started = Response.objects.filter(submitted_at__isnull=True).values("stakeholder_id")
    invitation = (
        Invitation.objects.active()
        .filter(stakeholder_id__in=started)
        .select_related("questionnaire", "stakeholder")
        .order_by("pk")
        .first()
    ) or Invitation.objects.active().order_by("pk").first()
    question = next(
        q
        for q in invitation.questionnaire.questions.current().order_by("order")
        if q.kind == QuestionKind.LONG_TEXT and q.shown_to(invitation.stakeholder)
    )
    page = invitation.get_absolute_url()
    return {
        "page": page,
        "autosave": f"{page}save/",
        "question": str(question.pk),
        "field": f"q_{question.pk}",
        "answer": quote(ANSWER),
    }


def count_queries(target: Target, values: dict[str, str]) -> int:
    """SQL queries of one request, after a first one (the steady state)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    path, body = target.path.format(**values), target.body.format(**values)

    def request():
        if target.method == "POST":
            return client.post(path, body, content_type="application/x-www-form-urlencoded")
        return client.get(path)

    request()
    with CaptureQueriesContext(connection) as queries:
        response = request()
    if response.status_code != 200:
        sys.exit(f"{target.name}: {path} answered {response.status_code}, not 200")
    return len(queries)


def free_port(preferred: int) -> int:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", preferred))
        except OSError:
            sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env: dict[str, str], port: int, log: Path) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "crmvision.wsgi:application",
        f"--workers={WORKERS}",
        f"--bind=127.0.0.1:{port}",
        f"--chdir={ROOT}",
        "--log-level=warning",
        f"--error-logfile={log}",
    ]
    # Its own process group, so stopping it also stops its workers.
    return subprocess.Popen(
        command, env=env, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL
    )


def wait_until_serving(server: subprocess.Popen, base: str, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn stopped at start:\n{log.read_text()}")
        try:
            urllib.request.urlopen(base + BASELINE.path, timeout=5).close()
            return
        except OSError:  # refused while booting, or a timeout on a busy machine
            time.sleep(0.2)
    sys.exit(f"gunicorn did not answer within 60 s:\n{log.read_text()}")


def stop(server: subprocess.Popen) -> None:
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def csrf_token(base: str, page: str) -> str:
    """The token a browser holds after opening the page (autosave checks CSRF)."""
    with urllib.request.urlopen(base + page, timeout=10) as response:
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            if name.strip() == "csrftoken":
                return rest.split(";", 1)[0]
    sys.exit(f"{page} set no csrftoken cookie")


def check_status(base: str, target: Target, values: dict[str, str], token: str) -> None:
    """Every target must answer 200 over HTTP before its figures mean anything."""
    body = target.body.format(**values).encode() if target.method == "POST" else None
    request = urllib.request.Request(
        base + target.path.format(**values),
        data=body,
        method=target.method,
        headers={"Cookie": f"csrftoken={token}", "X-CSRFToken": token}
        | ({"Content-Type": "application/x-www-form-urlencoded"} if body else {}),
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    if status != 200:
        sys.exit(f"{target.name}: answered {status} under gunicorn, not 200")


# --- Load ----------------------------------------------------------------------


def wrk(base: str, target: Target, values: dict[str, str], token: str, seconds: int) -> Run:
    env = os.environ | {
        "BENCH_METHOD": target.method,
        "BENCH_BODY": target.body.format(**values),
        "BENCH_CSRF": token,
    }
    command = [
        "wrk",
        f"--threads={min(2, CONNECTIONS)}",
        f"--connections={CONNECTIONS}",
        f"--duration={seconds}s",
        "--timeout=10s",
        f"--script={ROOT / 'bench' / 'wrk.lua'}",
        base + target.path.format(**values),
    ]
    output = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    # Requests wrk gave up on are still queued in gunicorn: let them finish, so
    # the next run does not pay for this one.
    urllib.request.urlopen(base + BASELINE.path, timeout=120).close()
    line = next((row for row in output.splitlines() if row.startswith("BENCH ")), None)
    if line is None:
        sys.exit(f"wrk printed no result for {target.name}:\n{output}")
    result = json.loads(line.removeprefix("BENCH "))
    return Run(
        requests_per_s=result["requests"] / (result["duration_us"] / 1e6),
        p50_ms=result["p50_us"] / 1000,
        p95_ms=result["p95_us"] / 1000,
        failed=result["errors"] + result["bad_status"],
    )


# --- Report --------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    with open("/proc/cpuinfo") as cpuinfo:
        for row in cpuinfo:
            if row.startswith("model name"):
                cpu = row.split(":", 1)[1].strip()
                break
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"{os.cpu_count()} CPUs ({cpu}), load average {load}, Python {platform.python_version()}"


def table(rows: list[tuple[Target, list[Run], list[float], int]]) -> str:
    lines = [
        "| target | req/s | p50 ms | p95 ms | × minimal (range) | SQL/request |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for target, runs, ratios, queries in rows:
        ratio = "1.00" if target is BASELINE else "n/a"
        if ratios:
            ratio = f"{statistics.median(ratios):.2f} ({min(ratios):.2f}–{max(ratios):.2f})"
        failed = sum(run.failed for run in runs)
        lines.append(
            f"| {target.name}{f' ({failed} failed)' if failed else ''} "
            f"| {statistics.median(r.requests_per_s for r in runs):,.0f} "
            f"| {statistics.median(r.p50_ms for r in runs):.1f} "
            f"| {statistics.median(r.p95_ms for r in runs):.1f} "
            f"| {ratio} | {queries} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="pairs of runs per target")
    parser.add_argument("--duration", type=int, default=4, help="seconds per wrk run")
    parser.add_argument("--port", type=int, default=PREFERRED_PORT)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: `make bench` installs it (Debian package wrk).")
    # A SIGTERM (a CI timeout, kill) still stops gunicorn through the finally below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    host = machine()  # the load average before our own load
    workdir = Path(tempfile.mkdtemp(prefix="crmvision-bench-"))
    server = None
    try:
        env = bench_environment(workdir)
        os.environ.clear()
        os.environ.update(env)
        print("Preparing the demo database…", flush=True)
        values = prepare_database()
        queries = {t: count_queries(t, values) for t in [BASELINE, *TARGETS]}
        from django.db import connections

        connections.close_all()

        port = free_port(args.port)
        base = f"http://127.0.0.1:{port}"
        server = start_gunicorn(env, port, workdir / "gunicorn.log")
        wait_until_serving(server, base, workdir / "gunicorn.log")
        token = csrf_token(base, values["page"])
        for target in [BASELINE, *TARGETS]:
            check_status(base, target, values, token)
            wrk(base, target, values, token, WARM_UP_SECONDS)
        print(
            f"gunicorn ({WORKERS} workers) on {base}, wrk with {CONNECTIONS} connections, "
            f"{args.rounds} rounds of {args.duration} s per run…",
            flush=True,
        )
        baseline_runs: list[Run] = []
        runs: dict[Target, list[Run]] = {t: [] for t in TARGETS}
        ratios: dict[Target, list[float]] = {t: [] for t in TARGETS}
        for _round in range(args.rounds):
            for target in TARGETS:
                pair = wrk(base, BASELINE, values, token, args.duration)
                run = wrk(base, target, values, token, args.duration)
                baseline_runs.append(pair)
                runs[target].append(run)
                if pair.requests_per_s and not (pair.failed or run.failed):
                    ratios[target].append(run.requests_per_s / pair.requests_per_s)
                print(
                    f"  round {_round + 1}: minimal {pair.requests_per_s:,.0f} req/s, "
                    f"{target.name} {run.requests_per_s:,.0f} req/s"
                    + (f", {pair.failed + run.failed} failed" if pair.failed or run.failed else ""),
                    flush=True,
                )
    finally:
        if server is not None:
            stop(server)
        shutil.rmtree(workdir, ignore_errors=True)

    rows = [(BASELINE, baseline_runs, [], queries[BASELINE])]
    rows += [(t, runs[t], ratios[t], queries[t]) for t in TARGETS]
    print()
    print(table(rows))
    print()
    print(f"Machine: {host}.")
    print("Medians over the rounds; × minimal is req/s over the minimal view's run just before.")


if __name__ == "__main__":
    main()
