// The worker's keep-alive (src/background/keep-alive.ts): while a message's work is pending, an
// extension call every 20 s resets Chrome's 30-second idle timer; with nothing pending there is no
// timer, so an idle worker still stops.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepAlive, PING_MS } from '../../src/background/keep-alive';

describe('the keep-alive', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('pings under the 30-second limit for as long as work is pending, and not after', async () => {
    expect(PING_MS).toBeLessThan(30_000);
    const ping = vi.fn(() => Promise.resolve());
    const k = keepAlive(ping);
    let finish!: (v: string) => void;
    const done = k.whileBusy(() => new Promise<string>((r) => (finish = r)));
    // a first match compiling 20,000 kept articles: about 100 s
    await vi.advanceTimersByTimeAsync(100_000);
    expect(ping).toHaveBeenCalledTimes(5);
    finish('verdict');
    await expect(done).resolves.toBe('verdict');
    expect(k.pending).toBe(0);
    await vi.advanceTimersByTimeAsync(100_000);
    expect(ping).toHaveBeenCalledTimes(5);
  });

  it('keeps one timer for overlapping work, and stops it when the last one ends, failures included', async () => {
    const ping = vi.fn(() => Promise.reject(new Error('worker shutting down')));
    const k = keepAlive(ping, 1_000);
    const a = k.whileBusy(() => new Promise((r) => setTimeout(r, 5_000)));
    const b = k.whileBusy(() => new Promise((_, no) => setTimeout(() => no(new Error('bad file')), 2_500)));
    const failed = expect(b).rejects.toThrow('bad file');
    expect(k.pending).toBe(2);
    await vi.advanceTimersByTimeAsync(2_500);
    await failed;
    expect(k.pending).toBe(1);
    await vi.advanceTimersByTimeAsync(2_500);
    await a;
    expect(k.pending).toBe(0);
    // one ping a second while anything was pending, never two timers at once; a failing ping is swallowed
    expect(ping).toHaveBeenCalledTimes(5);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(ping).toHaveBeenCalledTimes(5);
  });
});
