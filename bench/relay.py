"""Relay benchmark: the latency the gateway adds to an audio round trip, and its CPU cost.

Three kinds of process, so no two share an event loop:

* the **fake upstream**: ``tests.fakes.voicelive_server.FakeVoiceLive(echo=True)``, started
  by this script (``relay.py _fake``); it answers every ``input_audio_buffer.append`` at
  once with a ``response.audio.delta`` carrying the same base64 audio;
* the **gateway**: ``voicecart serve`` (``VOICECART_ENGINE_URL`` = the fake), reached by the
  browser clients over ``POST /sessions`` + ``WS /ws/sessions/{id}``;
* the **load generator**: ``--client-procs`` worker processes, each one asyncio loop driving
  its share of the N clients.

For each N in ``--sessions``, two phases run one after the other:

1. **direct** (the baseline): N clients open the fake's ``/voice-live/realtime`` socket
   (header ``api-key``) and send ``input_audio_buffer.append``;
2. **gateway**: N clients ``POST /sessions``, open the session socket (subprotocols
   ``voicecart`` + ``voicecart.token.…``) and send ``audio_chunk`` (``pcm16``).

Every client streams 24 kHz PCM16 in ``--chunk-ms`` chunks in real time: chunk k is due at
``t0 + phase + k·chunk`` on the monotonic clock (clients are spread evenly over one chunk
period), so a late chunk never shifts the ones after it. The first three samples of each
chunk carry its sequence number and a magic value; the round trip is the time from just
before the send until the echo carrying the same stamp is read (``assistant_audio_delta``
via the gateway, ``response.audio.delta`` direct). Chunks sent during the first
``--warmup`` seconds are counted but left out of the percentiles. A chunk whose echo has
not come back ``--drain`` seconds after the last send is lost.

Reported per N: round-trip p50/p95/p99 via the gateway and direct, the added latency (the
difference of the two percentiles, not a percentile of differences), chunks
sent/received/lost, how late the clients sent (scheduling lag: a client that cannot keep
real time makes the numbers meaningless), the CPU seconds of each process over the
streaming window (``/proc/<pid>/stat``) and the gateway's CPU seconds per session per
second of audio; finally the session count at which the added p99 passes 10 ms.

The gateway talks to its upstream through the official ``azure-ai-voicelive`` SDK (over
aiohttp), as in production. ``--upstream-client raw`` starts it instead through
``relay.py _gateway``, which swaps ``VoiceLiveUpstream.connect`` for a plain ``websockets``
client (orjson, no SDK) before running the same ``serve`` command: the difference is
what the SDK costs. All traffic goes to 127.0.0.1.

Usage::

    .venv/bin/python bench/relay.py [--sessions 100,300,500] [--duration 10] [--chunk-ms 20]
        [--client-procs 1] [--upstream-client sdk|raw] [--json PATH] [--markdown]

Target (reported, never asserted): at least 300 concurrent sessions with added p99 < 10 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import binascii
import contextlib
import json
import math
import multiprocessing
import os
import platform
import secrets
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.error
import urllib.request
from array import array
from collections import Counter
from collections.abc import Coroutine, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnProcess
from pathlib import Path
from types import FrameType
from typing import Any, Final, Literal, TypeVar
from urllib.parse import urlencode

import aiohttp
import orjson
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

HOST: Final = "127.0.0.1"
REPO_ROOT: Final = Path(__file__).resolve().parents[1]
REALTIME_PATH: Final = "/voice-live/realtime"
API_VERSION: Final = "2025-10-01"
MODEL: Final = "gpt-4o-realtime-preview"

SAMPLE_RATE: Final = 24_000
BYTES_PER_SAMPLE: Final = 2
STAMP: Final = struct.Struct("<IH")  # sequence number, magic: 3 samples, 8 base64 chars
STAMP_MAGIC: Final = 0x5643  # "VC"
STAMP_B64_CHARS: Final = 8

TARGET_SESSIONS: Final = 300
TARGET_ADDED_P99_MS: Final = 10.0

FAKE_KEY_ENV: Final = "RELAY_BENCH_FAKE_API_KEY"
FAKE_MAX_LIFETIME_S: Final = 3 * 3600.0
FAKE_TRIM_INTERVAL_S: Final = 0.5
START_LEAD_S: Final = 0.5  # between "start" and the first chunk
PROGRESS_INTERVAL_S: Final = 0.25

Mode = Literal["direct", "gateway"]
T = TypeVar("T")


class BenchError(RuntimeError):
    """The benchmark cannot go on (a process died, a deadline passed)."""


# ---------------------------------------------------------------------------- CPU from /proc


def _ticks_per_second() -> int:
    try:
        return int(os.sysconf("SC_CLK_TCK"))
    except (ValueError, OSError, AttributeError):
        return 100


CLK_TCK: Final = _ticks_per_second()


def process_cpu_seconds(pid: int) -> float | None:
    """utime + stime of a process (all its threads); None when /proc cannot tell."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def machine_busy_seconds() -> float | None:
    """Busy CPU seconds of the whole machine (all cores) since boot."""
    try:
        with open("/proc/stat") as fh:
            parts = fh.readline().split()
    except OSError:
        return None
    values = [int(v) for v in parts[1:9]]
    return (sum(values) - values[3] - values[4]) / CLK_TCK  # minus idle, iowait


@dataclass
class CpuSnapshot:
    gateway: float | None
    upstream: float | None
    clients: float | None
    bench: float
    machine: float | None
    wall: float

    @classmethod
    def take(cls, gateway_pid: int, upstream_pid: int, client_pids: Sequence[int]) -> CpuSnapshot:
        per_client = [process_cpu_seconds(pid) for pid in client_pids]
        clients = None if any(c is None for c in per_client) else sum(c or 0.0 for c in per_client)
        return cls(
            gateway=process_cpu_seconds(gateway_pid),
            upstream=process_cpu_seconds(upstream_pid),
            clients=clients,
            bench=time.process_time(),
            machine=machine_busy_seconds(),
            wall=time.monotonic(),
        )

    def usage(self, after: CpuSnapshot) -> dict[str, float | None]:
        """CPU seconds per process between two snapshots; ``other``: everything else."""
        used = {
            "gateway": _delta(self.gateway, after.gateway),
            "upstream": _delta(self.upstream, after.upstream),
            "clients": _delta(self.clients, after.clients),
            "bench": after.bench - self.bench,
            "machine": _delta(self.machine, after.machine),
        }
        ours = [used[k] for k in ("gateway", "upstream", "clients", "bench")]
        machine = used["machine"]
        used["other"] = (
            None
            if machine is None or any(v is None for v in ours)
            else max(0.0, machine - sum(v or 0.0 for v in ours))
        )
        return used


