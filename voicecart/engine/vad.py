"""Streaming voice activity detection on the session's input timeline.

:class:`SileroVad` runs Silero VAD v6 — the ONNX file faster-whisper ships
(``faster_whisper/assets/silero_vad_v6.onnx``, 1.2 MB) — with onnxruntime directly (no torch).
Audio fed at ``input_rate`` (24 kHz by default, the protocol's ``pcm16``) is resampled to
16 kHz with a :class:`~voicecart.engine.audio.StreamResampler` and cut into 512-sample
(32 ms) frames; each frame goes to the model with the previous frame's last 64 samples as
context and the LSTM state (``h``, ``c``) carried from the previous frame. All complete frames
of one ``feed`` call run as one batch (the model's first axis is time, so this equals running
them one by one — checked). Cost: about 0.1–0.3 ms per 32 ms frame on one core.

:class:`EnergyVad` is the fallback when onnxruntime or the model is missing: an RMS level
mapped onto a 0..1 score (see its docstring), same timing rules.

Timing rules (both classes, on the input timeline, which starts at 0 ms with the first byte fed
and keeps running across :meth:`reset`):

* ``speech_started`` when a frame's score reaches ``options.threshold``; ``at_ms`` is that
  frame's start minus ``prefix_padding_ms``, never below 0 and never before the previous
  ``speech_stopped``'s ``at_ms``. It is reported by the ``feed`` call that completes the frame.
* ``speech_stopped`` once the score has stayed below ``threshold - 0.15`` (the "negative
  threshold", floored at 0.01) for ``silence_duration_ms``; a frame at or above ``threshold``
  cancels the count, frames in between neither start nor cancel it. ``at_ms`` is the start of
  the silence, i.e. where the speech ended; the event itself is reported
  ``silence_duration_ms`` later (when that much audio has been fed).

``options`` is a plain attribute: assigning new :class:`VadOptions` (``session.update``) takes
effect from the next frame. ``reset()`` forgets speech state and model state but keeps the
timeline (so ``at_ms`` stays comparable with the session's audio).

The ONNX session is created once per process and shared by every :class:`SileroVad`
(``InferenceSession.run`` is thread-safe; 1 intra-op thread); per-stream state lives in each
instance, so use one instance per input stream.
"""

from __future__ import annotations

import logging
import math
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import numpy as np

from voicecart.engine.audio import StreamResampler, pcm16_to_array
from voicecart.engine.interfaces import StreamingVad, VadEvent, VadOptions

log = logging.getLogger(__name__)

MODEL_RATE: Final = 16000
FRAME_SAMPLES: Final = 512  # 32 ms at 16 kHz
CONTEXT_SAMPLES: Final = 64
FRAME_MS: Final = FRAME_SAMPLES * 1000 // MODEL_RATE
NEGATIVE_OFFSET: Final = 0.15

_SESSIONS: dict[Path, Any] = {}
_SESSION_LOCK = threading.Lock()


def default_model_path() -> Path:
    """``faster_whisper/assets/silero_vad_v6.onnx`` (ImportError/FileNotFoundError if absent)."""
    import importlib.util

    spec = importlib.util.find_spec("faster_whisper")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("faster-whisper is not installed (it ships the Silero VAD model)")
    path = Path(next(iter(spec.submodule_search_locations))) / "assets" / "silero_vad_v6.onnx"
    if not path.is_file():
        raise FileNotFoundError(path)
    return path


def silero_session(model_path: str | Path | None = None) -> Any:
    """The process-wide onnxruntime session for the Silero model (created on first use)."""
    path = Path(model_path) if model_path is not None else default_model_path()
    with _SESSION_LOCK:
        if path in _SESSIONS:
            return _SESSIONS[path]
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3
        session = ort.InferenceSession(
            str(path), sess_options=opts, providers=["CPUExecutionProvider"]
        )
        names = {i.name for i in session.get_inputs()}
        if names != {"input", "h", "c"}:
            raise ValueError(
                f"{path} is not the faster-whisper Silero v6 model (inputs {sorted(names)}; "
                "expected input, h, c)"
            )
        _SESSIONS[path] = session
        return session


