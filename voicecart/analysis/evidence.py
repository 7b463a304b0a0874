"""What the local analyser reads from a call before it judges it.

Per shopper turn: the sentiment head's probabilities (an embedding of the words, so
politeness, sarcasm and clipped impatience are read as a person would, not by a word
list) next to VADER's compound score. Per call: frustration and gratitude markers,
an escalation, the resolution (from the tools that succeeded and what the shopper
said last), the embedded end of the call for the tone heads, and a fixed-length
feature vector the call-level heads are trained on.
``python -m voicecart.analysis.train_heads`` builds the same vector for its training
calls, so the two never drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from voicecart.analysis.heads import TONE_HEADS, Matrix, TurnReader
from voicecart.analysis.lexicon import (
    BAD_NEWS,
    ESCALATION,
    FRUSTRATION,
    GRATITUDE,
    PRAISE,
    REMEDY,
    RESIGNATION,
    SARCASM,
)
from voicecart.analysis.schema import Reason, Resolution
from voicecart.analysis.transcript import ToolUse, Transcript, Turn

# How much the head's (p_positive - p_negative) counts against VADER in a turn's score.
HEAD_WEIGHT: Final = 0.75
# A shopper turn after the opening one this negative says the call is not going well.
UPSET_AT: Final = 0.6

# Tools whose success answers each reason.
ANSWERS: Final[dict[Reason, frozenset[str]]] = {
    Reason.PURCHASE: frozenset({"create_order", "create_shipment"}),
    Reason.ORDER_STATUS: frozenset({"get_order", "track_shipment"}),
    Reason.DELIVERY_ISSUE: frozenset({"track_shipment", "get_order"}),
    Reason.CANCELLATION: frozenset({"cancel_order"}),
    Reason.PRODUCT_QUESTION: frozenset({"get_product", "search_products", "create_order"}),
}
REMEDY_REASONS: Final = frozenset(
    {Reason.DAMAGED_ITEM, Reason.RETURN_REFUND, Reason.DELIVERY_ISSUE, Reason.COMPLAINT}
)
ANSWERED_BY_TALK: Final = frozenset({Reason.POLICY_QUESTION, Reason.PRODUCT_QUESTION, Reason.OTHER})

BASE_FEATURES: Final = (
    "mean_positive",
    "mean_negative",
    "last_positive",
    "last_negative",
    "worst_later_negative",
    "first_negative",
    "vader_mean",
    "vader_last",
    "vader_min",
    "frustration",
    "frustration_at_end",
    "gratitude_at_end",
    "escalated",
    "resolved",
    "unresolved",
    "tool_failed",
    "order_placed",
    "abandoned",
    "shopper_spoke_last",
    "shopper_turns",
    "remedy_offered",
    "last_turn_words",
    "share_negative_turns",
    "share_positive_turns",
    "sarcasm",
    "last_neutral",
    "best_positive",
    "exclaims_at_end",
    "resigned_at_end",
)
# The tone heads' probabilities (``TONE_HEADS`` order, classes sorted).
TONE_FEATURES: Final = tuple(
    f"{head}_{label}" for head in TONE_HEADS for label in ("negative", "neutral", "positive")
)
FEATURES: Final = BASE_FEATURES + TONE_FEATURES
# The exchange tone head reads the last exchange (assistant line, shopper reply), with
# the assistant line cut to its first words (the news leads; embedding cost grows
# with length: a whole two-exchange text tripled the analyser's time per call).
TONE_EXCHANGES: Final = 1
EXCHANGE_AGENT_WORDS: Final = 25


@dataclass(frozen=True)
class ScoredTurn:
    turn: Turn
    negative: float  # head probabilities
    neutral: float
    positive: float
    vader: float
    sarcastic: bool = False

    @property
    def score(self) -> float:
        """-1..1: the head's lean blended with VADER's."""
        head = self.positive - self.negative
        return HEAD_WEIGHT * head + (1.0 - HEAD_WEIGHT) * self.vader


def weighted(values: Sequence[float]) -> float:
    """Mean with later values weighing up to twice the first (how a call ends matters)."""
    if not values:
        return 0.0
    weights = [1.0 + i / max(1, len(values) - 1) for i in range(len(values))]
    return sum(w * v for w, v in zip(weights, values, strict=True)) / sum(weights)


@dataclass(frozen=True)
class Evidence:
    scored: tuple[ScoredTurn, ...]
    reason_probabilities: dict[str, float]
    escalation: Turn | None
    frustrated: tuple[ScoredTurn, ...]
    grateful_end: bool
    ending_score: float
    tone_vectors: Matrix  # embeddings of ``tone_texts``, one row per tone head

    @property
    def score(self) -> float:
        return weighted([s.score for s in self.scored])


class EvidenceReader:
    """Scores turns with the heads and VADER, and finds the call's markers. Thread-safe."""

    def __init__(self, reader: TurnReader) -> None:
        self.reader = reader
        self._vader = SentimentIntensityAnalyzer()

    def read(self, transcript: Transcript) -> Evidence:
        users = transcript.user_turns()
        # One batch: every shopper turn, the opening (first two turns) for the reason, and
        # the end of the call for the tone heads.
        openings = [opening_text(transcript)] if users else []
        batch = self.reader.embed([t.text for t in users] + openings + list(tone_texts(transcript)))
        tone_from = len(users) + len(openings)
        vectors, opening_vector = batch[: len(users)], batch[len(users) : tone_from]
        tone_vectors = batch[tone_from:]
        probabilities = (
            self.reader.sentiment.probabilities(vectors)
            if len(users)
            else np.zeros((0, 3), dtype=np.float32)
        )
        column = {c: i for i, c in enumerate(self.reader.sentiment.classes)}
        said_before = {turn.seq: before.lower() for before, turn in replies(transcript)}
        read: list[ScoredTurn] = []
        for turn, p in zip(users, probabilities, strict=True):
            plain = ScoredTurn(
                turn=turn,
                negative=float(p[column["negative"]]),
                neutral=float(p[column["neutral"]]),
                positive=float(p[column["positive"]]),
                vader=float(self._vader.polarity_scores(turn.text)["compound"]),
            )
            earlier = any(s.sarcastic for s in read)
            read.append(_read_sarcasm(plain, said_before[turn.seq], earlier))
        scored = tuple(read)
        return Evidence(
            scored=scored,
            reason_probabilities=self._reason(opening_vector),
            escalation=_escalation(transcript),
            frustrated=_frustrated(scored),
            grateful_end=_grateful_end(scored),
            ending_score=_ending(scored),
            tone_vectors=tone_vectors,
        )

    def _reason(self, opening: Matrix) -> dict[str, float]:
        return self.reader.reason.by_class(opening)[0] if len(opening) else {}