def background_load(seconds: float) -> float | None:
    """Cores kept busy by other processes while this benchmark idles (its children too)."""
    before = machine_busy_seconds()
    time.sleep(seconds)
    after = machine_busy_seconds()
    return None if before is None or after is None else (after - before) / seconds


def wait_for_quiet(console: Console, limit_cores: float, patience_s: float) -> float | None:
    """Wait (at most ``patience_s``) until other processes use under ``limit_cores``."""
    deadline = time.monotonic() + patience_s
    load = background_load(1.0)
    warned = False
    while load is not None and load > limit_cores and time.monotonic() < deadline:
        if not warned:
            console.print(
                f"[yellow]other processes keep {load:.2f} cores busy; waiting up to "
                f"{patience_s:.0f}s for the machine to quieten[/]"
            )
            warned = True
        time.sleep(2.0)
        load = background_load(1.0)
    if warned and load is not None and load > limit_cores:
        console.print(f"[yellow]still {load:.2f} busy cores elsewhere; measuring anyway[/]")
    return load


def _delta(before: float | None, after: float | None) -> float | None:
    return None if before is None or after is None else after - before


# ---------------------------------------------------------------------------- audio stamps


def audio_tail_b64(chunk_ms: int) -> str:
    """Base64 of one chunk of a 220 Hz tone minus its first three samples (the stamp).

    The stamp is 6 bytes and the chunk 48·chunk_ms bytes, both multiples of 3, so
    ``b64(stamp) + b64(tail)`` is the base64 of the whole chunk: no per-chunk encoding.
    """
    n = SAMPLE_RATE * chunk_ms // 1000
    step = 2 * math.pi * 220.0 / SAMPLE_RATE
    samples = array("h", (int(3000 * math.sin(step * i)) for i in range(n)))
    if sys.byteorder == "big":
        samples.byteswap()
    return base64.b64encode(samples.tobytes()[STAMP.size :]).decode("ascii")


def stamp_b64(seq: int) -> str:
    return base64.b64encode(STAMP.pack(seq, STAMP_MAGIC)).decode("ascii")


def read_stamp(delta: object) -> int | None:
    """The sequence number stamped at the start of base64 audio, or None."""
    if not isinstance(delta, str) or len(delta) < STAMP_B64_CHARS:
        return None
    try:
        seq, magic = STAMP.unpack(base64.b64decode(delta[:STAMP_B64_CHARS], validate=True))
    except (binascii.Error, ValueError, struct.error):
        return None
    return int(seq) if magic == STAMP_MAGIC else None


@dataclass(frozen=True)
class Wire:
    """How one kind of client frames a chunk, and which echo answers it."""

    prefix: str
    suffix: str
    echo_type: str


WIRES: Final[dict[Mode, Wire]] = {
    "direct": Wire(
        '{"type":"input_audio_buffer.append","audio":"', '"}', echo_type="response.audio.delta"
    ),
    "gateway": Wire(
        '{"type":"audio_chunk","encoding":"pcm16","data":"', '"}', "assistant_audio_delta"
    ),
}


# ---------------------------------------------------------------------------- child processes


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    """Linux: the child gets SIGTERM if this benchmark dies without cleaning up."""
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _child_env(extra: dict[str, str]) -> dict[str, str]:
    """This environment minus anything that would point voicecart elsewhere."""
    drop = ("VOICECART_", "AZURE_", "ECOM_", "AI_SEARCH_", "LOGIC_APP_")
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith(drop)}
    pythonpath = [str(REPO_ROOT), *filter(None, [env.get("PYTHONPATH")])]
    env.update(PYTHONPATH=os.pathsep.join(pythonpath), PYTHONUNBUFFERED="1", **extra)
    return env


@dataclass
class Child:
    name: str
    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:]) or "(empty log)"

    def stop(self) -> None:
        proc = self.process
        if proc.stdin is not None:
            with contextlib.suppress(OSError):
                proc.stdin.close()
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        if proc.stdout is not None:
            proc.stdout.close()


def start_fake(workdir: Path, api_key: str, timeout_s: float = 30.0) -> tuple[Child, str]:
    """The fake upstream in its own process; returns it and its base URL."""
    log_path = workdir / "fake-upstream.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "_fake"],
            cwd=workdir,
            env=_child_env({FAKE_KEY_ENV: api_key}),
            stdin=subprocess.PIPE,  # the child stops when this pipe closes
            stdout=subprocess.PIPE,  # one line: the base URL
            stderr=log,
            start_new_session=True,
            preexec_fn=_die_with_parent if sys.platform == "linux" else None,
        )
    child = Child("fake upstream", process, log_path)
    assert process.stdout is not None
    deadline = time.monotonic() + timeout_s
    line = b""
    while not line.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not child.alive():
            child.stop()
            raise BenchError(f"the fake upstream did not start:\n{child.log_tail()}")
        ready, _, _ = select.select([process.stdout], [], [], min(remaining, 0.5))
        if ready:
            chunk = os.read(process.stdout.fileno(), 256)
            if not chunk:
                continue
            line += chunk
    url = line.decode().strip()
    if not url.startswith("http://127.0.0.1:"):
        child.stop()
        raise BenchError(f"the fake upstream printed {url!r}, not its URL")
    return child, url


def start_gateway(workdir: Path, upstream_url: str, api_key: str, client: str) -> tuple[Child, str]:
    """``voicecart serve`` (or, for ``raw``, the same command through ``relay.py _gateway``)."""
    port = free_port()
    env = _child_env(
        {
            "VOICECART_ENGINE_URL": upstream_url,
            "VOICECART_ENGINE_API_KEY": api_key,
            "VOICECART_DATABASE_URL": f"sqlite+aiosqlite:///{workdir / 'bench.db'}",
            "VOICECART_MAX_SESSIONS": "2000",
            "VOICECART_LOG_LEVEL": "warning",
        }
    )
    serve = ["serve", "--host", HOST, "--port", str(port)]
    if client == "raw":
        command = [sys.executable, str(Path(__file__).resolve()), "_gateway", *serve]
    else:
        script = Path(sys.executable).with_name("voicecart")
        command = [str(script)] if script.exists() else [sys.executable, "-m", "voicecart.cli"]
        command += serve
    log_path = workdir / "gateway.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command,
            cwd=workdir,  # no stray .env from the caller's directory
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_die_with_parent if sys.platform == "linux" else None,
        )
    return Child("gateway", process, log_path), f"http://{HOST}:{port}"