@dataclass
class _Endpointer:
    """The shared start/stop state machine over per-frame speech scores."""

    options: VadOptions
    in_speech: bool = False
    silence_start_ms: float | None = None
    last_stop_ms: int = 0
    events: list[VadEvent] = field(default_factory=list)

    def reset(self) -> None:
        self.in_speech = False
        self.silence_start_ms = None

    def step(self, score: float, start_ms: float, end_ms: float) -> None:
        threshold = self.options.threshold
        negative = max(threshold - NEGATIVE_OFFSET, 0.01)
        if not self.in_speech:
            if score >= threshold:
                self.in_speech = True
                self.silence_start_ms = None
                at = max(0, math.floor(start_ms) - self.options.prefix_padding_ms)
                self.events.append(VadEvent("speech_started", max(at, self.last_stop_ms)))
            return
        if score >= threshold:
            self.silence_start_ms = None
            return
        if score < negative and self.silence_start_ms is None:
            self.silence_start_ms = start_ms
        if (
            self.silence_start_ms is not None
            and end_ms - self.silence_start_ms >= self.options.silence_duration_ms
        ):
            at = math.floor(self.silence_start_ms)
            self.events.append(VadEvent("speech_stopped", at))
            self.last_stop_ms = at
            self.in_speech = False
            self.silence_start_ms = None

    def take(self) -> list[VadEvent]:
        out, self.events = self.events, []
        return out


