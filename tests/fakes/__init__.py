"""Test doubles that speak real protocols over real sockets."""

from tests.fakes.voicelive_server import (
    FakeVoiceLive,
    ProtocolValidatorMissing,
    Rule,
    is_soft_protocol_complaint,
    load_protocol_validator,
)

__all__ = [
    "FakeVoiceLive",
    "ProtocolValidatorMissing",
    "Rule",
    "is_soft_protocol_complaint",
    "load_protocol_validator",
]
