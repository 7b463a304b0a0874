"""The call-reason head: its cues, its training rows, and its verdicts on concrete calls."""

from __future__ import annotations

import numpy as np
import pytest

from tests.analysis_support import call
from voicecart.analysis.heads import train_head
from voicecart.analysis.local import LocalAnalyser
from voicecart.analysis.products import CatalogEntry, ProductMatcher
from voicecart.analysis.reasons import REASON_FEATURES, REASONS, TOOLS, read_cues, reason_row
from voicecart.analysis.schema import Reason
from voicecart.analysis.train_heads import ReasonData, reason_leave_one_writer_out
from voicecart.analysis.transcript import ToolUse
from voicecart.commerce.catalog_data import shipped_products

pytestmark = pytest.mark.unit


def tool(name: str, ok: bool = True, **arguments: object) -> ToolUse:
    return ToolUse(name, dict(arguments), None, ok)


def test_cues_weigh_the_opening_more_and_count_tools_by_outcome() -> None:
    cues = read_cues(
        call(
            "U: My parcel never arrived.",
            "A: Let me look it up.",
            "U: Also, the package hasn't arrived and the lamp came broken.",
            tools=(tool("track_shipment", tracking_number="X"), tool("cancel_order", ok=False)),
        )
    )
    # "never arrived" in the first turn (x3) and "hasn't arrived" in the second (x2).
    assert cues.phrases[Reason.DELIVERY_ISSUE] == pytest.approx(5.0)
    assert cues.phrases[Reason.DAMAGED_ITEM] == pytest.approx(2.0)
    assert cues.first[Reason.DAMAGED_ITEM].seq == 3
    assert cues.tools[Reason.DELIVERY_ISSUE] == pytest.approx(2.5)  # succeeded
    assert cues.tools[Reason.CANCELLATION] == pytest.approx(0.5)  # failed
    assert cues.used == frozenset({"track_shipment", "cancel_order"})

    row = reason_row(cues, {"delivery_issue": 0.7, "order_status": 0.3})
    assert row.shape == (1, len(REASON_FEATURES))
    values = dict(zip(REASON_FEATURES, row[0].tolist(), strict=True))
    assert values["head_delivery_issue"] == pytest.approx(0.7)
    assert values["head_purchase"] == 0.0
    assert values["phrases_delivery_issue"] == pytest.approx(5.0)
    assert values["tools_cancellation"] == pytest.approx(0.5)
    assert values["used_cancel_order"] == 1.0 and values["used_create_order"] == 0.0
    assert len(TOOLS) == len(set(TOOLS))


def test_every_tool_the_assistant_has_is_a_cue() -> None:
    from voicecart.tools.knowledge_tools import register_knowledge_tools
    from voicecart.tools.registry import ToolRegistry
    from voicecart.tools.store_tools import register_store_tools

    registry = ToolRegistry()
    register_store_tools(registry)
    register_knowledge_tools(registry)
    assert set(registry.names()) == set(TOOLS)


def _reason_data(seed: int = 11) -> tuple[ReasonData, list[str]]:
    """Three reasons, each with a cluster of openings; writer w2's calls also use a tool
    that only its purchases use, so only phrases and openings carry over to it."""
    rng = np.random.default_rng(seed)
    centres = {
        "purchase": np.r_[np.ones(4), np.zeros(4)],
        "order_status": np.r_[np.zeros(4), np.ones(4)],
        "cancellation": -np.ones(8),
    }
    corpus, corpus_labels, openings, labels, cues, writers = [], [], [], [], [], []
    for label, centre in centres.items():
        for _ in range(10):
            corpus.append(centre + rng.normal(0, 0.3, 8))
            corpus_labels.append(label)
        for i in range(24):
            openings.append(centre + rng.normal(0, 0.6, 8))
            labels.append(label)
            lines = ["U: hello", "A: Hi."]
            tools = ()
            if label == "purchase":
                tools = (tool("create_order"),)
            elif label == "cancellation":
                tools = (tool("cancel_order"),)
            cues.append(read_cues(call(*lines, tools=tools)))
            writers.append(f"w{i % 3}")
    data = ReasonData(
        corpus=np.array(corpus, dtype=np.float32),
        corpus_labels=corpus_labels,
        openings=np.array(openings, dtype=np.float32),
        cues=cues,
        labels=labels,
    )
    return data, writers


