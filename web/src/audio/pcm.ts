/** PCM16 helpers: float <-> 16-bit little-endian samples, base64, fixed-size chunks. */

/** Float samples in [-1, 1] to signed 16-bit; values outside the range are clipped. */
export function floatToPcm16(input: Float32Array): Int16Array {
  const out = new Int16Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const s = Math.max(-1, Math.min(1, input[i] ?? 0));
    out[i] = s < 0 ? Math.round(s * 0x8000) : Math.round(s * 0x7fff);
  }
  return out;
}

/** Signed 16-bit samples to floats in [-1, 1). */
export function pcm16ToFloat(input: Int16Array): Float32Array {
  const out = new Float32Array(input.length);
  for (let i = 0; i < input.length; i++) out[i] = (input[i] ?? 0) / 0x8000;
  return out;
}

/** Samples as little-endian bytes, whatever the platform's byte order. */
export function pcm16ToBytes(samples: Int16Array): Uint8Array {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < samples.length; i++) view.setInt16(i * 2, samples[i] ?? 0, true);
  return bytes;
}

/** Little-endian bytes to samples; a trailing odd byte is ignored. */
export function bytesToPcm16(bytes: Uint8Array): Int16Array {
  const count = Math.floor(bytes.length / 2);
  const out = new Int16Array(count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, count * 2);
  for (let i = 0; i < count; i++) out[i] = view.getInt16(i * 2, true);
  return out;
}

const BASE64_SLICE = 0x8000; // String.fromCharCode's argument count stays well within limits

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += BASE64_SLICE) {
    binary += String.fromCharCode(...bytes.subarray(i, i + BASE64_SLICE));
  }
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export const encodePcm16Base64 = (samples: Int16Array): string =>
  bytesToBase64(pcm16ToBytes(samples));

export const decodePcm16Base64 = (text: string): Int16Array => bytesToPcm16(base64ToBytes(text));

/** Gathers samples of any length and hands them out in chunks of exactly `size`. */
export class Chunker {
  private readonly buffer: Int16Array;
  private filled = 0;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size <= 0) throw new RangeError("size must be a positive integer");
    this.buffer = new Int16Array(size);
  }

  /** Adds samples; returns every chunk completed by them (each a fresh array). */
  push(samples: Int16Array): Int16Array[] {
    const chunks: Int16Array[] = [];
    let offset = 0;
    while (offset < samples.length) {
      const take = Math.min(this.size - this.filled, samples.length - offset);
      this.buffer.set(samples.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === this.size) {
        chunks.push(this.buffer.slice());
        this.filled = 0;
      }
    }
    return chunks;
  }

  /** The partial chunk (possibly empty), after which the chunker is empty. */
  drain(): Int16Array {
    const rest = this.buffer.slice(0, this.filled);
    this.filled = 0;
    return rest;
  }

  get pending(): number {
    return this.filled;
  }
}

/** Root-mean-square level of a block, as 0..1 on a -60..0 dBFS scale (for a meter). */
export function meterLevel(samples: Float32Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i] ?? 0;
    sum += s * s;
  }
  const rms = Math.sqrt(sum / samples.length);
  if (rms <= 0) return 0;
  const db = 20 * Math.log10(rms);
  return Math.max(0, Math.min(1, (db + 60) / 60));
}
