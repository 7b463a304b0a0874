"""Load benchmark of the commerce API: search, seed search and order creation.

For each backend (SQLite, PostgreSQL) this starts a fresh ``voicecart serve`` subprocess
on a free loopback port with a fresh database, waits for ``GET /ready``, then runs each
scenario with N concurrent closed-loop clients (every client sends its next request as
soon as the previous answer is read). A warm-up is run first and discarded. Per-request
latency is taken with ``time.perf_counter_ns`` around the whole request, body included.

Scenarios, in order:

* ``health``      ``GET /health``: the framework + loopback floor (the baseline)
* ``search``      ``GET /api/products?q=…&limit=10``: free-text search, ~20 spoken queries
* ``seed_search`` ``GET /api/products/search?category=…&price=…``: the seed's filter search
* ``order``       ``POST /api/orders``: one line, quantity 1, unique ``Idempotency-Key``

Stock is never refilled: the order scenario rotates over the ``--order-products`` products
with the most stock, and ``409`` (out of stock) answers are counted apart from errors.

The client shares the machine with the server (and with PostgreSQL), so the client's own
CPU time, the server process's CPU time (also per request) and the rest of the machine's
busy time are reported for each measured window. The server is one process (``voicecart
serve`` has no ``--workers`` option) and runs at log level ``warning`` (no access log) by
default. Traffic goes only to 127.0.0.1. Results are described in docs/benchmarks.md.

Usage::

    .venv/bin/python bench/commerce.py [--clients 50] [--duration 10] [--warmup 2]
        [--backends sqlite,postgres] [--order-products 30] [--json PATH] [--markdown]

Targets (reported as met / not met, never asserted): search p99 < 10 ms, order p99 < 20 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import math
import os
import platform
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import urlencode

import aiohttp
import asyncpg  # type: ignore[import-untyped]
from rich.console import Console
from rich.markup import escape
from rich.table import Table

HOST = "127.0.0.1"
REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PG_ADMIN_DSN = "postgresql://127.0.0.1:5432/test"

SEARCH_QUERIES: tuple[str, ...] = (
    "runing shoos under fifty",
    "wireless earbuds",
    "coffe maker",
    "red t shirt",
    "tent for two people",
    "hiking boots under a hundred",
    "cold pack",
    "yoga mat",
    "blender for smoothies",
    "toys for a five year old",
    "sun screen",
    "bluetooth speaker waterproof",
    "rain jacket",
    "face moisturiser",
    "board game for the family",
    "sleeping bag",
    "basket ball",
    "vitamin d",
    "noise canceling headphones under two hundred",
    "non stick frying pan",
    "womens running shoes size eight",
    "water bottle",
)
SEED_CATEGORIES: tuple[str, ...] = (
    "footwear",
    "electronics",
    "clothing",
    "home-kitchen",
    "outdoor",
    "sports",
    "beauty",
    "toys",
    "health",
)
SEED_PRICES: tuple[int, ...] = (50, 100, 200)
# Scenario name -> p99 target in milliseconds.
TARGETS_MS: dict[str, float] = {"search": 10.0, "seed_search": 10.0, "order": 20.0}

console = Console()
if not console.is_terminal:  # files and pipes: wide enough for the result table
    console = Console(width=150)
err_console = Console(stderr=True)


# --------------------------------------------------------------------------- requests


@dataclass(frozen=True)
class Call:
    """One HTTP request of a scenario."""

    method: str
    path: str
    body: bytes | None = None
    headers: dict[str, str] | None = None


@dataclass(frozen=True)
class Scenario:
    name: str
    description: str
    build: Callable[[int], Call]  # sequence number -> request
    expected_statuses: frozenset[int] = frozenset()  # non-2xx statuses that are not errors


def health_scenario() -> Scenario:
    call = Call("GET", "/health")
    return Scenario("health", "GET /health (baseline)", lambda _n: call)


def search_scenario() -> Scenario:
    calls = [
        Call("GET", "/api/products?" + urlencode({"q": q, "limit": 10})) for q in SEARCH_QUERIES
    ]
    return Scenario(
        "search",
        f"GET /api/products?q=…&limit=10 ({len(calls)} queries)",
        lambda n: calls[n % len(calls)],
    )


def seed_search_scenario() -> Scenario:
    calls: list[Call] = []
    for category, price in itertools.product(SEED_CATEGORIES, SEED_PRICES):
        for spelled in (category, category.upper(), category.title()):
            query = urlencode({"category": spelled, "price": price})
            calls.append(Call("GET", "/api/products/search?" + query))
    # Interleave so consecutive requests differ in category, case and price.
    order = sorted(range(len(calls)), key=lambda i: (i % 3, i))
    calls = [calls[i] for i in order]
    return Scenario(
        "seed_search",
        f"GET /api/products/search?category=…&price=… ({len(calls)} variants)",
        lambda n: calls[n % len(calls)],
    )


def order_scenario(product_ids: list[int]) -> Scenario:
    run = secrets.token_hex(4)

    def build(n: int) -> Call:
        product_id = product_ids[n % len(product_ids)]
        body = json.dumps({"lines": [{"product_id": product_id, "quantity": 1}]}).encode()
        headers = {"Content-Type": "application/json", "Idempotency-Key": f"bench-{run}-{n}"}
        return Call("POST", "/api/orders", body, headers)

    return Scenario(
        "order",
        f"POST /api/orders (1 line, qty 1, rotating over {len(product_ids)} products)",
        build,
        expected_statuses=frozenset({409}),
    )


# --------------------------------------------------------------------------- measuring


def _ticks_per_second() -> int:
    try:
        return int(os.sysconf("SC_CLK_TCK"))
    except (ValueError, OSError, AttributeError):
        return 100


CLK_TCK = _ticks_per_second()


def process_cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (all its threads), from /proc; None elsewhere."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime, stime


def machine_busy_seconds() -> float | None:
    """CPU seconds spent busy by the whole machine (all cores) since boot; None elsewhere."""
    try:
        with open("/proc/stat") as fh:
            parts = fh.readline().split()
    except OSError:
        return None
    values = [int(v) for v in parts[1:9]]
    idle = values[3] + values[4]  # idle + iowait
    return (sum(values) - idle) / CLK_TCK


def background_load(seconds: float = 1.0) -> float | None:
    """Cores kept busy by other processes while the benchmark itself idles."""
    before = machine_busy_seconds()
    time.sleep(seconds)
    after = machine_busy_seconds()
    return None if before is None or after is None else (after - before) / seconds


@dataclass
class CpuSnapshot:
    client: float
    server: float | None
    machine: float | None
    wall: float

    @classmethod
    def take(cls, server_pid: int) -> CpuSnapshot:
        return cls(
            client=time.process_time(),
            server=process_cpu_seconds(server_pid),
            machine=machine_busy_seconds(),
            wall=time.perf_counter(),
        )


def _delta(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else b - a


@dataclass
class Recorder:
    """Samples of one scenario; only requests started at or after ``measure_from_ns`` count."""

    measure_from_ns: int
    latencies_ns: list[int] = field(default_factory=list)
    ok_latencies_ns: list[int] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    exceptions: Counter[str] = field(default_factory=Counter)
    samples_by_kind: dict[str, list[str]] = field(default_factory=dict)
    warmup_requests: int = 0
    last_end_ns: int = 0

    def measuring(self, start_ns: int) -> bool:
        return start_ns >= self.measure_from_ns

    def add(self, start_ns: int, end_ns: int, status: int) -> None:
        if not self.measuring(start_ns):
            self.warmup_requests += 1
            return
        latency = end_ns - start_ns
        self.latencies_ns.append(latency)
        if 200 <= status < 300:
            self.ok_latencies_ns.append(latency)
        self.statuses[status] += 1
        self.last_end_ns = max(self.last_end_ns, end_ns)

    def add_exception(self, start_ns: int, end_ns: int, exc: BaseException) -> None:
        if not self.measuring(start_ns):
            self.warmup_requests += 1
            return
        self.exceptions[type(exc).__name__] += 1
        self.last_end_ns = max(self.last_end_ns, end_ns)
        self.sample(type(exc).__name__, f"{type(exc).__name__}: {exc}")

    def sample(self, kind: str, text: str) -> None:
        """Keep the first two examples of each kind of error."""
        kept = self.samples_by_kind.setdefault(kind, [])
        if len(kept) < 2:
            kept.append(text[:300])

    @property
    def error_samples(self) -> list[str]:
        return [text for kept in self.samples_by_kind.values() for text in kept]

    @property
    def count(self) -> int:
        return len(self.latencies_ns) + sum(self.exceptions.values())


def percentile_ms(sorted_ns: list[int], pct: float) -> float | None:
    """Nearest-rank percentile in milliseconds of an ascending list of nanoseconds."""
    if not sorted_ns:
        return None
    rank = max(1, math.ceil(pct / 100 * len(sorted_ns)))
    return sorted_ns[rank - 1] / 1e6


def latency_summary(samples_ns: list[int]) -> dict[str, float | None]:
    ordered = sorted(samples_ns)
    return {
        "p50_ms": percentile_ms(ordered, 50),
        "p95_ms": percentile_ms(ordered, 95),
        "p99_ms": percentile_ms(ordered, 99),
        "max_ms": ordered[-1] / 1e6 if ordered else None,
        "mean_ms": sum(ordered) / len(ordered) / 1e6 if ordered else None,
    }


@dataclass
class ScenarioResult:
    name: str
    description: str
    clients: int
    duration_s: float
    requests: int
    warmup_requests: int
    rps: float
    latency: dict[str, float | None]  # every answered request (2xx and error statuses)
    latency_2xx: dict[str, float | None]  # successful requests only
    ok: int
    expected_statuses: list[int]  # non-2xx statuses this scenario treats as normal
    expected_errors: dict[str, int]
    unexpected_errors: dict[str, int]
    error_samples: list[str]
    client_cpu_s: float
    server_cpu_s: float | None
    machine_busy_s: float | None
    baseline_p99_ratio: float | None = None
    note: str | None = None

    @property
    def server_cpu_per_request_ms(self) -> float | None:
        """Server process CPU per request: the steadiest number on a shared machine."""
        if self.server_cpu_s is None or not self.requests:
            return None
        return 1000 * self.server_cpu_s / self.requests

    @property
    def expected_count(self) -> int:
        return sum(self.expected_errors.values())

    @property
    def unexpected_count(self) -> int:
        return sum(self.unexpected_errors.values())

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "clients": self.clients,
            "duration_s": round(self.duration_s, 3),
            "requests": self.requests,
            "warmup_requests": self.warmup_requests,
            "rps": round(self.rps, 1),
            "latency_ms": _rounded(self.latency),
            "latency_2xx_ms": _rounded(self.latency_2xx),
            "ok": self.ok,
            "expected_statuses": self.expected_statuses,
            "expected_errors": self.expected_errors,
            "unexpected_errors": self.unexpected_errors,
            "error_samples": self.error_samples,
            "client_cpu_s": round(self.client_cpu_s, 3),
            "server_cpu_s": None if self.server_cpu_s is None else round(self.server_cpu_s, 3),
            "server_cpu_per_request_ms": (
                None
                if self.server_cpu_per_request_ms is None
                else round(self.server_cpu_per_request_ms, 3)
            ),
            "machine_busy_cpu_s": (
                None if self.machine_busy_s is None else round(self.machine_busy_s, 3)
            ),
            "p99_over_baseline_p99": (
                None if self.baseline_p99_ratio is None else round(self.baseline_p99_ratio, 2)
            ),
            "target_p99_ms": TARGETS_MS.get(self.name),
            "note": self.note,
        }


def _rounded(values: dict[str, float | None]) -> dict[str, float | None]:
    return {k: None if v is None else round(v, 3) for k, v in values.items()}


# --------------------------------------------------------------------------- load loop


async def client_loop(
    http: aiohttp.ClientSession,
    base_url: str,
    scenario: Scenario,
    sequence: Iterator[int],
    recorder: Recorder,
    stop_at_ns: int,
) -> None:
    """One closed-loop client: send, read the whole answer, repeat until ``stop_at_ns``."""
    while True:
        start = time.perf_counter_ns()
        if start >= stop_at_ns:
            return
        call = scenario.build(next(sequence))
        try:
            async with http.request(
                call.method, base_url + call.path, data=call.body, headers=call.headers
            ) as resp:
                body = await resp.read()
                status = resp.status
        except (aiohttp.ClientError, TimeoutError) as exc:
            recorder.add_exception(start, time.perf_counter_ns(), exc)
            await asyncio.sleep(0.01)  # do not spin if the server went away
            continue
        recorder.add(start, time.perf_counter_ns(), status)
        if recorder.measuring(start) and not 200 <= status < 300:
            recorder.sample(str(status), f"{status} {call.method} {call.path}: {body[:200]!r}")


async def show_progress(
    label: str, recorder: Recorder, started_ns: int, warmup_s: float, duration_s: float
) -> None:
    """A live status line on stderr (only when stderr is a terminal)."""
    if not sys.stderr.isatty():
        return
    total = warmup_s + duration_s
    while True:
        now = time.perf_counter_ns()
        elapsed = (now - started_ns) / 1e9
        if now < recorder.measure_from_ns:
            text = f"{label:<22} warm-up  {elapsed:5.1f}/{warmup_s:.1f}s"
        else:
            measured = max(1e-9, (now - recorder.measure_from_ns) / 1e9)
            errors = sum(recorder.exceptions.values()) + sum(
                n for status, n in recorder.statuses.items() if not 200 <= status < 300
            )
            text = (
                f"{label:<22} measure  {min(elapsed, total) - warmup_s:5.1f}/{duration_s:.1f}s"
                f"  {recorder.count:>7} req  {recorder.count / measured:8.1f} req/s"
                f"  non-2xx/failed {errors}"
            )
        sys.stderr.write("\r" + text.ljust(100)[:100])
        sys.stderr.flush()
        await asyncio.sleep(0.5)


async def run_scenario(
    http: aiohttp.ClientSession,
    base_url: str,
    scenario: Scenario,
    *,
    label: str,
    clients: int,
    warmup_s: float,
    duration_s: float,
    request_timeout_s: float,
    server_pid: int,
) -> ScenarioResult:
    started = time.perf_counter_ns()
    measure_from = started + int(warmup_s * 1e9)
    stop_at = measure_from + int(duration_s * 1e9)
    recorder = Recorder(measure_from_ns=measure_from)
    sequence = itertools.count()
    progress = asyncio.create_task(show_progress(label, recorder, started, warmup_s, duration_s))
    tasks = [
        asyncio.create_task(client_loop(http, base_url, scenario, sequence, recorder, stop_at))
        for _ in range(clients)
    ]
    try:
        await asyncio.sleep(max(0.0, (measure_from - time.perf_counter_ns()) / 1e9))
        before = CpuSnapshot.take(server_pid)
        # Bounded: no request starts after stop_at and each one has a timeout.
        _done, pending = await asyncio.wait(
            tasks, timeout=warmup_s + duration_s + request_timeout_s + 5
        )
        after = CpuSnapshot.take(server_pid)
        if pending:
            raise BenchError(f"{len(pending)} clients did not finish in time")
        for task in tasks:
            task.result()  # surface a client bug instead of hiding it
    finally:
        for task in (*tasks, progress):
            task.cancel()
        await asyncio.gather(*tasks, progress, return_exceptions=True)
        if sys.stderr.isatty():
            sys.stderr.write("\r" + " " * 100 + "\r")
            sys.stderr.flush()

    elapsed_s = max(recorder.last_end_ns - measure_from, stop_at - measure_from) / 1e9
    expected: dict[str, int] = {}
    unexpected: dict[str, int] = {}
    ok = 0
    for status, n in sorted(recorder.statuses.items()):
        if 200 <= status < 300:
            ok += n
        elif status in scenario.expected_statuses:
            expected[str(status)] = n
        else:
            unexpected[str(status)] = n
    for name, n in recorder.exceptions.items():
        unexpected[name] = n
    return ScenarioResult(
        name=scenario.name,
        description=scenario.description,
        clients=clients,
        duration_s=elapsed_s,
        requests=recorder.count,
        warmup_requests=recorder.warmup_requests,
        rps=recorder.count / elapsed_s,
        latency=latency_summary(recorder.latencies_ns),
        latency_2xx=latency_summary(recorder.ok_latencies_ns),
        ok=ok,
        expected_statuses=sorted(scenario.expected_statuses),
        expected_errors=expected,
        unexpected_errors=unexpected,
        error_samples=recorder.error_samples,
        client_cpu_s=after.client - before.client,
        server_cpu_s=_delta(before.server, after.server),
        machine_busy_s=_delta(before.machine, after.machine),
    )


# --------------------------------------------------------------------------- server


class BenchError(RuntimeError):
    """The benchmark could not run (server did not start, database unreachable …)."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def voicecart_command() -> list[str]:
    script = Path(sys.executable).with_name("voicecart")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "voicecart.cli"]


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    """Linux: have the server receive SIGTERM if this benchmark process dies abruptly."""
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    port: int
    log_path: Path

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no server log)"
        return "\n".join(text.splitlines()[-lines:])


