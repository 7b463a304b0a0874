import { describe, expect, it } from "vitest";
import {
  Chunker,
  base64ToBytes,
  bytesToBase64,
  bytesToPcm16,
  decodePcm16Base64,
  encodePcm16Base64,
  floatToPcm16,
  meterLevel,
  pcm16ToBytes,
  pcm16ToFloat,
} from "./pcm";

describe("PCM16 encoding", () => {
  it("maps full scale to the 16-bit limits and clips beyond", () => {
    const out = floatToPcm16(new Float32Array([0, 1, -1, 0.5, -0.5, 2, -3]));
    expect(Array.from(out)).toEqual([0, 32767, -32768, 16384, -16384, 32767, -32768]);
  });

  it("round-trips floats within one quantisation step", () => {
    const input = new Float32Array(1000).map((_, i) => Math.sin(i / 7) * 0.9);
    const back = pcm16ToFloat(floatToPcm16(input));
    for (let i = 0; i < input.length; i++) expect(Math.abs((back[i] ?? 0) - (input[i] ?? 0))).toBeLessThan(2 / 32768);
  });

  it("writes little-endian bytes", () => {
    const bytes = pcm16ToBytes(new Int16Array([0x0102, -2]));
    expect(Array.from(bytes)).toEqual([0x02, 0x01, 0xfe, 0xff]);
    expect(Array.from(bytesToPcm16(bytes))).toEqual([0x0102, -2]);
  });

  it("ignores a trailing odd byte", () => {
    expect(Array.from(bytesToPcm16(new Uint8Array([1, 0, 7])))).toEqual([1]);
  });

  it("round-trips base64, including buffers larger than one encoding slice", () => {
    const samples = new Int16Array(50_000).map((_, i) => (i * 37) % 65536 - 32768);
    const text = encodePcm16Base64(samples);
    expect(text).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(text.length).toBe(Math.ceil((samples.length * 2) / 3) * 4);
    expect(decodePcm16Base64(text)).toEqual(samples);
  });

  it("agrees with a known base64 encoding", () => {
    expect(bytesToBase64(new Uint8Array([0, 1, 2, 253, 254, 255]))).toBe("AAEC/f7/");
    expect(Array.from(base64ToBytes("AAEC/f7/"))).toEqual([0, 1, 2, 253, 254, 255]);
  });
});

describe("Chunker", () => {
  it("hands out exact 40 ms chunks (960 samples at 24 kHz) whatever the input sizes", () => {
    const chunker = new Chunker(960);
    const chunks: Int16Array[] = [];
    let next = 0;
    for (const size of [128, 128, 500, 1, 2000, 7, 300]) {
      const block = new Int16Array(size).map(() => next++);
      chunks.push(...chunker.push(block));
    }
    expect(chunks.map((c) => c.length)).toEqual([960, 960, 960]);
    const flat = chunks.flatMap((c) => Array.from(c));
    expect(flat).toEqual(Array.from({ length: 2880 }, (_, i) => i)); // in order, none lost
    expect(chunker.pending).toBe(next - 2880);
    expect(Array.from(chunker.drain())).toEqual(Array.from({ length: next - 2880 }, (_, i) => 2880 + i));
    expect(chunker.pending).toBe(0);
  });

  it("returns fresh arrays (safe to transfer)", () => {
    const chunker = new Chunker(2);
    const [a] = chunker.push(new Int16Array([1, 2]));
    const [b] = chunker.push(new Int16Array([3, 4]));
    expect(Array.from(a ?? [])).toEqual([1, 2]);
    expect(Array.from(b ?? [])).toEqual([3, 4]);
  });

  it("refuses a size that is not a positive integer", () => {
    expect(() => new Chunker(0)).toThrow(RangeError);
    expect(() => new Chunker(1.5)).toThrow(RangeError);
  });
});

describe("meterLevel", () => {
  it("is 0 for silence, 1 at full scale and in between for speech levels", () => {
    expect(meterLevel(new Float32Array(128))).toBe(0);
    expect(meterLevel(new Float32Array(128).fill(1))).toBe(1);
    const quiet = meterLevel(new Float32Array(128).fill(0.01)); // -40 dBFS
    expect(quiet).toBeCloseTo(20 / 60, 5);
    expect(meterLevel(new Float32Array(128).fill(0.1))).toBeGreaterThan(quiet);
  });
});
