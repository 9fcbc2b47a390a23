/**
 * Job creation that never leaves two jobs for one call: the rule of the Python facade
 * (`ionq_client/_build.py`, `_readback.py`, `_async/readback.py`), with its numbers.
 *
 * 1. The body is tagged with a one-off token: metadata key {@link CREATE_TOKEN_KEY}, or,
 *    when the caller's metadata already has all 10 keys and no name is given, the name
 *    `ionq-client-create:<token>`.
 * 2. A 429 or a connection never made means nothing was stored: the transport retries it.
 * 3. Any 5xx, a timeout, a dropped connection or a cut answer once the request was sent is
 *    ambiguous: after a backoff pause the newest jobs on that backend (and session) are
 *    listed, newest first, in pages of 100, looking for the token. Found: that job is the
 *    answer. Absent (the listing ended, or reached a job submitted more than a minute
 *    before the call began): the same body (same token) is sent again, within `maxRetries`;
 *    with none left the failure is thrown, and no job exists.
 * 4. The look-up is bounded: 5 pages, 30 s (less when the call's deadline is nearer), 8
 *    retries of its own. When it fails, runs out of pages or time, or the job carries no
 *    token, an {@link IonQOutcomeUnknownError} says so and carries the token.
 *
 * The remaining window: a server that stores the job only after the look-up has read the
 * listing (it was still working when the attempt timed out) can still see a resend; the
 * token makes such a duplicate identifiable.
 */
import type { Client } from "openapi-fetch";

import type { components, paths } from "../schema.js";
import {
  apiError,
  IonQConnectionError,
  IonQOutcomeUnknownError,
  IonQResponseValidationError,
  IonQValidationError,
  unwrap,
} from "./errors.js";
import { backoffDelay } from "./retry.js";
import { retryingFetch, settingsOf, type Fetch } from "./transport.js";

type JobCreate = components["schemas"]["JobCreate"];
type JobCreated = components["schemas"]["JobCreated"];
type BaseJob = components["schemas"]["BaseJob"];

/** The metadata key a create's token goes in; it counts against the 10-key limit. */
export const CREATE_TOKEN_KEY = "ionq_client_create_token";
/** When all metadata keys are taken and no name was given, the token goes in the name. */
export const NAME_TOKEN_PREFIX = "ionq-client-create:";
/** `Metadata.maxProperties` of openapi.yaml. */
export const METADATA_MAX_KEYS = 10;

/**
 * How the listing that resolves an ambiguous create is bounded: newest first, it stops at
 * the first job submitted more than `RESOLVE_LOOKBACK_MS` before the create began (the
 * allowance for the service's clock differing from ours), after `RESOLVE_MAX_PAGES` pages,
 * or after `RESOLVE_MAX_MS` (less if the call's deadline is nearer). Only the first is
 * evidence that the job was not stored; the other two leave the outcome unknown.
 */
export const RESOLVE_MAX_PAGES = 5;
export const RESOLVE_PAGE_SIZE = 100;
export const RESOLVE_LOOKBACK_MS = 60_000;
export const RESOLVE_MAX_MS = 30_000;
/** Retries for that listing: more than usual, since giving up leaves the caller unsure. */
export const RESOLVE_MAX_RETRIES = 8;

/** Where a create's token went: its metadata, its name, or nowhere (no room). */
export type CreateTag = "metadata" | "name" | undefined;

/**
 * `body` with `token` added where there is room (see the module comment), and where it went;
 * nowhere when `token` is undefined (the caller opted out). Throws
 * {@link IonQValidationError} if the caller's metadata already uses the reserved key.
 */
export function tagCreateBody(
  body: JobCreate,
  token: string | undefined,
): { body: JobCreate; tag: CreateTag } {
  const metadata = { ...body.metadata };
  if (CREATE_TOKEN_KEY in metadata) {
    throw new IonQValidationError(
      `metadata key ${CREATE_TOKEN_KEY} is reserved by the client`,
      `metadata.${CREATE_TOKEN_KEY}`,
    );
  }
  if (token === undefined) {
    return { body, tag: undefined };
  }
  if (Object.keys(metadata).length < METADATA_MAX_KEYS) {
    return {
      body: { ...body, metadata: { ...metadata, [CREATE_TOKEN_KEY]: token } },
      tag: "metadata",
    };
  }
  if (body.name === undefined) {
    return { body: { ...body, name: NAME_TOKEN_PREFIX + token }, tag: "name" };
  }
  return { body, tag: undefined };
}