def opening_text(transcript: Transcript) -> str:
    """What the reason head reads: the shopper's first two turns."""
    return " ".join(t.text for t in transcript.user_turns()[:2])


def replies(transcript: Transcript) -> list[tuple[str, Turn]]:
    """Each shopper turn with the assistant line just before it ("" when the shopper
    spoke first or twice running)."""
    out: list[tuple[str, Turn]] = []
    before = ""
    for turn in transcript.turns:
        if turn.speaker == "assistant":
            before = turn.text
        elif turn.speaker == "user":
            out.append((before, turn))
            before = ""
    return out


def tone_texts(transcript: Transcript) -> tuple[str, str]:
    """What the tone heads read: the shopper's last two turns, and the last exchange
    (the start of the assistant's line, then the shopper's reply to it)."""
    shopper = [t.text for t in transcript.user_turns()]
    exchanges: list[str] = []
    for before, turn in replies(transcript)[-TONE_EXCHANGES:]:
        agent = " ".join(before.split()[:EXCHANGE_AGENT_WORDS])
        said = f"Agent: {agent} " if agent else ""
        exchanges.append(f"{said}Customer: {turn.text}")
    return " ".join(shopper[-2:]), " ".join(exchanges)


def _read_sarcasm(scored: ScoredTurn, said_before: str, sarcastic_before: bool) -> ScoredTurn:
    """Praise right after bad news ("Oh wonderful. Just what I needed.") is read as its
    opposite: a sentence model alone cannot see the news it answers. Once a shopper has
    been sarcastic, later praise without thanks ("Sure. Lovely. Do that.") is read the
    same way."""
    text = scored.turn.text.lower()
    bad_news = bool(said_before) and BAD_NEWS.search(said_before) is not None
    marked = SARCASM.search(text) is not None
    continued = sarcastic_before and PRAISE.search(text) is not None and "thank" not in text
    if not ((bad_news and marked) or continued) or scored.positive <= scored.negative:
        return scored
    return ScoredTurn(
        turn=scored.turn,
        negative=scored.positive,
        neutral=scored.neutral,
        positive=scored.negative,
        vader=-abs(scored.vader),
        sarcastic=True,
    )


def _escalation(transcript: Transcript) -> Turn | None:
    for turn in transcript.turns:
        if turn.speaker in ("user", "assistant") and ESCALATION.search(turn.text.lower()):
            return turn
    return None


def _frustrated(scored: Sequence[ScoredTurn]) -> tuple[ScoredTurn, ...]:
    """Turns showing frustration: its words anywhere, or a strongly negative later turn.

    The opening turn may be negative just for stating the problem; negativity after
    the assistant has answered says the answer did not help. A call that ends in
    thanks after a frustrated turn is not held against the ending.
    """
    found = [
        s
        for index, s in enumerate(scored)
        if FRUSTRATION.search(s.turn.text.lower()) or (index > 0 and s.negative >= UPSET_AT)
    ]
    if found and scored[-1] not in found and _thanks(scored[-1]):
        return ()
    return tuple(found)


