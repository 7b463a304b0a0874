"""Language detection from the shopper's turns: real sentences are recognised, short
replies and numbers never move a call off the default, and it is fast."""

from __future__ import annotations

import time

import pytest

from voicecart.analysis.language import DEFAULT_LANGUAGE, LANGUAGES, detect_language, identifier

pytestmark = pytest.mark.unit

ENGLISH = [
    "Hi, I'd like to check on my order, it hasn't arrived yet.",
    "Yes, the running shoes.",
    "12 Pine Street",
    "Okay thanks, that's all.",
]
SPANISH = [
    "Hola, quería saber dónde está mi pedido, todavía no ha llegado.",
    "Sí, las zapatillas de correr.",
    "Calle del Pino 12",
    "Vale, muchas gracias.",
]
FRENCH = [
    "Bonjour, je voudrais savoir où en est ma commande, je ne l'ai pas reçue.",
    "Oui, les chaussures de course.",
    "12 rue des Pins",
    "D'accord, merci beaucoup.",
]
GERMAN = [
    "Guten Tag, ich wollte fragen, wo meine Bestellung bleibt, sie ist noch nicht da.",
    "Ja, die Laufschuhe.",
    "Kiefernweg 12",
    "Alles klar, vielen Dank.",
]
SHORT_REPLIES = ["yes", "ok", "12 Pine Street", "no", "sure", "90210", "ja", "si", "oui"]


@pytest.mark.parametrize(
    ("turns", "expected"),
    [(ENGLISH, "en"), (SPANISH, "es"), (FRENCH, "fr"), (GERMAN, "de")],
    ids=["en", "es", "fr", "de"],
)
def test_call_language_is_detected(turns: list[str], expected: str) -> None:
    assert detect_language(turns) == expected


@pytest.mark.parametrize(
    "turns",
    [
        pytest.param(SHORT_REPLIES, id="short-replies"),
        pytest.param(["yes"], id="yes"),
        pytest.param(["ok", "12 Pine Street"], id="ok-address"),
        pytest.param(["Oui"], id="oui"),
        pytest.param(["gracias"], id="gracias"),
        pytest.param([], id="silent"),
        pytest.param(["   ", ""], id="blank"),
        pytest.param(["4111 1111 1111 1111", "555-0134"], id="numbers"),
    ],
)
def test_too_little_text_keeps_the_default(turns: list[str]) -> None:
    assert detect_language(turns) == DEFAULT_LANGUAGE


def test_unconfident_text_keeps_the_default() -> None:
    # Enough letters, but a run of names and codes is no language in particular.
    assert detect_language(["Trailblazer XR ORD-1 SHP-2 Zylo Kwix Brandt"]) == "en"
    assert detect_language(SPANISH, min_confidence=1.01) == "en"


def test_the_default_can_be_chosen() -> None:
    assert detect_language(["ok"], default="fr") == "fr"


def test_short_replies_do_not_flip_a_long_spanish_call() -> None:
    assert detect_language([*SPANISH, "ok", "yes", "12 Pine Street"]) == "es"


def test_results_are_iso_639_1_codes_from_the_allowed_set() -> None:
    for text in [
        "Где мой заказ? Я жду его уже две недели.",
        "我的订单在哪里?我已经等了两个星期了。",
    ]:
        code = detect_language([text])
        assert code in LANGUAGES
        assert len(code) == 2
    assert detect_language(["Где мой заказ? Я жду его уже две недели."]) == "ru"


def test_detection_is_fast_once_loaded() -> None:
    identifier()  # load outside the measurement
    calls = [ENGLISH, SPANISH, FRENCH, GERMAN] * 50
    started = time.perf_counter()
    for turns in calls:
        detect_language(turns)
    per_call_ms = (time.perf_counter() - started) * 1000 / len(calls)
    print(f"language detection: {per_call_ms:.3f} ms per call")
    assert per_call_ms < 5.0


def test_the_llm_analyser_is_told_the_calls_language() -> None:
    import json

    from voicecart.analysis.llm import call_json
    from voicecart.analysis.transcript import Transcript, Turn

    spanish = Transcript(
        call_id="call_es",
        turns=(Turn(seq=1, speaker="user", text="Hola, quiero devolver las botas."),),
        language="es",
    )
    assert json.loads(call_json(spanish, None))["language_hint"] == "es"
    unknown = Transcript(call_id="call_x", turns=())
    assert json.loads(call_json(unknown, None))["language_hint"] is None