/** Whether `job` is the one a create tagged with `token` made. */
export function hasToken(
  job: Pick<BaseJob, "metadata" | "name">,
  token: string,
  tag: CreateTag,
): boolean {
  if (tag === "metadata") {
    return job.metadata?.[CREATE_TOKEN_KEY] === token;
  }
  if (tag === "name") {
    return job.name === NAME_TOKEN_PREFIX + token;
  }
  return false;
}

/** What one page of the look-up says: the job found, or to stop, or to read on. */
export type Scan = JobCreated | "absent" | "more" | "unknown";

/**
 * Look through one page of the newest jobs for the one tagged `token`: the job as a
 * create's answer if found; else `"absent"` when the page is the last one or reaches past
 * the look-back before `startedMs` (wall clock), `"unknown"` when the page budget is spent,
 * `"more"` to read the next page.
 */
export function scanForToken(
  jobs: readonly BaseJob[],
  token: string,
  tag: CreateTag,
  startedMs: number,
  pageNumber: number,
  lastPage: boolean,
): Scan {
  const job = jobs.find((each) => hasToken(each, token, tag));
  if (job !== undefined) {
    return { id: job.id, status: job.status, session_id: job.session_id };
  }
  const last = jobs[jobs.length - 1];
  const oldest = last === undefined ? 0 : Date.parse(last.submitted_at);
  if (lastPage || oldest < startedMs - RESOLVE_LOOKBACK_MS) {
    return "absent";
  }
  return pageNumber + 1 >= RESOLVE_MAX_PAGES ? "unknown" : "more";
}

export interface CreateJobOptions {
  /** Resends after ambiguous failures the look-up showed stored nothing; the client's by default. */
  maxRetries?: number;
  /** Milliseconds for the whole call, look-ups and resends included; the client's by default. */
  deadlineMs?: number | null;
  /** Abort the call; the job may or may not have been stored then. */
  signal?: AbortSignal;
  /**
   * `false`: send the body untagged (no `ionq_client_create_token` in its metadata). An
   * ambiguous failure then cannot be resolved and is an {@link IonQOutcomeUnknownError}.
   */
  createToken?: boolean;
}

type IonQClient = Client<paths, "application/json">;

function newToken(): string {
  // 32 hex characters, like the Python facade's uuid4().hex.
  return globalThis.crypto.randomUUID().replaceAll("-", "");
}

/**
 * Submit a job, never leaving two for one call (see the module comment for the rule).
 * Returns the `JobCreated` answer, or that of the stored job the look-up found. Throws
 * {@link IonQApiError} for a refusal (4xx) or a 5xx after which no job exists,
 * {@link IonQConnectionError} when no job exists either, and {@link IonQOutcomeUnknownError}
 * when it cannot tell.
 *
 * @example
 * ```ts
 * const created = await createJob(ionq, bellJob); // { id, status: "submitted", session_id }
 * ```
 */
