"""Voice benchmark: voice-to-voice latency of the local engine, per stage, plus STT accuracy.

What runs, in order:

1. **Speech clips.** A fixed set of spoken retail utterances (:data:`UTTERANCES`: product
   searches with prices, order numbers read digit by digit, addresses, policy questions,
   tracking requests, short confirmations) is synthesized in this process with the project's
   TTS (``PiperTts``, voice ``en-US-joe``) and, as a second voice, with ``espeak-ng`` when
   that binary is on PATH (otherwise that voice is skipped and the output says so). Each clip
   is trimmed to its first and last speech sample, pauses inside it are capped at 300 ms (so
   one utterance is one turn for a 500 ms VAD window), and it is resampled to 24 kHz PCM16.
2. **Stage micro-benchmarks, in this process, before the engine starts.** ``PiperTts``:
   time to the first piece (time-to-first-audio) and real-time factor while synthesizing
   the utterances (one ``synthesize_piece`` per ``split_text`` piece, one after the other,
   as ``PiperTts.synthesize`` does on its single worker thread). ``WhisperStt``: time and
   real-time factor of ``transcribe_sync`` on each clip at 16 kHz, padded as the engine pads
   it (300 ms before, 100 ms after), and the word error rate of those transcripts.
3. **The engine**, started as its own process (``voicecart engine --host 127.0.0.1 --port
   P``, ``VOICECART_LOG_LEVEL=warning``, no LLM brain), is driven through the official
   ``azure-ai-voicelive`` SDK (``azure.ai.voicelive.aio.connect``). Each session sends
   ``session.update`` with server VAD (``silence_duration_ms`` 500) and the tools the gateway
   declares (``ToolRegistry`` + ``register_store_tools``), then a microphone task streams
   24 kHz PCM16 in 20 ms chunks on a real-time clock: a clip, then silence, continuously.
   Per turn, from **end of speech** (the moment the chunk holding the last speech sample was
   sent) the client times ``input_audio_buffer.speech_stopped`` (VAD),
   ``conversation.item.input_audio_transcription.completed`` (STT) and the first
   ``response.audio.delta`` (**voice-to-voice**). When the brain calls a function, the
   client answers at once with a canned but realistic ``function_call_output`` (shaped like
   the real tool's output, products taken from the shipped catalog) plus ``response.create``,
   and times that response's first audio separately. A turn ends at the ``response.done``
   of a response without a function call. One warm-up turn on its own session is not counted.
4. **Main pass**: one session speaks every clip once per voice (this is also the N=1 row of
   the concurrency table).
5. **Concurrency**: for each N in ``--sessions`` (other than 1) N sessions speak clips in a
   loop for ``--duration`` seconds, starts spread over the first seconds, each session
   starting at a different clip. A session waits, like a listener, until the reply it got
   would have finished playing (first audio + audio duration), then ``--gap-ms``, before
   speaking again. Reported per N: voice-to-voice p50/p95, the stages' p95, engine CPU, and
   the largest N whose voice-to-voice p95 stays <= 1.5 s.
6. After the engine stops: ``PiperTts`` time to the first piece of the engine's own replies.

Word error rate: both texts are normalised (lower case, no punctuation, ``$50`` -> ``50
dollars``, number words -> digits, every number split into single digits so "four eight two
seven" and "4827" compare equal, ``St`` -> ``street`` …), then word-level edit distance
summed over the set, divided by the number of reference words.

Percentiles are nearest-rank. Targets are printed as met / not met, never asserted:
voice-to-voice p50 < 600 ms, WER < 10 %. All traffic goes to 127.0.0.1.

Usage::

    .venv/bin/python bench/voice.py [--sessions 1,2,4,6] [--utterances 24] [--duration 30]
        [--turn-timeout 30] [--gap-ms 300] [--markdown] [--json PATH]
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import itertools
import json
import math
import os
import platform
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import AsyncIterator, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

import numpy as np
import orjson
from azure.ai.voicelive.aio import ConnectionClosed, VoiceLiveConnection, connect
from azure.core.credentials import AzureKeyCredential
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from voicecart.commerce.catalog_data import ProductData, shipped_categories, shipped_products
from voicecart.engine.audio import resample
from voicecart.engine.stt import WhisperStt
from voicecart.engine.tts import EspeakTts, PiperTts, split_text
from voicecart.session.persona import INSTRUCTIONS
from voicecart.shipping.carriers import NORTHWIND
from voicecart.shipping.tracking import new_tracking_number
from voicecart.tools.registry import ToolRegistry
from voicecart.tools.store_tools import register_store_tools

HOST: Final = "127.0.0.1"
REPO_ROOT: Final = Path(__file__).resolve().parents[1]
VOICECART_BIN: Final = REPO_ROOT / ".venv" / "bin" / "voicecart"

RATE: Final = 24_000  # wire audio: pcm16 mono 24 kHz
STT_RATE: Final = 16_000
CHUNK_MS: Final = 20
CHUNK_SAMPLES: Final = RATE * CHUNK_MS // 1000
CHUNK_BYTES: Final = CHUNK_SAMPLES * 2
SILENCE_B64: Final = base64.b64encode(bytes(CHUNK_BYTES)).decode("ascii")
LEAD_SILENCE_MS: Final = 300  # before every clip (the pause before the shopper speaks)
MAX_PAUSE_MS: Final = 300  # pauses inside a clip are capped at this
VAD_SILENCE_MS: Final = 500
MAX_TOOL_ROUNDS: Final = 3
HEALTH_TIMEOUT_S: Final = 120.0
TARGET_V2V_P50_MS: Final = 600.0
TARGET_WER: Final = 0.10
CONCURRENCY_P95_LIMIT_MS: Final = 1500.0


# ------------------------------------------------------------------------------ utterances


@dataclass(frozen=True)
class Utterance:
    key: str
    kind: str
    text: str


UTTERANCES: Final[tuple[Utterance, ...]] = (
    Utterance("u01", "search", "Hi, I'm looking for running shoes under fifty dollars."),
    Utterance("u02", "details", "Tell me more about the second one."),
    Utterance("u03", "search", "Do you have a coffee maker for less than one hundred dollars?"),
    Utterance("u04", "search", "Show me wireless earbuds under eighty dollars."),
    Utterance("u05", "search", "I'd like to buy two of the blue water bottles."),
    Utterance("u06", "confirm", "Yes, please."),
    Utterance(
        "u07",
        "address",
        "Ship it to one twenty three Main Street, Springfield, Illinois, six two seven zero four.",
    ),
    Utterance("u08", "confirm", "Yes, that's right."),
    Utterance(
        "u09", "order", "What is the status of order four eight two seven, one nine three zero?"
    ),
    Utterance(
        "u10",
        "tracking",
        "Where is my package? The order number is five five one two, zero eight three six.",
    ),
    Utterance(
        "u11", "tracking", "Can you track order number seven seven zero one, four two nine five?"
    ),
    Utterance("u12", "order", "Please cancel order three one four one, five nine two six."),
    Utterance("u13", "confirm", "No, keep it."),
    Utterance("u14", "policy", "What is your return policy?"),
    Utterance("u15", "policy", "How long does standard shipping take?"),
    Utterance("u16", "policy", "Can I get a refund if the item arrives damaged?"),
    Utterance("u17", "search", "Find me a yoga mat under thirty dollars."),
    Utterance("u18", "search", "I need a tent for two people."),
    Utterance("u19", "search", "Do you have hiking boots in size ten?"),
    Utterance("u20", "search", "What categories do you have?"),
    Utterance(
        "u21",
        "address",
        "My address is forty five Oak Avenue, Portland, Oregon, nine seven two zero one.",
    ),
    Utterance("u22", "policy", "Is the warranty on headphones one year or two years?"),
    Utterance(
        "u23",
        "tracking",
        "Track my shipment, please. The order number is two two eight four, six one zero three.",
    ),
    Utterance("u24", "policy", "Do you ship to Canada?"),
)


# ------------------------------------------------------------------------ text normaliser

_UNIT_WORDS: Final = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
_TENS_WORDS: Final = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS: Final = {w: i for i, w in enumerate(_UNIT_WORDS)}
_TENS: Final = {w: 10 * i for i, w in enumerate(_TENS_WORDS, 2)}
_WORD_MAP: Final = {
    "st": "street",
    "ave": "avenue",
    "rd": "road",
    "ok": "okay",
    "mr": "mister",
    "mrs": "missus",
    "percent": "percent",
}


def _digits(value: int) -> list[str]:
    return list(str(value))


def _numbers_to_digits(words: Sequence[str]) -> list[str]:
    """Number words -> digits, every number as single digits ("forty five" -> "4 5")."""
    out: list[str] = []
    value: int | None = None
    last = ""  # kind of the last number word: unit, teen, tens, hundred, thousand

    def flush() -> None:
        nonlocal value, last
        if value is not None:
            out.extend(_digits(value))
        value, last = None, ""

    for word in words:
        if word.isdigit():
            flush()
            out.extend(word)
        elif word in _UNITS and _UNITS[word] < 10:
            if value is not None and last in ("tens", "hundred", "thousand"):
                value += _UNITS[word]
            else:
                flush()
                value = _UNITS[word]
            last = "unit"
        elif word in _UNITS:
            if value is not None and last in ("hundred", "thousand"):
                value += _UNITS[word]
            else:
                flush()
                value = _UNITS[word]
            last = "teen"
        elif word in _TENS:
            if value is not None and last in ("hundred", "thousand"):
                value += _TENS[word]
            else:
                flush()
                value = _TENS[word]
            last = "tens"
        elif word == "hundred":
            if value is not None and last in ("unit", "teen", "tens") and value < 100:
                value *= 100
            else:
                flush()
                value = 100
            last = "hundred"
        elif word == "thousand":
            if value is not None and last != "thousand" and value < 1000:
                value *= 1000
            else:
                flush()
                value = 1000
            last = "thousand"
        elif word == "a" and value is None:
            out.append(word)  # "a hundred" keeps its "a"; harmless either way
        else:
            flush()
            out.append(word)
    flush()
    return out


def normalise(text: str) -> list[str]:
    """Words for WER: lower case, no punctuation, money and numbers as single digits."""
    t = text.lower().replace("\u2019", "'")
    t = re.sub(
        r"\$\s?(\d[\d,]*)(?:\.(\d\d))?",
        lambda m: f" {m.group(1)} dollars" + (f" {m.group(2)} cents" if m.group(2) else ""),
        t,
    )
    t = re.sub(r"(?<=\d),(?=\d{3}\b)", "", t)
    t = t.replace("%", " percent ").replace("&", " and ")
    t = t.replace("'", "")
    t = re.sub(r"(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)", " ", t)
    words = [_WORD_MAP.get(w, w) for w in re.findall(r"[a-z0-9]+", t)]
    return _numbers_to_digits(words)


def edit_distance(ref: Sequence[str], hyp: Sequence[str]) -> int:
    previous = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        current = [i]
        for j, h in enumerate(hyp, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r != h)))
        previous = current
    return previous[-1]


@dataclass
class WerTotal:
    errors: int = 0
    words: int = 0
    utterances: int = 0
    exact: int = 0

    def add(self, reference: str, hypothesis: str) -> int:
        ref, hyp = normalise(reference), normalise(hypothesis)
        errors = edit_distance(ref, hyp)
        self.errors += errors
        self.words += len(ref)
        self.utterances += 1
        self.exact += errors == 0
        return errors

    @property
    def wer(self) -> float:
        return self.errors / self.words if self.words else float("nan")


# ------------------------------------------------------------------------------ statistics


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile; NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def fmt_ms(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.0f}"


def fmt_s(value: float, digits: int = 2) -> str:
    return "-" if math.isnan(value) else f"{value:.{digits}f}"


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


# ------------------------------------------------------------------------------ audio


def _frame_rms(samples: np.ndarray, frame: int) -> np.ndarray:
    usable = samples[: len(samples) // frame * frame].astype(np.float64)
    if usable.size == 0:
        return np.zeros(0)
    rms: np.ndarray = np.sqrt(np.mean(usable.reshape(-1, frame) ** 2, axis=1))
    return rms


def trim_speech(pcm16: bytes, rate: int) -> bytes:
    """Cut leading/trailing silence (10 ms frames below -45 dBFS and 40 dB under the loudest
    frame), keep 20 ms around the speech, and cap pauses inside at ``MAX_PAUSE_MS``."""
    samples = np.frombuffer(pcm16, dtype="<i2")
    frame = rate // 100
    rms = _frame_rms(samples, frame)
    if rms.size == 0 or rms.max() <= 0:
        return pcm16
    threshold = max(32768 * 10 ** (-45 / 20), rms.max() * 10 ** (-40 / 20))
    voiced = np.flatnonzero(rms >= threshold)
    first, last = int(voiced[0]), int(voiced[-1])
    keep: list[np.ndarray] = []
    max_pause = MAX_PAUSE_MS // 10
    run_start: int | None = None
    for i in range(first, last + 1):
        if rms[i] >= threshold:
            if run_start is not None:
                pause = i - run_start
                take = min(pause, max_pause)
                keep.append(samples[run_start * frame : (run_start + take) * frame])
                run_start = None
            keep.append(samples[i * frame : (i + 1) * frame])
        elif run_start is None:
            run_start = i
    margin = 2 * frame
    head = samples[max(0, first * frame - margin) : first * frame]
    tail = samples[(last + 1) * frame : (last + 1) * frame + margin]
    return np.concatenate([head, *keep, tail]).astype("<i2").tobytes()


def b64_chunks(pcm24: bytes) -> list[str]:
    """20 ms base64 chunks; the last one padded with zeros."""
    padded = pcm24 + bytes(-len(pcm24) % CHUNK_BYTES)
    return [
        base64.b64encode(padded[i : i + CHUNK_BYTES]).decode("ascii")
        for i in range(0, len(padded), CHUNK_BYTES)
    ]


@dataclass
class Clip:
    utterance: Utterance
    voice: str
    pcm24: bytes
    chunks: list[str]

    @property
    def speech_s(self) -> float:
        return len(self.pcm24) / 2 / RATE


@dataclass
class TtsTiming:
    key: str
    pieces: int
    ttfa_s: float  # first piece ready
    synth_s: float  # all pieces
    audio_s: float

    @property
    def rtf(self) -> float:
        return self.synth_s / self.audio_s if self.audio_s else float("nan")


def piper_clips(
    tts: PiperTts, utterances: Sequence[Utterance], progress: Progress
) -> tuple[list[Clip], list[TtsTiming]]:
    """Synthesize every utterance with piper, timing it like the engine's streaming TTS."""
    tts.synthesize_piece("Hello there.")  # load + warm-up, not timed
    task = progress.add_task("TTS (piper, in-process): utterances", total=len(utterances))
    clips: list[Clip] = []
    timings: list[TtsTiming] = []
    for u in utterances:
        pieces = split_text(u.text, max_chars=tts.max_chars)
        pcm = bytearray()
        started = time.perf_counter()
        ttfa = float("nan")
        rate = tts.sample_rate
        for piece in pieces:
            chunk = tts.synthesize_piece(piece)
            if math.isnan(ttfa):
                ttfa = time.perf_counter() - started
            pcm.extend(chunk.pcm16)
            rate = chunk.sample_rate
        synth = time.perf_counter() - started
        timings.append(TtsTiming(u.key, len(pieces), ttfa, synth, len(pcm) / 2 / rate))
        pcm24 = resample(trim_speech(bytes(pcm), rate), rate, RATE)
        clips.append(Clip(u, "piper en-US-joe", pcm24, b64_chunks(pcm24)))
        progress.advance(task)
    return clips, timings


