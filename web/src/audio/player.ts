/** The assistant's voice: 24 kHz PCM16 deltas into a jitter-buffered AudioWorklet. */
import { decodePcm16Base64, pcm16ToFloat } from "./pcm";
import type { PlaybackCommand, PlaybackEvent, PlaybackOptions } from "./playback.worklet";
import playbackWorkletUrl from "./playback.worklet.ts?worker&url";

export const PLAYBACK_RATE = 24_000;

export class Player {
  private context: AudioContext | null = null;
  private node: AudioWorkletNode | null = null;
  private starting: Promise<AudioWorkletNode | null> | null = null;
  private pending: PlaybackCommand[] = [];
  private unavailable = false;
  muted = false;

  constructor(
    private readonly onPlaying: (playing: boolean) => void,
    private readonly options: PlaybackOptions = {
      prebufferSamples: (PLAYBACK_RATE * 80) / 1000, // 80 ms
      maxBufferedSamples: PLAYBACK_RATE * 30, // an answer never queues more than 30 s
    },
  ) {}

  /** Creates the audio graph; call from a user gesture so autoplay rules allow sound. */
  async prepare(): Promise<void> {
    await this.ensure();
  }

  private ensure(): Promise<AudioWorkletNode | null> {
    if (this.node) return Promise.resolve(this.node);
    if (this.unavailable) return Promise.resolve(null);
    this.starting ??= (async () => {
      const context = new AudioContext({ sampleRate: PLAYBACK_RATE, latencyHint: "interactive" });
      await context.audioWorklet.addModule(playbackWorkletUrl);
      const node = new AudioWorkletNode(context, "voicecart-playback", {
        numberOfInputs: 0,
        numberOfOutputs: 1,
        outputChannelCount: [1],
        processorOptions: this.options,
      });
      node.port.onmessage = (event: MessageEvent<PlaybackEvent>) => {
        if (event.data.type === "playing") this.onPlaying(event.data.playing);
      };
      node.connect(context.destination);
      if (context.state === "suspended") await context.resume().catch(() => undefined);
      this.context = context;
      this.node = node;
      for (const command of this.pending.splice(0)) this.post(command);
      return node;
    })().catch(() => {
      // No Web Audio here (or it was refused): the transcript still carries every word.
      this.unavailable = true;
      this.pending = [];
      return null;
    });
    return this.starting;
  }

  private post(command: PlaybackCommand): void {
    if (this.unavailable) return;
    if (!this.node) {
      this.pending.push(command);
      void this.ensure();
      return;
    }
    if (command.type === "push") this.node.port.postMessage(command, [command.samples.buffer]);
    else this.node.port.postMessage(command);
  }

  /** Queues one `assistant_audio_delta` (base64 PCM16). Ignored while muted (avatar voice). */
  enqueue(base64: string): void {
    if (this.muted) return;
    const samples = pcm16ToFloat(decodePcm16Base64(base64));
    if (samples.length > 0) this.post({ type: "push", samples });
  }

  /** The answer's audio is complete: play out what is queued. */
  end(): void {
    this.post({ type: "end" });
  }

  /** Barge-in: silence now. */
  flush(): void {
    this.pending = this.pending.filter((c) => c.type !== "push");
    if (this.node) this.post({ type: "flush" });
  }

  async close(): Promise<void> {
    this.node?.disconnect();
    this.node = null;
    this.starting = null;
    this.pending = [];
    await this.context?.close().catch(() => undefined);
    this.context = null;
    this.onPlaying(false);
  }
}
