"""Tests keep the knowledge index out of the developer's ``var/``: every settings
factory, and any server a test starts, uses the session's temporary index."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support import make_settings, session_knowledge_index
from voicecart.config import load_settings

pytestmark = pytest.mark.unit


def test_test_settings_use_a_temporary_knowledge_index() -> None:
    index = session_knowledge_index()
    var = Path.cwd().resolve() / "var"
    assert not index.resolve().is_relative_to(var)
    assert make_settings("sqlite+aiosqlite:///:memory:").knowledge_index_path == index
    # factories that build settings themselves, and subprocess servers, read the environment
    assert load_settings(_env_file=None).knowledge_index_path == index
    assert os.environ["VOICECART_KNOWLEDGE_INDEX_PATH"] == str(index)
