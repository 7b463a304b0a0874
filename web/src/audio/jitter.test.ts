import { describe, expect, it } from "vitest";
import { JitterBuffer } from "./jitter";

const ramp = (from: number, n: number) => new Float32Array(n).map((_, i) => (from + i) / 10_000);
const pull = (jb: JitterBuffer, n = 128) => {
  const out = new Float32Array(n);
  jb.pull(out);
  return out;
};

describe("JitterBuffer", () => {
  it("waits for the prebuffer before playing, then plays samples in order", () => {
    const jb = new JitterBuffer(256);
    jb.push(ramp(0, 200));
    expect(Array.from(pull(jb)).every((v) => v === 0)).toBe(true); // 200 < 256: still waiting
    expect(jb.playing).toBe(false);
    jb.push(ramp(200, 200));
    const first = pull(jb);
    expect(first[0]).toBeCloseTo(0);
    expect(first[127]).toBeCloseTo(127 / 10_000);
    expect(jb.playing).toBe(true);
    expect(pull(jb)[0]).toBeCloseTo(128 / 10_000); // continues across pushes
    expect(jb.buffered).toBe(400 - 256);
  });

  it("plays a short answer once it has ended, without waiting for the prebuffer", () => {
    const jb = new JitterBuffer(2400);
    jb.push(ramp(1, 100));
    expect(pull(jb)[0]).toBe(0);
    jb.end();
    const out = pull(jb);
    expect(out[0]).toBeCloseTo(1 / 10_000);
    expect(out[99]).toBeCloseTo(100 / 10_000);
    expect(out[100]).toBe(0); // silence after the end
    expect(jb.stats().underruns).toBe(0); // running out at the end is not an underrun
  });

  it("counts an underrun mid-answer and prebuffers again before resuming", () => {
    const jb = new JitterBuffer(128);
    jb.push(ramp(0, 192));
    pull(jb);
    const partial = pull(jb); // 64 samples left, then silence
    expect(partial[63]).toBeCloseTo(191 / 10_000);
    expect(partial[64]).toBe(0);
    expect(jb.stats().underruns).toBe(1);
    jb.push(ramp(0, 100)); // below the prebuffer again
    expect(pull(jb).every((v) => v === 0)).toBe(true);
    jb.push(ramp(100, 100));
    expect(pull(jb)[0]).toBeCloseTo(0);
  });

  it("flush drops everything at once (barge-in) and reports how much", () => {
    const jb = new JitterBuffer(0);
    jb.push(ramp(0, 4800));
    pull(jb);
    expect(jb.flush()).toBe(4800 - 128);
    expect(jb.buffered).toBe(0);
    expect(jb.playing).toBe(false);
    expect(pull(jb).every((v) => v === 0)).toBe(true);
    expect(jb.stats()).toMatchObject({ dropped: 4800 - 128, played: 128 });
  });

  it("bounds latency by dropping the oldest audio beyond maxBuffered", () => {
    const jb = new JitterBuffer(0, 1000);
    jb.push(ramp(0, 800));
    jb.push(ramp(800, 800));
    expect(jb.buffered).toBe(1000);
    expect(pull(jb)[0]).toBeCloseTo(600 / 10_000); // the 600 oldest were dropped
    expect(jb.stats().dropped).toBe(600);
  });

  it("reassembles chunk boundaries that do not line up with the render quantum", () => {
    const jb = new JitterBuffer(0);
    let next = 0;
    for (const size of [50, 1, 300, 77]) {
      jb.push(ramp(next, size));
      next += size;
    }
    jb.end();
    const played: number[] = [];
    while (jb.buffered > 0) played.push(...pull(jb, 128));
    expect(played.slice(0, next).map((v) => Math.round(v * 10_000))).toEqual(Array.from({ length: next }, (_, i) => i));
  });
});
