import { describe, expect, it } from "vitest";
import { StreamResampler, lowPassTaps, resample } from "./resample";

const tone = (freq: number, rate: number, seconds: number, amp = 0.5) =>
  new Float32Array(Math.round(rate * seconds)).map((_, i) => amp * Math.sin((2 * Math.PI * freq * i) / rate));

/** Amplitude of `freq` in `signal` (a single-bin DFT), skipping the filter's start-up. */
function amplitudeAt(signal: Float32Array, freq: number, rate: number, skip = 200): number {
  let re = 0;
  let im = 0;
  let n = 0;
  for (let i = skip; i < signal.length; i++, n++) {
    re += (signal[i] ?? 0) * Math.cos((2 * Math.PI * freq * i) / rate);
    im -= (signal[i] ?? 0) * Math.sin((2 * Math.PI * freq * i) / rate);
  }
  return (2 * Math.hypot(re, im)) / n;
}

describe("StreamResampler", () => {
  it("converts 48 kHz to 24 kHz: half the samples, the tone kept at its pitch and level", () => {
    const input = tone(1000, 48_000, 0.5);
    const out = resample(input, 48_000, 24_000);
    expect(Math.abs(out.length - input.length / 2)).toBeLessThanOrEqual(1);
    expect(amplitudeAt(out, 1000, 24_000)).toBeCloseTo(0.5, 1);
    expect(amplitudeAt(out, 2000, 24_000)).toBeLessThan(0.01);
  });

  it("converts 44.1 kHz to 24 kHz at the right length and pitch", () => {
    const input = tone(440, 44_100, 1);
    const out = resample(input, 44_100, 24_000);
    expect(Math.abs(out.length - 24_000)).toBeLessThanOrEqual(2);
    expect(amplitudeAt(out, 440, 24_000)).toBeGreaterThan(0.45);
  });

  it("keeps content above the new Nyquist frequency from folding back (anti-aliasing)", () => {
    // 18 kHz at 48 kHz would alias to 6 kHz at 24 kHz without the low-pass filter.
    const out = resample(tone(18_000, 48_000, 0.5), 48_000, 24_000);
    expect(amplitudeAt(out, 6000, 24_000)).toBeLessThan(0.02);
  });

  it("upsamples 16 kHz to 24 kHz", () => {
    const out = resample(tone(500, 16_000, 0.5), 16_000, 24_000);
    expect(Math.abs(out.length - 12_000)).toBeLessThanOrEqual(2);
    expect(amplitudeAt(out, 500, 24_000)).toBeCloseTo(0.5, 1);
  });

  it("gives the same output fed in render quanta (128 frames) as fed whole", () => {
    const input = tone(700, 48_000, 0.3).map((v, i) => v + 0.1 * Math.sin(i / 3));
    const whole = resample(input, 48_000, 24_000);
    const streaming = new StreamResampler(48_000, 24_000);
    const parts: number[] = [];
    for (let i = 0; i < input.length; i += 128) parts.push(...streaming.process(input.subarray(i, i + 128)));
    expect(parts.length).toBe(whole.length);
    for (let i = 0; i < whole.length; i++) expect(parts[i]).toBeCloseTo(whole[i] ?? 0, 5);
  });

  it("passes audio through when the rates match", () => {
    const input = new Float32Array([0.1, -0.2, 0.3]);
    expect(Array.from(resample(input, 24_000, 24_000))).toEqual(Array.from(input));
  });

  it("refuses rates that are not positive", () => {
    expect(() => new StreamResampler(0, 24_000)).toThrow(RangeError);
  });

  it("builds a low-pass filter with unity gain at DC", () => {
    const taps = lowPassTaps(0.25);
    expect(taps.length % 2).toBe(1);
    expect(taps.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });
});
