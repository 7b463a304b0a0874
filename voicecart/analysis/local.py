"""The default analyser: no model service, just VADER, phrase rules and the call's facts.

* Sentiment: VADER's compound score per shopper turn, averaged with later turns
  weighing more (how a call ends matters more than how it starts).
* Call reason: phrases in the shopper's turns (earlier turns weigh more) plus the
  tools the assistant used; the products come from tool arguments and names said.
* Resolution: escalated when a human was asked for or offered; resolved when the
  tool that answers the reason succeeded (an order placed, a parcel tracked, an
  order cancelled) or a remedy was offered, and the shopper did not end upset.
* Satisfaction and the 1-5 rating follow from the above; the justification and key
  moments cite turn numbers and quotes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from voicecart.analysis.lexicon import (
    ESCALATION,
    FRUSTRATION,
    GRATITUDE,
    REASON_LABELS,
    REASON_PATTERNS,
    REASON_PRIORITY,
    REMEDY,
    TOOL_REASONS,
)
from voicecart.analysis.products import ProductMatcher
from voicecart.analysis.schema import (
    AnalysisResult,
    KeyMoment,
    Reason,
    Resolution,
    Satisfaction,
    Sentiment,
)
from voicecart.analysis.transcript import ToolUse, Transcript, Turn

NAME: Final = "local/vader-3.3"
POSITIVE_AT: Final = 0.2
NEGATIVE_AT: Final = -0.1
_QUOTE_MAX: Final = 160

# Tools whose success answers each reason.
_ANSWERS: Final[dict[Reason, frozenset[str]]] = {
    Reason.PURCHASE: frozenset({"create_order", "create_shipment"}),
    Reason.ORDER_STATUS: frozenset({"get_order", "track_shipment"}),
    Reason.DELIVERY_ISSUE: frozenset({"track_shipment", "get_order"}),
    Reason.CANCELLATION: frozenset({"cancel_order"}),
    Reason.PRODUCT_QUESTION: frozenset({"get_product", "search_products", "create_order"}),
}
_REMEDY_REASONS: Final = frozenset(
    {Reason.DAMAGED_ITEM, Reason.RETURN_REFUND, Reason.DELIVERY_ISSUE, Reason.COMPLAINT}
)
_ANSWERED_BY_TALK: Final = frozenset(
    {Reason.POLICY_QUESTION, Reason.PRODUCT_QUESTION, Reason.OTHER}
)


@dataclass(frozen=True)
class _Scored:
    turn: Turn
    compound: float


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _QUOTE_MAX else text[: _QUOTE_MAX - 1].rstrip() + "…"


def _weighted(scores: Sequence[float]) -> float:
    if not scores:
        return 0.0
    weights = [1.0 + i / max(1, len(scores) - 1) for i in range(len(scores))]
    return sum(w * s for w, s in zip(weights, scores, strict=True)) / sum(weights)


class LocalAnalyser:
    """Analyses calls without any model service. Thread-safe; share one per process."""

    def __init__(self, matcher: ProductMatcher) -> None:
        self.matcher = matcher
        self._vader = SentimentIntensityAnalyzer()

    @property
    def name(self) -> str:
        return NAME

    async def aclose(self) -> None:
        return None

    async def analyse(self, transcript: Transcript) -> AnalysisResult:
        return await asyncio.to_thread(self.analyse_sync, transcript)

    # ---- the work (CPU only) ---------------------------------------------

    def analyse_sync(self, transcript: Transcript) -> AnalysisResult:
        scored = [
            _Scored(t, float(self._vader.polarity_scores(t.text)["compound"]))
            for t in transcript.user_turns()
        ]
        score = _weighted([s.compound for s in scored])
        reason, reason_turn = self._reason(transcript, scored)
        products = self.matcher.in_transcript(transcript)
        escalation = self._escalation(transcript)
        frustrated = [s for s in scored if FRUSTRATION.search(s.turn.text.lower())]
        ending = scored[-2:]
        ending_score = sum(s.compound for s in ending) / len(ending) if ending else 0.0
        grateful_end = any(GRATITUDE.search(s.turn.text.lower()) for s in ending)
        if frustrated and frustrated[-1] in ending:
            grateful_end = False
        won_back = bool(scored) and GRATITUDE.search(scored[-1].turn.text.lower()) is not None
        if frustrated and won_back and scored[-1] not in frustrated:
            frustrated = []  # the call ended in thanks, not in anger
        resolution = self._resolution(transcript, reason, escalation, ending_score, frustrated)

        if frustrated:
            score = min(score, -0.15)
        sentiment = (
            Sentiment.POSITIVE
            if score >= POSITIVE_AT
            else Sentiment.NEGATIVE
            if score <= NEGATIVE_AT
            else Sentiment.NEUTRAL
        )
        satisfaction = self._satisfaction(
            resolution, sentiment, ending_score, grateful_end, frustrated
        )
        rating = self._rating(score, resolution, satisfaction)
        moments = self._moments(scored, reason_turn, escalation, frustrated)
        return AnalysisResult(
            call_reason=self._reason_text(reason, products),
            reason_category=reason,
            customer_sentiment=sentiment,
            sentiment_score=round(max(-1.0, min(1.0, score)), 4),
            customer_satisfaction=satisfaction,
            rating=rating,
            rating_justification=self._justification(
                transcript, rating, resolution, reason, scored, reason_turn, escalation, frustrated
            ),
            products=products,
            resolution=resolution,
            follow_up_actions=self._follow_ups(transcript, reason, resolution, products),
            key_moments=moments,
            language=transcript.language or "en",
        )

    def _reason(
        self, transcript: Transcript, scored: Sequence[_Scored]
    ) -> tuple[Reason, Turn | None]:
        points: dict[Reason, float] = {}
        first: dict[Reason, Turn] = {}
        for index, s in enumerate(scored):
            weight = 3.0 if index == 0 else 2.0 if index == 1 else 1.0
            text = s.turn.text.lower()
            for reason, pattern in REASON_PATTERNS.items():
                hits = len(pattern.findall(text))
                if hits:
                    points[reason] = points.get(reason, 0.0) + weight * min(hits, 2)
                    first.setdefault(reason, s.turn)
        for use in transcript.tools:
            tool_reason = TOOL_REASONS.get(use.name)
            if tool_reason is not None:
                points[tool_reason] = points.get(tool_reason, 0.0) + (1.5 if use.ok else 0.5)
        if not points:
            return Reason.OTHER, scored[0].turn if scored else None
        best = max(points.values())
        reason = next(r for r in REASON_PRIORITY if points.get(r, 0.0) >= best - 1e-9)
        return reason, first.get(reason) or (scored[0].turn if scored else None)

    @staticmethod
    def _escalation(transcript: Transcript) -> Turn | None:
        for turn in transcript.turns:
            if turn.speaker in ("user", "assistant") and ESCALATION.search(turn.text.lower()):
                return turn
        return None

    @staticmethod
    def _answered_by_tool(tools: Sequence[ToolUse], reason: Reason) -> bool:
        wanted = _ANSWERS.get(reason, frozenset())
        return any(u.ok and u.name in wanted for u in tools)

    def _resolution(
        self,
        transcript: Transcript,
        reason: Reason,
        escalation: Turn | None,
        ending_score: float,
        frustrated: Sequence[_Scored],
    ) -> Resolution:
        if escalation is not None:
            return Resolution.ESCALATED
        turns = [t for t in transcript.turns if t.text.strip()]
        hung_up = not turns or turns[-1].speaker == "user"
        if transcript.status == "abandoned" or (hung_up and len(transcript.user_turns()) <= 1):
            return Resolution.UNRESOLVED  # hung up (or was cut off) waiting for an answer
        if frustrated and frustrated[-1].turn.seq >= max(t.seq for t in turns) - 2:
            return Resolution.UNRESOLVED
        if self._answered_by_tool(transcript.tools, reason):
            return Resolution.RESOLVED
        assistant = " ".join(t.text.lower() for t in turns if t.speaker == "assistant")
        if reason in _REMEDY_REASONS and REMEDY.search(assistant):
            return Resolution.RESOLVED
        if reason in _ANSWERED_BY_TALK and assistant and ending_score > -0.05:
            return Resolution.RESOLVED
        if reason == Reason.PURCHASE and ending_score > 0.3:
            return Resolution.RESOLVED
        return Resolution.UNRESOLVED

    @staticmethod
    def _satisfaction(
        resolution: Resolution,
        sentiment: Sentiment,
        ending_score: float,
        grateful_end: bool,
        frustrated: Sequence[_Scored],
    ) -> Satisfaction:
        if frustrated or sentiment == Sentiment.NEGATIVE or ending_score <= -0.25:
            return Satisfaction.NOT_SATISFIED
        if resolution == Resolution.RESOLVED and (grateful_end or sentiment == Sentiment.POSITIVE):
            return Satisfaction.SATISFIED
        if resolution == Resolution.ESCALATED and ending_score < 0.1:
            return Satisfaction.NOT_SATISFIED
        return Satisfaction.NEUTRAL

    @staticmethod
    def _rating(score: float, resolution: Resolution, satisfaction: Satisfaction) -> int:
        value = 3.0 + 1.5 * score
        value += {
            Resolution.RESOLVED: 0.7,
            Resolution.UNRESOLVED: -0.6,
            Resolution.ESCALATED: -0.8,
        }[resolution]
        value += {
            Satisfaction.SATISFIED: 0.6,
            Satisfaction.NEUTRAL: 0.0,
            Satisfaction.NOT_SATISFIED: -0.6,
        }[satisfaction]
        return max(1, min(5, round(value)))

    def _reason_text(self, reason: Reason, products: Sequence[int]) -> str:
        label = REASON_LABELS[reason]
        names = self.matcher.names(products[:3])
        return f"{label}: {', '.join(names)}" if names else label

    @staticmethod
    def _moments(
        scored: Sequence[_Scored],
        reason_turn: Turn | None,
        escalation: Turn | None,
        frustrated: Sequence[_Scored],
    ) -> list[KeyMoment]:
        moments: dict[int, KeyMoment] = {}

        def add(turn: Turn, note: str) -> None:
            if turn.seq not in moments and turn.text.strip():
                moments[turn.seq] = KeyMoment(
                    turn=turn.seq, speaker=turn.speaker, quote=_quote(turn.text), note=note
                )

        if reason_turn is not None:
            add(reason_turn, "states why they called")
        if escalation is not None:
            add(escalation, "escalation to a person")
        for s in frustrated[:2]:
            add(s.turn, f"frustration (sentiment {s.compound:+.2f})")
        if scored:
            low = min(scored, key=lambda s: s.compound)
            if low.compound <= -0.3:
                add(low.turn, f"most negative moment (sentiment {low.compound:+.2f})")
            high = max(scored, key=lambda s: s.compound)
            if high.compound >= 0.4:
                add(high.turn, f"most positive moment (sentiment {high.compound:+.2f})")
            add(scored[-1].turn, f"last words (sentiment {scored[-1].compound:+.2f})")
        return sorted(moments.values(), key=lambda m: m.turn)[:8]

    @staticmethod
    def _justification(
        transcript: Transcript,
        rating: int,
        resolution: Resolution,
        reason: Reason,
        scored: Sequence[_Scored],
        reason_turn: Turn | None,
        escalation: Turn | None,
        frustrated: Sequence[_Scored],
    ) -> str:
        parts: list[str] = []
        if reason_turn is not None:
            parts.append(
                f"the shopper called about {REASON_LABELS[reason].lower()} "
                f'(turn {reason_turn.seq}: "{_quote(reason_turn.text)}")'
            )
        made = [ref for kind, ref in transcript.links if kind == "order"]
        shipped = [ref for kind, ref in transcript.links if kind == "shipment"]
        if made:
            parts.append(f"order {', '.join(made)} was placed")
        if shipped:
            parts.append(f"shipment {', '.join(shipped)} was created")
        failed = [u.name for u in transcript.tools if not u.ok]
        if failed:
            parts.append(f"{len(failed)} tool call(s) failed ({', '.join(sorted(set(failed)))})")
        if escalation is not None:
            parts.append(f"the call was escalated to a person (turn {escalation.seq})")
        if frustrated:
            f = frustrated[-1]
            parts.append(
                f'the shopper showed frustration (turn {f.turn.seq}: "{_quote(f.turn.text)}")'
            )
        if transcript.status == "abandoned":
            parts.append("the call was abandoned before it was closed")
        if scored:
            last = scored[-1]
            parts.append(
                f"the shopper's last words were {last.compound:+.2f} in sentiment "
                f'(turn {last.turn.seq}: "{_quote(last.turn.text)}")'
            )
        else:
            parts.append("the shopper said nothing")
        body = "; ".join(parts)
        return f"Rated {rating}/5, {resolution.value}: {body}."[:1500]

    @staticmethod
    def _follow_ups(
        transcript: Transcript, reason: Reason, resolution: Resolution, products: Sequence[int]
    ) -> list[str]:
        actions: list[str] = []
        if resolution == Resolution.ESCALATED:
            actions.append("A customer-care agent contacts the shopper about the escalation")
        if reason == Reason.DAMAGED_ITEM:
            actions.append("Ship a replacement or refund the damaged item and log the defect")
        if reason == Reason.DELIVERY_ISSUE:
            actions.append("Check the shipment with the carrier and update the shopper")
        if reason == Reason.RETURN_REFUND:
            actions.append("Confirm the return label and refund once the item is back")
        orders = [ref for kind, ref in transcript.links if kind == "order"]
        shipments = [ref for kind, ref in transcript.links if kind == "shipment"]
        if orders and not shipments:
            actions.append("Order placed without a shipment: confirm the delivery address")
        if resolution == Resolution.UNRESOLVED and transcript.user_turns():
            actions.append("Call the shopper back: the request was not resolved")
        return actions[:10]


__all__ = ["NAME", "LocalAnalyser"]
