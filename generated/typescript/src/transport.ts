/**
 * The `fetch` the client hands to openapi-fetch, so every typed call goes through it: a
 * timeout per attempt, an optional deadline for the whole call, retries by the policy of
 * `retry.ts`, and every network failure turned into an {@link IonQConnectionError}.
 *
 * Each attempt reads the whole body before it returns, under the same timeout: a body cut
 * halfway (or stalled) is then a failed attempt, retried like a refused connection, rather
 * than a bare `TypeError` from `response.json()` after the call has returned.
 */
import { IonQConnectionError, IonQTimeoutError, IonQValidationError } from "./errors.js";
import {
  DEFAULT_MAX_RETRIES,
  isCertainlyUnsent,
  parseRetryAfter,
  retryDelay,
  shouldRetry,
  shouldRetryFailure,
} from "./retry.js";

/** The per-attempt timeout by default: the Python facade's (`ionq_client.DEFAULT_TIMEOUT`). */
export const DEFAULT_TIMEOUT_MS = 60_000;

export type Fetch = (input: Request) => Promise<Response>;

export interface TransportOptions {
  /** What sends each attempt; the global `fetch` by default. */
  fetch?: Fetch;
  /** Milliseconds one attempt may take, answer body included; `null` for no limit. */
  timeoutMs?: number | null;
  /** Milliseconds one call may take, all its retries included; `null` (default) for none. */
  deadlineMs?: number | null;
  /** Retries after the first attempt, when the policy allows them. */
  maxRetries?: number;
  /** Injected so tests need not wait: the pause before a retry. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected with `sleep`: a monotonic clock in milliseconds, for the deadline. */
  now?: () => number;
  /** Injected so tests fix the jitter: a draw in [0, 1). */
  random?: () => number;
}

/** Every option of {@link TransportOptions}, defaults filled in and checked. */
export interface TransportSettings {
  readonly fetch: Fetch;
  readonly timeoutMs: number | null;
  readonly deadlineMs: number | null;
  readonly maxRetries: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
  readonly random: () => number;
}

export const realSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

function checkMs(value: number | null, key: string): number | null {
  if (value !== null && !(Number.isFinite(value) && value > 0)) {
    throw new IonQValidationError(`${key} must be milliseconds > 0 or null, not ${value}`, key);
  }
  return value;
}

/** Fill in the defaults of `options` and check them (an {@link IonQValidationError} if not). */
export function transportSettings(options: TransportOptions = {}): TransportSettings {
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new IonQValidationError(
      `maxRetries must be an integer >= 0, not ${maxRetries}`,
      "maxRetries",
    );
  }
  return {
    // Looked up at call time, so a test (or polyfill) that replaces globalThis.fetch is seen.
    fetch: options.fetch ?? ((input) => globalThis.fetch(input)),
    timeoutMs: checkMs(
      options.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : options.timeoutMs,
      "timeoutMs",
    ),
    deadlineMs: checkMs(options.deadlineMs ?? null, "deadlineMs"),
    maxRetries,
    sleep: options.sleep ?? realSleep,
    now: options.now ?? (() => performance.now()),
    random: options.random ?? Math.random,
  };
}

// The statuses whose Response may not have a body (the Response constructor refuses one).
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);
const TIMED_OUT = Symbol("timed out");