def start_server(database_url: str, workdir: Path, log_level: str) -> Server:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("VOICECART_")}
    # Run this checkout's code whatever the install looks like (an editable install made
    # before voicecart/__init__.py existed resolves ``voicecart`` as a namespace package).
    pythonpath = [str(REPO_ROOT), *filter(None, [env.get("PYTHONPATH")])]
    env.update(
        PYTHONPATH=os.pathsep.join(pythonpath),
        VOICECART_DATABASE_URL=database_url,
        VOICECART_LOG_LEVEL=log_level,
        PYTHONUNBUFFERED="1",
    )
    log_path = workdir / "server.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [*voicecart_command(), "serve", "--host", HOST, "--port", str(port)],
            cwd=workdir,  # no stray .env from the caller's directory
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches the benchmark, which stops the server
            preexec_fn=_die_with_parent if sys.platform == "linux" else None,
        )
    return Server(process=process, port=port, log_path=log_path)


def stop_server(server: Server) -> None:
    proc = server.process
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


async def wait_ready(http: aiohttp.ClientSession, server: Server, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    last = "no answer"
    while time.monotonic() < deadline:
        code = server.process.poll()
        if code is not None:
            raise BenchError(f"server exited with code {code}")
        try:
            async with http.get(server.base_url + "/ready") as resp:
                body = await resp.read()
                if resp.status == 200:
                    return
                last = f"{resp.status} {body[:200]!r}"
        except (aiohttp.ClientError, TimeoutError) as exc:
            last = f"{type(exc).__name__}: {exc}"
        await asyncio.sleep(0.25)
    raise BenchError(f"server not ready after {timeout_s:.0f}s (last: {last})")


async def pick_order_products(http: aiohttp.ClientSession, base_url: str, count: int) -> list[int]:
    """The ``count`` in-stock products with the most stock (there is no restock endpoint)."""
    url = base_url + "/api/products?" + urlencode({"q": "", "limit": 100, "in_stock": "true"})
    async with http.get(url) as resp:
        if resp.status != 200:
            raise BenchError(f"GET {url} answered {resp.status}: {(await resp.read())[:200]!r}")
        payload = await resp.json()
    items = [i for i in payload.get("items", []) if int(i.get("stock", 0)) > 0]
    items.sort(key=lambda i: (-int(i["stock"]), int(i["id"])))
    return [int(i["id"]) for i in items[:count]]


# --------------------------------------------------------------------------- databases


def new_database_name() -> str:
    return f"vc_bench_{secrets.token_hex(4)}"


def _admin_dsn_with_db(admin_dsn: str, name: str) -> str:
    return admin_dsn.rsplit("/", 1)[0] + "/" + name


async def pg_create(admin_dsn: str, name: str) -> str:
    conn = await asyncpg.connect(admin_dsn, timeout=10)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
        version: str = await conn.fetchval("SHOW server_version")
    finally:
        await conn.close()
    return version


async def pg_drop(admin_dsn: str, name: str) -> None:
    conn = await asyncpg.connect(admin_dsn, timeout=10)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


# --------------------------------------------------------------------------- one backend


@dataclass
class BackendResult:
    backend: str
    database: str
    status: str = "ok"
    error: str | None = None
    db_version: str | None = None
    scenarios: list[ScenarioResult] = field(default_factory=list)
    server_startup_s: float | None = None
    background_busy_cores: float | None = None  # machine load before the server started

    def scenario(self, name: str) -> ScenarioResult | None:
        return next((s for s in self.scenarios if s.name == name), None)

    def as_json(self) -> dict[str, Any]:
        return {
            "backend": self.backend,
            "database": self.database,
            "status": self.status,
            "error": self.error,
            "db_version": self.db_version,
            "server_startup_s": (
                None if self.server_startup_s is None else round(self.server_startup_s, 2)
            ),
            "background_busy_cores": (
                None if self.background_busy_cores is None else round(self.background_busy_cores, 2)
            ),
            "scenarios": [s.as_json() for s in self.scenarios],
            "targets": target_verdicts(self),
        }


async def load_backend(server: Server, args: argparse.Namespace, result: BackendResult) -> None:
    timeout = aiohttp.ClientTimeout(total=args.request_timeout)
    connector = aiohttp.TCPConnector(limit=args.clients + 5, ttl_dns_cache=None)
    async with aiohttp.ClientSession(
        connector=connector, timeout=timeout, raise_for_status=False
    ) as http:
        t0 = time.perf_counter()
        await wait_ready(http, server, args.startup_timeout)
        result.server_startup_s = time.perf_counter() - t0
        console.print(
            f"[bold]{result.backend}[/]: server ready on {server.base_url} "
            f"in {result.server_startup_s:.1f}s (pid {server.process.pid})"
        )
        scenarios: list[Callable[[], Scenario]] = [
            health_scenario,
            search_scenario,
            seed_search_scenario,
        ]
        for make in scenarios:
            result.scenarios.append(await _run(http, server, args, result.backend, make()))
        product_ids = await pick_order_products(http, server.base_url, args.order_products)
        if not product_ids:
            result.scenarios.append(_skipped("order", "no product in stock"))
        else:
            scenario = order_scenario(product_ids)
            result.scenarios.append(await _run(http, server, args, result.backend, scenario))
    baseline = result.scenario("health")
    base_p99 = baseline.latency["p99_ms"] if baseline else None
    for s in result.scenarios:
        p99 = s.latency["p99_ms"]
        if base_p99 and p99 is not None:
            s.baseline_p99_ratio = p99 / base_p99


async def _run(
    http: aiohttp.ClientSession,
    server: Server,
    args: argparse.Namespace,
    backend: str,
    scenario: Scenario,
) -> ScenarioResult:
    code = server.process.poll()
    if code is not None:
        raise BenchError(f"server exited with code {code}")
    result = await run_scenario(
        http,
        server.base_url,
        scenario,
        label=f"{backend}/{scenario.name}",
        clients=args.clients,
        warmup_s=args.warmup,
        duration_s=args.duration,
        request_timeout_s=args.request_timeout,
        server_pid=server.process.pid,
    )
    p99 = result.latency["p99_ms"]
    console.print(
        f"  {scenario.name:<12} {result.requests:>7} req  {result.rps:8.1f} req/s  "
        f"p99 {_fmt(p99)} ms  errors: {result.expected_count} expected, "
        f"{result.unexpected_count} unexpected"
    )
    return result


def _skipped(name: str, note: str) -> ScenarioResult:
    empty = latency_summary([])
    return ScenarioResult(
        name=name,
        description="skipped",
        clients=0,
        duration_s=0.0,
        requests=0,
        warmup_requests=0,
        rps=0.0,
        latency=empty,
        latency_2xx=empty,
        ok=0,
        expected_statuses=[],
        expected_errors={},
        unexpected_errors={},
        error_samples=[],
        client_cpu_s=0.0,
        server_cpu_s=None,
        machine_busy_s=None,
        note=note,
    )


def new_event_loop_factory(use_uvloop: bool) -> Callable[[], asyncio.AbstractEventLoop] | None:
    if not use_uvloop:
        return None
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


def run_backend(backend: str, args: argparse.Namespace) -> BackendResult:
    """Fresh database + fresh server, load it, and always clean both up."""
    loop_factory = new_event_loop_factory(args.uvloop)
    workdir = Path(tempfile.mkdtemp(prefix=f"vc_bench_{backend}_"))
    pg_name: str | None = None
    server: Server | None = None
    result = BackendResult(backend=backend, database="")
    try:
        result.background_busy_cores = background_load()
        if result.background_busy_cores is not None:
            console.print(
                f"{backend}: machine busy before start: "
                f"{result.background_busy_cores:.2f} cores (1 s sample, nothing of ours running)"
            )
        if backend == "sqlite":
            db_file = workdir / "voicecart.db"
            url = f"sqlite+aiosqlite:///{db_file}"
            result.database = str(db_file)
            result.db_version = f"SQLite {sqlite3.sqlite_version}"
        else:
            pg_name = new_database_name()
            version = asyncio.run(pg_create(args.pg_admin_dsn, pg_name))
            result.db_version = f"PostgreSQL {version}"
            result.database = pg_name
            url = _admin_dsn_with_db(args.pg_admin_dsn, pg_name).replace(
                "postgresql://", "postgresql+asyncpg://", 1
            )
        server = start_server(url, workdir, args.server_log_level)
        with asyncio.Runner(loop_factory=loop_factory) as runner:
            runner.run(load_backend(server, args, result))
    except BenchError as exc:
        result.status = "failed"
        result.error = str(exc)
    except Exception as exc:  # report it and go on with the next backend
        result.status = "failed"
        result.error = f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=8)}"
    finally:
        # Cleanup must finish even if Ctrl-C is pressed again.
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            if server is not None:
                stop_server(server)
                if result.status != "ok" and server.log_path.exists():
                    result.error = (result.error or "") + "\n--- server log ---\n"
                    result.error += server.log_tail()
            if pg_name is not None:
                try:
                    asyncio.run(pg_drop(args.pg_admin_dsn, pg_name))
                except (OSError, asyncpg.PostgresError, TimeoutError) as exc:
                    err_console.print(
                        f"[red]could not drop database {pg_name}: {exc}[/] "
                        f"(drop it by hand: DROP DATABASE {pg_name} WITH (FORCE))"
                    )
            shutil.rmtree(workdir, ignore_errors=True)
        finally:
            signal.signal(signal.SIGINT, previous)
    return result


