"""A spoken purchase in a real browser, through a real voicecart server: nothing faked.

Debian chromium (driven by playwright-core from ``web/e2e/shop.e2e.mjs``) loads the built
shopper page from a real server (its own engine, a fresh SQLite file). The microphone is
Chromium's fake capture device reading WAV files spoken by the project's TTS (piper); the
page captures them in its AudioWorklet, resamples to 24 kHz PCM16 and streams them over
the WebSocket. The shopper finds running shoes, orders a pair and has it shipped; the
test checks the cards the page rendered and the order and shipment rows in the database.
Screenshots of each step are kept in ``var/e2e-artifacts/browser-shop/``.

The local avatar is on from the start: every spoken turn must be heard while it talks
between them, its video plays and its mouth moves while it speaks. (The audio-only
fallback notice is covered by the Vitest tests.)

Skipped (failing under ``CI=true``) when chromium, the web build or the engine's speech
parts are missing.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tests.e2e.conftest import unavailable, warm_engine
from tests.support import free_port, make_settings, serving
from voicecart.app import WEB_DIST, create_app
from voicecart.commerce.models import Order
from voicecart.engine.audio import resample
from voicecart.shipping.models import Shipment
from voicecart.shipping.tracking import is_valid
from voicecart.storage.db import Database

pytestmark = [pytest.mark.slow, pytest.mark.integration, pytest.mark.timeout(900)]

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "web"
DRIVER = WEB / "e2e" / "shop.e2e.mjs"
ARTIFACTS = ROOT / "var" / "e2e-artifacts" / "browser-shop"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
MIC_RATE = 48_000  # what a real microphone delivers; the page resamples to 24 kHz
TRAILBLAZER = 13  # the Trailblazer Running Shoe, the only running shoe under $50

ADDRESS = "Send it to one twenty three Main Street, Springfield, Illinois, six two seven zero four."

# (what the shopper says, the tool whose card must appear, or None)
TURNS: list[tuple[str, str | None]] = [
    ("Show me running shoes under fifty dollars.", "search_products"),
    ("Tell me about the first one.", "get_product"),
    ("I'll take one.", None),
    ("Yes please.", "create_order"),
    (ADDRESS, None),
    ("Yes.", "create_shipment"),
]


def _requirements() -> str:
    node = shutil.which("node")
    if node is None:
        unavailable("node is not installed")
    if not Path(CHROMIUM).exists():
        unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    if not (WEB / "node_modules" / "playwright-core").is_dir():
        unavailable("web/node_modules is missing (make web)")
    if not (WEB_DIST / "index.html").exists():
        unavailable("the web client is not built (make web)")
    assert node is not None
    return node


def _write_wav(path: Path, pcm16: bytes, rate: int) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm16)


async def _speak(lines: list[str], into: Path) -> list[Path]:
    """Each line as a 48 kHz WAV: 0.3 s of silence, the words, then 20 s of silence (the
    page's microphone stays on until the answer is complete; the server's VAD ends the
    turn after the words)."""
    from voicecart.engine.tts import PiperTts

    try:
        tts = PiperTts(noise_scale=0.0, noise_w_scale=0.0)  # the same audio every run
    except Exception as exc:  # the piper voice is missing
        unavailable(f"piper TTS unavailable here: {exc}")
        raise
    paths: list[Path] = []
    for n, text in enumerate(lines, 1):
        pieces: list[bytes] = []
        rate = tts.sample_rate
        async for chunk in tts.synthesize(text):
            pieces.append(chunk.pcm16)
            rate = chunk.sample_rate
        speech = resample(b"".join(pieces), rate, MIC_RATE)
        path = into / f"turn-{n:02d}.wav"
        lead, tail = bytes(MIC_RATE * 2 * 3 // 10), bytes(MIC_RATE * 2 * 20)
        _write_wav(path, lead + speech + tail, MIC_RATE)
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def shop_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The real server on a free port and a fresh SQLite file: (base URL, database URL)."""
    _requirements()
    db_path = tmp_path_factory.mktemp("browser-shop") / "voicecart.db"
    database_url = f"sqlite+aiosqlite:///{db_path}"
    port = free_port()
    settings = make_settings(database_url, VOICECART_PORT=port)
    app = create_app(settings)
    with serving(app, port) as base_url:
        warm_engine(base_url, app)
        yield base_url, database_url


def _write_json(path: Path, value: Any) -> None:
    path.write_text(json.dumps(value), encoding="utf-8")


def _read_result(path: Path, output: str) -> dict[str, Any]:
    assert path.exists(), output
    result: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return result


def _fresh_artifacts() -> Path:
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    return ARTIFACTS / "result.json"