/**
 * Settle with `promise`, or reject with the signal's reason as soon as it aborts, whether
 * or not the promise heeds the signal (an injected fetch may not).
 */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  // The loser of the race must not turn into an unhandled rejection later.
  promise.catch(() => undefined);
  if (signal.aborted) {
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
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

function describe(error: unknown): string {
  if (!(error instanceof Error)) {
    return String(error);
  }
  // "fetch failed" says nothing; the socket error under it does.
  const cause = error.cause;
  return cause instanceof Error && cause.message !== ""
    ? `${error.message}: ${cause.message}`
    : error.message;
}

/**
 * One attempt: send a copy of `request` and read its whole answer within `limitMs`. A
 * timeout is an {@link IonQTimeoutError}, any other failure an {@link IonQConnectionError};
 * an abort of the caller's own signal rejects with its reason, as `fetch` does.
 */
async function sendOnce(
  send: Fetch,
  request: Request,
  limitMs: number | null,
  limitIsDeadline: boolean,
): Promise<Response> {
  const caller = request.signal;
  const controller = new AbortController();
  const timer =
    limitMs === null ? undefined : setTimeout(() => controller.abort(TIMED_OUT), limitMs);
  const forward = (): void => controller.abort(caller.reason);
  caller.addEventListener("abort", forward, { once: true });
  try {
    if (caller.aborted) {
      throw caller.reason;
    }
    // A Request body can be read once: each attempt sends a clone of the caller's.
    const attempt = new Request(request.clone(), { signal: controller.signal });
    const response = await untilAborted(send(attempt), controller.signal);
    const content = await untilAborted(response.arrayBuffer(), controller.signal);
    return new Response(NULL_BODY_STATUSES.has(response.status) ? null : content, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  } catch (error) {
    if (controller.signal.aborted) {
      if (controller.signal.reason === TIMED_OUT) {
        throw new IonQTimeoutError(limitMs ?? 0, { deadline: limitIsDeadline });
      }
      throw caller.reason;
    }
    throw new IonQConnectionError(`${request.method} ${request.url}: ${describe(error)}`, {
      cause: error,
      certainlyUnsent: isCertainlyUnsent(error),
    });
  } finally {
    clearTimeout(timer);
    caller.removeEventListener("abort", forward);
  }
}

// The settings each client was made with, for the helpers (createJob, perCall) that make
// their own `fetch` for one call from the client's.
const settingsOfClient = new WeakMap<object, TransportSettings>();

export function rememberSettings(client: object, settings: TransportSettings): void {
  settingsOfClient.set(client, settings);
}

/** The settings `client` was made with; a TypeError for a client not made by createIonQClient. */
export function settingsOf(client: object): TransportSettings {
  const settings = settingsOfClient.get(client);
  if (settings === undefined) {
    throw new TypeError("this helper needs a client made by createIonQClient");
  }
  return settings;
}

/**
 * A `fetch` that applies `settings` to every request it is given. `deadlineAt` (on the
 * `settings.now` clock) ends the call earlier than its own `deadlineMs` would, for a helper
 * whose several requests share one deadline.
 *
 * What it returns: the answer of the first attempt that is a success or not worth retrying,
 * or the last answer once the retries are spent (or the next pause would pass the deadline);
 * openapi-fetch and `unwrap` then map a 4xx or 5xx to `IonQApiError`. What it throws: the
 * last {@link IonQConnectionError} (with `attempts`), or {@link IonQTimeoutError}.
 */
export function retryingFetch(settings: TransportSettings, deadlineAt?: number): Fetch {
  return async (request: Request): Promise<Response> => {
    const { now, timeoutMs } = settings;
    const own = settings.deadlineMs === null ? Infinity : now() + settings.deadlineMs;
    const deadline = Math.min(own, deadlineAt ?? Infinity);
    const method = request.method.toUpperCase();
    // Whether an attempt so far may have been acted on (anything but unsent or a 429).
    let mayHaveActed = false;
    for (let attempt = 0; ; attempt += 1) {
      const remaining = deadline - now();
      if (remaining <= 0) {
        const error = new IonQTimeoutError(0, { deadline: true, certainlyUnsent: !mayHaveActed });
        error.attempts = attempt;
        throw error;
      }
      const byDeadline = timeoutMs === null || remaining < timeoutMs;
      const limit = byDeadline ? (Number.isFinite(remaining) ? remaining : null) : timeoutMs;
      let response: Response;
      try {
        response = await sendOnce(settings.fetch, request, limit, byDeadline && limit !== null);
      } catch (error) {
        if (!(error instanceof IonQConnectionError)) {
          throw error;
        }
        error.attempts = attempt + 1;
        mayHaveActed ||= !error.certainlyUnsent;
        const retryable =
          attempt < settings.maxRetries && shouldRetryFailure(method, error.certainlyUnsent);
        const delay = retryDelay(attempt, undefined, settings.random());
        if (!retryable || now() + delay >= deadline) {
          throw error;
        }
        await untilAborted(settings.sleep(delay), request.signal);
        continue;
      }
      if (response.ok || attempt >= settings.maxRetries || !shouldRetry(method, response.status)) {
        return response;
      }
      mayHaveActed ||= response.status !== 429;
      const retryAfter = parseRetryAfter(response.headers.get("Retry-After"));
      const delay = retryDelay(attempt, retryAfter, settings.random());
      // Waiting past the deadline only to be cut off: hand back this answer now instead.
      if (now() + delay >= deadline) {
        return response;
      }
      await untilAborted(settings.sleep(delay), request.signal);
    }
  };
}
