"""Typed session configuration (the ``session`` of ``session.update``).

Models allow extra fields: the service adds options over time and we pass
them through untouched. Only fields we set or read are typed here.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ServerVad(_Open):
    type: Literal["server_vad"] = "server_vad"
    threshold: float | None = Field(None, ge=0, le=1)
    prefix_padding_ms: int | None = Field(None, ge=0, le=5000)
    silence_duration_ms: int | None = Field(None, ge=0, le=10_000)
    create_response: bool | None = None
    interrupt_response: bool | None = None
    auto_truncate: bool | None = None


class AzureSemanticVad(_Open):
    type: Literal[
        "azure_semantic_vad", "azure_semantic_vad_en", "azure_semantic_vad_multilingual"
    ] = "azure_semantic_vad"
    threshold: float | None = Field(None, ge=0, le=1)
    prefix_padding_ms: int | None = Field(None, ge=0, le=5000)
    silence_duration_ms: int | None = Field(None, ge=0, le=10_000)
    speech_duration_ms: int | None = Field(None, ge=0)
    remove_filler_words: bool | None = None
    languages: list[str] | None = None
    create_response: bool | None = None
    interrupt_response: bool | None = None


TurnDetection = Annotated[ServerVad | AzureSemanticVad, Field(discriminator="type")]


class NoiseReduction(_Open):
    type: Literal["azure_deep_noise_suppression", "near_field", "far_field"]


class EchoCancellation(_Open):
    type: Literal["server_echo_cancellation"] = "server_echo_cancellation"


class InputTranscription(_Open):
    model: str
    language: str | None = None


class FunctionTool(_Open):
    type: Literal["function"] = "function"
    name: str
    description: str = ""
    parameters: dict[str, Any] = Field(default_factory=dict)


class IceServer(_Open):
    urls: list[str] | str
    username: str | None = None
    credential: str | None = None


class VideoResolution(_Open):
    width: int = Field(ge=16, le=3840)
    height: int = Field(ge=16, le=2160)


class AvatarVideo(_Open):
    resolution: VideoResolution | None = None
    bitrate: int | None = Field(None, ge=10_000)
    codec: str | None = None


class AvatarConfig(_Open):
    character: str
    style: str | None = None
    customized: bool = False
    video: AvatarVideo | None = None
    ice_servers: list[IceServer] | None = None


class AnimationConfig(_Open):
    model_name: str | None = "default"
    outputs: list[Literal["blendshapes", "viseme_id"]] = Field(default_factory=list)


Modality = Literal["text", "audio", "avatar", "animation"]


class SessionConfig(_Open):
    """What we ask of the realtime service in ``session.update``."""

    modalities: list[Modality] | None = None
    instructions: str | None = None
    voice: str | dict[str, Any] | None = None
    input_audio_format: Literal["pcm16", "g711_ulaw", "g711_alaw"] | None = None
    output_audio_format: (
        Literal["pcm16", "pcm16_8000hz", "pcm16_16000hz", "g711_ulaw", "g711_alaw"] | None
    ) = None
    input_audio_sampling_rate: int | None = None
    turn_detection: TurnDetection | None = None
    input_audio_noise_reduction: NoiseReduction | None = None
    input_audio_echo_cancellation: EchoCancellation | None = None
    input_audio_transcription: InputTranscription | None = None
    tools: list[FunctionTool] | None = None
    tool_choice: str | dict[str, Any] | None = None
    temperature: float | None = None
    max_response_output_tokens: int | Literal["inf"] | None = None
    avatar: AvatarConfig | None = None
    animation: AnimationConfig | None = None

    def wire(self) -> dict[str, Any]:
        """The JSON object sent as ``session``: unset fields left out."""
        return self.model_dump(mode="json", exclude_none=True)
