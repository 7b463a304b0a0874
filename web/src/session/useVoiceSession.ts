/**
 * The shopper page's engine room: one realtime session, the microphone, the assistant's
 * voice and the avatar, wired to the conversation reducer.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { Microphone, MicrophoneError } from "../audio/microphone";
import { Player } from "../audio/player";
import { AvatarError, connectAvatar, type AvatarLink } from "../avatar/connect";
import { ApiError } from "../backend";
import { VoiceConnection } from "./connection";
import { activityOf, conversationReducer, initialConversation, type Activity, type Conversation } from "./conversation";
import { iceServersFrom, type IceServer, type ServerMessage, type SessionInfo } from "./protocol";

export type MicMode = "hands-free" | "push-to-talk";
export type ConnectionView = "idle" | "connecting" | "open" | "reconnecting" | "closed" | "failed";
export type AvatarState = "off" | "connecting" | "on" | "unavailable";

export interface VoiceSession {
  activity: Activity;
  conversation: Conversation;
  connection: ConnectionView;
  connectionDetail: string | null;
  info: SessionInfo | null;
  micOn: boolean;
  micError: string | null;
  mode: MicMode;
  talking: boolean;
  level: number;
  avatar: AvatarState;
  avatarNotice: string | null;
  avatarStream: MediaStream | null;
  start: () => Promise<void>;
  end: () => Promise<void>;
  toggleMic: () => Promise<void>;
  setMode: (mode: MicMode) => void;
  pressTalk: () => void;
  releaseTalk: () => void;
  sendText: (text: string) => Promise<void>;
  startAvatar: () => Promise<void>;
  stopAvatar: () => void;
}

// Errors the shopper needs no word about (the UI already shows the state they describe).
const QUIET_ERRORS = new Set(["input_audio_buffer_commit_empty", "avatar_unavailable"]);

export function useVoiceSession(): VoiceSession {
  const [conversation, dispatch] = useReducer(conversationReducer, initialConversation);
  const [connection, setConnection] = useState<ConnectionView>("idle");
  const [connectionDetail, setConnectionDetail] = useState<string | null>(null);
  const [info, setInfo] = useState<SessionInfo | null>(null);
  const [micOn, setMicOn] = useState(false);
  const [micError, setMicError] = useState<string | null>(null);
  const [mode, setModeState] = useState<MicMode>("hands-free");
  const [talking, setTalking] = useState(false);
  const [level, setLevel] = useState(0);
  const [playing, setPlaying] = useState(false);
  // The avatar speaking (its WebRTC stream, not our player): from the server's
  // assistant_playback events. Until it stops, the page is "speaking", so the shopper
  // does not talk into the browser's echo canceller while the avatar is still heard.
  const [avatarPlaying, setAvatarPlaying] = useState(false);
  const [avatar, setAvatar] = useState<AvatarState>("off");
  const [avatarNotice, setAvatarNotice] = useState<string | null>(null);
  const [avatarStream, setAvatarStream] = useState<MediaStream | null>(null);

  const connectionRef = useRef<VoiceConnection | null>(null);
  const playerRef = useRef<Player | null>(null);
  const micRef = useRef<Microphone | null>(null);
  const avatarRef = useRef<AvatarLink | null>(null);
  const iceRef = useRef<IceServer[]>([]);
  const modeRef = useRef<MicMode>("hands-free");
  const talkingRef = useRef(false);
  // Push-to-talk released: the manual commit does not start an answer by itself.
  const awaitingCommitRef = useRef(false);

  const player = useCallback((): Player => {
    playerRef.current ??= new Player(setPlaying);
    return playerRef.current;
  }, []);

  const onMessage = useCallback(
    (message: ServerMessage) => {
      const ice = iceServersFrom(message);
      if (ice) iceRef.current = ice;
      switch (message.type) {
        case "assistant_audio_delta":
          player().enqueue(message.delta);
          break;
        case "assistant_audio_done":
          player().end();
          break;
        case "speech_started":
          player().flush(); // barge-in: the shopper talks, the assistant stops at once
          break;
        case "assistant_playback":
          setAvatarPlaying(message.status === "started" && avatarRef.current !== null);
          break;
        case "input_audio_committed":
          if (awaitingCommitRef.current) {
            awaitingCommitRef.current = false;
            connectionRef.current?.send({ type: "request_response" });
          }
          break;
        case "response_status":
          if (message.status === "cancelled" || message.status === "interrupted") player().flush();
          break;
        case "session_ready":
          if (message.resumed) dispatch({ type: "notice", text: "Reconnected — the conversation continues.", tone: "info" });
          break;
        case "upstream_reconnecting":
          dispatch({ type: "notice", text: "The voice service connection dropped; reconnecting…", tone: "info" });
          break;
        case "error":
          // The server's VAD had already ended the turn (and answered): nothing to commit.
          if (message.code === "input_audio_buffer_commit_empty") awaitingCommitRef.current = false;
          if (!QUIET_ERRORS.has(message.code)) dispatch({ type: "notice", text: message.message, tone: "error" });
          break;
        default:
          break;
      }
      dispatch({ type: "server", message });
    },
    [player],
  );

  const stopMic = useCallback(async () => {
    const mic = micRef.current;
    micRef.current = null;
    setMicOn(false);
    await mic?.stop();
  }, []);

  const stopAvatar = useCallback(() => {
    avatarRef.current?.close();
    avatarRef.current = null;
    setAvatarStream(null);
    setAvatar("off");
    setAvatarPlaying(false);
    if (playerRef.current) playerRef.current.muted = false;
  }, []);

  const start = useCallback(async () => {
    if (connectionRef.current && connectionRef.current.state !== "closed" && connectionRef.current.state !== "failed") return;
    dispatch({ type: "reset" });
    setConnectionDetail(null);
    // Created inside the click, so the browser lets it play sound.
    await player().prepare().catch(() => undefined);
    const conn = new VoiceConnection({
      onMessage,
      onState: (state, detail) => {
        setConnection(state);
        setConnectionDetail(detail ?? null);
        if (state === "closed" || state === "failed") {
          void stopMic();
          stopAvatar();
          player().flush();
        }
      },
    });
    connectionRef.current = conn;
    try {
      setInfo(await conn.start());
    } catch {
      // the state handler has shown what went wrong
    }
  }, [onMessage, player, stopMic, stopAvatar]);

  const end = useCallback(async () => {
    await stopMic();
    stopAvatar();
    await connectionRef.current?.close();
  }, [stopMic, stopAvatar]);

  const startMic = useCallback(async () => {
    const conn = connectionRef.current;
    if (!conn?.info) return;
    setMicError(null);
    const mic = new Microphone(
      {
        onChunk: (pcm) => {
          if (modeRef.current === "hands-free" || talkingRef.current) conn.sendAudio(pcm);
        },
        onLevel: setLevel,
      },
      { targetRate: conn.info.sample_rate, chunkSamples: conn.info.chunk_samples },
    );
    try {
      await mic.start();
      micRef.current = mic;
      setMicOn(true);
    } catch (error) {
      setMicError(error instanceof MicrophoneError ? error.message : "The microphone could not be started.");
    }
  }, []);

  const toggleMic = useCallback(async () => {
    if (micRef.current) await stopMic();
    else await startMic();
  }, [startMic, stopMic]);

  const setMode = useCallback((next: MicMode) => {
    modeRef.current = next;
    setModeState(next);
  }, []);

  const pressTalk = useCallback(() => {
    if (talkingRef.current) return;
    talkingRef.current = true;
    setTalking(true);
    player().flush();
    connectionRef.current?.send({ type: "cancel_response" });
    if (!micRef.current) void startMic();
  }, [player, startMic]);

  const releaseTalk = useCallback(() => {
    if (!talkingRef.current) return;
    talkingRef.current = false;
    setTalking(false);
    awaitingCommitRef.current = connectionRef.current?.send({ type: "commit_audio" }) ?? false;
  }, []);

  const sendText = useCallback(async (text: string) => {
    const conn = connectionRef.current;
    const trimmed = text.trim();
    if (!conn || !trimmed) return;
    player().flush();
    dispatch({ type: "typed", text: trimmed });
    try {
      await conn.sendText(trimmed);
    } catch (error) {
      const message = error instanceof ApiError ? error.message : "Your message could not be sent.";
      dispatch({ type: "notice", text: message, tone: "error" });
    }
  }, [player]);

  const startAvatar = useCallback(async () => {
    const conn = connectionRef.current;
    if (!conn?.info || avatarRef.current) return;
    setAvatar("connecting");
    setAvatarNotice(null);
    try {
      const link = await connectAvatar({
        iceServers: iceRef.current,
        postOffer: (sdp, signal) => conn.avatarOffer(sdp, signal),
      });
      avatarRef.current = link;
      setAvatarStream(link.stream);
      setAvatar("on");
      // The avatar's stream carries the assistant's voice from now on: no double audio.
      player().muted = true;
      player().flush();
    } catch (error) {
      const reason = error instanceof ApiError || error instanceof AvatarError ? error.message : "";
      setAvatar("unavailable");
      setAvatarNotice(
        `The avatar is not available${reason ? ` (${reason})` : ""}. The conversation continues with voice only.`,
      );
    }
  }, [player]);

  useEffect(
    () => () => {
      void micRef.current?.stop();
      avatarRef.current?.close();
      void playerRef.current?.close();
      void connectionRef.current?.close();
    },
    [],
  );

  const activity = activityOf({ connection, micOn, playing: playing || avatarPlaying, conversation });
  return {
    activity,
    conversation,
    connection,
    connectionDetail,
    info,
    micOn,
    micError,
    mode,
    talking,
    level,
    avatar,
    avatarNotice,
    avatarStream,
    start,
    end,
    toggleMic,
    setMode,
    pressTalk,
    releaseTalk,
    sendText,
    startAvatar,
    stopAvatar,
  };
}
