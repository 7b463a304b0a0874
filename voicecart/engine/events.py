"""The engine's wire: client events it accepts (strict models) and server events it sends.

Client events are parsed with one discriminated union on ``type``: an unknown type, a
missing required field or a wrong type is a ``ClientError`` that the session answers with
an ``error`` event. Event envelopes and conversation items take only the fields the SDK
defines; the *session configuration* accepts extra fields and echoes them back.

Server events are plain dicts built here, each with a unique ``event_id``; their shapes
are those the SDK's models require (see ``/work/shared/protocol``).
"""

from __future__ import annotations

import copy
import itertools
import secrets
import time
from dataclasses import dataclass
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

Event = dict[str, Any]

# ---------------------------------------------------------------------- ids

_TAG: Final = secrets.token_hex(4)
_COUNTER = itertools.count(1)


def new_id(prefix: str) -> str:
    """A process-unique id such as ``item_3fa2c1d0000012``."""
    return f"{prefix}_{_TAG}{next(_COUNTER):08x}"


# ---------------------------------------------------------------------- client errors


class ClientError(Exception):
    """A client event the engine refuses; becomes an ``error`` event."""

    def __init__(
        self,
        code: str,
        message: str,
        *,
        param: str | None = None,
        kind: str = "invalid_request_error",
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.param = param
        self.kind = kind


# ---------------------------------------------------------------------- session config


class _Open(BaseModel):
    """Configuration object: known fields are checked, extra fields pass through."""

    model_config = ConfigDict(extra="allow", strict=True)


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class ServerVadConfig(_Open):
    type: Literal[
        "server_vad",
        "azure_semantic_vad",
        "azure_semantic_vad_en",
        "azure_semantic_vad_multilingual",
    ]
    threshold: float = Field(0.5, ge=0, le=1)
    prefix_padding_ms: int = Field(300, ge=0, le=5000)
    silence_duration_ms: int = Field(500, ge=0, le=10_000)
    create_response: bool = True
    interrupt_response: bool = True


class NoTurnDetection(_Open):
    type: Literal["none"]


class TranscriptionConfig(_Open):
    model: str
    language: str | None = None


class FunctionToolConfig(_Open):
    type: Literal["function"] = "function"
    name: str = Field(min_length=1, max_length=64)
    description: str = ""
    parameters: dict[str, Any] = Field(default_factory=dict)


class ToolChoiceFunction(_Open):
    type: Literal["function"]
    name: str | None = None
    function: dict[str, Any] | None = None


class VoiceConfig(_Open):
    type: str
    name: str


class AnimationConfig(_Open):
    model_name: str | None = None
    outputs: list[Literal["blendshapes", "viseme_id"]] = Field(default_factory=list)


class AvatarConfig(_Open):
    character: str


Modality = Literal["text", "audio", "animation", "avatar"]
OutputFormat = Literal["pcm16", "pcm16_8000hz", "pcm16_16000hz", "g711_ulaw", "g711_alaw"]
ToolChoice = Literal["auto", "none", "required"] | ToolChoiceFunction
TurnDetection = Annotated[ServerVadConfig | NoTurnDetection, Field(discriminator="type")]


class SessionConfig(_Open):
    """The ``session`` of ``session.update`` (every field optional, extras echoed)."""

    modalities: list[Modality] | None = Field(None, min_length=1)
    instructions: str | None = None
    voice: str | VoiceConfig | None = None
    input_audio_format: Literal["pcm16", "g711_ulaw", "g711_alaw"] | None = None
    input_audio_sampling_rate: Literal[8000, 16000, 24000] | None = None
    output_audio_format: OutputFormat | None = None
    turn_detection: TurnDetection | None = None
    input_audio_transcription: TranscriptionConfig | None = None
    tools: list[FunctionToolConfig] | None = None
    tool_choice: ToolChoice | None = None
    temperature: float | None = Field(None, ge=0, le=2)
    max_response_output_tokens: int | Literal["inf"] | None = None
    avatar: AvatarConfig | None = None
    animation: AnimationConfig | None = None


# ---------------------------------------------------------------------- conversation items


class InputTextPart(_Closed):
    type: Literal["input_text"]
    text: str


class InputAudioPart(_Closed):
    type: Literal["input_audio"]
    audio: str | None = None
    transcript: str | None = None


class TextPart(_Closed):
    type: Literal["text", "output_text"]
    text: str


class AudioPart(_Closed):
    type: Literal["audio"]
    audio: str | None = None
    transcript: str | None = None


ContentPart = Annotated[
    InputTextPart | InputAudioPart | TextPart | AudioPart, Field(discriminator="type")
]


class MessageItem(_Closed):
    type: Literal["message"]
    id: str | None = Field(None, min_length=1, max_length=64)
    object: Literal["realtime.item"] | None = None
    status: str | None = None
    role: Literal["user", "assistant", "system"]
    content: list[ContentPart]


class FunctionCallItem(_Closed):
    type: Literal["function_call"]
    id: str | None = Field(None, min_length=1, max_length=64)
    object: Literal["realtime.item"] | None = None
    status: str | None = None
    name: str
    call_id: str
    arguments: str


class FunctionCallOutputItem(_Closed):
    type: Literal["function_call_output"]
    id: str | None = Field(None, min_length=1, max_length=64)
    object: Literal["realtime.item"] | None = None
    status: str | None = None
    call_id: str
    output: str


Item = Annotated[
    MessageItem | FunctionCallItem | FunctionCallOutputItem, Field(discriminator="type")
]


class ResponseParams(_Open):
    """``response`` of ``response.create``."""

    modalities: list[Modality] | None = Field(None, min_length=1)
    instructions: str | None = None
    voice: str | VoiceConfig | None = None
    output_audio_format: OutputFormat | None = None
    tools: list[FunctionToolConfig] | None = None
    tool_choice: ToolChoice | None = None
    temperature: float | None = Field(None, ge=0, le=2)
    max_output_tokens: int | Literal["inf"] | None = None
    commit: bool = True
    cancel_previous: bool = False
    append_input_items: list[Item] | None = None
    input_items: list[Item] | None = None
    pre_generated_assistant_message: MessageItem | None = None
    metadata: dict[str, Any] | None = None


# ---------------------------------------------------------------------- client events


class _Envelope(_Closed):
    event_id: str | None = None


class SessionUpdate(_Envelope):
    type: Literal["session.update"]
    session: SessionConfig


class AudioAppend(_Envelope):
    type: Literal["input_audio_buffer.append"]
    audio: str


class AudioCommit(_Envelope):
    type: Literal["input_audio_buffer.commit"]


class AudioClear(_Envelope):
    type: Literal["input_audio_buffer.clear"]


class ItemCreate(_Envelope):
    type: Literal["conversation.item.create"]
    item: Item
    previous_item_id: str | None = None


class ItemDelete(_Envelope):
    type: Literal["conversation.item.delete"]
    item_id: str


class ItemRetrieve(_Envelope):
    type: Literal["conversation.item.retrieve"]
    item_id: str


class ItemTruncate(_Envelope):
    type: Literal["conversation.item.truncate"]
    item_id: str
    content_index: int = Field(ge=0)
    audio_end_ms: int = Field(ge=0)


class ResponseCreate(_Envelope):
    type: Literal["response.create"]
    response: ResponseParams | None = None
    additional_instructions: str | None = None


class ResponseCancel(_Envelope):
    type: Literal["response.cancel"]
    response_id: str | None = None


class OutputAudioClear(_Envelope):
    type: Literal["output_audio_buffer.clear"]


class AvatarConnect(_Envelope):
    type: Literal["session.avatar.connect"]
    client_sdp: str
    rtc_configuration: dict[str, Any] | None = None


ClientEvent = Annotated[
    SessionUpdate
    | AudioAppend
    | AudioCommit
    | AudioClear
    | ItemCreate
    | ItemDelete
    | ItemRetrieve
    | ItemTruncate
    | ResponseCreate
    | ResponseCancel
    | OutputAudioClear
    | AvatarConnect,
    Field(discriminator="type"),
]
_CLIENT_EVENT: Final[TypeAdapter[ClientEvent]] = TypeAdapter(ClientEvent)

# Client events the SDK defines that the local engine does not implement.
UNSUPPORTED: Final = frozenset(
    {
        "input_audio.turn.start",
        "input_audio.turn.append",
        "input_audio.turn.end",
        "input_audio.turn.cancel",
        "input_audio.clear",
        "input_text.delta",
        "input_text.done",
    }
)


def parse_client_event(raw: Any) -> ClientEvent:
    """A decoded JSON value -> the typed client event, or ``ClientError``."""
    if not isinstance(raw, dict):
        raise ClientError("invalid_json", "A client event must be a JSON object.")
    kind = raw.get("type")
    if not isinstance(kind, str):
        raise ClientError("missing_required_parameter", "The event has no 'type'.", param="type")
    if kind in UNSUPPORTED:
        raise ClientError(
            "unsupported_event",
            f"The local engine does not support {kind!r}.",
            param="type",
        )
    try:
        return _CLIENT_EVENT.validate_python(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        if first["type"] == "union_tag_invalid" and not first["loc"]:
            raise ClientError(
                "unknown_event", f"Unknown client event type {kind!r}.", param="type"
            ) from exc
        loc = [str(p) for p in first["loc"]]
        # Drop the union tag that pydantic puts first ("session.update", …).
        if loc and loc[0] == kind:
            loc = loc[1:]
        code = "missing_required_parameter" if first["type"] == "missing" else "invalid_value"
        param = ".".join(loc) or None
        raise ClientError(code, f"{param or kind}: {first['msg']}", param=param) from exc


def event_id_of(raw: Any) -> str | None:
    """The client's ``event_id``, when it sent a usable one."""
    if isinstance(raw, dict):
        value = raw.get("event_id")
        if isinstance(value, str):
            return value
    return None


# ---------------------------------------------------------------------- server events


def server_event(kind: str, **fields: Any) -> Event:
    """Any server event: ``type``, a fresh ``event_id``, then ``fields``."""
    return {"type": kind, "event_id": new_id("event"), **fields}


def error_event(
    code: str,
    message: str,
    *,
    kind: str = "invalid_request_error",
    param: str | None = None,
    event_id: str | None = None,
) -> Event:
    return server_event(
        "error",
        error={
            "type": kind,
            "code": code,
            "message": message,
            "param": param,
            "event_id": event_id,
        },
    )


def session_event(kind: Literal["session.created", "session.updated"], session: Event) -> Event:
    return server_event(kind, session=session)


def speech_started(audio_start_ms: int, item_id: str) -> Event:
    return server_event(
        "input_audio_buffer.speech_started", audio_start_ms=audio_start_ms, item_id=item_id
    )


def speech_stopped(audio_end_ms: int, item_id: str) -> Event:
    return server_event(
        "input_audio_buffer.speech_stopped", audio_end_ms=audio_end_ms, item_id=item_id
    )


def committed(item_id: str, previous_item_id: str | None) -> Event:
    return server_event(
        "input_audio_buffer.committed", item_id=item_id, previous_item_id=previous_item_id
    )


def item_created(item: Event, previous_item_id: str | None) -> Event:
    return server_event("conversation.item.created", previous_item_id=previous_item_id, item=item)


def transcription_completed(item_id: str, transcript: str) -> Event:
    return server_event(
        "conversation.item.input_audio_transcription.completed",
        item_id=item_id,
        content_index=0,
        transcript=transcript,
    )


def transcription_failed(item_id: str, message: str) -> Event:
    return server_event(
        "conversation.item.input_audio_transcription.failed",
        item_id=item_id,
        content_index=0,
        error={"type": "server_error", "code": "transcription_failed", "message": message},
    )


def response_event(kind: Literal["response.created", "response.done"], response: Event) -> Event:
    return server_event(kind, response=response)


def output_item(
    kind: Literal["response.output_item.added", "response.output_item.done"],
    response_id: str,
    output_index: int,
    item: Event,
) -> Event:
    return server_event(kind, response_id=response_id, output_index=output_index, item=item)


def part_event(kind: str, ids: Event, **fields: Any) -> Event:
    """A ``response.*`` event addressed by ``ids`` (response_id, item_id, output_index,
    and content_index or call_id)."""
    return server_event(kind, **ids, **fields)


def usage(input_text: int, output_text: int, output_audio: int) -> Event:
    """Token usage with every field the SDK requires (estimates: the engine has no tokenizer)."""
    return {
        "total_tokens": input_text + output_text + output_audio,
        "input_tokens": input_text,
        "output_tokens": output_text + output_audio,
        "input_token_details": {
            "cached_tokens": 0,
            "text_tokens": input_text,
            "audio_tokens": 0,
            "image_tokens": 0,
            "cached_tokens_details": {"text_tokens": 0, "audio_tokens": 0, "image_tokens": 0},
        },
        "output_token_details": {"text_tokens": output_text, "audio_tokens": output_audio},
    }


def view(item: Event) -> Event:
    """An item as the engine echoes it: a copy, with audio bytes left out (``None`` keeps
    the ``audio`` key the SDK's RequestAudioContentPart requires)."""
    copied: Event = copy.deepcopy(item)
    for part in copied.get("content") or []:
        if part.get("type") in ("input_audio", "audio") and "audio" in part:
            part["audio"] = None
    return copied


def stored_item(raw: Item) -> Event:
    """A client item as the conversation stores it (id, object and status filled in)."""
    item = raw.model_dump(mode="json", exclude_none=True)
    item.setdefault("id", new_id("item"))
    item["object"] = "realtime.item"
    if item["type"] != "function_call_output":
        item["status"] = "completed"
    for part in item.get("content", []):
        if part["type"] in ("input_audio", "audio"):
            part.setdefault("transcript", None)
    return item


SESSION_LIFETIME_S: Final = 30 * 60


def default_session(model: str, voice: str) -> Event:
    """The session a connection starts with (``session.created``)."""
    return {
        "id": new_id("sess"),
        "object": "realtime.session",
        "model": model,
        "expires_at": int(time.time()) + SESSION_LIFETIME_S,
        "modalities": ["text", "audio"],
        "instructions": "",
        "voice": voice,
        "input_audio_format": "pcm16",
        "input_audio_sampling_rate": 24000,
        "output_audio_format": "pcm16",
        "turn_detection": ServerVadConfig(type="server_vad").model_dump(mode="json"),
        "input_audio_transcription": None,
        "tools": [],
        "tool_choice": "auto",
        "temperature": 0.8,
        "max_response_output_tokens": "inf",
    }


@dataclass(frozen=True)
class ResponsePlan:
    """What one ``response.create`` asks for: its parameters over the session's."""

    modalities: list[str]
    instructions: str
    voice: str | None
    output_audio_format: str
    tools: list[Event]
    tool_choice: str | Event
    temperature: float | None
    max_output_tokens: int | None
    visemes: bool
    commit: bool
    metadata: Event | None
    input_items: list[Event] | None
    spoken_text: str | None  # a pre-generated assistant message to speak, not the brain's

    @property
    def audio(self) -> bool:
        return "audio" in self.modalities

    @property
    def tool_names(self) -> set[str]:
        return {str(t.get("name")) for t in self.tools}


def plan_response(
    params: ResponseParams, session: Event, additional_instructions: str | None
) -> ResponsePlan:
    def pick(value: Any, key: str) -> Any:
        return session.get(key) if value is None else value

    instructions = pick(params.instructions, "instructions") or ""
    if additional_instructions:
        instructions = f"{instructions}\n\n{additional_instructions}".strip()
    voice: Any = pick(params.voice, "voice")
    if isinstance(voice, VoiceConfig):
        voice = voice.name
    elif isinstance(voice, dict):
        voice = voice.get("name")
    choice: Any = params.tool_choice
    limit = pick(params.max_output_tokens, "max_response_output_tokens")
    spoken = params.pre_generated_assistant_message
    return ResponsePlan(
        modalities=list(pick(params.modalities, "modalities") or ["text"]),
        instructions=instructions,
        voice=voice if isinstance(voice, str) else None,
        output_audio_format=str(pick(params.output_audio_format, "output_audio_format")),
        tools=(
            [t.model_dump(mode="json") for t in params.tools]
            if params.tools is not None
            else list(session.get("tools") or [])
        ),
        tool_choice=(
            session.get("tool_choice") or "auto"
            if choice is None
            else choice
            if isinstance(choice, str)
            else choice.model_dump(mode="json")
        ),
        temperature=pick(params.temperature, "temperature"),
        max_output_tokens=limit if isinstance(limit, int) else None,
        visemes="viseme_id" in ((session.get("animation") or {}).get("outputs") or []),
        commit=params.commit,
        metadata=params.metadata,
        input_items=(
            [stored_item(i) for i in params.input_items] if params.input_items is not None else None
        ),
        spoken_text=(
            " ".join(getattr(p, "text", None) or "" for p in spoken.content).strip()
            if spoken is not None
            else None
        ),
    )


def response_body(
    response_id: str,
    plan: ResponsePlan,
    status: str,
    *,
    output: list[Event],
    conversation_id: str,
    details: Event | None = None,
    token_usage: Event | None = None,
) -> Event:
    """The ``response`` object of ``response.created``/``response.done``."""
    body: Event = {
        "id": response_id,
        "object": "realtime.response",
        "status": status,
        "status_details": details,
        "output": [view(item) for item in output],
        "conversation_id": conversation_id if plan.commit else None,
        "modalities": plan.modalities,
        "output_audio_format": plan.output_audio_format,
        "temperature": plan.temperature,
        "max_output_tokens": plan.max_output_tokens or "inf",
        "metadata": plan.metadata,
    }
    if token_usage is not None:
        body["usage"] = token_usage
    return body
