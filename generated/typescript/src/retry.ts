/**
 * The retry policy: named constants and pure functions, the same as the Python facade's
 * (`ionq_client/_retry.py`), so tests drive it without sleeping.
 *
 * Which failures are retried depends on whether the request is safe to repeat:
 *
 * - Safe requests (GET, HEAD, OPTIONS, PUT, PATCH, DELETE: reads, cancel, update, delete) are
 *   retried on connection errors, timeouts, 429, 500, 502, 503, 504 and 520-529, and on 409
 *   for GET only (Cloudflare answers some GETs 409).
 * - A POST (create, clone or move a job, create or end a session) is retried only when the
 *   server certainly did not act on it: a connection that was never made, or a 429. Anything
 *   else is ambiguous and left to the caller (`createJob` resolves it; see `create.ts`).
 *
 * Delays grow exponentially from {@link INITIAL_RETRY_DELAY_MS}, capped at
 * {@link MAX_RETRY_DELAY_MS}, with jitter on the upper half of each step; a `Retry-After`
 * header (seconds or an HTTP date) is honoured up to {@link MAX_RETRY_AFTER_MS}.
 */

export const DEFAULT_MAX_RETRIES = 2;
export const INITIAL_RETRY_DELAY_MS = 500;
export const MAX_RETRY_DELAY_MS = 8_000;
/** The longest `Retry-After` honoured; a longer one is clipped to this. */
export const MAX_RETRY_AFTER_MS = 60_000;

export const SAFE_METHODS: ReadonlySet<string> = new Set([
  "GET",
  "HEAD",
  "OPTIONS",
  "PUT",
  "PATCH",
  "DELETE",
]);
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([
  429,
  500,
  502,
  503,
  504,
  ...Array.from({ length: 10 }, (_, i) => 520 + i),
]);

/** Whether an answer with `status` to a `method` request may be retried. */
export function shouldRetry(method: string, status: number): boolean {
  if (status === 429) {
    // Rate limiting rejects a request before it is processed: safe for every method.
    return true;
  }
  if (!SAFE_METHODS.has(method)) {
    return false;
  }
  if (status === 409) {
    return method === "GET";
  }
  return RETRYABLE_STATUSES.has(status);
}

/** Whether a request that got no answer may be retried: `certainlyUnsent` for any method. */
export function shouldRetryFailure(method: string, certainlyUnsent: boolean): boolean {
  return certainlyUnsent || SAFE_METHODS.has(method);
}

/**
 * The error codes (Node's, and undici's) of a connection that was never made, so no byte of
 * the request reached the server. A reset, a close or a timeout after connecting is
 * ambiguous and is not here.
 */
const UNSENT_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
]);

function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) {
    return undefined;
  }
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/**
 * Whether a `fetch` failure certainly happened before the request was sent. Node's fetch
 * throws `TypeError("fetch failed")` whose `cause` has the code; trying several addresses
 * gives an `AggregateError` whose every member must be unsent.
 */
export function isCertainlyUnsent(error: unknown): boolean {
  let cause: unknown = error;
  // Walk down `cause` a few levels: fetch wraps the socket error once, proxies may again.
  for (let depth = 0; depth < 4 && typeof cause === "object" && cause !== null; depth += 1) {
    if (cause instanceof AggregateError && cause.errors.length > 0) {
      return cause.errors.every((each) => isCertainlyUnsent(each));
    }
    const code = errorCode(cause);
    if (code !== undefined && UNSENT_CODES.has(code)) {
      return true;
    }
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Milliseconds to wait from a `Retry-After` value (seconds, or an HTTP date, measured
 * against `nowMs` of the wall clock); undefined if absent or unusable.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number = Date.now(),
): number | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  const text = value.trim();
  if (text === "") {
    return undefined;
  }
  let ms: number;
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) {
    ms = Number(text) * 1_000;
  } else {
    // Date.parse reads the IMF-fixdate form of RFC 9110 (`Wed, 21 Oct 2015 07:28:00 GMT`);
    // a date without a zone would be read as local time, so demand one, as Python does.
    if (!/(GMT|UTC|[+-]\d{4})\s*$/i.test(text)) {
      return undefined;
    }
    const at = Date.parse(text);
    if (Number.isNaN(at)) {
      return undefined;
    }
    ms = at - nowMs;
  }
  if (!Number.isFinite(ms)) {
    return undefined;
  }
  return Math.max(0, ms);
}

/**
 * The delay before retry number `attempt` (0 for the first retry): `initial * 2**attempt`,
 * capped at `maximum`, then jittered into [half, full] of that, so many clients failing
 * together do not retry in step. `random` (0..1) is the draw.
 */
export function backoffDelay(
  attempt: number,
  random: number,
  initial: number = INITIAL_RETRY_DELAY_MS,
  maximum: number = MAX_RETRY_DELAY_MS,
): number {
  const base = Math.min(maximum, initial * 2 ** Math.min(attempt, 32));
  return base * (0.5 + 0.5 * random);
}

/** The delay to use: the server's `Retry-After` (capped) when given, else the backoff. */
export function retryDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  random: number,
): number {
  if (retryAfterMs !== undefined) {
    return Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
  }
  return backoffDelay(attempt, random);
}
