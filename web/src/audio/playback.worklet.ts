/**
 * Assistant voice on the audio thread: a jitter buffer fed from the main thread, pulled
 * one render quantum at a time. Reports when playback starts and stops.
 */
import { JitterBuffer } from "./jitter";

export interface PlaybackOptions {
  prebufferSamples: number;
  maxBufferedSamples: number;
}

export type PlaybackCommand =
  | { type: "push"; samples: Float32Array }
  | { type: "end" }
  | { type: "flush" };

export type PlaybackEvent =
  | { type: "playing"; playing: boolean }
  | { type: "flushed"; dropped: number };

class PlaybackProcessor extends AudioWorkletProcessor {
  private readonly jitter: JitterBuffer;
  private wasPlaying = false;

  constructor(options: AudioWorkletNodeOptions) {
    super(options);
    const opts = options.processorOptions as PlaybackOptions;
    this.jitter = new JitterBuffer(opts.prebufferSamples, opts.maxBufferedSamples);
    this.port.onmessage = (event: MessageEvent<PlaybackCommand>) => this.command(event.data);
  }

  private command(message: PlaybackCommand): void {
    if (message.type === "push") this.jitter.push(message.samples);
    else if (message.type === "end") this.jitter.end();
    else if (message.type === "flush") {
      const dropped = this.jitter.flush();
      this.port.postMessage({ type: "flushed", dropped } satisfies PlaybackEvent);
      this.report(false);
    }
  }

  private report(playing: boolean): void {
    if (playing !== this.wasPlaying) {
      this.wasPlaying = playing;
      this.port.postMessage({ type: "playing", playing } satisfies PlaybackEvent);
    }
  }

  process(_inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const out = outputs[0]?.[0];
    if (!out) return true;
    const played = this.jitter.pull(out);
    for (let c = 1; c < (outputs[0]?.length ?? 0); c++) outputs[0]?.[c]?.set(out);
    this.report(played || this.jitter.playing);
    return true;
  }
}

registerProcessor("voicecart-playback", PlaybackProcessor);