def _thanks(s: ScoredTurn) -> bool:
    text = s.turn.text.lower()
    return (
        GRATITUDE.search(text) is not None
        and RESIGNATION.search(text) is None
        and not s.sarcastic
        and s.negative < UPSET_AT
    )


def _grateful_end(scored: Sequence[ScoredTurn]) -> bool:
    ending = scored[-2:]
    return any(_thanks(s) for s in ending) and not any(s.negative >= UPSET_AT for s in ending)


def _ending(scored: Sequence[ScoredTurn]) -> float:
    ending = scored[-2:]
    return sum(s.score for s in ending) / len(ending) if ending else 0.0


def answered_by_tool(tools: Sequence[ToolUse], reason: Reason) -> bool:
    wanted = ANSWERS.get(reason, frozenset())
    return any(u.ok and u.name in wanted for u in tools)


def resolution_of(transcript: Transcript, reason: Reason, evidence: Evidence) -> Resolution:
    if evidence.escalation is not None:
        return Resolution.ESCALATED
    turns = [t for t in transcript.turns if t.text.strip()]
    hung_up = not turns or turns[-1].speaker == "user"
    if transcript.status == "abandoned" or (hung_up and len(evidence.scored) <= 1):
        return Resolution.UNRESOLVED  # hung up (or was cut off) waiting for an answer
    frustrated = evidence.frustrated
    if frustrated and frustrated[-1].turn.seq >= max(t.seq for t in turns) - 2:
        return Resolution.UNRESOLVED
    if answered_by_tool(transcript.tools, reason):
        return Resolution.RESOLVED
    assistant = " ".join(t.text.lower() for t in turns if t.speaker == "assistant")
    if reason in REMEDY_REASONS and REMEDY.search(assistant):
        return Resolution.RESOLVED
    if reason in ANSWERED_BY_TALK and assistant and evidence.ending_score > -0.05:
        return Resolution.RESOLVED
    if reason == Reason.PURCHASE and evidence.ending_score > 0.3:
        return Resolution.RESOLVED
    return Resolution.UNRESOLVED


def features(
    transcript: Transcript, evidence: Evidence, resolution: Resolution, tone: Matrix
) -> Matrix:
    """The call's feature vector, in ``FEATURES`` order (shape ``(1, len(FEATURES))``):
    the evidence's ``BASE_FEATURES``, then the tone heads' probabilities ``tone``."""
    return np.concatenate([base_features(transcript, evidence, resolution), tone], axis=1)


def base_features(transcript: Transcript, evidence: Evidence, resolution: Resolution) -> Matrix:
    """The evidence part of the feature vector (shape ``(1, len(BASE_FEATURES))``)."""
    scored = evidence.scored
    turns = [t for t in transcript.turns if t.text.strip()]
    later = scored[1:]
    last = scored[-1] if scored else None
    ending = scored[-2:]
    assistant = " ".join(t.text.lower() for t in turns if t.speaker == "assistant")
    row = [
        weighted([s.positive for s in scored]),
        weighted([s.negative for s in scored]),
        last.positive if last else 0.0,
        last.negative if last else 0.0,
        max((s.negative for s in later), default=0.0),
        scored[0].negative if scored else 0.0,
        weighted([s.vader for s in scored]),
        last.vader if last else 0.0,
        min((s.vader for s in scored), default=0.0),
        float(bool(evidence.frustrated)),
        float(any(s in ending for s in evidence.frustrated)),
        float(evidence.grateful_end),
        float(resolution == Resolution.ESCALATED),
        float(resolution == Resolution.RESOLVED),
        float(resolution == Resolution.UNRESOLVED),
        float(any(not u.ok for u in transcript.tools)),
        float(
            any(kind == "order" for kind, _ in transcript.links)
            or any(u.ok and u.name == "create_order" for u in transcript.tools)
        ),
        float(transcript.status == "abandoned"),
        float(bool(turns) and turns[-1].speaker == "user"),
        min(1.0, len(scored) / 8.0),
        float(REMEDY.search(assistant) is not None),
        min(1.0, len(last.turn.text.split()) / 20.0) if last else 0.0,
        sum(s.negative > 0.5 for s in scored) / len(scored) if scored else 0.0,
        sum(s.positive > 0.5 for s in scored) / len(scored) if scored else 0.0,
        float(any(s.sarcastic for s in scored)),
        last.neutral if last else 0.0,
        max((s.positive for s in scored), default=0.0),
        float(any("!" in s.turn.text for s in ending)),
        float(any(RESIGNATION.search(s.turn.text.lower()) for s in ending)),
    ]
    return np.array([row], dtype=np.float32)


__all__ = [
    "BASE_FEATURES",
    "FEATURES",
    "TONE_FEATURES",
    "Evidence",
    "EvidenceReader",
    "ScoredTurn",
    "answered_by_tool",
    "base_features",
    "features",
    "opening_text",
    "replies",
    "resolution_of",
    "tone_texts",
    "weighted",
]