class SileroVad:
    """Silero VAD v6 (onnxruntime) as a :class:`StreamingVad`; see the module docstring."""

    def __init__(
        self,
        options: VadOptions | None = None,
        *,
        input_rate: int = 24000,
        model_path: str | Path | None = None,
    ) -> None:
        self._session = silero_session(model_path)
        self.sample_rate = input_rate
        self._endpointer = _Endpointer(options or VadOptions())
        self._resampler = StreamResampler(input_rate, MODEL_RATE)
        self._pending = np.zeros(0, dtype=np.float32)  # 16 kHz samples not yet in a frame
        self._frames = 0  # frames run so far (timeline position, survives reset)
        self._input_bytes = 0
        self.last_probability = 0.0
        self._reset_model_state()

    @property
    def options(self) -> VadOptions:
        return self._endpointer.options

    @options.setter
    def options(self, value: VadOptions) -> None:
        self._endpointer.options = value

    @property
    def in_speech(self) -> bool:
        return self._endpointer.in_speech

    @property
    def silence_since_ms(self) -> float | None:
        """Where the silence that may end the current turn began (VAD timeline), if any."""
        ep = self._endpointer
        return ep.silence_start_ms if ep.in_speech else None

    @property
    def position_ms(self) -> int:
        """How much input (ms at ``sample_rate``) has been fed so far."""
        return (self._input_bytes // 2) * 1000 // self.sample_rate

    def _reset_model_state(self) -> None:
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._context = np.zeros(CONTEXT_SAMPLES, dtype=np.float32)

    def reset(self) -> None:
        """Forget speech and model state; the timeline keeps running."""
        self._endpointer.reset()
        self._reset_model_state()
        self.last_probability = 0.0

    def probabilities(self, samples_16k: np.ndarray) -> np.ndarray:
        """Run whole 512-sample frames of 16 kHz float32 audio, carrying state; one p each."""
        frames = samples_16k.reshape(-1, FRAME_SAMPLES)
        if frames.shape[0] == 0:
            return np.zeros(0, dtype=np.float32)
        contexts = np.concatenate([self._context[None, :], frames[:-1, -CONTEXT_SAMPLES:]])
        batch = np.ascontiguousarray(np.concatenate([contexts, frames], axis=1))
        out, self._h, self._c = self._session.run(
            None, {"input": batch, "h": self._h, "c": self._c}
        )
        self._context = frames[-1, -CONTEXT_SAMPLES:].copy()
        return np.asarray(out, dtype=np.float32).reshape(-1)

    def feed(self, pcm16: bytes) -> list[VadEvent]:
        self._input_bytes += len(pcm16)
        resampled = self._resampler.process(pcm16)
        if resampled:
            new = pcm16_to_array(resampled).astype(np.float32) / np.float32(32768.0)
            self._pending = np.concatenate([self._pending, new])
        n = self._pending.size // FRAME_SAMPLES
        if n == 0:
            return []
        probs = self.probabilities(self._pending[: n * FRAME_SAMPLES])
        self._pending = self._pending[n * FRAME_SAMPLES :]
        for p in probs:
            start = self._frames * FRAME_MS
            self._endpointer.step(float(p), start, start + FRAME_MS)
            self._frames += 1
        self.last_probability = float(probs[-1])
        return self._endpointer.take()


class EnergyVad:
    """RMS-level VAD: the fallback when Silero cannot run. Same timing rules as SileroVad.

    Each ``frame_ms`` frame at ``input_rate`` gets the score
    ``(rms_dbfs - floor_dbfs) / (ceiling_dbfs - floor_dbfs)`` clipped to 0..1, so with the
    defaults (-60 / -20 dBFS) ``threshold`` 0.5 means -40 dBFS to start and the negative
    threshold 0.35 means -46 dBFS to count silence. It cannot tell speech from other loud
    sound; use it only without onnxruntime.
    """

    def __init__(
        self,
        options: VadOptions | None = None,
        *,
        input_rate: int = 24000,
        frame_ms: int = 20,
        floor_dbfs: float = -60.0,
        ceiling_dbfs: float = -20.0,
    ) -> None:
        if ceiling_dbfs <= floor_dbfs:
            raise ValueError("ceiling_dbfs must be above floor_dbfs")
        self.sample_rate = input_rate
        self.frame_samples = max(1, input_rate * frame_ms // 1000)
        self.floor_dbfs = floor_dbfs
        self.ceiling_dbfs = ceiling_dbfs
        self._endpointer = _Endpointer(options or VadOptions())
        self._pending = np.zeros(0, dtype=np.int16)
        self._odd = b""
        self._frames = 0
        self.last_probability = 0.0

    @property
    def options(self) -> VadOptions:
        return self._endpointer.options

    @options.setter
    def options(self, value: VadOptions) -> None:
        self._endpointer.options = value

    @property
    def in_speech(self) -> bool:
        return self._endpointer.in_speech

    @property
    def silence_since_ms(self) -> float | None:
        """Where the silence that may end the current turn began (VAD timeline), if any."""
        ep = self._endpointer
        return ep.silence_start_ms if ep.in_speech else None

    def reset(self) -> None:
        """Forget speech state; the timeline keeps running."""
        self._endpointer.reset()
        self.last_probability = 0.0

    def scores(self, frames: np.ndarray) -> np.ndarray:
        x = frames.astype(np.float64)
        rms = np.sqrt(np.mean(x * x, axis=1))
        db = 20.0 * np.log10(np.maximum(rms, 1e-9) / 32768.0)
        span = self.ceiling_dbfs - self.floor_dbfs
        result: np.ndarray = np.clip((db - self.floor_dbfs) / span, 0.0, 1.0)
        return result

    def feed(self, pcm16: bytes) -> list[VadEvent]:
        data = self._odd + pcm16
        cut = len(data) - (len(data) % 2)
        self._odd = data[cut:]
        self._pending = np.concatenate([self._pending, pcm16_to_array(data[:cut])])
        fs = self.frame_samples
        n = self._pending.size // fs
        if n == 0:
            return []
        scores = self.scores(self._pending[: n * fs].reshape(n, fs))
        self._pending = self._pending[n * fs :]
        rate = self.sample_rate
        for s in scores:
            start = self._frames * fs * 1000.0 / rate
            self._endpointer.step(float(s), start, (self._frames + 1) * fs * 1000.0 / rate)
            self._frames += 1
        self.last_probability = float(scores[-1])
        return self._endpointer.take()


def create_vad(
    options: VadOptions | None = None, *, input_rate: int = 24000, settings: object = None
) -> StreamingVad:
    """A :class:`SileroVad`, or an :class:`EnergyVad` (logged) if Silero cannot be loaded.

    ``settings`` is accepted for the engine's part discovery and not used.
    """
    del settings
    try:
        return SileroVad(options, input_rate=input_rate)
    except Exception as exc:  # no onnxruntime, no model file, or onnxruntime failed to load it
        log.warning("Silero VAD unavailable (%s); using the energy VAD", exc)
        return EnergyVad(options, input_rate=input_rate)