async def espeak_clips(utterances: Sequence[Utterance]) -> list[Clip]:
    tts = EspeakTts()
    clips: list[Clip] = []
    for u in utterances:
        chunk = await tts.synthesize_piece(u.text)
        pcm24 = resample(trim_speech(chunk.pcm16, chunk.sample_rate), chunk.sample_rate, RATE)
        clips.append(Clip(u, "espeak-ng en-us", pcm24, b64_chunks(pcm24)))
    return clips


def engine_stt_input(pcm24: bytes) -> bytes:
    """What the engine hands Whisper for a clip: 300 ms before, 100 ms after, at 16 kHz."""
    lead = bytes(RATE * LEAD_SILENCE_MS // 1000 * 2)
    tail = bytes(RATE * 100 // 1000 * 2)
    return resample(lead + pcm24 + tail, RATE, STT_RATE)


@dataclass
class SttTiming:
    key: str
    voice: str
    seconds: float
    audio_s: float
    transcript: str

    @property
    def rtf(self) -> float:
        return self.seconds / self.audio_s if self.audio_s else float("nan")


def stt_micro(clips: Sequence[Clip], progress: Progress) -> list[SttTiming]:
    stt = WhisperStt()
    stt.load()
    stt.transcribe_sync(engine_stt_input(clips[0].pcm24))  # warm-up, not timed
    task = progress.add_task("STT (whisper, in-process): clips", total=len(clips))
    out: list[SttTiming] = []
    for clip in clips:
        audio = engine_stt_input(clip.pcm24)
        started = time.perf_counter()
        text = stt.transcribe_sync(audio)
        seconds = time.perf_counter() - started
        out.append(
            SttTiming(clip.utterance.key, clip.voice, seconds, len(audio) / 2 / STT_RATE, text)
        )
        progress.advance(task)
    return out


# ------------------------------------------------------------------------ canned tool outputs

_STOP_WORDS: Final = frozenset(
    {
        "a", "an", "the", "for", "of", "in", "on", "to", "me", "i", "im", "id", "do", "you",
        "have", "show", "find", "need", "looking", "like", "buy", "with", "under", "less",
        "than", "dollars", "some", "any", "and", "or",
    }
)  # fmt: skip


def _dollars(cents: int) -> float:
    return round(cents / 100, 2)


def _stock_words(stock: int) -> str:
    return "out of stock" if stock <= 0 else f"only {stock} left" if stock <= 5 else "in stock"


def _category_names() -> dict[str, str]:
    return {c.slug: c.name for c in shipped_categories()}


def _hit(p: ProductData) -> dict[str, Any]:
    hit: dict[str, Any] = {
        "id": p.id,
        "name": p.name,
        "price": _dollars(p.price_cents),
        "stock": _stock_words(p.stock),
        "category": _category_names().get(p.category, p.category),
    }
    colors = p.attributes.get("colors")
    if isinstance(colors, list) and colors:
        hit["colors"] = [str(c) for c in colors[:5]]
    return hit


def _matches(query: str, max_price: float | None) -> list[ProductData]:
    terms = {w.rstrip("s") for w in re.findall(r"[a-z]+", query.lower())} - _STOP_WORDS
    scored: list[tuple[int, int, ProductData]] = []
    for p in shipped_products():
        if max_price is not None and p.price_cents > max_price * 100:
            continue
        text = " ".join([p.name, p.category, *p.tags]).lower()
        words = {w.rstrip("s") for w in re.findall(r"[a-z]+", text)}
        score = len(terms & words)
        if score:
            scored.append((-score, p.price_cents, p))
    scored.sort(key=lambda s: (s[0], s[1]))
    return [p for _, _, p in scored]


def _order(
    order_id: str, status: str, lines: object = None, *, tracking: str | None = None
) -> dict[str, Any]:
    """An order output; ``lines`` as create_order's argument (default: two T-shirts)."""
    products = {p.id: p for p in shipped_products()}
    wanted: list[tuple[ProductData, int]] = []
    for line in lines if isinstance(lines, list) else []:
        pid = line.get("product_id") if isinstance(line, dict) else None
        qty = line.get("quantity", 1) if isinstance(line, dict) else 1
        if isinstance(pid, int) and pid in products and isinstance(qty, int):
            wanted.append((products[pid], qty))
    wanted = wanted or [(products[min(products)], 2)]
    out: dict[str, Any] = {
        "order_id": order_id,
        "spoken_id": f"{order_id[:4]} {order_id[4:]}",
        "status": status,
        "lines": [
            {
                "product_id": p.id,
                "name": p.name,
                "quantity": qty,
                "unit_price": _dollars(p.price_cents),
                "line_total": _dollars(qty * p.price_cents),
            }
            for p, qty in wanted
        ],
        "total": _dollars(sum(qty * p.price_cents for p, qty in wanted)),
        "currency": "USD",
    }
    if tracking:
        out["tracking_number"] = tracking
        out["spoken_tracking"] = _spoken_tracking(tracking)
    return out


def _spoken_tracking(number: str) -> str:
    parts = re.findall(r"[A-Z]+|\d+", number)
    return " ".join(p[i : i + 4] for p in parts for i in range(0, len(p), 4) if p)


def _shipment(order_id: str, status: str, address: str, speed: str) -> dict[str, Any]:
    tracking = new_tracking_number(NORTHWIND)
    return {
        "shipment_id": 731,
        "order_id": order_id,
        "spoken_order_id": f"{order_id[:4]} {order_id[4:]}",
        "carrier": NORTHWIND,
        "service": {"standard": "Ground", "expedited": "2Day", "overnight": "Overnight"}.get(
            speed, "Ground"
        ),
        "tracking_number": tracking,
        "spoken_tracking": _spoken_tracking(tracking),
        "status": status,
        "estimated_delivery": "2026-11-30",
        "estimated_delivery_weekday": "Monday",
        "cost": 0.0,
        "currency": "USD",
        "ship_to": address,
        "latest_event": {
            "description": "Departed sorting facility",
            "location": "Columbus, OH",
            "at": "2026-11-25T07:40",
        },
    }


def _digits_of(value: object, default: str) -> str:
    digits = re.sub(r"\D", "", str(value or ""))
    return digits if len(digits) == 8 else default


def canned_output(name: str, arguments: str) -> dict[str, Any]:
    """What the real tool would answer, without a database (products from the catalog)."""
    try:
        args = json.loads(arguments) if arguments else {}
    except json.JSONDecodeError:
        args = {}
    if not isinstance(args, dict):
        args = {}
    if name == "search_products":
        query = str(args.get("query", ""))
        raw_price = args.get("max_price")
        max_price = float(raw_price) if isinstance(raw_price, int | float) else None
        found = _matches(query, max_price)
        understood: dict[str, Any] = {"terms": sorted(set(re.findall(r"[a-z]+", query.lower())))}
        if max_price is not None:
            understood["max_price"] = max_price
        output: dict[str, Any] = {
            "total": len(found),
            "currency": "USD",
            "understood": understood,
            "products": [_hit(p) for p in found[:5]],
        }
        if not found:
            output["hint"] = "nothing matched; suggest other words, a category or a higher budget"
        return output
    if name == "get_product":
        pid = args.get("product_id")
        products = {p.id: p for p in shipped_products()}
        if not isinstance(pid, int) or pid not in products:
            return {"error": {"code": "not_found", "message": f"no product {pid}"}}
        p = products[pid]
        detail = _hit(p)
        detail.update(
            brand=p.brand,
            currency="USD",
            attributes={k: v for k, v in p.attributes.items() if k != "colors"},
            description=p.description[:300],
        )
        return detail
    if name == "list_categories":
        counts: dict[str, int] = {}
        for p in shipped_products():
            counts[p.category] = counts.get(p.category, 0) + 1
        return {
            "categories": [
                {"name": c.name, "category": c.slug, "products": counts.get(c.slug, 0)}
                for c in shipped_categories()
            ]
        }
    if name == "create_order":
        return _order("50318264", "placed", args.get("lines"))
    if name == "get_order":
        return _order(_digits_of(args.get("order_id"), "48271930"), "placed")
    if name == "cancel_order":
        return _order(_digits_of(args.get("order_id"), "31415926"), "cancelled")
    if name == "create_shipment":
        order_id = _digits_of(args.get("order_id"), "50318264")
        address = str(args.get("address") or "123 Main St, Springfield, IL 62704, US")
        return _shipment(order_id, "label_created", address, str(args.get("speed", "standard")))
    if name == "track_shipment":
        order_id = _digits_of(args.get("order_id"), "55120836")
        return _shipment(order_id, "in_transit", "45 Oak Ave, Portland, OR 97201, US", "standard")
    return {"error": {"code": "not_found", "message": f"no tool named {name}"}}


def tool_definitions() -> list[dict[str, Any]]:
    registry = ToolRegistry()
    register_store_tools(registry)
    return registry.definitions()


def session_config(tools: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "modalities": ["text", "audio"],
        "instructions": INSTRUCTIONS,
        "voice": "en-US-AvaNeural",
        "input_audio_format": "pcm16",
        "output_audio_format": "pcm16",
        "input_audio_sampling_rate": RATE,
        "turn_detection": {
            "type": "server_vad",
            "threshold": 0.5,
            "prefix_padding_ms": 300,
            "silence_duration_ms": VAD_SILENCE_MS,
        },
        "input_audio_transcription": {"model": "whisper-1"},
        "tools": tools,
        "tool_choice": "auto",
        "temperature": 0.7,
    }


# ------------------------------------------------------------------------------ the engine


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def engine_health(port: int) -> dict[str, Any] | None:
    try:
        with urllib.request.urlopen(f"http://{HOST}:{port}/health", timeout=2) as r:
            data: dict[str, Any] = json.loads(r.read())
            return data
    except (urllib.error.URLError, OSError, ValueError):
        return None


class EngineProcess:
    """``voicecart engine`` in its own process group; stopped by its own pid."""

    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.log_path = workdir / "engine.log"
        self.workdir = workdir
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("VOICECART_BRAIN_LLM")}
        env.update(VOICECART_LOG_LEVEL="warning", VOICECART_BRAIN_LLM_URL="")
        command = [str(VOICECART_BIN), "engine", "--host", HOST, "--port", str(self.port)]
        with self.log_path.open("wb") as log:
            self.proc = subprocess.Popen(
                command,
                cwd=self.workdir,  # no stray .env with an LLM endpoint is read
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait_healthy(self) -> dict[str, Any]:
        assert self.proc is not None
        deadline = time.monotonic() + HEALTH_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"engine exited with {self.proc.returncode}:\n{self.log_tail()}")
            health = engine_health(self.port)
            if health and health.get("parts"):
                return health
            time.sleep(0.25)
        raise RuntimeError(f"engine not healthy after {HEALTH_TIMEOUT_S:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        proc = self.proc
        if proc is None or proc.poll() is not None:
            return
        for sig, wait_s in ((signal.SIGINT, 10.0), (signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, sig)  # the group this script created for the engine
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=wait_s)
                return


# ------------------------------------------------------------------------------ CPU


def _clk_tck() -> int:
    try:
        return int(os.sysconf("SC_CLK_TCK"))
    except (ValueError, OSError):
        return 100


CLK_TCK: Final = _clk_tck()


@dataclass(frozen=True)
class CpuSnapshot:
    wall: float
    busy: float  # the whole machine, CPU seconds
    engine: float
    own: float

    @staticmethod
    def take(engine_pid: int | None) -> CpuSnapshot:
        busy = 0.0
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
            idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
            busy = (sum(fields[:8]) - idle) / CLK_TCK
        engine = 0.0
        if engine_pid is not None:
            with contextlib.suppress(OSError, ValueError, IndexError):
                stat = Path(f"/proc/{engine_pid}/stat").read_text().rsplit(")", 1)[1].split()
                engine = (int(stat[11]) + int(stat[12])) / CLK_TCK
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return CpuSnapshot(time.perf_counter(), busy, engine, usage.ru_utime + usage.ru_stime)


@dataclass(frozen=True)
class CpuShare:
    engine_pct: float
    own_pct: float
    other_pct: float

    @staticmethod
    def between(a: CpuSnapshot, b: CpuSnapshot) -> CpuShare:
        wall = max(1e-9, b.wall - a.wall)
        engine, own = b.engine - a.engine, b.own - a.own
        other = max(0.0, (b.busy - a.busy) - engine - own)
        return CpuShare(100 * engine / wall, 100 * own / wall, 100 * other / wall)


# ------------------------------------------------------------------------------ sessions


@dataclass
class ToolRound:
    names: list[str]
    t_sent: float
    t_first_audio: float | None = None


@dataclass
class Turn:
    key: str
    voice: str
    kind: str
    reference: str
    speech_s: float
    session: int
    t_end: float | None = None
    end_lag_ms: float = 0.0  # how late the last speech chunk left vs. the real-time clock
    t_stopped: float | None = None
    t_transcript: float | None = None
    t_first_audio: float | None = None
    t_call_done: float | None = None
    t_done: float | None = None
    early_stops: int = 0  # speech_stopped before the clip ended (the VAD split the turn)
    transcripts: list[str] = field(default_factory=list)
    replies: list[str] = field(default_factory=list)
    tools: list[ToolRound] = field(default_factory=list)
    audio_ms: float = 0.0
    status: str = "pending"
    errors: list[str] = field(default_factory=list)
    done: asyncio.Event = field(default_factory=asyncio.Event, repr=False)

    def ms(self, start: float | None, end: float | None) -> float:
        return (end - start) * 1000 if start is not None and end is not None else float("nan")

    @property
    def ok(self) -> bool:
        return (
            self.status == "completed" and self.early_stops == 0 and self.t_first_audio is not None
        )

    @property
    def tool_turn(self) -> bool:
        return bool(self.tools)

    @property
    def vad_ms(self) -> float:
        return self.ms(self.t_end, self.t_stopped)

    @property
    def stt_ms(self) -> float:
        return self.ms(self.t_stopped, self.t_transcript)

    @property
    def transcript_ms(self) -> float:
        return self.ms(self.t_end, self.t_transcript)

    @property
    def reply_ms(self) -> float:
        """Transcript -> first audio of a direct answer (brain + first TTS piece)."""
        return float("nan") if self.tools else self.ms(self.t_transcript, self.t_first_audio)

    @property
    def call_ms(self) -> float:
        """Transcript -> the function-call response is done (brain decides to call)."""
        return self.ms(self.t_transcript, self.t_call_done)

    @property
    def tool_ttfa_ms(self) -> float:
        """function_call_output + response.create sent -> that response's first audio."""
        return (
            self.ms(self.tools[0].t_sent, self.tools[0].t_first_audio) if self.tools else math.nan
        )

    @property
    def v2v_ms(self) -> float:
        return self.ms(self.t_end, self.t_first_audio)

    @property
    def transcript(self) -> str:
        return " ".join(t for t in self.transcripts if t)

    def summary(self) -> dict[str, Any]:
        skip = ("done", "tools")
        out = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in skip}
        out["tools"] = [r.names for r in self.tools]
        for name in ("vad_ms", "stt_ms", "reply_ms", "call_ms", "tool_ttfa_ms", "v2v_ms"):
            value = getattr(self, name)
            out[name] = None if math.isnan(value) else round(value, 1)
        return out


class Session:
    """One engine connection: a real-time microphone task and an event reader."""

    def __init__(self, conn: VoiceLiveConnection, index: int, tools: list[dict[str, Any]]):
        self.conn = conn
        self.index = index
        self.tools = tools
        self.turn: Turn | None = None
        self.errors: list[str] = []
        self.updated = asyncio.Event()
        self.max_lag_ms = 0.0
        self._lock = asyncio.Lock()
        self._pending: deque[tuple[str, asyncio.Future[tuple[float, float]] | None]] = deque()
        self._tasks: list[asyncio.Task[None]] = []
        self._closed = False

    async def start(self) -> None:
        self._tasks = [
            asyncio.create_task(self._receive(), name=f"recv-{self.index}"),
            asyncio.create_task(self._mic(), name=f"mic-{self.index}"),
        ]
        await self.send({"type": "session.update", "session": session_config(self.tools)})
        await asyncio.wait_for(self.updated.wait(), 15)
        if self.errors:
            raise RuntimeError(f"session.update refused: {self.errors[0]}")

    async def stop(self) -> None:
        self._closed = True
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def send(self, event: dict[str, Any]) -> None:
        async with self._lock:
            await self.conn.send(event)

    # -- microphone: a chunk every 20 ms on an absolute clock, silence when idle

    async def _mic(self) -> None:
        t0 = time.perf_counter()
        for k in itertools.count():
            if self._closed:
                return
            due = t0 + k * CHUNK_MS / 1000
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            lag_ms = (time.perf_counter() - due) * 1000
            audio, marker = self._pending.popleft() if self._pending else (SILENCE_B64, None)
            try:
                await self.send({"type": "input_audio_buffer.append", "audio": audio})
            except Exception as exc:  # the connection went away
                self.errors.append(f"mic send failed: {exc!r}")
                return
            if marker is not None and not marker.done():
                marker.set_result((time.perf_counter(), lag_ms))
            if self.turn is not None and self.turn.t_end is None:
                self.max_lag_ms = max(self.max_lag_ms, lag_ms)

    def speak(self, clip: Clip) -> asyncio.Future[tuple[float, float]]:
        """Queue leading silence + the clip; resolves to (send time, lag ms) of the last
        speech chunk."""
        future: asyncio.Future[tuple[float, float]] = asyncio.get_running_loop().create_future()
        for _ in range(LEAD_SILENCE_MS // CHUNK_MS):
            self._pending.append((SILENCE_B64, None))
        for i, chunk in enumerate(clip.chunks):
            self._pending.append((chunk, future if i == len(clip.chunks) - 1 else None))
        return future

    # -- events

    async def _receive(self) -> None:
        while not self._closed:
            try:
                raw = await self.conn.recv_bytes()
            except (ConnectionClosed, asyncio.CancelledError):
                return
            except Exception as exc:
                self.errors.append(f"receive failed: {exc!r}")
                return
            if not raw:
                continue
            now = time.perf_counter()
            event: dict[str, Any] = orjson.loads(raw)
            await self._on_event(event, now)

    async def _on_event(self, event: dict[str, Any], now: float) -> None:
        kind = event.get("type")
        turn = self.turn
        if kind == "session.updated":
            self.updated.set()
            return
        if kind == "error":
            error = event.get("error") or {}
            text = f"{error.get('code')}: {error.get('message')}"
            self.errors.append(text)
            if turn is not None:
                turn.errors.append(text)
            self.updated.set()
            return
        if turn is None:
            return
        speaking = turn.t_end is None
        if kind == "input_audio_buffer.speech_stopped":
            if speaking:
                turn.early_stops += 1
            elif turn.t_stopped is None:
                turn.t_stopped = now
        elif kind == "conversation.item.input_audio_transcription.completed":
            turn.transcripts.append(str(event.get("transcript") or "").strip())
            if not speaking and turn.t_transcript is None:
                turn.t_transcript = now
        elif kind == "response.audio.delta":
            if speaking:
                return
            turn.audio_ms += len(event.get("delta") or "") * 3 / 4 / 2 / RATE * 1000
            if turn.t_first_audio is None:
                turn.t_first_audio = now
            if turn.tools and turn.tools[-1].t_first_audio is None:
                turn.tools[-1].t_first_audio = now
        elif kind == "response.audio_transcript.done":
            if not speaking:
                turn.replies.append(str(event.get("transcript") or ""))
        elif kind == "response.done" and not speaking:
            await self._on_response_done(turn, event, now)

    async def _on_response_done(self, turn: Turn, event: dict[str, Any], now: float) -> None:
        response = event.get("response") or {}
        status = str(response.get("status") or "")
        calls = [o for o in response.get("output") or [] if o.get("type") == "function_call"]
        if calls and status == "completed" and len(turn.tools) < MAX_TOOL_ROUNDS:
            if turn.t_call_done is None:
                turn.t_call_done = now
            for call in calls:
                output = canned_output(str(call.get("name")), str(call.get("arguments") or ""))
                item = {
                    "type": "function_call_output",
                    "call_id": call.get("call_id"),
                    "output": json.dumps(output),
                }
                await self.send({"type": "conversation.item.create", "item": item})
            await self.send({"type": "response.create"})
            turn.tools.append(ToolRound([str(c.get("name")) for c in calls], time.perf_counter()))
            return
        turn.t_done = now
        turn.status = status or "unknown"
        turn.done.set()

    async def run_turn(self, clip: Clip, turn_timeout: float) -> Turn:
        turn = Turn(
            clip.utterance.key, clip.voice, clip.utterance.kind, clip.utterance.text,
            clip.speech_s, self.index,
        )  # fmt: skip
        self.turn = turn
        try:
            turn.t_end, turn.end_lag_ms = await asyncio.wait_for(
                self.speak(clip), turn_timeout + clip.speech_s + 5
            )
            await asyncio.wait_for(turn.done.wait(), turn_timeout)
        except TimeoutError:
            turn.status = "timeout"
        return turn


@contextlib.asynccontextmanager
async def open_session(
    port: int, index: int, tools: list[dict[str, Any]]
) -> AsyncIterator[Session]:
    async with connect(
        endpoint=f"http://{HOST}:{port}",
        credential=AzureKeyCredential("local"),
        model="local",
        connection_options={"max_msg_size": 16 * 1024 * 1024},
    ) as conn:
        session = Session(conn, index, tools)
        await session.start()
        try:
            yield session
        finally:
            await session.stop()


# ------------------------------------------------------------------------------ passes


@dataclass
class Level:
    n: int
    turns: list[Turn]
    seconds: float
    cpu: CpuShare
    max_lag_ms: float
    load_before: float
    label: str = ""

    @property
    def ok_turns(self) -> list[Turn]:
        return [t for t in self.turns if t.ok]


async def warm_up(port: int, clip: Clip, tools: list[dict[str, Any]], turn_timeout: float) -> Turn:
    async with open_session(port, 0, tools) as session:
        return await session.run_turn(clip, turn_timeout)


async def main_pass(
    port: int,
    clips: Sequence[Clip],
    tools: list[dict[str, Any]],
    turn_timeout: float,
    progress: Progress,
    engine_pid: int,
) -> Level:
    task = progress.add_task("engine, 1 session: main pass", total=len(clips))
    turns: list[Turn] = []
    load = os.getloadavg()[0]
    before = CpuSnapshot.take(engine_pid)
    max_lag = 0.0
    for voice in dict.fromkeys(c.voice for c in clips):
        async with open_session(port, 1, tools) as session:
            for clip in (c for c in clips if c.voice == voice):
                turn = await session.run_turn(clip, turn_timeout)
                turns.append(turn)
                v2v = fmt_ms(turn.v2v_ms)
                progress.update(task, description=f"main pass: {clip.utterance.key} {v2v} ms")
                progress.advance(task)
                await asyncio.sleep(0.2)
            max_lag = max(max_lag, session.max_lag_ms)
    after = CpuSnapshot.take(engine_pid)
    return Level(
        1, turns, after.wall - before.wall, CpuShare.between(before, after), max_lag, load,
        "main pass",
    )  # fmt: skip


async def concurrency_level(
    port: int,
    clips: Sequence[Clip],
    tools: list[dict[str, Any]],
    n: int,
    duration: float,
    turn_timeout: float,
    gap_s: float,
    progress: Progress,
    engine_pid: int,
) -> Level:
    task = progress.add_task(f"engine, {n} sessions", total=duration)
    turns: list[Turn] = []
    load = os.getloadavg()[0]
    async with contextlib.AsyncExitStack() as stack:
        sessions = [await stack.enter_async_context(open_session(port, i, tools)) for i in range(n)]
        before = CpuSnapshot.take(engine_pid)
        start = time.perf_counter() + 0.5
        deadline = start + duration
        stagger = min(4.0, duration / 4) / n

        async def speaker(i: int, session: Session) -> None:
            await asyncio.sleep(max(0.0, start + i * stagger - time.perf_counter()))
            offset = i * len(clips) // n
            for j in range(10_000):  # bounded; the deadline ends it long before
                if time.perf_counter() >= deadline:
                    return
                turn = await session.run_turn(clips[(offset + j) % len(clips)], turn_timeout)
                turns.append(turn)
                if turn.t_first_audio is not None:  # listen until the reply has played
                    played = turn.t_first_audio + turn.audio_ms / 1000
                    await asyncio.sleep(max(0.0, played - time.perf_counter()))
                await asyncio.sleep(gap_s)

        async def ticker() -> None:
            while True:
                elapsed = min(duration, time.perf_counter() - start)
                ok = [t.v2v_ms for t in turns if t.ok]
                progress.update(
                    task,
                    completed=max(0.0, elapsed),
                    description=f"engine, {n} sessions: {len(turns)} turns, "
                    f"p95 {fmt_ms(percentile(ok, 95))} ms",
                )
                await asyncio.sleep(0.5)

        tick = asyncio.create_task(ticker())
        try:
            await asyncio.gather(*(speaker(i, s) for i, s in enumerate(sessions)))
        finally:
            tick.cancel()
            await asyncio.gather(tick, return_exceptions=True)
        after = CpuSnapshot.take(engine_pid)
        max_lag = max(s.max_lag_ms for s in sessions)
    progress.update(task, completed=duration)
    return Level(n, turns, after.wall - before.wall, CpuShare.between(before, after), max_lag, load)


# ------------------------------------------------------------------------------ reporting


def new_table(title: str, columns: Sequence[str], numeric_from: int = 1) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False)
    for i, column in enumerate(columns):
        table.add_column(column, justify="right" if i >= numeric_from else "left")
    return table


def print_table(console: Console, table: Table, markdown: bool) -> None:
    console.print(table)
    if markdown:
        headers = [str(c.header) for c in table.columns]
        rows = list(zip(*[list(c.cells) for c in table.columns], strict=True))
        aligns = [":---" if c.justify == "left" else "---:" for c in table.columns]
        lines = [f"| {' | '.join(headers)} |", f"|{'|'.join(aligns)}|"]
        lines += [f"| {' | '.join(str(x) for x in row)} |" for row in rows]
        console.print("\n".join(lines), markup=False, highlight=False, soft_wrap=True)
        console.print()


def stage_row(name: str, values: Sequence[float]) -> list[str]:
    vals = [v for v in values if not math.isnan(v)]
    return [
        name,
        str(len(vals)),
        fmt_ms(percentile(vals, 50)),
        fmt_ms(percentile(vals, 95)),
        fmt_ms(mean(vals)),
        fmt_ms(max(vals) if vals else float("nan")),
    ]


def stage_table(level: Level) -> Table:
    ok = level.ok_turns
    direct = [t for t in ok if not t.tool_turn]
    tool = [t for t in ok if t.tool_turn]
    table = new_table(
        f"Voice-to-voice by stage, 1 session ({len(ok)} of {len(level.turns)} turns usable; "
        f"{len(direct)} answered directly, {len(tool)} through a function call)",
        ["stage (from end of speech unless noted)", "n", "p50 ms", "p95 ms", "mean ms", "max ms"],
    )
    rows = [
        ("VAD: end of speech -> speech_stopped", [t.vad_ms for t in ok]),
        ("STT: speech_stopped -> transcription.completed", [t.stt_ms for t in ok]),
        ("end of speech -> transcript", [t.transcript_ms for t in ok]),
        ("direct: transcript -> first audio (brain + 1st TTS piece)", [t.reply_ms for t in direct]),
        ("direct: voice-to-voice", [t.v2v_ms for t in direct]),
        ("tool: transcript -> function call done", [t.call_ms for t in tool]),
        ("tool: output sent -> first audio (tool-result TTFA)", [t.tool_ttfa_ms for t in tool]),
        ("tool: voice-to-voice (tool answered in 0 ms)", [t.v2v_ms for t in tool]),
        ("all turns: voice-to-voice", [t.v2v_ms for t in ok]),
    ]
    for name, values in rows:
        table.add_row(*stage_row(name, values))
    return table


def turns_table(level: Level) -> Table:
    table = new_table(
        "Per utterance, 1 session (engine transcripts; errors = word edits after normalising)",
        ["utt", "kind", "voice", "speech s", "VAD ms", "STT ms", "v2v ms", "tools", "errors",
         "transcript"],
        numeric_from=3,
    )  # fmt: skip
    for t in level.turns:
        errors = edit_distance(normalise(t.reference), normalise(t.transcript))
        table.add_row(
            t.key, t.kind, t.voice.split()[0], f"{t.speech_s:.2f}", fmt_ms(t.vad_ms),
            fmt_ms(t.stt_ms), fmt_ms(t.v2v_ms) + ("" if t.ok else f" ({t.status})"),
            ",".join(n for r in t.tools for n in r.names) or "-", str(errors),
            escape(t.transcript[:70]),
        )  # fmt: skip
    return table


def concurrency_table(levels: Sequence[Level]) -> Table:
    table = new_table(
        "Concurrency: N sessions speaking in a loop",
        ["N", "turns", "usable", "failed", "v2v p50 ms", "v2v p95 ms", "v2v max ms",
         "VAD p95 ms", "STT p95 ms", "engine CPU", "other CPU", "mic lag max ms",
         "p95 <= 1.5 s"],
    )  # fmt: skip
    for lv in levels:
        ok = lv.ok_turns
        v2v = [t.v2v_ms for t in ok]
        p95 = percentile(v2v, 95)
        label = f"{lv.n}" + (f" ({lv.label})" if lv.label else "")
        table.add_row(
            label, str(len(lv.turns)), str(len(ok)), str(len(lv.turns) - len(ok)),
            fmt_ms(percentile(v2v, 50)), fmt_ms(p95), fmt_ms(max(v2v) if v2v else math.nan),
            fmt_ms(percentile([t.vad_ms for t in ok], 95)),
            fmt_ms(percentile([t.stt_ms for t in ok], 95)),
            f"{lv.cpu.engine_pct:.0f}%", f"{lv.cpu.other_pct:.0f}%", f"{lv.max_lag_ms:.0f}",
            "yes" if p95 <= CONCURRENCY_P95_LIMIT_MS else "no",
        )  # fmt: skip
    return table


def micro_table(
    tts: Sequence[TtsTiming], stt: Sequence[SttTiming], replies: Sequence[float]
) -> Table:
    table = new_table(
        "Stage micro-benchmarks, in this process (not through the engine)",
        ["stage", "n", "p50", "p95", "mean", "note"],
    )
    ttfa = [t.ttfa_s * 1000 for t in tts]
    table.add_row(
        "PiperTts time to first piece, utterances (ms)", str(len(ttfa)),
        fmt_ms(percentile(ttfa, 50)), fmt_ms(percentile(ttfa, 95)), fmt_ms(mean(ttfa)),
        "split_text pieces, 1 thread",
    )  # fmt: skip
    rtf = [t.rtf for t in tts]
    audio = sum(t.audio_s for t in tts)
    table.add_row(
        "PiperTts real-time factor", str(len(rtf)), fmt_s(percentile(rtf, 50), 3),
        fmt_s(percentile(rtf, 95), 3), fmt_s(sum(t.synth_s for t in tts) / audio, 3),
        f"{audio:.1f} s of speech",
    )  # fmt: skip
    if replies:
        table.add_row(
            "PiperTts time to first piece, engine replies (ms)", str(len(replies)),
            fmt_ms(percentile(replies, 50)), fmt_ms(percentile(replies, 95)),
            fmt_ms(mean(replies)), "first piece of each reply",
        )  # fmt: skip
    secs = [s.seconds * 1000 for s in stt]
    table.add_row(
        "WhisperStt transcribe_sync (ms)", str(len(secs)), fmt_ms(percentile(secs, 50)),
        fmt_ms(percentile(secs, 95)), fmt_ms(mean(secs)), "tiny.en int8, 2 threads",
    )  # fmt: skip
    srtf = [s.rtf for s in stt]
    saudio = sum(s.audio_s for s in stt)
    table.add_row(
        "WhisperStt real-time factor", str(len(srtf)), fmt_s(percentile(srtf, 50), 3),
        fmt_s(percentile(srtf, 95), 3), fmt_s(sum(s.seconds for s in stt) / saudio, 3),
        f"{saudio:.1f} s of audio incl. padding",
    )  # fmt: skip
    return table


def wer_table(rows: Sequence[tuple[str, WerTotal]]) -> Table:
    table = new_table(
        "STT word error rate on the set", ["path / voice", "utterances", "ref words", "errors",
                                           "WER", "exact"],
    )  # fmt: skip
    for name, w in rows:
        table.add_row(
            name, str(w.utterances), str(w.words), str(w.errors), f"{100 * w.wer:.1f}%",
            f"{w.exact}/{w.utterances}",
        )  # fmt: skip
    return table


def reply_first_pieces(tts: PiperTts, turns: Sequence[Turn]) -> list[float]:
    """PiperTts time to the first piece of each distinct engine reply (first reply per turn)."""
    seen: dict[str, None] = {}
    for t in turns:
        for reply in t.replies:
            if reply.strip():
                seen.setdefault(reply.strip(), None)
                break
    times: list[float] = []
    for reply in seen:
        pieces = split_text(reply, max_chars=tts.max_chars)
        if not pieces:
            continue
        started = time.perf_counter()
        tts.synthesize_piece(pieces[0])
        times.append((time.perf_counter() - started) * 1000)
    return times


# ------------------------------------------------------------------------------ main


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sessions", default="1,2,4,6", help="concurrency levels, e.g. 1,2,4,6")
    parser.add_argument(
        "--utterances", type=int, default=len(UTTERANCES),
        help=f"use the first N utterances of the set (max {len(UTTERANCES)})",
    )  # fmt: skip
    parser.add_argument("--duration", type=float, default=30.0, help="seconds per N > 1")
    parser.add_argument("--turn-timeout", type=float, default=30.0, help="seconds per turn")
    parser.add_argument("--gap-ms", type=float, default=300.0, help="pause after a reply played")
    parser.add_argument("--markdown", action="store_true", help="also print tables as markdown")
    parser.add_argument("--json", type=Path, help="write every turn and timing to this file")
    args = parser.parse_args(argv)
    try:
        args.levels = sorted({int(x) for x in str(args.sessions).split(",") if x.strip()})
    except ValueError:
        parser.error("--sessions takes comma-separated integers")
    if not args.levels or min(args.levels) < 1 or max(args.levels) > 32:
        parser.error("--sessions values must be between 1 and 32")
    if not 1 <= args.utterances <= len(UTTERANCES):
        parser.error(f"--utterances must be between 1 and {len(UTTERANCES)}")
    if not 5 <= args.duration <= 600:
        parser.error("--duration must be between 5 and 600 seconds")
    return args


def target_line(name: str, value: str, met: bool) -> str:
    return f"{name}: {value} ({'[green]met[/]' if met else '[red]not met[/]'})"


async def run(args: argparse.Namespace, console: Console) -> int:
    started_at = datetime.now(UTC)
    load = os.getloadavg()
    console.print(
        f"[bold]voicecart voice benchmark[/] {started_at:%Y-%m-%d %H:%M} UTC, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"load average at start {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} (1/5/15 min)"
    )
    utterances = UTTERANCES[: args.utterances]
    tools = tool_definitions()
    progress = Progress(
        TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed:.0f}/"
        "{task.total:.0f}"), TimeElapsedColumn(), console=console,
    )  # fmt: skip
    results: dict[str, Any] = {"started_at": started_at.isoformat(), "load_average": load}
    workdir = Path(tempfile.mkdtemp(prefix="voicecart-voice-bench-"))
    engine = EngineProcess(workdir)
    try:
        with progress:
            piper = PiperTts()
            clips, tts_timings = piper_clips(piper, utterances, progress)
            if EspeakTts.available():
                clips += await espeak_clips(utterances)
                espeak_note = "espeak-ng found: second voice included"
            else:
                espeak_note = "espeak-ng is not on PATH: the second voice was skipped"
            stt_timings = stt_micro(clips, progress)

            engine.start()
            health = await asyncio.to_thread(engine.wait_healthy)
            pid = engine.proc.pid if engine.proc else None
            assert pid is not None
            warm = await warm_up(engine.port, clips[0], tools, args.turn_timeout)
            main = await main_pass(engine.port, clips, tools, args.turn_timeout, progress, pid)
            levels = [main] if 1 in args.levels else []
            piper_only = [c for c in clips if c.voice.startswith("piper")]
            for n in (n for n in args.levels if n > 1):
                await asyncio.sleep(1.0)
                levels.append(
                    await concurrency_level(
                        engine.port, piper_only, tools, n, args.duration, args.turn_timeout,
                        args.gap_ms / 1000, progress, pid,
                    )
                )  # fmt: skip
            engine.stop()
            reply_ttfa = reply_first_pieces(piper, main.turns)
    finally:
        engine.stop()

    console.print(f"{espeak_note}. Engine parts: {health.get('parts')}.")
    console.print(
        f"Warm-up turn (not counted): {warm.status}, voice-to-voice {fmt_ms(warm.v2v_ms)} ms. "
        f"Clips: {len(clips)}, {sum(c.speech_s for c in clips):.1f} s of speech "
        f"(mean {mean([c.speech_s for c in clips]):.2f} s)."
    )
    print_table(console, micro_table(tts_timings, stt_timings, reply_ttfa), args.markdown)
    print_table(console, stage_table(main), args.markdown)
    print_table(console, turns_table(main), args.markdown)

    engine_wer: dict[str, WerTotal] = {}
    for t in main.turns:
        engine_wer.setdefault(t.voice, WerTotal()).add(t.reference, t.transcript)
    micro_wer: dict[str, WerTotal] = {}
    for s in stt_timings:
        text = next(u.text for u in utterances if u.key == s.key)
        micro_wer.setdefault(s.voice, WerTotal()).add(text, s.transcript)
    wer_rows = [(f"engine, {v}", w) for v, w in engine_wer.items()]
    wer_rows += [(f"in-process, {v}", w) for v, w in micro_wer.items()]
    print_table(console, wer_table(wer_rows), args.markdown)
    print_table(console, concurrency_table(levels), args.markdown)

    within = [lv.n for lv in levels if percentile([t.v2v_ms for t in lv.ok_turns], 95) <= 1500]
    largest = max(within) if within else None
    failures = [t for lv in levels for t in lv.turns if not t.ok]
    for t in failures[:5]:
        console.print(
            f"[yellow]turn not usable[/]: {t.key} ({t.voice}, session {t.session}) "
            f"status={t.status} early_stops={t.early_stops} errors={t.errors[:2]}"
        )
    ok_main = main.ok_turns
    v2v_p50 = percentile([t.v2v_ms for t in ok_main], 50)
    all_engine = WerTotal()
    for t in main.turns:
        all_engine.add(t.reference, t.transcript)
    console.print("[bold]Targets[/]")
    console.print(
        target_line(
            "  voice-to-voice p50 < 600 ms (1 session, all turns)",
            f"{fmt_ms(v2v_p50)} ms",
            v2v_p50 < TARGET_V2V_P50_MS,
        )
    )
    console.print(
        target_line(
            "  STT WER < 10 % (engine transcripts)",
            f"{100 * all_engine.wer:.1f} %",
            all_engine.wer < TARGET_WER,
        )
    )
    tested = ",".join(str(lv.n) for lv in levels)
    console.print(
        f"  largest N (of {tested}) with voice-to-voice p95 <= 1.5 s: "
        f"{largest if largest is not None else 'none'}"
    )
    console.print(f"Load average at end: {' / '.join(f'{x:.2f}' for x in os.getloadavg())}")

    if args.json:
        results.update(
            espeak=espeak_note,
            health=health,
            tts=[asdict(t) for t in tts_timings],
            stt=[asdict(s) for s in stt_timings],
            reply_first_piece_ms=reply_ttfa,
            levels=[
                {"n": lv.n, "seconds": lv.seconds, "cpu": asdict(lv.cpu),
                 "max_lag_ms": lv.max_lag_ms, "load_before": lv.load_before,
                 "turns": [t.summary() for t in lv.turns]}
                for lv in levels
            ],
        )  # fmt: skip
        args.json.write_text(json.dumps(results, indent=1, default=str))
        console.print(f"Wrote {args.json}")
    shutil.rmtree(workdir, ignore_errors=True)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    console = Console(width=None if sys.stdout.isatty() else 200)
    try:
        return asyncio.run(run(args, console))
    except KeyboardInterrupt:
        console.print("[red]interrupted[/]")
        return 130


if __name__ == "__main__":
    sys.exit(main())
