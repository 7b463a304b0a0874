"""The conversation so far, kept by the bridge so it can be replayed into a new upstream."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Conversation:
    """Items in order, in the wire shape ``conversation.item.create`` takes."""

    items: list[dict[str, Any]] = field(default_factory=list)
    max_items: int = 400

    def _add(self, item: dict[str, Any]) -> None:
        self.items.append(item)
        if len(self.items) > self.max_items:
            # Keep the start (greeting/context) out of it: drop the oldest turns.
            del self.items[: len(self.items) - self.max_items]

    def user(self, text: str) -> None:
        self._add(
            {"type": "message", "role": "user", "content": [{"type": "input_text", "text": text}]}
        )

    def assistant(self, text: str) -> None:
        self._add(
            {"type": "message", "role": "assistant", "content": [{"type": "text", "text": text}]}
        )

    def function_call(self, name: str, call_id: str, arguments: str) -> None:
        self._add(
            {"type": "function_call", "name": name, "call_id": call_id, "arguments": arguments}
        )

    def function_output(self, call_id: str, output: str) -> None:
        self._add({"type": "function_call_output", "call_id": call_id, "output": output})

    def replay_events(self) -> list[dict[str, Any]]:
        """``conversation.item.create`` events that rebuild this conversation upstream."""
        return [{"type": "conversation.item.create", "item": item} for item in self.items]