def test_training_rows_read_each_opening_with_a_head_that_never_saw_it() -> None:
    data, _ = _reason_data()
    everyone = np.arange(len(data.labels))
    rows = data.rows(everyone, l2=1e-3, k=4)
    assert rows.shape == (len(data.labels), len(REASON_FEATURES))
    heads = rows[:, : len(REASONS)]
    assert np.allclose(heads.sum(axis=1), 1.0, atol=1e-5)
    # An opening labelled against its cluster: an in-sample head could memorise it, an
    # out-of-fold one reads it as its cluster.
    odd = 0  # a purchase opening
    relabelled = data._replace(labels=["cancellation", *data.labels[1:]])
    oof = relabelled.rows(everyone, l2=1e-3, k=4)[odd, : len(REASONS)]
    assert REASONS[int(oof.argmax())] == "purchase"
    memorised = relabelled.rows_from(relabelled.reason_head(everyone, l2=1e-4), np.array([odd]))
    assert memorised[0, REASONS.index("cancellation")] > oof[REASONS.index("cancellation")]


def test_the_call_reason_head_learns_tools_and_carries_over_to_unseen_writers() -> None:
    data, writers = _reason_data()
    scores = reason_leave_one_writer_out(data, writers, l2=0.1, call_l2=0.1, k=3)
    assert set(scores) == {"w0", "w1", "w2"}
    assert min(scores.values()) > 0.9
    # Without the tools and with openings that say nothing, nothing carries over.
    rng = np.random.default_rng(2)
    blank = read_cues(call("U: hello"))
    noise = data._replace(
        openings=rng.normal(0, 1, data.openings.shape).astype(np.float32),
        cues=[blank] * len(data.cues),
    )
    assert np.mean(list(reason_leave_one_writer_out(noise, writers, 0.1, 0.1, 3).values())) < 0.6
    # The fitted head leans on a successful cancel_order when the opening is unclear.
    everyone = np.arange(len(data.labels))
    head = train_head(data.rows(everyone, 0.1, 3), data.labels, l2=0.1)
    unclear = {"purchase": 1 / 3, "order_status": 1 / 3, "cancellation": 1 / 3}
    row = reason_row(read_cues(call("U: hi", tools=(tool("cancel_order"),))), unclear)
    assert head.predict(row) == ["cancellation"]


@pytest.fixture(scope="module")
def analyser() -> LocalAnalyser:
    return LocalAnalyser(ProductMatcher(CatalogEntry(p.id, p.name) for p in shipped_products()))


@pytest.mark.parametrize(
    ("lines", "tools", "reason"),
    [
        (
            (
                "U: hi um so I placed an order yesterday, 40211873, and I changed my mind",
                "A: I can cancel order 40211873 for you. Shall I?",
                "U: yes please do",
                "A: It's cancelled; the refund goes back to your card.",
            ),
            (tool("cancel_order", order_id="40211873"),),
            "cancellation",
        ),
        (
            (
                "U: Hi, what's your return policy for shoes?",
                "A: Unworn shoes can be returned within 30 days for a full refund.",
                "U: Okay, thanks.",
            ),
            (tool("search_knowledge", query="return policy shoes"),),
            "policy_question",
        ),
        (
            (
                "U: the kettle I got last week stopped heating and it's making a burning smell",
                "A: I'm sorry. That's covered by the warranty; I can send a replacement.",
                "U: ok yes please",
            ),
            (),
            "damaged_item",
        ),
        (
            (
                "U: hi, has my order shipped yet? when will it get here? the tracking is SH12345",
                "A: It's out for delivery today.",
                "U: cool thanks",
            ),
            (tool("track_shipment", tracking_number="SH12345"),),
            "order_status",
        ),
    ],
)
def test_the_shipped_head_names_the_reason(
    analyser: LocalAnalyser, lines: tuple[str, ...], tools: tuple[ToolUse, ...], reason: str
) -> None:
    result = analyser.analyse_sync(call(*lines, tools=tools))
    assert result.reason_category == reason


def test_a_call_without_shopper_words_has_no_reason_to_read(analyser: LocalAnalyser) -> None:
    result = analyser.analyse_sync(call("A: Hello, thanks for calling Contoso."))
    assert result.reason_category == "other"
