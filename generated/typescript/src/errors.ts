/**
 * The errors the client throws, one class per kind of failure, named after the Python
 * facade's (`ionq_client/_exceptions.py`):
 *
 * ```text
 * IonQError                        (Python's name, where it differs)
 * ├── IonQApiError                 the server answered 4xx or 5xx (APIStatusError)
 * ├── IonQConnectionError          no whole answer: refused, reset, body cut (APIConnectionError)
 * │   └── IonQTimeoutError         none within the timeout or the deadline (APITimeoutError)
 * ├── IonQResponseValidationError  a 2xx whose body is not JSON (APIResponseValidationError)
 * ├── IonQOutcomeUnknownError      createJob cannot tell whether the job was stored
 * ├── IonQValidationError          refused before sending; names the `key` (ValidationError)
 * └── JobWaitTimeoutError          waitForJob gave up (JobTimeoutError)
 * ```
 *
 * `fetch` itself throws a bare `TypeError("fetch failed")` for every network failure; the
 * client's transport turns each into an {@link IonQConnectionError} (the original is its
 * `cause`), so a caller catches one family.
 */
import type { components } from "../schema.js";

/** The body of an error response; a 400 may add `validation`. */
export type ErrorBody = components["schemas"]["Error"] | components["schemas"]["BadRequestError"];

/** The base of every error this client throws. */
export class IonQError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "IonQError";
  }
}

/**
 * An error answer from the service: `status` is the HTTP status, `body` the parsed
 * `{statusCode, error, message}` (undefined if the body was not that shape).
 */
export class IonQApiError extends IonQError {
  readonly status: number;
  readonly body: ErrorBody | undefined;

  constructor(status: number, body: ErrorBody | undefined) {
    super(body === undefined ? `HTTP ${status}` : `HTTP ${status} ${body.error}: ${body.message}`);
    this.name = "IonQApiError";
    this.status = status;
    this.body = body;
  }

  /** The fields a 400 named as invalid (`validation.keys`, optional), or an empty list. */
  get validationKeys(): readonly string[] {
    if (this.body === undefined || !("validation" in this.body)) {
      return [];
    }
    return this.body.validation?.keys ?? [];
  }
}

/**
 * No whole answer came back: the connection was refused, reset or closed early, or the body
 * was cut. `certainlyUnsent` is true only when the server cannot have acted on the request:
 * no connection was ever made (refused, name not resolved, connect timed out), or the
 * deadline passed before it was sent.
 * `attempts` is how many times the request was sent.
 */
export class IonQConnectionError extends IonQError {
  readonly certainlyUnsent: boolean;
  attempts = 1;

  constructor(message: string, options: { cause?: unknown; certainlyUnsent?: boolean } = {}) {
    super(message, { cause: options.cause });
    this.name = "IonQConnectionError";
    this.certainlyUnsent = options.certainlyUnsent ?? false;
  }
}

/**
 * No answer within the per-attempt `timeoutMs`, or the whole call's `deadlineMs` ran out
 * (`deadline` is then true, and `timeoutMs` is what was left of it for the last attempt).
 * The request may have reached the server, unless `certainlyUnsent` (the deadline passed
 * before it was sent).
 */
export class IonQTimeoutError extends IonQConnectionError {
  readonly timeoutMs: number;
  readonly deadline: boolean;

  constructor(
    timeoutMs: number,
    options: { deadline?: boolean; cause?: unknown; certainlyUnsent?: boolean } = {},
  ) {
    const deadline = options.deadline ?? false;
    super(
      !deadline
        ? `no answer within the timeout of ${timeoutMs} ms`
        : options.certainlyUnsent === true
          ? "the call's deadline passed before the request was sent"
          : `the call's deadline passed (${Math.round(timeoutMs)} ms were left for this attempt)`,
      { cause: options.cause, certainlyUnsent: options.certainlyUnsent ?? false },
    );
    this.name = "IonQTimeoutError";
    this.timeoutMs = timeoutMs;
    this.deadline = deadline;
  }
}

/** A successful status whose body is not the JSON the contract promises. */
export class IonQResponseValidationError extends IonQError {
  constructor(options: { cause?: unknown } = {}) {
    super("a successful answer whose body is not valid JSON", options);
    this.name = "IonQResponseValidationError";
  }
}

/**
 * `createJob` failed ambiguously (a 5xx, a timeout, a dropped connection or a cut answer
 * once the request was sent) and could not find out whether the job was stored: the
 * look-up failed, ran out of time or pages, or the job carried no token. `why` says which;
 * `cause` is the create's failure; `lookupError` the look-up's, if it failed. `token` is the
 * job's one-off token (undefined when it had none): look for it later in the metadata key
 * `ionq_client_create_token`, or in the name `ionq-client-create:<token>`.
 * (Python: `OutcomeUnknownError`.)
 */
export class IonQOutcomeUnknownError extends IonQError {
  readonly why: string;
  readonly token: string | undefined;
  readonly lookupError: unknown;

  constructor(why: string, cause: unknown, token?: string, lookupError?: unknown) {
    super(`create a job: outcome unknown (${why}); it failed with: ${describe(cause)}`, { cause });
    this.name = "IonQOutcomeUnknownError";
    this.why = why;
    this.token = token;
    this.lookupError = lookupError;
  }
}

/** An argument the client refuses before sending anything; `key` names it. */
export class IonQValidationError extends IonQError {
  readonly key: string;

  constructor(message: string, key: string) {
    super(message);
    this.name = "IonQValidationError";
    this.key = key;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Record<string, unknown>)["statusCode"] === "number" &&
    typeof (value as Record<string, unknown>)["message"] === "string"
  );
}

/** The {@link IonQApiError} of a non-2xx answer whose body openapi-fetch parsed (or not). */
export function apiError(status: number, parsedBody: unknown): IonQApiError {
  return new IonQApiError(status, isErrorBody(parsedBody) ? parsedBody : undefined);
}

/**
 * Await an `openapi-fetch` call and return its data, or throw {@link IonQApiError}
 * for any non-2xx answer, {@link IonQResponseValidationError} for a 2xx body that is not
 * JSON, and the transport's {@link IonQConnectionError} when no answer came.
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (error) {
    // openapi-fetch parses a 2xx body with JSON.parse; a proxy's HTML page would escape as
    // a bare SyntaxError (only a 2xx body is parsed so; an error body is kept as text).
    if (error instanceof SyntaxError) {
      throw new IonQResponseValidationError({ cause: error });
    }
    throw error;
  }
  if (!result.response.ok || result.error !== undefined) {
    throw apiError(result.response.status, result.error);
  }
  // openapi-fetch leaves `data` undefined only for an empty body, which no 2xx of this
  // API has; say so rather than hand the caller an undefined typed as T.
  if (result.data === undefined) {
    throw new IonQApiError(result.response.status, undefined);
  }
  return result.data;
}
