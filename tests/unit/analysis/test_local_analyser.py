"""The local analyser: verdicts on concrete calls, cited moments, products, and the
agreement targets on the labelled evaluation set."""

from __future__ import annotations

import pytest

from bench.analysis import agreement, transcript, verdict
from bench.analysis_cases import CASES
from tests.analysis_support import call
from voicecart.analysis.evidence import TONE_FEATURES, tone_texts
from voicecart.analysis.heads import shared_reader
from voicecart.analysis.local import LocalAnalyser
from voicecart.analysis.products import CatalogEntry, ProductMatcher
from voicecart.analysis.schema import AnalysisResult
from voicecart.analysis.transcript import ToolUse, Transcript
from voicecart.commerce.catalog_data import shipped_products

pytestmark = pytest.mark.unit

MATCHER = ProductMatcher(CatalogEntry(p.id, p.name) for p in shipped_products())
ANALYSER = LocalAnalyser(MATCHER)


def analyse(t: Transcript) -> AnalysisResult:
    return ANALYSER.analyse_sync(t)


def test_happy_purchase() -> None:
    r = analyse(
        call(
            "U: I'd like to buy the Aria wireless earbuds.",
            "A: Order 12345678 is placed.",
            "U: Great, thank you!",
            tools=(
                ToolUse("create_order", {"lines": [{"product_id": 25, "quantity": 1}]}, None, True),
            ),
        )
    )
    assert (r.customer_sentiment, r.customer_satisfaction, r.resolution) == (
        "positive",
        "satisfied",
        "resolved",
    )
    assert r.rating >= 4
    assert r.reason_category == "purchase"
    assert r.call_reason == "Purchase: Aria Wireless Earbuds"
    assert r.products == [25]


def test_damaged_and_escalated() -> None:
    r = analyse(
        call(
            "U: My cast iron skillet arrived cracked. This is unacceptable.",
            "A: I'm sorry, let me transfer you to a specialist.",
            "U: Fine.",
        )
    )
    assert r.reason_category == "damaged_item"
    assert r.resolution == "escalated"
    assert r.customer_sentiment != "positive"
    assert r.customer_satisfaction != "satisfied"  # handed over, nothing fixed yet
    assert r.rating <= 3
    assert r.products == [43]
    assert any("replacement" in a.lower() for a in r.follow_up_actions)
    assert any("agent contacts" in a for a in r.follow_up_actions)


def test_justification_and_key_moments_cite_real_turns() -> None:
    t = call(
        "U: My order never arrived and I'm furious.",
        "A: Sorry, I could not look that up.",
        "U: Useless, this is a waste of my time.",
        tools=(ToolUse("track_shipment", {"tracking_number": "1Z"}, None, False),),
    )
    r = analyse(t)
    assert r.reason_category == "delivery_issue" and r.resolution == "unresolved"
    assert r.rating == 1 and r.customer_sentiment == "negative"
    assert "turn 1" in r.rating_justification and "turn 3" in r.rating_justification
    assert "a tool call failed (track_shipment)" in r.rating_justification
    for m in r.key_moments:
        turn = t.turn(m.turn)
        assert turn is not None and turn.speaker == m.speaker and m.quote in turn.text
    assert {m.turn for m in r.key_moments} >= {1, 3}


def test_abandoned_call_is_unresolved() -> None:
    r = analyse(call("U: I have a question about my order.", status="abandoned"))
    assert r.resolution == "unresolved"
    assert r.rating <= 3
    assert "abandoned" in r.rating_justification
    assert r.follow_up_actions[-1].startswith("Call the shopper back")


def test_silent_call_still_validates() -> None:
    r = analyse(call("A: Hello, welcome to Contoso!", status="abandoned"))
    assert r.reason_category == "other"
    assert "said nothing" in r.rating_justification
    assert r.key_moments == []


def test_products_by_name_and_ambiguity() -> None:
    assert MATCHER.in_text("the cold pack arrived broken") == [98]
    assert MATCHER.in_text("the trailblazer shoes") == [13]
    assert MATCHER.in_text("Nimbus noise-cancelling headphones") == [26]
    assert MATCHER.in_text("a running shoe") == []  # two products fit: neither counts
    assert MATCHER.in_text("I need new shoes") == []


def test_local_analyser_meets_targets_on_the_labelled_set() -> None:
    scores = agreement(CASES, [verdict(analyse(transcript(c))) for c in CASES])
    assert len(CASES) >= 40
    assert scores["sentiment"] >= 0.85
    assert scores["rating ±1"] >= 0.85


