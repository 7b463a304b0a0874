/**
 * Playback jitter buffer for the assistant's voice.
 *
 * Audio arrives over the WebSocket in bursts; the audio thread pulls a fixed quantum
 * (128 frames) at a steady pace. Playback starts only once `prebuffer` samples are queued
 * (or the response has ended), so small network gaps do not become clicks. If the queue
 * runs dry mid-answer the buffer outputs silence, counts an underrun and prebuffers again.
 * `flush()` drops everything at once: barge-in.
 */

export interface JitterStats {
  buffered: number; // samples queued
  playing: boolean;
  underruns: number;
  played: number; // samples output (not counting silence)
  dropped: number; // samples discarded by flush()
}

export class JitterBuffer {
  private queue: Float32Array[] = [];
  private head = 0; // read offset into queue[0]
  private queued = 0;
  private started = false;
  private ended = false;
  private underruns = 0;
  private played = 0;
  private dropped = 0;

  constructor(
    readonly prebuffer: number,
    readonly maxBuffered = Number.POSITIVE_INFINITY,
  ) {
    if (prebuffer < 0) throw new RangeError("prebuffer must be >= 0");
  }

  /** Queues samples. Past `maxBuffered` the oldest are dropped to bound the latency. */
  push(samples: Float32Array): void {
    if (samples.length === 0) return;
    this.queue.push(samples);
    this.queued += samples.length;
    this.ended = false;
    let excess = this.queued - this.maxBuffered;
    while (excess > 0 && this.queue.length > 0) {
      const first = this.queue[0] as Float32Array;
      const left = first.length - this.head;
      if (left <= excess) {
        this.queue.shift();
        this.head = 0;
        this.queued -= left;
        this.dropped += left;
        excess -= left;
      } else {
        this.head += excess;
        this.queued -= excess;
        this.dropped += excess;
        excess = 0;
      }
    }
  }

  /** Marks the end of the current answer: what is queued plays without waiting. */
  end(): void {
    this.ended = true;
  }

  /** Fills `out` with the next samples (silence where there are none); true if any played. */
  pull(out: Float32Array): boolean {
    if (!this.started) {
      if (this.queued === 0 || (this.queued < this.prebuffer && !this.ended)) {
        out.fill(0);
        return false;
      }
      this.started = true;
    }
    let written = 0;
    while (written < out.length && this.queue.length > 0) {
      const first = this.queue[0] as Float32Array;
      const take = Math.min(out.length - written, first.length - this.head);
      out.set(first.subarray(this.head, this.head + take), written);
      written += take;
      this.head += take;
      if (this.head === first.length) {
        this.queue.shift();
        this.head = 0;
      }
    }
    this.queued -= written;
    this.played += written;
    if (written < out.length) {
      out.fill(0, written);
      if (!this.ended) this.underruns += 1;
      this.started = false; // prebuffer again before resuming
    }
    return written > 0;
  }

  /** Drops all queued audio; returns how many samples were discarded. */
  flush(): number {
    const discarded = this.queued;
    this.queue = [];
    this.head = 0;
    this.queued = 0;
    this.started = false;
    this.dropped += discarded;
    return discarded;
  }

  get buffered(): number {
    return this.queued;
  }

  get playing(): boolean {
    return this.started && this.queued > 0;
  }

  stats(): JitterStats {
    return {
      buffered: this.queued,
      playing: this.playing,
      underruns: this.underruns,
      played: this.played,
      dropped: this.dropped,
    };
  }
}
