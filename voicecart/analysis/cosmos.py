"""Azure Cosmos DB sink: documents upserted by id, in the seed's document shape.

The database and container are created on first use if missing (partition key
``/id``, so each document is its own logical partition, as in the seed). Upserting
by the id derived from the call id makes a retried job rewrite, not duplicate.
"""

from __future__ import annotations

from typing import Any, Final

from azure.core.exceptions import AzureError
from azure.cosmos import PartitionKey
from azure.cosmos.aio import ContainerProxy, CosmosClient
from azure.cosmos.exceptions import CosmosHttpResponseError

from voicecart.analysis.analyser import AnalysisError
from voicecart.analysis.schema import AnalysisDocument

_RETRYABLE_STATUS: Final = frozenset({408, 409, 410, 429, 449, 500, 502, 503, 504})


class CosmosSink:
    def __init__(
        self,
        endpoint: str,
        key: str,
        *,
        database: str,
        container: str,
        **client_options: Any,
    ) -> None:
        self._client = CosmosClient(endpoint, credential=key, **client_options)
        self._database = database
        self._container_name = container
        self._container: ContainerProxy | None = None

    async def _get_container(self) -> ContainerProxy:
        if self._container is None:
            db = await self._client.create_database_if_not_exists(self._database)
            self._container = await db.create_container_if_not_exists(
                id=self._container_name, partition_key=PartitionKey(path="/id")
            )
        return self._container

    async def write(self, doc: AnalysisDocument) -> None:
        try:
            container = await self._get_container()
            await container.upsert_item(doc.seed_document())
        except CosmosHttpResponseError as exc:
            status = exc.status_code or 0
            raise AnalysisError(
                f"Cosmos DB answered HTTP {status}", retryable=status in _RETRYABLE_STATUS
            ) from exc
        except AzureError as exc:
            raise AnalysisError(f"Cosmos DB unreachable ({type(exc).__name__})") from exc

    async def aclose(self) -> None:
        await self._client.close()


__all__ = ["CosmosSink"]
