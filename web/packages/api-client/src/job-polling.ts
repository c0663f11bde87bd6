/**
 * The one long-poll loop of the front end, for every kind of job (simulations, Arduino builds, runs): read
 * the job with `?wait=` until it ends. Answers that come back early are spaced at least a second apart
 * (never a busy loop); network and gateway failures are retried up to three times in a row with back-off;
 * aborting stops the request in flight and rejects with the signal's reason.
 */
import { ApiError } from "./errors";

/** A job's life cycle: `queued → running → succeeded | failed | cancelled`. */
export type JobStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

export const TERMINAL_STATUSES: ReadonlySet<JobStatus> = new Set([
  "succeeded",
  "failed",
  "cancelled",
]);

export function isTerminalStatus(status: JobStatus): boolean {
  return TERMINAL_STATUSES.has(status);
}

/** Time for the long-poll loop; replaceable in specs. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Seconds per long-poll: under the server's 30 and common proxy timeouts. */
export const LONG_POLL_SECONDS = 25;
/** A poll answered sooner than this without the job ending waits out the rest. */
const MIN_POLL_INTERVAL_MS = 1000;
/** Network failures and gateway errors are retried this many times in a row, with back-off. */
const MAX_RETRIES = 3;
const RETRIABLE = new Set([0, 502, 503, 504]);

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortReason(signal!));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};

export interface PollOptions<T> {
  /** Called with every state read, the final one included. */
  onUpdate?: ((job: T) => void) | undefined;
  /** Stops waiting and the request in flight: the promise rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
}

/** Reads the job with `read` (one long-poll, aborted with the signal it is given) until it ends. */
export async function pollUntilDone<T extends { status: JobStatus }>(
  read: (signal: AbortSignal | undefined) => Promise<T>,
  clock: Clock,
  { onUpdate, signal }: PollOptions<T> = {},
): Promise<T> {
  let failures = 0;
  for (;;) {
    if (signal?.aborted) throw abortReason(signal);
    const started = clock.now();
    let job: T;
    try {
      job = await raceAbort(read(signal), signal);
    } catch (error) {
      if (signal?.aborted) throw abortReason(signal);
      if (!(error instanceof ApiError) || !RETRIABLE.has(error.status)) throw error;
      failures += 1;
      if (failures > MAX_RETRIES) throw error;
      await clock.sleep(MIN_POLL_INTERVAL_MS * 2 ** failures, signal);
      continue;
    }
    failures = 0;
    if (signal?.aborted) throw abortReason(signal);
    onUpdate?.(job);
    if (isTerminalStatus(job.status)) return job;
    const elapsed = clock.now() - started;
    if (elapsed < MIN_POLL_INTERVAL_MS) await clock.sleep(MIN_POLL_INTERVAL_MS - elapsed, signal);
  }
}

/** `promise`, or a rejection as soon as `signal` aborts, even if the transport does not stop the request. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
}
