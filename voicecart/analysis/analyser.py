"""The one interface both analysers implement, and the errors they raise."""

from __future__ import annotations

from typing import Protocol

from voicecart.analysis.schema import AnalysisResult
from voicecart.analysis.transcript import Transcript


class AnalysisError(Exception):
    """Analysing a call failed; ``retryable`` says whether trying again later may help.

    The message names what failed (an HTTP status, a schema field), never call content.
    """

    def __init__(self, message: str, *, retryable: bool = True) -> None:
        super().__init__(message)
        self.retryable = retryable


class Analyser(Protocol):
    """Reviews one finished call."""

    @property
    def name(self) -> str:
        """What produced the verdict, stored with the document (e.g. ``local/vader``)."""
        ...

    async def analyse(self, transcript: Transcript) -> AnalysisResult: ...

    async def aclose(self) -> None: ...


__all__ = ["Analyser", "AnalysisError"]