def wait_ready(gateway: Child, base_url: str, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    last = "no answer"
    while time.monotonic() < deadline:
        if not gateway.alive():
            raise BenchError(f"the gateway exited during start-up:\n{gateway.log_tail()}")
        try:
            with urllib.request.urlopen(base_url + "/ready", timeout=2) as resp:
                if resp.status == 200:
                    return
                last = f"HTTP {resp.status}"
        except urllib.error.HTTPError as exc:
            last = f"HTTP {exc.code}"
        except OSError as exc:
            last = type(exc).__name__
        time.sleep(0.2)
    raise BenchError(f"gateway not ready after {timeout_s:.0f}s ({last}):\n{gateway.log_tail()}")


def _run_async(coro: Coroutine[Any, Any, T]) -> T:
    """Run on uvloop when it is installed (it is, with uvicorn[standard]), else asyncio."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coro)
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(coro)


def fake_main() -> int:
    """``relay.py _fake``: serve FakeVoiceLive(echo=True) until stdin closes or SIGTERM."""
    sys.path.insert(0, str(REPO_ROOT))
    from tests.fakes.voicelive_server import FakeVoiceLive

    async def serve() -> None:
        fake = FakeVoiceLive(api_key=os.environ[FAKE_KEY_ENV], echo=True)
        url = await fake.start()
        print(url, flush=True)
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)

        def watch_stdin() -> None:
            with contextlib.suppress(Exception):
                sys.stdin.buffer.read()  # returns at EOF: the benchmark is gone
            loop.call_soon_threadsafe(stop.set)

        threading.Thread(target=watch_stdin, daemon=True).start()
        deadline = loop.time() + FAKE_MAX_LIFETIME_S
        try:
            while not stop.is_set() and loop.time() < deadline:
                # The fake records every event for tests; a benchmark would fill memory.
                fake.received.clear()
                fake.sent.clear()
                for per_connection in fake.received_per_connection:
                    per_connection.clear()
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(FAKE_TRIM_INTERVAL_S):
                        await stop.wait()
        finally:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(10):
                    await fake.stop()

    _run_async(serve())
    return 0


def install_raw_upstream() -> None:
    """Make ``VoiceLiveUpstream.connect`` use a plain websockets client instead of the SDK.

    Same URL shape, ``api-key`` header and JSON text frames; orjson both ways, no
    permessage-deflate (the SDK's aiohttp client does not offer it either).
    """
    from websockets.asyncio.client import ClientConnection, connect
    from websockets.exceptions import ConnectionClosed, WebSocketException

    from voicecart.realtime import upstream as up

    class RawConnection:
        def __init__(self, ws: ClientConnection) -> None:
            self._ws = ws
            self._closed = False

        async def send(self, event: dict[str, Any]) -> None:
            if self._closed:
                raise up.UpstreamClosed("connection closed")
            try:
                await self._ws.send(orjson.dumps(event), text=True)
            except (WebSocketException, OSError) as exc:
                raise up.UpstreamClosed(str(exc)) from exc

        async def recv(self) -> dict[str, Any]:
            try:
                raw = await self._ws.recv(decode=False)
            except ConnectionClosed as exc:
                code = exc.rcvd.code if exc.rcvd is not None else 1006
                raise up.UpstreamClosed(f"closed with code {code}") from exc
            except (WebSocketException, OSError) as exc:
                raise up.UpstreamClosed(str(exc)) from exc
            event = orjson.loads(raw)
            if not isinstance(event, dict):
                raise up.UpstreamClosed("upstream sent a non-object frame")
            return event

        async def close(self) -> None:
            if self._closed:
                return
            self._closed = True
            with contextlib.suppress(Exception):
                await self._ws.close()

    async def connect_raw(self: up.VoiceLiveUpstream) -> up.UpstreamConnection:
        options = self.options
        base = options.endpoint.rstrip("/")
        if base.startswith("http"):
            base = "ws" + base[len("http") :]
        query = urlencode({"api-version": API_VERSION, "model": options.model})
        try:
            ws = await connect(
                f"{base}{REALTIME_PATH}?{query}",
                additional_headers={"api-key": options.api_key or ""},
                open_timeout=options.open_timeout,
                max_size=options.max_message_bytes,
                compression=None,
                ping_interval=30,
            )
        except Exception as exc:
            raise up.UpstreamUnavailable(f"{self.description}: {type(exc).__name__}") from exc
        return RawConnection(ws)

    up.VoiceLiveUpstream.connect = connect_raw  # type: ignore[method-assign]


def gateway_main(argv: list[str]) -> int:
    """``relay.py _gateway serve …``: ``voicecart`` with the raw upstream client."""
    sys.path.insert(0, str(REPO_ROOT))
    install_raw_upstream()
    from voicecart.cli import main

    sys.argv = ["voicecart", *argv]
    main()
    return 0


# ---------------------------------------------------------------------------- load generator


@dataclass(frozen=True)
class ShardSpec:
    """One load-generator process's share of a phase."""

    mode: Mode
    shard: int
    first_client: int
    clients: int
    total_clients: int
    gateway_url: str
    upstream_ws_url: str
    api_key: str
    chunk_ms: int
    duration_s: float
    warmup_s: float
    drain_s: float
    setup_timeout_s: float
    setup_concurrency: int

    @property
    def n_chunks(self) -> int:
        return max(1, round(self.duration_s * 1000 / self.chunk_ms))

    @property
    def warmup_chunks(self) -> int:
        return min(self.n_chunks - 1, math.ceil(self.warmup_s * 1000 / self.chunk_ms))


@dataclass
class ShardResult:
    shard: int
    connected: int
    rtt_ns: list[int]  # chunks sent after the warm-up, echo received
    lag_ms: list[float]  # how late each chunk was sent against its schedule
    sent: int = 0
    received: int = 0
    sent_measured: int = 0
    unmatched: int = 0
    errors: dict[str, int] = field(default_factory=dict)


@dataclass
class Client:
    index: int
    ws: aiohttp.ClientWebSocketResponse[bool] | None = None
    session_id: str | None = None
    token: str | None = None


class Tally:
    """Everything one shard counts while streaming (one event loop: no locks)."""

    def __init__(self) -> None:
        self.rtt_ns: list[int] = []
        self.lag_ms = array("d")
        self.sent = 0
        self.sent_measured = 0
        self.received = 0
        self.unmatched = 0
        self.errors: Counter[str] = Counter()


def _describe(exc: BaseException) -> str:
    text = str(exc).splitlines()[0][:80] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


async def _first_message(ws: aiohttp.ClientWebSocketResponse[bool], want: str) -> None:
    """Read until a message of type ``want`` arrives (the socket's greeting)."""
    async with asyncio.timeout(15):
        while True:
            msg = await ws.receive()
            if msg.type not in (aiohttp.WSMsgType.TEXT, aiohttp.WSMsgType.BINARY):
                raise BenchError(f"socket closed before {want} ({msg.type.name})")
            event = orjson.loads(msg.data)
            if isinstance(event, dict) and event.get("type") == want:
                return


async def open_direct(http: aiohttp.ClientSession, spec: ShardSpec, client: Client) -> None:
    query = urlencode({"api-version": API_VERSION, "model": MODEL})
    ws = await http.ws_connect(
        f"{spec.upstream_ws_url}?{query}",
        headers={"api-key": spec.api_key},
        decode_text=False,
        heartbeat=None,
    )
    client.ws = ws
    await _first_message(ws, "session.created")


async def open_gateway(http: aiohttp.ClientSession, spec: ShardSpec, client: Client) -> None:
    async with http.post(spec.gateway_url + "/sessions") as resp:
        if resp.status != 200:
            raise BenchError(f"POST /sessions: HTTP {resp.status}")
        body = await resp.json()
    client.session_id = str(body["session_id"])
    client.token = str(body["token"])
    ws = await http.ws_connect(
        spec.gateway_url + str(body["ws_path"]),
        protocols=("voicecart", str(body["ws_subprotocol"])),
        decode_text=False,
        heartbeat=None,
    )
    client.ws = ws
    if ws.protocol != "voicecart":
        raise BenchError(f"gateway answered subprotocol {ws.protocol!r}")
    await _first_message(ws, "session_ready")


async def stream(
    client: Client,
    spec: ShardSpec,
    wire: Wire,
    tail: str,
    t0: float,
    tally: Tally,
) -> None:
    """Send ``n_chunks`` in real time, match the echoes, wait for the last ones (bounded)."""
    ws = client.ws
    assert ws is not None
    period = spec.chunk_ms / 1000
    phase = period * client.index / spec.total_clients
    n_chunks, warmup = spec.n_chunks, spec.warmup_chunks
    drain_until = t0 + spec.duration_s + spec.drain_s
    sent_at = [0] * n_chunks  # perf_counter_ns of the send; -1 once the echo is in
    counts = {"sent": 0, "received": 0}
    sending = True
    all_in = asyncio.Event()

    async def receive() -> None:
        while True:
            msg = await ws.receive()
            if msg.type not in (aiohttp.WSMsgType.TEXT, aiohttp.WSMsgType.BINARY):
                if msg.type is not aiohttp.WSMsgType.CLOSE:
                    tally.errors[f"socket {msg.type.name.lower()}"] += 1
                else:
                    tally.errors[f"socket closed {msg.data}"] += 1
                return
            now = time.perf_counter_ns()
            event = orjson.loads(msg.data)
            kind = event.get("type")
            if kind == wire.echo_type:
                seq = read_stamp(event.get("delta"))
                if seq is None or seq >= n_chunks or sent_at[seq] <= 0:
                    tally.unmatched += 1
                    continue
                rtt = now - sent_at[seq]
                sent_at[seq] = -1
                counts["received"] += 1
                tally.received += 1
                if seq >= warmup:
                    tally.rtt_ns.append(rtt)
                if not sending and counts["received"] >= counts["sent"]:
                    all_in.set()
            elif kind == "error":
                error = event.get("error")
                code = event.get("code") or (error.get("code") if isinstance(error, dict) else None)
                tally.errors[f"error {code or '?'}"] += 1
            elif kind == "session_closed":
                tally.errors[f"session_closed {event.get('reason')}"] += 1
                return

    receiver = asyncio.create_task(receive())
    try:
        async with asyncio.timeout_at(_loop_deadline(drain_until + 5)):
            for seq in range(n_chunks):
                due = t0 + phase + seq * period
                delay = due - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
                tally.lag_ms.append((time.monotonic() - due) * 1000)
                if receiver.done():
                    break
                frame = wire.prefix + stamp_b64(seq) + tail + wire.suffix
                sent_at[seq] = time.perf_counter_ns()
                try:
                    await ws.send_str(frame)
                except (ConnectionError, RuntimeError) as exc:
                    tally.errors[f"send {_describe(exc)}"] += 1
                    break
                counts["sent"] += 1
                tally.sent += 1
                if seq >= warmup:
                    tally.sent_measured += 1
            sending = False
            if counts["received"] >= counts["sent"]:
                all_in.set()
            remaining = drain_until - time.monotonic()
            if remaining > 0 and not receiver.done():
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(remaining):
                        await all_in.wait()
    except TimeoutError:
        tally.errors["client deadline"] += 1
    finally:
        receiver.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await receiver


def _loop_deadline(monotonic_deadline: float) -> float:
    """A ``time.monotonic()`` deadline on the running loop's clock."""
    loop = asyncio.get_running_loop()
    return loop.time() + (monotonic_deadline - time.monotonic())


async def close_clients(
    http: aiohttp.ClientSession, spec: ShardSpec, clients: list[Client]
) -> Counter[str]:
    """Close every socket and ``DELETE`` every gateway session (bounded in time)."""
    errors: Counter[str] = Counter()
    gate = asyncio.Semaphore(spec.setup_concurrency)

    async def close_one(client: Client) -> None:
        async with gate:
            if client.ws is not None:
                with contextlib.suppress(Exception):
                    async with asyncio.timeout(5):
                        await client.ws.close()
            if client.session_id is None or client.token is None:
                return
            try:
                async with http.delete(
                    f"{spec.gateway_url}/sessions/{client.session_id}",
                    headers={"Authorization": f"Bearer {client.token}"},
                ) as resp:
                    if resp.status != 200:
                        errors[f"DELETE HTTP {resp.status}"] += 1
            except Exception as exc:
                errors[f"DELETE {_describe(exc)}"] += 1

    try:
        async with asyncio.timeout(30 + 0.1 * len(clients)):
            await asyncio.gather(*(close_one(c) for c in clients))
    except TimeoutError:
        errors["teardown deadline"] += 1
    return errors


def _recv(conn: Connection, timeout_s: float) -> Any:
    if not conn.poll(timeout_s):
        raise BenchError(f"no word from the benchmark within {timeout_s:.0f}s")
    return conn.recv()


async def shard_async(spec: ShardSpec, conn: Connection, counters: Any) -> None:
    """One worker: connect its clients, say ready, stream at ``t0``, report, clean up."""
    wire = WIRES[spec.mode]
    tail = audio_tail_b64(spec.chunk_ms)
    base = 3 * spec.shard  # counters: connected, sent, received
    clients: list[Client] = []
    ready: list[Client] = []
    setup_errors: Counter[str] = Counter()
    connector = aiohttp.TCPConnector(limit=0)
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
        try:
            gate = asyncio.Semaphore(spec.setup_concurrency)
            opener = open_gateway if spec.mode == "gateway" else open_direct

            async def open_one(index: int) -> None:
                client = Client(index)
                clients.append(client)
                async with gate:
                    try:
                        await opener(http, spec, client)
                    except Exception as exc:
                        setup_errors[_describe(exc)] += 1
                        return
                ready.append(client)
                counters[base] = len(ready)

            try:
                async with asyncio.timeout(spec.setup_timeout_s):
                    await asyncio.gather(
                        *(open_one(spec.first_client + i) for i in range(spec.clients))
                    )
            except TimeoutError:
                missing = spec.clients - len(ready) - sum(setup_errors.values())
                setup_errors["setup deadline"] += max(0, missing)
            conn.send(("ready", len(ready), dict(setup_errors)))
            command = await asyncio.to_thread(_recv, conn, spec.setup_timeout_s + 120)
            if command[0] == "start" and ready:
                t0 = float(command[1])
                tally = Tally()

                async def publish() -> None:
                    while True:
                        counters[base + 1] = tally.sent
                        counters[base + 2] = tally.received
                        await asyncio.sleep(PROGRESS_INTERVAL_S)

                publisher = asyncio.create_task(publish())
                outcomes = await asyncio.gather(
                    *(stream(c, spec, wire, tail, t0, tally) for c in ready),
                    return_exceptions=True,
                )
                publisher.cancel()
                counters[base + 1] = tally.sent
                counters[base + 2] = tally.received
                for outcome in outcomes:
                    if isinstance(outcome, BaseException):
                        tally.errors[f"client {_describe(outcome)}"] += 1
                conn.send(
                    (
                        "result",
                        ShardResult(
                            shard=spec.shard,
                            connected=len(ready),
                            rtt_ns=tally.rtt_ns,
                            lag_ms=tally.lag_ms.tolist(),
                            sent=tally.sent,
                            received=tally.received,
                            sent_measured=tally.sent_measured,
                            unmatched=tally.unmatched,
                            errors=dict(tally.errors),
                        ),
                    )
                )
        finally:
            teardown_errors = await close_clients(http, spec, clients)
            with contextlib.suppress(OSError):
                conn.send(("closed", dict(teardown_errors)))


def shard_entry(spec: ShardSpec, conn: Connection, counters: Any) -> None:
    """Worker process entry point (multiprocessing, spawn)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the benchmark stops us on Ctrl-C
    try:
        _run_async(shard_async(spec, conn, counters))
    except Exception:
        with contextlib.suppress(OSError):
            conn.send(("crashed", traceback.format_exc()))
    finally:
        conn.close()


# ---------------------------------------------------------------------------- one phase


def percentile(sorted_values: Sequence[float], pct: float) -> float | None:
    """Nearest-rank percentile of an ascending sequence."""
    if not sorted_values:
        return None
    rank = max(1, math.ceil(pct / 100 * len(sorted_values)))
    return float(sorted_values[min(rank, len(sorted_values)) - 1])


@dataclass
class PhaseResult:
    mode: Mode
    sessions: int
    connected: int
    setup_errors: dict[str, int]
    sent: int
    received: int
    sent_measured: int
    measured: int
    unmatched: int
    rtt_ms: dict[str, float | None]
    lag_ms: dict[str, float | None]
    errors: dict[str, int]
    teardown_errors: dict[str, int]
    window_s: float
    audio_s: float  # audio relayed: echoed chunks × chunk length
    cpu_s: dict[str, float | None]
    background_cores: float | None  # other processes' load just before the phase

    @property
    def lost(self) -> int:
        return self.sent - self.received


@dataclass
class Bench:
    args: argparse.Namespace
    gateway: Child
    gateway_url: str
    upstream: Child
    upstream_url: str
    api_key: str
    console: Console
    progress: Progress

    def check_children(self) -> None:
        for child in (self.gateway, self.upstream):
            if not child.alive():
                raise BenchError(f"the {child.name} exited:\n{child.log_tail()}")


@dataclass
class _Worker:
    process: SpawnProcess
    conn: Connection
    ready: bool = False
    connected: int = 0
    result: ShardResult | None = None
    closed: bool = False


def _poll_workers(
    workers: list[_Worker], setup_errors: Counter[str], closing: Counter[str]
) -> None:
    for worker in workers:
        while not worker.closed and worker.conn.poll(0):
            try:
                message = worker.conn.recv()
            except EOFError:
                worker.closed = True
                break
            kind = message[0]
            if kind == "ready":
                worker.ready = True
                worker.connected = int(message[1])
                setup_errors.update(message[2])
            elif kind == "result":
                worker.result = message[1]
            elif kind == "closed":
                worker.closed = True
                closing.update(message[1])
            elif kind == "crashed":
                raise BenchError(f"a load-generator process crashed:\n{message[1]}")


def _split(n: int, k: int) -> list[int]:
    return [n // k + (1 if i < n % k else 0) for i in range(k)]


def run_phase(bench: Bench, mode: Mode, n: int) -> PhaseResult:
    args = bench.args
    background = wait_for_quiet(bench.console, args.quiet_cores, args.quiet_wait)
    k = max(1, min(args.client_procs, n))
    ctx = multiprocessing.get_context("spawn")
    counters = ctx.RawArray("q", 3 * k)
    workers: list[_Worker] = []
    setup_timeout = 30 + 0.1 * n
    first = 0
    for shard, share in enumerate(_split(n, k)):
        spec = ShardSpec(
            mode=mode,
            shard=shard,
            first_client=first,
            clients=share,
            total_clients=n,
            gateway_url=bench.gateway_url,
            upstream_ws_url=bench.upstream_url.replace("http://", "ws://") + REALTIME_PATH,
            api_key=bench.api_key,
            chunk_ms=args.chunk_ms,
            duration_s=args.duration,
            warmup_s=args.warmup,
            drain_s=args.drain,
            setup_timeout_s=setup_timeout,
            setup_concurrency=args.setup_concurrency,
        )
        first += share
        parent_end, child_end = ctx.Pipe()
        process = ctx.Process(
            target=shard_entry, args=(spec, child_end, counters), name=f"relay-{mode}-{shard}"
        )
        process.start()
        child_end.close()
        workers.append(_Worker(process, parent_end))
    n_chunks = spec.n_chunks
    setup_errors: Counter[str] = Counter()
    closing: Counter[str] = Counter()
    label = f"{mode:>7} N={n:<4}"
    task: TaskID = bench.progress.add_task(f"{label} connecting", total=n, info="")
    try:
        deadline = time.monotonic() + setup_timeout + 60  # + process start-up
        while not all(w.ready for w in workers):
            _poll_workers(workers, setup_errors, closing)
            bench.check_children()
            if time.monotonic() > deadline:
                raise BenchError(f"{mode} N={n}: clients not connected in time")
            for worker in workers:
                if not worker.ready and not worker.process.is_alive():
                    raise BenchError(f"a load-generator process exited ({worker.process.exitcode})")
            connected = sum(counters[3 * s] for s in range(k))
            bench.progress.update(task, completed=connected, info=f"{connected}/{n} connected")
            time.sleep(0.1)
        connected = sum(w.connected for w in workers)
        if connected == 0:
            for worker in workers:
                worker.conn.send(("abort",))
            raise BenchError(f"{mode} N={n}: no client connected ({dict(setup_errors)})")

        t0 = time.monotonic() + START_LEAD_S
        for worker in workers:
            worker.conn.send(("start", t0))
        pids = [w.process.pid for w in workers if w.process.pid is not None]
        time.sleep(max(0.0, t0 - time.monotonic()))
        before = CpuSnapshot.take(bench.gateway.pid, bench.upstream.pid, pids)
        window = args.duration + args.drain
        bench.progress.update(
            task, description=f"{label} streaming", total=window, completed=0, info=""
        )
        deadline = t0 + window + 30
        while not all(w.result is not None for w in workers):
            _poll_workers(workers, setup_errors, closing)
            bench.check_children()
            if time.monotonic() > deadline:
                raise BenchError(f"{mode} N={n}: no results in time")
            sent = sum(counters[3 * s + 1] for s in range(k))
            received = sum(counters[3 * s + 2] for s in range(k))
            bench.progress.update(
                task,
                completed=min(window, time.monotonic() - t0),
                info=f"sent {sent}/{connected * n_chunks} · echoed {received}",
            )
            time.sleep(PROGRESS_INTERVAL_S)
        after = CpuSnapshot.take(bench.gateway.pid, bench.upstream.pid, pids)

        bench.progress.update(task, description=f"{label} closing", completed=window)
        deadline = time.monotonic() + 60 + 0.1 * n
        while not all(w.closed for w in workers) and time.monotonic() < deadline:
            _poll_workers(workers, setup_errors, closing)
            time.sleep(0.1)
        if not all(w.closed for w in workers):
            closing["teardown not confirmed"] += 1
    finally:
        bench.progress.remove_task(task)
        # On an error, workers still waiting for "start" are told to close their sessions.
        waiting = [w for w in workers if not w.closed and w.result is None]
        for worker in waiting:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(("abort",))
        deadline = time.monotonic() + (20 if waiting else 0)
        while any(not w.closed for w in waiting) and time.monotonic() < deadline:
            with contextlib.suppress(BenchError, OSError):
                _poll_workers(waiting, Counter(), Counter())
            time.sleep(0.1)
        for worker in workers:
            worker.process.join(timeout=10)
            if worker.process.is_alive():
                worker.process.terminate()
                worker.process.join(timeout=5)
            worker.conn.close()

    results = [w.result for w in workers if w.result is not None]
    rtt_ms = sorted(ns / 1e6 for r in results for ns in r.rtt_ns)
    lags = sorted(lag for r in results for lag in r.lag_ms)
    errors: Counter[str] = Counter()
    for r in results:
        errors.update(r.errors)
    sent = sum(r.sent for r in results)
    return PhaseResult(
        mode=mode,
        sessions=n,
        connected=connected,
        setup_errors=dict(setup_errors),
        sent=sent,
        received=sum(r.received for r in results),
        sent_measured=sum(r.sent_measured for r in results),
        measured=len(rtt_ms),
        unmatched=sum(r.unmatched for r in results),
        rtt_ms={f"p{p:g}": percentile(rtt_ms, p) for p in (50, 95, 99, 99.9)}
        | {"max": rtt_ms[-1] if rtt_ms else None},
        lag_ms={"p50": percentile(lags, 50), "p99": percentile(lags, 99)}
        | {"max": lags[-1] if lags else None},
        errors=dict(errors),
        teardown_errors=dict(closing),
        window_s=after.wall - before.wall,
        audio_s=sum(r.received for r in results) * args.chunk_ms / 1000,
        cpu_s=before.usage(after),
        background_cores=background,
    )


def other_cores(phase: PhaseResult) -> float:
    other = phase.cpu_s.get("other")
    return 0.0 if other is None or phase.window_s <= 0 else other / phase.window_s


def run_quiet_phase(bench: Bench, mode: Mode, n: int) -> PhaseResult:
    """``run_phase``, repeated (``--noisy-retries`` times at most) while other processes
    took more than ``--quiet-cores`` of the machine during the measurement."""
    args = bench.args
    result = run_phase(bench, mode, n)
    time.sleep(args.settle)
    for _ in range(args.noisy_retries):
        noise = other_cores(result)
        if noise <= args.quiet_cores:
            break
        bench.console.print(
            f"[yellow]{mode} N={n}: other processes used {noise:.2f} cores during the "
            "measurement; measuring again[/]"
        )
        again = run_phase(bench, mode, n)
        time.sleep(args.settle)
        if other_cores(again) < noise:
            result = again
    return result


# ---------------------------------------------------------------------------- report


@dataclass
class Row:
    sessions: int
    direct: PhaseResult
    gateway: PhaseResult

    def added(self, key: str) -> float | None:
        a, b = self.gateway.rtt_ms.get(key), self.direct.rtt_ms.get(key)
        return None if a is None or b is None else a - b

    @property
    def gateway_cpu_per_session_second(self) -> float | None:
        cpu = self.gateway.cpu_s.get("gateway")
        return None if cpu is None or not self.gateway.audio_s else cpu / self.gateway.audio_s


def crossing(rows: Sequence[Row], limit: float = TARGET_ADDED_P99_MS) -> str:
    """Where the added p99 first passes ``limit`` (linear between tested N)."""
    previous: Row | None = None
    for row in sorted(rows, key=lambda r: r.sessions):
        added = row.added("p99")
        if added is None:
            return f"unknown (no round trips measured at N={row.sessions})"
        if added > limit:
            if previous is None:
                return f"already at the smallest N tested ({row.sessions}: +{added:.1f} ms)"
            before = previous.added("p99") or 0.0
            n1, n2 = previous.sessions, row.sessions
            at = n1 + (limit - before) * (n2 - n1) / (added - before)
            return f"≈{at:.0f} sessions (interpolated between N={n1} and N={n2})"
        previous = row
    top = max((r.sessions for r in rows), default=0)
    return f"not reached up to N={top}"


def target_met(rows: Sequence[Row]) -> bool:
    """The first tested N ≥ 300, and every smaller N, has added p99 < 10 ms and no loss."""
    ordered = sorted(rows, key=lambda r: r.sessions)
    if not any(r.sessions >= TARGET_SESSIONS for r in ordered):
        return False
    for row in ordered:
        added = row.added("p99")
        if added is None or added >= TARGET_ADDED_P99_MS or row.gateway.lost:
            return False
        if row.sessions >= TARGET_SESSIONS:
            return True
    return False


def _ms(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "—"
    return f"{value:+.1f}" if signed else f"{value:.1f}"


def _trio(values: dict[str, float | None]) -> str:
    return " / ".join(_ms(values.get(k)) for k in ("p50", "p95", "p99"))


def _added_trio(row: Row) -> str:
    return " / ".join(_ms(row.added(k), signed=True) for k in ("p50", "p95", "p99"))


def _counts(phase: PhaseResult) -> str:
    return f"{phase.sent} / {phase.received} / {phase.lost}"


def _cpu(row: Row) -> str:
    """Gateway CPU per session·s; flagged when chunks were lost (overloaded: the window's
    CPU went partly to chunks whose echo never came back in time, so it overstates)."""
    per = row.gateway_cpu_per_session_second
    if per is None:
        return "—"
    return f"{per * 1000:.2f}" + (" (overloaded)" if row.gateway.lost else "")


def _core(phase: PhaseResult, which: str) -> str:
    cpu = phase.cpu_s.get(which)
    return "—" if cpu is None or phase.window_s <= 0 else f"{100 * cpu / phase.window_s:.0f}%"


def row_notes(row: Row) -> list[str]:
    notes: list[str] = []
    for phase in (row.direct, row.gateway):
        where = f"N={row.sessions} {phase.mode}"
        if phase.connected < phase.sessions:
            notes.append(f"{where}: {phase.connected}/{phase.sessions} connected")
        issues = Counter(phase.errors) + Counter(phase.setup_errors)
        if phase.unmatched:
            issues["unmatched echoes"] += phase.unmatched
        notes.extend(f"{where}: {text} ×{count}" for text, count in issues.most_common(4))
        other = phase.cpu_s.get("other")
        if other is not None and phase.window_s > 0 and other / phase.window_s > 0.2:
            notes.append(
                f"{where}: other processes used {other / phase.window_s:.2f} cores meanwhile"
            )
    return notes


LATENCY_HEADERS: Final = (
    "N",
    "via gateway p50 / p95 / p99 (ms)",
    "direct p50 / p95 / p99 (ms)",
    "added p50 / p95 / p99 (ms)",
    "gateway chunks sent / recv / lost",
    "direct lost",
)
COST_HEADERS: Final = (
    "N",
    "gateway CPU ms per session·s of audio relayed",
    "gateway phase CPU: gateway / fake / clients / other",
    "direct phase CPU: fake / clients / other",
    "client send lag p99 gateway / direct (ms)",
)


def latency_cells(row: Row) -> list[str]:
    g, d = row.gateway, row.direct
    return [
        str(row.sessions),
        _trio(g.rtt_ms),
        _trio(d.rtt_ms),
        _added_trio(row),
        _counts(g),
        str(d.lost),
    ]


def cost_cells(row: Row) -> list[str]:
    g, d = row.gateway, row.direct
    return [
        str(row.sessions),
        _cpu(row),
        " / ".join(_core(g, k) for k in ("gateway", "upstream", "clients", "other")),
        " / ".join(_core(d, k) for k in ("upstream", "clients", "other")),
        f"{_ms(g.lag_ms.get('p99'))} / {_ms(d.lag_ms.get('p99'))}",
    ]


def _tables(rows: Sequence[Row]) -> list[tuple[str, tuple[str, ...], list[list[str]]]]:
    return [
        ("Round trip, 24 kHz PCM16 echo", LATENCY_HEADERS, [latency_cells(r) for r in rows]),
        (
            "Cost (CPU as a share of one core over the streaming window)",
            COST_HEADERS,
            [cost_cells(r) for r in rows],
        ),
    ]


def print_tables(console: Console, rows: Sequence[Row]) -> None:
    for title, headers, cells in _tables(rows):
        table = Table(title=title)
        for header in headers:
            table.add_column(header, justify="right")
        for line in cells:
            table.add_row(*(escape(c) for c in line))
        console.print(table)
    for note in (n for r in rows for n in row_notes(r)):
        console.print(f"• {escape(note)}")


def markdown_tables(rows: Sequence[Row]) -> str:
    out: list[str] = []
    for _title, headers, cells in _tables(rows):
        out.append("| " + " | ".join(headers) + " |")
        out.append("|" + "---:|" * len(headers))
        out.extend("| " + " | ".join(c.replace("|", "\\|") for c in line) + " |" for line in cells)
        out.append("")
    out.extend(f"- {note}" for r in rows for note in row_notes(r))
    return "\n".join(out)


def capacity_line(rows: Sequence[Row]) -> str | None:
    """Sessions one gateway process (one event loop: one core at most) could relay, from
    the CPU cost at the smallest N where nothing was lost."""
    for row in sorted(rows, key=lambda r: r.sessions):
        per = row.gateway_cpu_per_session_second
        if per and not row.gateway.lost:
            return (
                f"gateway CPU at N={row.sessions}: {per * 1000:.2f} ms per session·s of audio, "
                f"so one core (one gateway process) is used up by ≈{1 / per:.0f} sessions"
            )
    return None


def summary_lines(rows: Sequence[Row]) -> list[str]:
    verdict = "MET" if target_met(rows) else "NOT MET"
    capacity = capacity_line(rows)
    return [
        *([capacity] if capacity else []),
        f"added p99 passes {TARGET_ADDED_P99_MS:g} ms at: {crossing(rows)}",
        f"target (≥{TARGET_SESSIONS} sessions, added p99 < {TARGET_ADDED_P99_MS:g} ms, "
        f"no loss): {verdict}",
    ]


def machine_info() -> dict[str, Any]:
    model = "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


# ---------------------------------------------------------------------------- main


def parse_sessions(text: str) -> list[int]:
    try:
        values = [int(part) for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a list of integers: {text!r}") from exc
    if not values or any(v < 1 for v in values):
        raise argparse.ArgumentTypeError("session counts must be positive integers")
    return sorted(set(values))


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Round-trip latency the voicecart gateway adds to audio, and its CPU cost."
    )
    parser.add_argument("--sessions", type=parse_sessions, default=[100, 300, 500])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of audio per N")
    parser.add_argument("--chunk-ms", type=int, default=20, help="audio per chunk (ms)")
    parser.add_argument("--warmup", type=float, default=1.0, help="seconds left out of stats")
    parser.add_argument("--drain", type=float, default=3.0, help="seconds to wait for echoes")
    parser.add_argument("--client-procs", type=int, default=1, help="load-generator processes")
    parser.add_argument("--setup-concurrency", type=int, default=32)
    parser.add_argument("--upstream-client", choices=("sdk", "raw"), default="sdk")
    parser.add_argument("--settle", type=float, default=1.0, help="pause between phases (s)")
    parser.add_argument(
        "--quiet-cores",
        type=float,
        default=0.25,
        help="before each phase, wait while other processes use more cores than this",
    )
    parser.add_argument("--quiet-wait", type=float, default=30.0, help="…for at most this (s)")
    parser.add_argument(
        "--noisy-retries",
        type=int,
        default=1,
        help="measure a phase again when other processes took more than --quiet-cores",
    )
    parser.add_argument("--json", type=Path, help="write every number to this file")
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    args = parser.parse_args(argv)
    if not 5 <= args.chunk_ms <= 500 or (SAMPLE_RATE * args.chunk_ms) % 1000:
        parser.error("--chunk-ms must be 5..500 and a whole number of samples")
    if args.duration <= 0 or args.warmup < 0 or args.warmup >= args.duration:
        parser.error("need --duration > --warmup >= 0")
    if not 0 < args.drain <= 60 or args.client_procs < 1 or args.setup_concurrency < 1:
        parser.error("need 0 < --drain <= 60, --client-procs >= 1, --setup-concurrency >= 1")
    return args


def _sigterm_as_interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    console = Console()
    signal.signal(signal.SIGTERM, _sigterm_as_interrupt)
    started = datetime.now(UTC)
    workdir = Path(tempfile.mkdtemp(prefix="voicecart-relay-"))
    api_key = secrets.token_urlsafe(24)
    children: list[Child] = []
    rows: list[Row] = []
    ok = False
    try:
        upstream, upstream_url = start_fake(workdir, api_key)
        children.append(upstream)
        gateway, gateway_url = start_gateway(workdir, upstream_url, api_key, args.upstream_client)
        children.append(gateway)
        wait_ready(gateway, gateway_url, timeout_s=90)
        console.print(
            f"fake upstream {upstream_url} (pid {upstream.pid}) · gateway {gateway_url} "
            f"(pid {gateway.pid}, upstream client: {args.upstream_client}) · "
            f"{args.client_procs} load-generator process(es) · {os.cpu_count()} cores"
        )
        progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.fields[info]}"),
            TimeElapsedColumn(),
            console=console,
        )
        bench = Bench(
            args, gateway, gateway_url, upstream, upstream_url, api_key, console, progress
        )
        with progress:
            for n in args.sessions:
                direct = run_quiet_phase(bench, "direct", n)
                via = run_quiet_phase(bench, "gateway", n)
                row = Row(n, direct, via)
                rows.append(row)
                console.print(
                    f"N={n}: gateway {_trio(via.rtt_ms)} ms · direct {_trio(direct.rtt_ms)} ms"
                    f" · added {_added_trio(row)} ms · lost {via.lost}/{direct.lost}"
                    f" · gateway {_cpu(row)} ms CPU per session·s"
                )
        ok = True
    except KeyboardInterrupt:
        console.print("[yellow]interrupted[/]")
    except BenchError as exc:
        console.print(f"[red]benchmark failed:[/] {escape(str(exc))}")
    finally:
        for child in reversed(children):
            child.stop()
        if ok:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            console.print(f"logs kept in {workdir}")
    if rows:
        wide = Console(width=max(console.width, 140))
        print_tables(wide, rows)
        for line in summary_lines(rows):
            console.print(line)
        if args.markdown:
            print(markdown_tables(rows))
    if args.json is not None and rows:
        payload = {
            "started": started.isoformat(timespec="seconds"),
            "command": " ".join([Path(sys.executable).name, *sys.argv]),
            "args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
            "machine": machine_info(),
            "rows": [asdict(r) for r in rows],
            "crossing": crossing(rows),
            "target_met": target_met(rows),
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_fake":
        sys.exit(fake_main())
    if len(sys.argv) > 1 and sys.argv[1] == "_gateway":
        sys.exit(gateway_main(sys.argv[2:]))
    sys.exit(main())
