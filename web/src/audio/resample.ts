/**
 * Streaming sample-rate conversion for the microphone (typically 48 or 44.1 kHz) to the
 * gateway's 24 kHz. Downsampling first low-passes with a windowed-sinc FIR so content
 * above the new Nyquist frequency does not fold back; then samples are read at fractional
 * positions by linear interpolation. State carries across calls, so feeding a signal in
 * blocks of any size gives the same output as feeding it whole.
 */

const TAPS = 31; // odd: a symmetric filter with a whole-sample delay of (TAPS - 1) / 2

/** Low-pass FIR taps (Blackman-windowed sinc), `cutoff` as a fraction of the input rate. */
export function lowPassTaps(cutoff: number, taps = TAPS): Float32Array {
  const out = new Float32Array(taps);
  const mid = (taps - 1) / 2;
  let sum = 0;
  for (let i = 0; i < taps; i++) {
    const x = i - mid;
    const sinc = x === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
    const window =
      0.42 - 0.5 * Math.cos((2 * Math.PI * i) / (taps - 1)) + 0.08 * Math.cos((4 * Math.PI * i) / (taps - 1));
    out[i] = sinc * window;
    sum += out[i] ?? 0;
  }
  for (let i = 0; i < taps; i++) out[i] = (out[i] ?? 0) / sum; // unity gain at DC
  return out;
}

export class StreamResampler {
  readonly ratio: number; // input samples per output sample
  private readonly taps: Float32Array | null;
  private readonly history: Float32Array; // the filter's last TAPS-1 inputs
  private carry = new Float32Array(0); // filtered samples not yet fully consumed
  private position = 0; // read position within carry (fractional)

  constructor(
    readonly inputRate: number,
    readonly outputRate: number,
  ) {
    if (!(inputRate > 0 && outputRate > 0)) throw new RangeError("sample rates must be positive");
    this.ratio = inputRate / outputRate;
    // Only downsampling needs the anti-aliasing filter; cut a little below the new Nyquist.
    this.taps = this.ratio > 1 ? lowPassTaps((0.45 * outputRate) / inputRate) : null;
    this.history = new Float32Array(this.taps ? this.taps.length - 1 : 0);
  }

  /** Converts the next block of input; returns the output samples it completes. */
  process(input: Float32Array): Float32Array {
    if (this.ratio === 1) return input.slice();
    const filtered = this.filter(input);
    const buffer = new Float32Array(this.carry.length + filtered.length);
    buffer.set(this.carry);
    buffer.set(filtered, this.carry.length);

    const available = buffer.length - 1; // interpolation reads index i and i + 1
    const count = available > this.position ? Math.ceil((available - this.position) / this.ratio) : 0;
    const out = new Float32Array(Math.max(0, count));
    let pos = this.position;
    let n = 0;
    while (pos < available && n < out.length) {
      const i = Math.floor(pos);
      const frac = pos - i;
      const a = buffer[i] ?? 0;
      const b = buffer[i + 1] ?? 0;
      out[n++] = a + (b - a) * frac;
      pos += this.ratio;
    }
    const keepFrom = Math.floor(pos);
    this.carry = buffer.slice(Math.min(keepFrom, buffer.length));
    this.position = pos - keepFrom;
    return n === out.length ? out : out.slice(0, n);
  }

  private filter(input: Float32Array): Float32Array {
    const taps = this.taps;
    if (!taps) return input;
    const h = this.history.length;
    const extended = new Float32Array(h + input.length);
    extended.set(this.history);
    extended.set(input, h);
    const out = new Float32Array(input.length);
    for (let n = 0; n < input.length; n++) {
      let acc = 0;
      for (let k = 0; k < taps.length; k++) acc += (taps[k] ?? 0) * (extended[n + k] ?? 0);
      out[n] = acc;
    }
    this.history.set(extended.subarray(extended.length - h));
    return out;
  }
}

/** One-shot conversion of a whole signal. */
export function resample(input: Float32Array, inputRate: number, outputRate: number): Float32Array {
  return new StreamResampler(inputRate, outputRate).process(input);
}
