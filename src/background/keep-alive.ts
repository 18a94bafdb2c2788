// Chrome stops an extension service worker that has had no extension event or API call for 30
// seconds, even in the middle of its own work: "complex asynchronous computation taking more than
// 30 seconds" is the lifecycle documentation's own example. The first match after the reader keeps
// or imports thousands of articles compiles them (about 5 ms an article: 100 s at 20,000), and the
// worker was stopped part way, the verdict left at "analysing" for good. While any message is being
// handled, an ordinary extension call every PING_MS resets that timer, as the documentation
// advises; when nothing is pending there is no timer, so an idle worker stops as before.

/** Below Chrome's 30-second idle limit, with room for a busy event loop. */
export const PING_MS = 20_000;

export interface KeepAlive {
  /** Runs `work`, pinging while it (or any other work started this way) is pending. */
  whileBusy<T>(work: () => Promise<T>): Promise<T>;
  /** Work pending now (for tests). */
  readonly pending: number;
}

/** A keep-alive that calls `ping` (an extension API call) every `everyMs` while work is pending. */
export function keepAlive(ping: () => Promise<unknown>, everyMs = PING_MS): KeepAlive {
  let pending = 0;
  let timer: ReturnType<typeof setInterval> | null = null;
  return {
    get pending() {
      return pending;
    },
    async whileBusy<T>(work: () => Promise<T>): Promise<T> {
      if (pending++ === 0) timer = setInterval(() => void ping().catch(() => undefined), everyMs);
      try {
        return await work();
      } finally {
        if (--pending === 0 && timer !== null) {
          clearInterval(timer);
          timer = null;
        }
      }
    },
  };
}
