"""The dialog manager's vocabulary: what it remembers, what it is waiting for, what it does.

Nothing here outlives one ``respond`` call. :class:`DialogState` is rebuilt from the
conversation items every time (see :mod:`~voicecart.engine.brain.retail`), so a
replayed conversation behaves the same after a reconnect.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from voicecart.engine.brain.addresses import AddressField, AddressParts
from voicecart.engine.brain.nlu import Speed, Understanding
from voicecart.engine.brain.records import Line, Order, Product, Shipment

__all__ = [
    "AnythingElse",
    "AskAddress",
    "AskOrderNumber",
    "AskProduct",
    "Call",
    "Choose",
    "ConfirmAddress",
    "ConfirmCancel",
    "ConfirmOrder",
    "Decision",
    "DialogState",
    "Gate",
    "Goal",
    "Offer",
    "Pending",
    "Purpose",
    "Retry",
    "Say",
    "Similar",
]

# ----------------------------------------------------------- what we are waiting for


@dataclass(frozen=True)
class Choose:
    """We listed products and asked which one."""

    options: tuple[int, ...]


@dataclass(frozen=True)
class Offer:
    """We described one product and asked whether they want it."""

    product_id: int


@dataclass(frozen=True)
class AskProduct:
    """They want to buy, but we don't know what yet."""

    quantity: int | None = None


@dataclass(frozen=True)
class ConfirmOrder:
    """We read the order back and asked "Shall I place the order?"."""

    lines: tuple[Line, ...]


@dataclass(frozen=True)
class AskAddress:
    """We asked where to ship ``order_id``; ``partial`` holds what we have so far and
    ``field`` the part we asked for."""

    order_id: str
    partial: AddressParts = AddressParts()  # noqa: RUF009 (frozen, so sharing it is safe)
    speed: Speed = "standard"
    field: AddressField | None = None


@dataclass(frozen=True)
class ConfirmAddress:
    """We read the address back and asked whether it is right."""

    order_id: str
    address: AddressParts
    speed: Speed = "standard"


@dataclass(frozen=True)
class ConfirmCancel:
    order_id: str
    reason: str | None = None


Purpose = Literal["status", "track", "cancel", "ship"]


@dataclass(frozen=True)
class AskOrderNumber:
    """We asked for an order (or tracking) number, to do ``purpose`` with it."""

    purpose: Purpose


@dataclass(frozen=True)
class Retry:
    """A tool failed for a passing reason; we asked whether to try again."""

    name: str
    arguments: tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class Similar:
    """The product is out of stock; we offered to look for something similar."""

    query: str


@dataclass(frozen=True)
class AnythingElse:
    """We asked "Anything else I can help with?"."""


Pending = (
    Choose
    | Offer
    | AskProduct
    | ConfirmOrder
    | AskAddress
    | ConfirmAddress
    | ConfirmCancel
    | AskOrderNumber
    | Retry
    | Similar
    | AnythingElse
)

# ------------------------------------------------------------------- what we do


@dataclass(frozen=True)
class Goal:
    """Why a tool was called, so its output can be followed up: after a search for
    "buy a tent", confirm the tent; after "tell me about the tent", describe it."""

    buy: bool = False
    details: bool = False
    quantity: int | None = None
    purpose: str | None = None  # for order lookups: "status", "track", "cancel"
    address: AddressParts | None = None  # given with the "yes" to the order
    speed: Speed = "standard"


@dataclass(frozen=True)
class Say:
    text: str
    pending: Pending | None = None


@dataclass(frozen=True)
class Call:
    name: str
    arguments: dict[str, Any]
    goal: Goal | None = None


Decision = Say | Call


@dataclass(frozen=True)
class Gate:
    """Which tools the response may call: the offered names and the ``tool_choice``."""

    offered: frozenset[str]
    choice: str = "auto"  # "auto", "none", "required", or the one function's name

    def allows(self, name: str) -> bool:
        if name not in self.offered or self.choice == "none":
            return False
        return self.choice in ("auto", "required") or self.choice == name

    @property
    def forced(self) -> str | None:
        """The function the response must call, if ``tool_choice`` names one."""
        if self.choice in ("auto", "none", "required"):
            return None
        return self.choice if self.choice in self.offered else None


# --------------------------------------------------------------- what we remember


@dataclass
class DialogState:
    """Facts gathered from the conversation so far, and the question we left open."""

    products: dict[int, Product] = field(default_factory=dict)
    results: tuple[int, ...] = ()  # the last search's hits, best first
    shown: tuple[int, ...] = ()  # the ones we read out, in the order we said them
    focus: int | None = None  # the product under discussion
    order: Order | None = None  # the latest order placed or looked up
    shipment: Shipment | None = None
    pending: Pending | None = None
    goal: Goal | None = None
    last_user: Understanding | None = None
    last_said: str = ""
    last_query: str = ""

    def remember(self, products: Sequence[Product]) -> None:
        for p in products:
            known = self.products.get(p.id)
            self.products[p.id] = p if known is None else known.merged(p)

    def candidates(self) -> list[tuple[int, str]]:
        """Products the shopper may name: those we read out, the rest of the last
        results, and the one under discussion."""
        ids: list[int] = []
        for pid in (*self.shown, *self.results, *([self.focus] if self.focus else [])):
            if pid not in ids and pid in self.products:
                ids.append(pid)
        return [(pid, self.products[pid].name) for pid in ids]

    def apply(self, decision: Decision) -> None:
        """Remember the question ``decision`` leaves open (or the call's goal)."""
        if isinstance(decision, Call):
            self.pending = None
            self.goal = decision.goal
            return
        self.goal = None
        self.pending = decision.pending
        self.last_said = decision.text
        if isinstance(decision.pending, Choose):
            self.shown = decision.pending.options
        elif isinstance(decision.pending, Offer):
            self.focus = decision.pending.product_id
