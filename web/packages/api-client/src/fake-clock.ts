import { ApiClient } from "./client";
import { FakeFetch } from "./fake-fetch";
import type { Clock } from "./job-polling";

/**
 * For unit specs of the long-poll loop only: a clock whose time moves only by `sleep` and by each request's
 * `requestMs`, recording every sleep. Real waiting is exercised by the e2e tests.
 */
export class FakeClock implements Clock {
  time = 0;
  readonly sleeps: number[] = [];
  /** How long each request takes, in fake milliseconds (a full-length long-poll by default). */
  requestMs = 25_000;
  now = () => this.time;
  sleep = (ms: number, signal?: AbortSignal) => {
    this.sleeps.push(ms);
    this.time += ms;
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    return Promise.resolve();
  };
}

/** A scripted fetch and a fake clock, and a client on them whose every request "takes" `clock.requestMs`. */
export function timedClient(): { fake: FakeFetch; clock: FakeClock; client: ApiClient } {
  const fake = new FakeFetch();
  const clock = new FakeClock();
  const client = new ApiClient({
    fetch: (input, init) => {
      clock.time += clock.requestMs;
      return fake.fetch(input, init);
    },
    readCookies: () => "csrftoken=t",
  });
  return { fake, clock, client };
}