async def _run_driver(plan: dict[str, Any], plan_path: Path) -> tuple[int, str]:
    _write_json(plan_path, plan)
    proc = await asyncio.create_subprocess_exec(
        _requirements(),
        str(DRIVER),
        str(plan_path),
        cwd=WEB,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await asyncio.wait_for(proc.communicate(), timeout=840)
    return proc.returncode or 0, out.decode(errors="replace")


async def test_spoken_purchase_in_chromium(shop_server: tuple[str, str], tmp_path: Path) -> None:
    base_url, database_url = shop_server
    wavs = await _speak([line for line, _ in TURNS], tmp_path)
    result_path = _fresh_artifacts()
    microphone = tmp_path / "microphone.wav"
    plan = {
        "baseUrl": base_url,
        "micWav": str(microphone),
        "artifacts": str(ARTIFACTS),
        "result": str(result_path),
        "avatar": True,
        "turns": [
            {"wav": str(wav), "say": line, "tool": tool}
            for wav, (line, tool) in zip(wavs, TURNS, strict=True)
        ],
    }
    shutil.copyfile(wavs[0], microphone)  # Chromium opens the file at start-up
    code, output = await _run_driver(plan, tmp_path / "plan.json")
    result = _read_result(result_path, output)
    assert code == 0 and result["ok"], f"{result.get('error')}\n{output}\n{result.get('page', '')}"

    # Only the shopper page's own bundle loaded: the dashboard is fetched on demand.
    scripts = result["scripts"]
    assert scripts and all("/assets/index-" in s for s in scripts), scripts

    turns = result["turns"]
    assert len(turns) == len(TURNS)
    heard = [t["heard"].lower() for t in turns]
    assert "running" in heard[0] and "shoe" in heard[0], heard
    assert "first" in heard[1], heard
    assert "Trailblazer Running Shoe" in turns[0]["said"]
    assert "Shall I place the order?" in turns[2]["said"], turns[2]["said"]
    assert "order is placed" in turns[3]["said"], turns[3]["said"]
    assert "Main Street, Springfield, Illinois" in turns[4]["said"], turns[4]["said"]
    # The cards appeared with the conversation, in its order.
    assert turns[-1]["cards"] == [
        "search_products",
        "get_product",
        "create_order",
        "create_shipment",
    ], turns[-1]["cards"]

    products = result["cards"]["products"]
    assert str(TRAILBLAZER) in [p["id"] for p in products], products
    shown = next(p for p in products if p["id"] == str(TRAILBLAZER))
    assert "Trailblazer Running Shoe" in shown["text"] and "$44.99" in shown["text"]
    assert shown["image"] > 0, "the product image did not load"

    order_card = result["cards"]["order"]
    order_id = order_card["id"]
    assert order_id and len(order_id) == 8, order_card
    assert "$44.99" in order_card["text"]
    shipment_card = result["cards"]["shipment"]
    tracking = shipment_card["tracking"]
    assert is_valid(tracking), shipment_card
    assert shipment_card["timeline"] >= 2
    assert shipment_card["labelStatus"] == 200 and shipment_card["labelStartsPdf"], shipment_card
    assert "123 Main St, Springfield, IL 62704" in shipment_card["text"], shipment_card["text"]

    # The avatar was on for the whole purchase (every spoken turn above was heard with it
    # talking in between): live video, and a mouth that moves while it speaks.
    avatar = result["avatar"]
    assert avatar.get("available"), avatar
    assert avatar["video"]["width"] > 0 and avatar["video"]["height"] > 0, avatar
    assert avatar.get("mouth") and avatar["mouth"]["frames"] >= 10, avatar
    # The mouth opens and closes while it speaks (the share of dark pixels around the mouth
    # moves by about a tenth), and stays still at rest (breathing and blinking leave it).
    moving, resting = avatar["mouth"]["range"], avatar["idle"]["range"]
    assert avatar["idle"]["frames"] >= 10, avatar
    assert moving > 0.02 and moving > resting + 0.015, f"the avatar's mouth did not move: {avatar}"

    database = Database(database_url)
    try:
        async with database.session() as db:
            order = await db.get(Order, order_id)
            assert order is not None
            assert order.status == "shipped"
            assert order.call_id is not None and order.call_id.startswith("call_")
            assert [(ln.product_id, ln.quantity) for ln in order.lines] == [(TRAILBLAZER, 1)]
            assert order.total_cents == 4499
            shipment = await db.scalar(select(Shipment).where(Shipment.order_id == order_id))
            assert shipment is not None
            assert shipment.tracking_number == tracking
            assert shipment.carrier in shipment_card["carrier"]
            assert shipment.street.startswith("123 Main St"), shipment.street
            assert (shipment.city, shipment.state, shipment.postal_code) == (
                "Springfield",
                "IL",
                "62704",
            )
    finally:
        await database.dispose()
