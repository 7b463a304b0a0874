"""The Contoso shopping assistant: instructions and the session configuration we send."""

from __future__ import annotations

from typing import Any

from voicecart.config import Settings
from voicecart.realtime.session_config import (
    AnimationConfig,
    AvatarConfig,
    AvatarVideo,
    AzureSemanticVad,
    EchoCancellation,
    FunctionTool,
    IceServer,
    InputTranscription,
    NoiseReduction,
    ServerVad,
    SessionConfig,
    VideoResolution,
)

INSTRUCTIONS = """\
You are Ava, the voice shopping assistant of the Contoso online store. You speak with
shoppers in real time, so keep every answer short (one to three sentences), warm and
natural; never read lists longer than three items aloud — offer to tell more instead.

What you can do, always through your tools, never from memory:
- Find products (search_products, get_product, list_categories). Say names and prices
  plainly ("forty-four ninety-nine"). Mention stock only when it is low or zero.
- Place orders (create_order). Before ordering, confirm the product, size or colour
  when it has them, and the quantity, and get a clear yes.
- Ship orders (create_shipment). Ask for the delivery address and repeat it back for
  confirmation before creating the shipment. Offer standard, expedited or overnight.
- Look up and cancel orders (get_order, cancel_order) and track shipments
  (track_shipment).
- Answer questions about store policies and product manuals (search_knowledge) and
  name the document you used ("According to our returns policy, …").

Read order numbers and tracking numbers back clearly, digit by digit in small groups
("order four eight two, seven one nine, three zero").
Before a tool that may take a moment, say a short filler such as "One moment while I
check that." If a tool returns an error, explain it simply and offer the next step; never
invent products, prices, order numbers, policies or tracking numbers. If you cannot help,
offer to connect the shopper with a human agent at Contoso customer care.
"""


def avatar_config(settings: Settings) -> AvatarConfig:
    ice: list[IceServer] | None = None
    if settings.avatar_ice_urls:
        urls = [u.strip() for u in settings.avatar_ice_urls.split(",") if u.strip()]
        credential = (
            settings.avatar_ice_credential.get_secret_value()
            if settings.avatar_ice_credential
            else None
        )
        ice = [IceServer(urls=urls, username=settings.avatar_ice_username, credential=credential)]
    return AvatarConfig(
        character=settings.avatar_character,
        style=settings.avatar_style,
        customized=False,
        video=AvatarVideo(
            resolution=(
                VideoResolution(width=settings.avatar_width, height=settings.avatar_height)
                if settings.avatar_width is not None and settings.avatar_height is not None
                else None
            ),
            bitrate=settings.avatar_bitrate,
        ),
        ice_servers=ice,
    )


def build_session_config(settings: Settings, tools: list[dict[str, Any]]) -> SessionConfig:
    """The ``session.update`` payload for a new conversation, from settings."""
    turn_detection: ServerVad | AzureSemanticVad
    if settings.turn_detection == "azure_semantic_vad":
        turn_detection = AzureSemanticVad(
            threshold=settings.vad_threshold,
            prefix_padding_ms=settings.vad_prefix_padding_ms,
            silence_duration_ms=settings.vad_silence_duration_ms,
            remove_filler_words=True,
        )
    else:
        turn_detection = ServerVad(
            threshold=settings.vad_threshold,
            prefix_padding_ms=settings.vad_prefix_padding_ms,
            silence_duration_ms=settings.vad_silence_duration_ms,
        )
    modalities: list[Any] = ["text", "audio"]
    if settings.avatar_enabled:
        modalities += ["avatar", "animation"]
    return SessionConfig(
        modalities=modalities,
        instructions=INSTRUCTIONS,
        voice=settings.voice,
        input_audio_format="pcm16",
        output_audio_format="pcm16",
        input_audio_sampling_rate=24_000,
        turn_detection=turn_detection,
        input_audio_noise_reduction=NoiseReduction(type="azure_deep_noise_suppression"),
        input_audio_echo_cancellation=EchoCancellation(),
        input_audio_transcription=InputTranscription(model=settings.transcription_model),
        tools=[FunctionTool(**t) for t in tools],
        tool_choice="auto",
        temperature=0.7,
        avatar=avatar_config(settings) if settings.avatar_enabled else None,
        animation=(
            AnimationConfig(model_name="default", outputs=["viseme_id"])
            if settings.avatar_enabled
            else None
        ),
    )
