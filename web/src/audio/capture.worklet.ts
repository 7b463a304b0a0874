/**
 * Microphone capture on the audio thread: resample to the gateway's rate, convert to
 * PCM16 and post fixed-size chunks (transferred, not copied) plus a level for the meter.
 */
import { Chunker, floatToPcm16, meterLevel } from "./pcm";
import { StreamResampler } from "./resample";

export interface CaptureOptions {
  targetRate: number;
  chunkSamples: number;
}

export type CaptureMessage =
  | { type: "chunk"; pcm: ArrayBuffer }
  | { type: "level"; level: number };

const LEVEL_INTERVAL_S = 0.05;

class CaptureProcessor extends AudioWorkletProcessor {
  private readonly resampler: StreamResampler;
  private readonly chunker: Chunker;
  private peak = 0;
  private sinceLevel = 0;

  constructor(options: AudioWorkletNodeOptions) {
    super(options);
    const opts = options.processorOptions as CaptureOptions;
    this.resampler = new StreamResampler(sampleRate, opts.targetRate);
    this.chunker = new Chunker(opts.chunkSamples);
  }

  process(inputs: Float32Array[][]): boolean {
    const channel = inputs[0]?.[0];
    if (!channel) return true;
    this.peak = Math.max(this.peak, meterLevel(channel));
    this.sinceLevel += channel.length;
    if (this.sinceLevel >= sampleRate * LEVEL_INTERVAL_S) {
      this.port.postMessage({ type: "level", level: this.peak } satisfies CaptureMessage);
      this.peak = 0;
      this.sinceLevel = 0;
    }
    const pcm = floatToPcm16(this.resampler.process(channel));
    for (const chunk of this.chunker.push(pcm)) {
      this.port.postMessage({ type: "chunk", pcm: chunk.buffer as ArrayBuffer } satisfies CaptureMessage, [
        chunk.buffer,
      ]);
    }
    return true;
  }
}

registerProcessor("voicecart-capture", CaptureProcessor);