export async function createJob(
  client: IonQClient,
  body: JobCreate,
  options: CreateJobOptions = {},
): Promise<JobCreated> {
  const settings = settingsOf(client);
  const maxRetries = options.maxRetries ?? settings.maxRetries;
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new IonQValidationError(
      `maxRetries must be an integer >= 0, not ${maxRetries}`,
      "maxRetries",
    );
  }
  const deadlineMs = options.deadlineMs === undefined ? settings.deadlineMs : options.deadlineMs;
  const deadlineAt = deadlineMs === null ? Infinity : settings.now() + deadlineMs;
  const token = options.createToken === false ? undefined : newToken();
  const { body: tagged, tag } = tagCreateBody(body, token);
  const signal = options.signal;
  const postFetch = retryingFetch({ ...settings, maxRetries, deadlineMs: null }, deadlineAt);
  const startedMs = Date.now();
  for (let attempt = 0; ; attempt += 1) {
    const failure = await postOnce(client, tagged, postFetch, signal);
    if (!(failure instanceof Error)) {
      return failure;
    }
    if (token === undefined || tag === undefined) {
      const why =
        token === undefined
          ? "it carried no look-up token (createToken: false)"
          : "it carried no look-up token (10 metadata keys and a name: no room for one)";
      throw new IonQOutcomeUnknownError(why, failure);
    }
    // The look-up's own time: 30 s at most, less when the call's deadline is nearer.
    const lookupEndsAt = Math.min(deadlineAt, settings.now() + RESOLVE_MAX_MS);
    // Give a slow server time to finish storing before looking, within a quarter of that.
    const left = Math.max(0, lookupEndsAt - settings.now());
    await settings.sleep(Math.min(backoffDelay(attempt, settings.random()), left / 4));
    const lookupFetch = retryingFetch(
      {
        ...settings,
        maxRetries: Math.max(RESOLVE_MAX_RETRIES, settings.maxRetries),
        deadlineMs: null,
      },
      lookupEndsAt,
    );
    let found: JobCreated | "absent" | "unknown";
    try {
      found = await findCreated(client, lookupFetch, tagged, token, tag, startedMs, signal);
    } catch (lookupError) {
      if (signal?.aborted === true && lookupError === signal.reason) {
        throw lookupError;
      }
      throw new IonQOutcomeUnknownError(
        `looking it up failed: ${describe(lookupError)}`,
        failure,
        token,
        lookupError,
      );
    }
    if (found === "unknown") {
      const why = `its look-up token is in none of the newest ${RESOLVE_MAX_PAGES} pages`;
      throw new IonQOutcomeUnknownError(why, failure, token);
    }
    if (found !== "absent") {
      return found;
    }
    if (attempt >= maxRetries) {
      throw failure;
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * POST the body once (the transport retries what is certainly unsent): the answer, or the
 * ambiguous failure as an error to resolve. A refusal or an unsent failure is thrown.
 */
async function postOnce(
  client: IonQClient,
  body: JobCreate,
  send: Fetch,
  signal: AbortSignal | undefined,
): Promise<JobCreated | Error> {
  try {
    const result = await client.POST("/jobs", {
      body,
      fetch: send,
      ...(signal === undefined ? {} : { signal }),
    });
    const status = result.response.status;
    if (result.response.ok) {
      // An empty 2xx: the job was most likely stored, but its id was not said.
      return result.data ?? new IonQResponseValidationError();
    }
    if (status >= 500) {
      return apiError(status, result.error);
    }
    throw apiError(status, result.error);
  } catch (error) {
    if (error instanceof IonQConnectionError && !error.certainlyUnsent) {
      return error;
    }
    // A 2xx whose body does not parse: the job was most likely stored.
    if (error instanceof SyntaxError) {
      return new IonQResponseValidationError({ cause: error });
    }
    throw error;
  }
}

/**
 * Find the job a failed create may have stored, among the newest jobs on its backend (and
 * session): the job, `"absent"` (it was not stored), or `"unknown"` (the pages ran out).
 */
async function findCreated(
  client: IonQClient,
  send: Fetch,
  body: JobCreate,
  token: string,
  tag: CreateTag,
  startedMs: number,
  signal: AbortSignal | undefined,
): Promise<JobCreated | "absent" | "unknown"> {
  const query = {
    target: body.backend,
    limit: RESOLVE_PAGE_SIZE,
    ...(typeof body.session_id === "string" ? { session_id: body.session_id } : {}),
  };
  let cursor: string | undefined;
  for (let page = 0; ; page += 1) {
    const listing = await unwrap(
      client.GET("/jobs", {
        params: { query: cursor === undefined ? query : { ...query, next: cursor } },
        fetch: send,
        ...(signal === undefined ? {} : { signal }),
      }),
    );
    // A server handing back the cursor it was given would have this read the same page.
    const lastPage = listing.next === null || listing.next === cursor;
    const verdict = scanForToken(listing.jobs, token, tag, startedMs, page, lastPage);
    if (verdict !== "more") {
      return verdict;
    }
    cursor = listing.next ?? undefined;
  }
}