def test_sarcasm_reads_as_negative_not_as_praise() -> None:
    r = analyse(
        call(
            "U: Hi, I'm calling about order 55512345, the camping stove.",
            "A: It is delayed at the carrier's depot; the new estimate is in nine days.",
            "U: Oh brilliant. Just brilliant. The trip is this weekend, so that's super helpful.",
            "A: I'm sorry. I can cancel it and refund you.",
            "U: Sure. Lovely. Do that.",
            tools=(ToolUse("get_order", {"order_id": "55512345"}, None, True),),
        )
    )
    assert r.customer_sentiment == "negative"
    assert r.customer_satisfaction != "satisfied"
    assert r.rating <= 3


def test_impatience_without_angry_words_is_negative() -> None:
    r = analyse(
        call(
            "U: I'm calling again about the refund for the desk lamp.",
            "A: Could you give me the order number?",
            "U: I gave it to the last two people I spoke to. 88812345.",
            "A: Let me look that up. Could you confirm the order number?",
            "U: I just did. Can I talk to someone who can actually do something.",
        )
    )
    assert r.customer_sentiment == "negative"
    # Asking for a person ends the call in a hand-over whose outcome is open: the
    # labelling guide (and both reviewers of blind 3 and 4) call that "neutral" at
    # best, never satisfied.
    assert r.customer_satisfaction != "satisfied"
    assert r.resolution == "escalated"
    assert r.rating <= 2


def test_terse_businesslike_purchase_is_not_negative() -> None:
    r = analyse(
        call(
            "U: two of the stainless water bottles",
            "A: Two bottles come to $49.98. I've placed order 12340000.",
            "U: ok",
            "A: Anything else?",
            "U: no",
            tools=(
                ToolUse("create_order", {"lines": [{"product_id": 1, "quantity": 2}]}, None, True),
            ),
        )
    )
    assert r.customer_sentiment != "negative"
    assert r.resolution == "resolved"
    assert r.rating >= 3


def test_faults_described_in_unusual_words_are_damaged_items() -> None:
    for complaint in (
        "The speaker I got last week hisses and pops whenever I turn the volume up.",
        "My new backpack, the zipper split on the second day.",
        "The kettle smells like burning plastic every time I boil water.",
    ):
        r = analyse(call(f"U: {complaint}", "A: I'm sorry to hear that."))
        assert r.reason_category == "damaged_item", complaint


def test_tone_heads_read_the_end_of_the_call_with_what_the_last_reply_answers() -> None:
    t = call(
        "U: where is my parcel",
        "A: It was delivered yesterday at 2 pm.",
        "U: it was not",
        "A: I can open a lost-parcel claim and send a replacement. " + "Sorry. " * 30,
        "U: fine do that",
    )
    ending, exchange = tone_texts(t)
    assert ending == "it was not fine do that"  # the shopper's last two turns
    # The last reply after the start of the assistant line it answers (25 words).
    assert exchange == (
        "Agent: I can open a lost-parcel claim and send a replacement. "
        + "Sorry. " * 15
        + "Customer: fine do that"
    )
    assert tone_texts(call("A: Hello, how can I help?")) == ("", "")


def test_tone_heads_hear_a_warm_ending_and_a_resigned_one() -> None:
    def tone_of(*lines: str) -> dict[str, float]:
        _, vectors = ANALYSER.call_evidence(call(*lines))
        row = shared_reader().tone(vectors)[0]
        return dict(zip(TONE_FEATURES, (float(x) for x in row), strict=True))

    warm = tone_of(
        "U: is the blue kettle back in stock",
        "A: It is, and I've put one aside: order 40011122, arriving Friday.",
        "U: oh that's wonderful, thank you so much, you made my day",
    )
    resigned = tone_of(
        "U: is the blue kettle back in stock",
        "A: I'm sorry, it's discontinued and there is no replacement model.",
        "U: figures. whatever. i'll just shop somewhere else",
    )

    def heard(tone: dict[str, float], head: str) -> str:
        return max(("negative", "neutral", "positive"), key=lambda c: tone[f"{head}_{c}"])

    for head in ("ending_tone", "exchange_tone"):
        assert heard(warm, head) == "positive", warm
        assert warm[f"{head}_positive"] > 3 * warm[f"{head}_negative"], warm
        assert heard(resigned, head) == "negative", resigned
        assert resigned[f"{head}_negative"] > 3 * resigned[f"{head}_positive"], resigned


def test_justification_counts_what_the_call_made_and_what_failed() -> None:
    failed = ToolUse("get_order", {"order_id": "1"}, None, False)
    two = call(
        "U: I'd like two orders please, one for me and one for my sister.",
        "A: Orders 11112222 and 33334444 are placed and shipped.",
        "U: Thanks.",
        tools=(failed, failed),
        links=(("order", "11112222"), ("order", "33334444"), ("shipment", "SH0000000001")),
    )
    text = analyse(two).rating_justification
    assert "orders 11112222, 33334444 were placed" in text, text
    assert "shipment SH0000000001 was created" in text, text
    assert "2 tool calls failed (get_order)" in text, text
