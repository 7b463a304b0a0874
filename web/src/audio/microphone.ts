/** The microphone: getUserMedia with echo cancellation and noise suppression, an
 * AudioWorklet that posts 24 kHz PCM16 chunks, and a level for the meter. */
import type { CaptureMessage, CaptureOptions } from "./capture.worklet";
import captureWorkletUrl from "./capture.worklet.ts?worker&url";

export type MicrophoneErrorKind = "denied" | "not_found" | "unsupported" | "failed";

export class MicrophoneError extends Error {
  constructor(
    readonly kind: MicrophoneErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "MicrophoneError";
  }
}

export interface MicrophoneHandlers {
  onChunk: (pcm: Int16Array) => void;
  onLevel: (level: number) => void;
}

export function describeMicError(error: unknown): MicrophoneError {
  if (error instanceof MicrophoneError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError")
    return new MicrophoneError(
      "denied",
      "Microphone access was denied. Allow the microphone for this site in the browser's settings, or type your message instead.",
    );
  if (name === "NotFoundError" || name === "OverconstrainedError")
    return new MicrophoneError("not_found", "No microphone was found. Connect one, or type your message instead.");
  return new MicrophoneError("failed", "The microphone could not be started. You can type your message instead.");
}

export class Microphone {
  private context: AudioContext | null = null;
  private stream: MediaStream | null = null;
  private node: AudioWorkletNode | null = null;

  constructor(
    private readonly handlers: MicrophoneHandlers,
    private readonly options: CaptureOptions,
  ) {}

  get active(): boolean {
    return this.stream !== null;
  }

  /** Opens the microphone; throws MicrophoneError with a message a person understands. */
  async start(): Promise<void> {
    if (this.stream) return;
    if (!navigator.mediaDevices?.getUserMedia || typeof AudioWorkletNode === "undefined") {
      throw new MicrophoneError(
        "unsupported",
        "This browser cannot capture audio here (a secure https page is needed). You can type instead.",
      );
    }
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true, channelCount: 1 },
      });
    } catch (error) {
      throw describeMicError(error);
    }
    try {
      const context = new AudioContext({ latencyHint: "interactive" });
      await context.audioWorklet.addModule(captureWorkletUrl);
      const source = context.createMediaStreamSource(stream);
      const node = new AudioWorkletNode(context, "voicecart-capture", {
        numberOfInputs: 1,
        numberOfOutputs: 0,
        channelCount: 1,
        channelCountMode: "explicit",
        processorOptions: this.options,
      });
      node.port.onmessage = (event: MessageEvent<CaptureMessage>) => {
        const message = event.data;
        if (message.type === "chunk") this.handlers.onChunk(new Int16Array(message.pcm));
        else this.handlers.onLevel(message.level);
      };
      source.connect(node);
      if (context.state === "suspended") await context.resume();
      this.context = context;
      this.node = node;
      this.stream = stream;
    } catch (error) {
      for (const track of stream.getTracks()) track.stop();
      throw describeMicError(error);
    }
  }

  /** Releases the device (the browser's recording indicator goes off). */
  async stop(): Promise<void> {
    const { stream, context, node } = this;
    this.stream = null;
    this.context = null;
    this.node = null;
    if (node) node.port.onmessage = null;
    node?.disconnect();
    for (const track of stream?.getTracks() ?? []) track.stop();
    this.handlers.onLevel(0);
    await context?.close().catch(() => undefined);
  }
}