# --------------------------------------------------------------------------- report


def machine_info(use_uvloop: bool) -> dict[str, Any]:
    cpu_model = platform.processor() or "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    mem_gib: float | None = None
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return {
        "nproc": affinity or os.cpu_count(),
        "cpu_count": os.cpu_count(),
        "cpu_model": cpu_model,
        "memory_gib": mem_gib,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "aiohttp": aiohttp.__version__,
        "client_event_loop": "uvloop" if new_event_loop_factory(use_uvloop) else "asyncio",
    }


def _fmt(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _pct_of_core(cpu_s: float | None, wall_s: float) -> str:
    if cpu_s is None or wall_s <= 0:
        return "-"
    return f"{100 * cpu_s / wall_s:.0f}%"


def _errors_text(errors: dict[str, int]) -> str:
    return ", ".join(f"{k}×{v}" for k, v in errors.items()) if errors else "0"


def target_verdicts(result: BackendResult) -> list[dict[str, Any]]:
    verdicts: list[dict[str, Any]] = []
    for name, target in TARGETS_MS.items():
        s = result.scenario(name)
        p99 = s.latency["p99_ms"] if s else None
        verdicts.append(
            {
                "scenario": name,
                "target_p99_ms": target,
                "p99_ms": None if p99 is None else round(p99, 3),
                "met": None if p99 is None else p99 < target,
            }
        )
    return verdicts


def verdict_line(result: BackendResult) -> str:
    parts = []
    for v in target_verdicts(result):
        state = "no data" if v["met"] is None else ("met" if v["met"] else "NOT met")
        parts.append(
            f"{v['scenario']} p99 {_fmt(v['p99_ms'])} < {v['target_p99_ms']:g} ms: {state}"
        )
    return "Targets — " + "; ".join(parts)


COLUMNS = (
    "scenario",
    "requests",
    "req/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "max ms",
    "409 (expected)",
    "unexpected",
    "p99/base p99",
    "client CPU",
    "server CPU",
    "server CPU/req ms",
    "other CPU",
)


def table_rows(result: BackendResult) -> list[list[str]]:
    rows = []
    for s in result.scenarios:
        lat = s.latency
        wall = s.duration_s
        other: float | None = None
        if s.machine_busy_s is not None:
            other = max(0.0, s.machine_busy_s - s.client_cpu_s - (s.server_cpu_s or 0.0))
        rows.append(
            [
                s.name,
                str(s.requests),
                f"{s.rps:.0f}",
                _fmt(lat["p50_ms"]),
                _fmt(lat["p95_ms"]),
                _fmt(lat["p99_ms"]),
                _fmt(lat["max_ms"]),
                _errors_text(s.expected_errors) if s.expected_statuses else "-",
                _errors_text(s.unexpected_errors),
                _fmt(s.baseline_p99_ratio, 1) + "×" if s.baseline_p99_ratio else "-",
                _pct_of_core(s.client_cpu_s, wall),
                _pct_of_core(s.server_cpu_s, wall),
                _fmt(s.server_cpu_per_request_ms),
                _pct_of_core(other, wall),
            ]
        )
    return rows


def print_table(result: BackendResult) -> None:
    title = f"{result.backend} ({result.db_version or 'unknown version'})"
    if result.status != "ok":
        console.print(f"[bold red]{title}: {result.status}[/]\n{result.error}")
    if not result.scenarios:
        return
    table = Table(title=title, title_justify="left")
    for i, column in enumerate(COLUMNS):
        table.add_column(column, justify="left" if i == 0 else "right")
    for row in table_rows(result):
        table.add_row(*row)
    console.print(table)
    if result.background_busy_cores is not None:
        console.print(
            f"Machine busy before the server started: {result.background_busy_cores:.2f} cores"
        )
    console.print(verdict_line(result))
    for s in result.scenarios:
        for sample in s.error_samples:
            console.print(f"  [yellow]{s.name} error sample:[/] {escape(sample)}")


def markdown_table(result: BackendResult) -> str:
    lines = [
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "|".join([":---"] + ["---:"] * (len(COLUMNS) - 1)) + "|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in table_rows(result)]
    return "\n".join(lines)


# --------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Load benchmark of the voicecart commerce API (loopback only)."
    )
    parser.add_argument("--clients", type=int, default=50, help="concurrent closed-loop clients")
    parser.add_argument("--duration", type=float, default=10.0, help="measured seconds/scenario")
    parser.add_argument("--warmup", type=float, default=2.0, help="discarded seconds/scenario")
    parser.add_argument(
        "--backends", default="sqlite,postgres", help="comma list of: sqlite, postgres"
    )
    parser.add_argument("--json", type=Path, default=None, metavar="PATH", help="write results")
    parser.add_argument("--markdown", action="store_true", help="also print Markdown tables")
    parser.add_argument(
        "--pg-admin-dsn",
        default=os.environ.get("VOICECART_BENCH_PG", DEFAULT_PG_ADMIN_DSN),
        help="PostgreSQL admin database used to create/drop the benchmark database",
    )
    parser.add_argument(
        "--order-products",
        type=int,
        default=30,
        help="order the N products with the most stock, in rotation (stock is never refilled)",
    )
    parser.add_argument("--startup-timeout", type=float, default=120.0, help="seconds")
    parser.add_argument("--request-timeout", type=float, default=30.0, help="seconds")
    parser.add_argument(
        "--server-log-level",
        default="warning",
        choices=["debug", "info", "warning", "error"],
        help="server log level (info turns on one access-log line per request)",
    )
    parser.add_argument(
        "--no-uvloop", dest="uvloop", action="store_false", help="client on plain asyncio"
    )
    args = parser.parse_args(argv)
    backends = [b.strip().lower() for b in args.backends.split(",") if b.strip()]
    aliases = {"pg": "postgres", "postgresql": "postgres"}
    backends = [aliases.get(b, b) for b in backends]
    unknown = sorted(set(backends) - {"sqlite", "postgres"})
    if unknown or not backends:
        parser.error(f"unknown backend(s): {', '.join(unknown) or '(none)'}")
    if args.clients < 1 or args.duration <= 0 or args.warmup < 0 or args.order_products < 1:
        parser.error("--clients and --order-products must be >= 1, --duration > 0, --warmup >= 0")
    if not (HOST in args.pg_admin_dsn or "localhost" in args.pg_admin_dsn):
        parser.error("--pg-admin-dsn must point at 127.0.0.1 (the benchmark stays on loopback)")
    args.backend_list = backends
    return args


def _sigterm_as_interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _sigterm_as_interrupt)
    machine = machine_info(args.uvloop)
    started = datetime.now(UTC)
    console.print(
        f"[bold]voicecart commerce benchmark[/] — {started:%Y-%m-%d %H:%M UTC}\n"
        f"machine: nproc {machine['nproc']} ({machine['cpu_model']}, "
        f"{machine['memory_gib']} GiB), Python {machine['python']}, "
        f"client aiohttp {machine['aiohttp']} on {machine['client_event_loop']}\n"
        f"load: {args.clients} closed-loop clients, {args.warmup:g}s warm-up (discarded) + "
        f"{args.duration:g}s measured per scenario; server: one process, "
        f"log level {args.server_log_level}; client and server share the machine",
        soft_wrap=True,
    )
    results: list[BackendResult] = []
    interrupted = False
    try:
        for backend in args.backend_list:
            results.append(run_backend(backend, args))
    except KeyboardInterrupt:
        interrupted = True
        err_console.print("[yellow]interrupted: server stopped, benchmark database dropped[/]")

    for result in results:
        console.print()
        print_table(result)
    if args.markdown:
        for result in results:
            console.print(f"\n### {result.backend} ({result.db_version})\n", markup=False)
            console.print(markdown_table(result), markup=False, soft_wrap=True)
            console.print("\n" + verdict_line(result), markup=False, soft_wrap=True)
    console.print(
        "\nLatency columns cover every answered request (2xx and error statuses); "
        "client/server CPU are % of one core over the measured window (server CPU/req: "
        "the server process's CPU time divided by the requests measured); "
        "'other CPU' is the rest of the machine's busy time in that window (PostgreSQL's "
        "processes, and anything else running)."
    )
    if args.json is not None:
        payload = {
            "benchmark": "commerce",
            "started_at": started.isoformat(timespec="seconds"),
            "command": " ".join([Path(sys.executable).name, *sys.argv]),
            "settings": {
                "clients": args.clients,
                "duration_s": args.duration,
                "warmup_s": args.warmup,
                "backends": args.backend_list,
                "server_log_level": args.server_log_level,
                "order_products": args.order_products,
                "request_timeout_s": args.request_timeout,
            },
            "targets_p99_ms": TARGETS_MS,
            "machine": machine,
            "interrupted": interrupted,
            "results": [r.as_json() for r in results],
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(payload, indent=2) + "\n")
        console.print(f"results written to {args.json}")
    if interrupted:
        return 130
    return 0 if results and all(r.status == "ok" for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
