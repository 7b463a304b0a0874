"""How the gateway reports an avatar service's refusal of the browser's offer."""

from __future__ import annotations

import pytest

from voicecart.api.sessions import AVATAR_STATUS
from voicecart.session.realtime_session import _avatar_refusal, _is_avatar_error

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("error", "code", "status"),
    [
        (
            {"code": "avatar_capacity_exceeded", "message": "At its limit.\n Try later."},
            "avatar_capacity_exceeded",
            503,
        ),
        (
            {
                "code": "avatar_verification_failed",
                "message": "Unknown avatar character 'bob'; valid: james, lisa, michelle.",
            },
            "avatar_verification_failed",
            422,
        ),
        ({"code": "invalid_sdp", "message": "The offer has no video."}, "invalid_sdp", 400),
        ({"code": "avatar_unavailable", "message": "No avatar here."}, "avatar_unavailable", 503),
    ],
)
def test_known_refusals_keep_their_code_and_message(
    error: dict[str, str], code: str, status: int
) -> None:
    assert _is_avatar_error(error)
    refusal = _avatar_refusal(error)
    assert refusal.code == code
    assert refusal.message == " ".join(error["message"].split())  # one line
    assert AVATAR_STATUS[refusal.code] == status


def test_unknown_or_oversized_refusals_stay_safe() -> None:
    internal = {"code": "avatar_internal", "message": "stack trace at 10.0.0.7 ..."}
    assert _is_avatar_error(internal)
    refusal = _avatar_refusal(internal)
    assert (refusal.code, refusal.message) == (
        "avatar_failed",
        "the avatar service refused the connection",
    )
    assert AVATAR_STATUS[refusal.code] == 502
    long = _avatar_refusal({"code": "invalid_sdp", "message": "x" * 5000})
    assert len(long.message) == 500
    assert not _is_avatar_error({"code": "invalid_value", "param": "session.voice"})
    assert _is_avatar_error({"code": "invalid_value", "param": "client_sdp"})
