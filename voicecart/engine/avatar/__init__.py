"""The local engine's talking avatar: a 2D presenter streamed over WebRTC (aiortc).

``looks`` (characters, styles, video sizes) → ``drawing`` (Pillow) → ``sprites`` (pre-rendered
YUV pieces, composed per frame) ← ``timeline`` (the assistant's audio, visemes and loudness on
one 48 kHz clock) → ``tracks`` (paced aiortc audio/video tracks) → ``peer`` (offer/answer,
ICE) ← ``link`` (one engine session's avatar) ← ``service`` (per-process options and cap).
"""
