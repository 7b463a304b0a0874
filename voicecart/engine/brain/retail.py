"""The built-in retail dialog manager: a rule-based brain for the Contoso store.

It plays the part a realtime model plays: given the conversation so far, it
streams the assistant's words (several :class:`TextDelta` chunks, so speech can
start early) or emits one :class:`FunctionCall` for the gateway to run.

It keeps nothing between calls. Every :meth:`RetailDialogManager.respond` replays
``request.items`` from the start: each user turn is understood
(:mod:`~voicecart.engine.brain.nlu`) in the context built so far and answered
(:mod:`~voicecart.engine.brain.policy`); each tool output is folded into the
facts and answered (:mod:`~voicecart.engine.brain.replies`). The answer to the
last item is the response. So a conversation replayed after a reconnect gives
the same behaviour, and a different engine process gives the same answer.

Only tools named in ``request.tools`` are ever called, and ``tool_choice`` is
obeyed: ``"none"`` never calls, a named function is always the one called.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from typing import Any, Final

from voicecart.engine.brain import phrases
from voicecart.engine.brain.addresses import AddressField
from voicecart.engine.brain.dialog import (
    AskAddress,
    AskOrderNumber,
    Call,
    Choose,
    ConfirmAddress,
    ConfirmCancel,
    ConfirmOrder,
    Decision,
    DialogState,
    Gate,
    Offer,
    Say,
)
from voicecart.engine.brain.items import message_text, offered_tools, tool_choice_name
from voicecart.engine.brain.nlu import Expect, Understanding, product_vocabulary, understand
from voicecart.engine.brain.policy import order_arguments, reply_to_user, resolve
from voicecart.engine.brain.records import parse_json_object
from voicecart.engine.brain.replies import absorb, reply_to_output
from voicecart.engine.brain.speech_format import split_for_speech
from voicecart.engine.interfaces import BrainOutput, BrainRequest, FunctionCall, TextDelta

__all__ = ["RetailDialogManager"]

logger = logging.getLogger(__name__)

Answer = Callable[[Gate], Decision]

# Short spoken fillers before slow tools, when fillers are on.
_FILLERS: Final[dict[str, str]] = {
    "create_order": "One moment while I place that.",
    "create_shipment": "One moment while I set that up.",
}


def _expectation(state: DialogState) -> tuple[Expect | None, AddressField | None]:
    p = state.pending
    if isinstance(p, AskAddress):
        return "address", p.field
    if isinstance(p, ConfirmAddress):
        return "address", None
    if isinstance(p, AskOrderNumber):
        return "order_number", None
    if isinstance(p, Choose):
        return "choice", None
    if isinstance(p, ConfirmOrder | Offer):
        return "quantity", None
    if p is not None:
        return "yes_no", None
    return None, None


class RetailDialogManager:
    """A :class:`~voicecart.engine.interfaces.Brain` for shopping at Contoso, by rules.

    Args:
        vocabulary: words that name products, for telling a product search from
            chatter; defaults to the shipped catalog's words plus common retail nouns.
        fillers: say a short "One moment ..." before placing an order or a shipment,
            in the same response as the function call.
    """

    def __init__(self, *, vocabulary: Iterable[str] | None = None, fillers: bool = False) -> None:
        self._vocabulary = frozenset(vocabulary) if vocabulary is not None else None
        self._fillers = fillers

    async def respond(self, request: BrainRequest) -> AsyncIterator[BrainOutput]:
        decision = self.decide(request)
        if isinstance(decision, Call):
            filler = _FILLERS.get(decision.name) if self._fillers else None
            if filler:
                for chunk in split_for_speech(filler):
                    yield TextDelta(chunk)
            yield FunctionCall(
                name=decision.name,
                arguments=json.dumps(decision.arguments, separators=(",", ":")),
            )
            return
        for chunk in split_for_speech(decision.text):
            yield TextDelta(chunk)
            await asyncio.sleep(0)  # let the speech side start on the first clause

    # ------------------------------------------------------------------ deciding

    def decide(self, request: BrainRequest) -> Decision:
        """The response to the conversation in ``request`` (synchronous, pure)."""
        offered = offered_tools(request.tools)
        gate = Gate(offered, tool_choice_name(request.tool_choice))
        replay_gate = Gate(offered)
        state, last = self._replay(request.items, replay_gate)
        if last is None:
            opening = not state.last_said and state.last_user is None
            decision: Decision = Say(phrases.WELCOME if opening else phrases.ANYTHING_ELSE)
        else:
            decision = last(gate)
        decision = self._enforce(decision, gate, state)
        logger.debug(
            "retail brain decided",
            extra={
                "items": len(request.items),
                "intent": state.last_user.intent.value if state.last_user else None,
                "pending": type(state.pending).__name__ if state.pending else None,
                "action": decision.name if isinstance(decision, Call) else "say",
            },
        )
        return decision

    def _vocab(self) -> frozenset[str]:
        return self._vocabulary if self._vocabulary is not None else product_vocabulary()

    def _understand(self, text: str, state: DialogState) -> Understanding:
        expect, field = _expectation(state)
        return understand(
            text,
            candidates=state.candidates(),
            expect=expect,
            expect_field=field,
            vocabulary=self._vocab(),
        )

    def _replay(
        self, items: Sequence[Mapping[str, Any]], gate: Gate
    ) -> tuple[DialogState, Answer | None]:
        """Fold every item into a state, answering each user turn and tool output as
        it comes (under ``gate``, as when it was first answered). Returns the state and
        the still-open answer to the last item, to be given under the real gate."""
        state = DialogState()
        calls: dict[str, tuple[str, dict[str, Any]]] = {}
        unanswered: list[str] = []
        answer: Answer | None = None
        expected_call: str | None = None

        def settle() -> None:
            nonlocal answer, expected_call
            if answer is not None:
                decision = answer(gate)
                state.apply(decision)
                expected_call = decision.name if isinstance(decision, Call) else None
                answer = None

        for index, item in enumerate(items):
            if not isinstance(item, Mapping):
                continue
            kind = item.get("type")
            if kind == "message":
                role = item.get("role")
                if role == "user":
                    settle()
                    answer = self._answer_user(state, self._understand(message_text(item), state))
                elif role == "assistant":
                    settle()
                    text = message_text(item)
                    state.last_said = text or state.last_said
            elif kind == "function_call":
                settle()
                call_id = str(item.get("call_id") or f"_call{index}")
                name = str(item.get("name") or "")
                calls[call_id] = (name, parse_json_object(item.get("arguments")) or {})
                unanswered.append(call_id)
                if name != expected_call:
                    state.goal = None  # not the call we would have made: no follow-up plan
                expected_call = None
            elif kind == "function_call_output":
                settle()
                call_id = str(item.get("call_id") or "")
                if call_id not in calls and unanswered:
                    call_id = unanswered[-1]  # an output without a known id: the last call
                name, args = calls.get(call_id, ("", {}))
                if call_id in unanswered:
                    unanswered.remove(call_id)
                output = parse_json_object(item.get("output"))
                absorb(state, name, args, output)
                answer = self._answer_output(state, name, args, output)
        return state, answer

    @staticmethod
    def _answer_user(state: DialogState, u: Understanding) -> Answer:
        def answer(gate: Gate) -> Decision:
            state.last_user = u
            return reply_to_user(state, u, gate)

        return answer

    @staticmethod
    def _answer_output(
        state: DialogState, name: str, args: dict[str, Any], output: dict[str, Any] | None
    ) -> Answer:
        def answer(gate: Gate) -> Decision:
            return reply_to_output(state, name, args, output, gate)

        return answer

    # ---------------------------------------------------------------- tool_choice

    def _enforce(self, decision: Decision, gate: Gate, state: DialogState) -> Decision:
        """Make ``decision`` obey ``tool_choice``: a named function is always called, and
        ``"required"`` always calls something."""
        forced = gate.forced
        if forced is not None:
            if isinstance(decision, Call) and decision.name == forced:
                return decision
            return Call(forced, self._forced_arguments(forced, state))
        if gate.choice == "required" and isinstance(decision, Say) and gate.offered:
            name = (
                "search_products" if "search_products" in gate.offered else sorted(gate.offered)[0]
            )
            return Call(name, self._forced_arguments(name, state))
        if isinstance(decision, Call) and not gate.allows(decision.name):
            return Say(phrases.UNAVAILABLE.get(decision.name, "Sorry, I can't do that right now."))
        return decision

    def _forced_arguments(self, name: str, state: DialogState) -> dict[str, Any]:
        """Best-effort arguments for a function the response must call."""
        u = state.last_user
        p = state.pending
        order_id = (u.order_number if u else None) or (
            state.order.order_id if state.order else None
        )
        if name == "search_products":
            return {"query": (u.search_text or u.text) if u else ""}
        if name == "search_knowledge":
            return {"query": u.text if u else ""}
        if name == "get_product":
            ids = resolve(state, u).ids if u else []
            pid = ids[0] if ids else state.focus
            return {"product_id": pid} if pid is not None else {}
        if name == "create_order" and isinstance(p, ConfirmOrder):
            return order_arguments(p.lines)
        if name == "create_shipment" and isinstance(p, ConfirmAddress):
            return {"order_id": p.order_id, "address": p.address.one_line(), "speed": p.speed}
        if name == "cancel_order" and isinstance(p, ConfirmCancel):
            return {"order_id": p.order_id}
        if name in ("get_order", "cancel_order") and order_id:
            return {"order_id": order_id}
        if name == "track_shipment":
            if u and u.tracking_number:
                return {"tracking_number": u.tracking_number}
            if order_id:
                return {"order_id": order_id}
        return {}
