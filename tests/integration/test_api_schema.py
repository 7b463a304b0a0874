"""Property-based run over the app's own OpenAPI schema (schemathesis).

Every operation is called with generated valid and invalid input on a real
server over loopback; checks: no 5xx, documented status codes, responses match
their schemas, content types match.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from tests.support import make_settings, running_server

pytestmark = [pytest.mark.integration, pytest.mark.slow]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[schemathesis.BaseSchema]:
    db_path: Path = tmp_path_factory.mktemp("schema") / "voicecart.db"
    with running_server(make_settings(f"sqlite+aiosqlite:///{db_path}")) as base_url:
        yield schemathesis.openapi.from_url(f"{base_url}/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_conforms(case: schemathesis.Case) -> None:
    case.call_and_validate()
