"""What the call-reason head reads, and the head's verdict.

Three kinds of cue, one row per call (``REASON_FEATURES``):

* the reason head's probabilities on the shopper's opening words (an embedding, so it
  reads paraphrases and other languages);
* phrase points: each reason's phrases found in the shopper's turns, earlier turns
  weighing more (a caller says why they called first);
* tools: points for the reasons each tool serves (more when it succeeded), and whether
  each tool was used at all.

A logistic head trained on the labelled calls weighs them (``call_reason``), instead of
the hand-set weights of analyser v5: the tools say a lot about a purchase or a
cancellation and little about a policy question, and the head learns by how much.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

import numpy as np

from voicecart.analysis.heads import Matrix
from voicecart.analysis.lexicon import REASON_PATTERNS, TOOL_REASONS
from voicecart.analysis.schema import Reason
from voicecart.analysis.transcript import Transcript, Turn

REASONS: Final = tuple(sorted(r.value for r in Reason))
# Every tool the assistant has (voicecart/tools); whether each was used is a feature.
TOOLS: Final = (
    "search_products",
    "get_product",
    "list_categories",
    "create_order",
    "get_order",
    "cancel_order",
    "create_shipment",
    "track_shipment",
    "search_knowledge",
)
REASON_FEATURES: Final = (
    *(f"head_{r}" for r in REASONS),
    *(f"phrases_{r}" for r in REASONS),
    *(f"tools_{r}" for r in REASONS),
    *(f"used_{t}" for t in TOOLS),
)
OPENING_WEIGHTS: Final = (3.0, 2.0)  # the first and second shopper turns; later ones 1.0
MAX_HITS: Final = 2  # per reason and turn: a repeated word is not more evidence


@dataclass(frozen=True)
class ReasonCues:
    phrases: dict[Reason, float] = field(default_factory=dict)
    tools: dict[Reason, float] = field(default_factory=dict)
    used: frozenset[str] = frozenset()
    first: dict[Reason, Turn] = field(default_factory=dict)  # the turn that first said it


def read_cues(transcript: Transcript) -> ReasonCues:
    """The phrase and tool cues of a call (no model involved)."""
    phrases: dict[Reason, float] = {}
    first: dict[Reason, Turn] = {}
    for index, turn in enumerate(transcript.user_turns()):
        weight = OPENING_WEIGHTS[index] if index < len(OPENING_WEIGHTS) else 1.0
        text = turn.text.lower()
        for reason, pattern in REASON_PATTERNS.items():
            hits = len(pattern.findall(text))
            if hits:
                phrases[reason] = phrases.get(reason, 0.0) + weight * min(hits, MAX_HITS)
                first.setdefault(reason, turn)
    tools: dict[Reason, float] = {}
    for use in transcript.tools:
        for reason in TOOL_REASONS.get(use.name, ()):
            tools[reason] = tools.get(reason, 0.0) + (2.5 if use.ok else 0.5)
    used = frozenset(use.name for use in transcript.tools)
    return ReasonCues(phrases, tools, used, first)


def reason_row(cues: ReasonCues, head_probabilities: Mapping[str, float]) -> Matrix:
    """The ``REASON_FEATURES`` row of one call (shape ``(1, len(REASON_FEATURES))``)."""
    values = [
        *(head_probabilities.get(r, 0.0) for r in REASONS),
        *(cues.phrases.get(Reason(r), 0.0) for r in REASONS),
        *(cues.tools.get(Reason(r), 0.0) for r in REASONS),
        *(float(t in cues.used) for t in TOOLS),
    ]
    return np.array([values], dtype=np.float32)


__all__ = [
    "REASONS",
    "REASON_FEATURES",
    "TOOLS",
    "ReasonCues",
    "read_cues",
    "reason_row",
]
