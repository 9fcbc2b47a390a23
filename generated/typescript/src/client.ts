/**
 * A thin typed client for the IonQ v0.4 REST API.
 *
 * The request and response types come from `../schema.ts`, which `openapi-typescript`
 * generates from `openapi.yaml` (never edit it by hand); the HTTP calls are
 * `openapi-fetch`'s, so every path, parameter and body is checked by the compiler.
 * This file adds only what the spec cannot say: the `apiKey` authorization header,
 * polling until a job is done, following `next` across pages, and reading a job's
 * probabilities through its format-keyed result artifacts. Beside it: the errors
 * (`errors.ts`), the retry policy (`retry.ts`), the `fetch` that applies timeouts, deadlines
 * and retries to every call (`transport.ts`) and duplicate-free job creation (`create.ts`),
 * all re-exported here.
 *
 * @example
 * ```ts
 * const ionq = createIonQClient({ apiKey: "...", timeoutMs: 20_000 });
 * const created = await createJob(ionq, bellJob);
 * const job = await waitForJob(ionq, created.id);
 * const probabilities = await getProbabilities(ionq, job); // { "0": 0.5, "3": 0.5 }
 * ```
 */
import createClient, { type Client } from "openapi-fetch";
import type { components, operations, paths } from "../schema.js";
import { IonQError, unwrap } from "./errors.js";
import {
  realSleep,
  rememberSettings,
  retryingFetch,
  settingsOf,
  transportSettings,
  type Fetch,
  type TransportOptions,
} from "./transport.js";

export type { components, operations, paths } from "../schema.js";
export {
  apiError,
  IonQApiError,
  IonQConnectionError,
  IonQError,
  IonQOutcomeUnknownError,
  IonQResponseValidationError,
  IonQTimeoutError,
  IonQValidationError,
  unwrap,
  type ErrorBody,
} from "./errors.js";
export {
  backoffDelay,
  DEFAULT_MAX_RETRIES,
  INITIAL_RETRY_DELAY_MS,
  isCertainlyUnsent,
  MAX_RETRY_AFTER_MS,
  MAX_RETRY_DELAY_MS,
  parseRetryAfter,
  RETRYABLE_STATUSES,
  retryDelay,
  SAFE_METHODS,
  shouldRetry,
  shouldRetryFailure,
} from "./retry.js";
export {
  DEFAULT_TIMEOUT_MS,
  retryingFetch,
  transportSettings,
  type Fetch,
  type TransportOptions,
  type TransportSettings,
} from "./transport.js";
export {
  CREATE_TOKEN_KEY,
  createJob,
  hasToken,
  METADATA_MAX_KEYS,
  NAME_TOKEN_PREFIX,
  RESOLVE_LOOKBACK_MS,
  RESOLVE_MAX_MS,
  RESOLVE_MAX_PAGES,
  RESOLVE_MAX_RETRIES,
  RESOLVE_PAGE_SIZE,
  scanForToken,
  tagCreateBody,
  type CreateJobOptions,
  type CreateTag,
  type Scan,
} from "./create.js";

/** Every schema of the spec, by name: `Schemas["Job"]`, `Schemas["JobCreate"]`, ... */
export type Schemas = components["schemas"];
/** One job as `getJob` reads it: `type` says the shape of `output`, `settings`, `stats`, ... */
export type Job = Schemas["Job"];
/** A job as listings report it: free-form `output`, `results`, ...; no `child_job_ids`. */
export type BaseJob = Schemas["BaseJob"];
export type JobCreate = Schemas["JobCreate"];
export type JobCreated = Schemas["JobCreated"];
export type JobStatus = Schemas["JobStatus"];
export type JobPage = Schemas["JobPage"];
/** The body of `cloneJob` and `moveJob`: the fields of the copy that differ from the original. */
export type CloneJobPayload = Schemas["CloneJobPayload"];
/** Where one result (or compiled circuit) of a job is: fetch it from `getJobArtifact`. */
export type ArtifactDescriptor = Schemas["ArtifactDescriptor"];
export type ResultFormat = Schemas["ResultFormat"];
/** Decimal basis-state keys (`"3"` = qubits 0 and 1 are 1) to probabilities. */
export type Probabilities = Schemas["Probabilities"];
/** A multi-circuit job's probabilities, by child job id. */
export type AggregatedProbabilities = Schemas["AggregatedProbabilities"];
/** The filters `listJobs` takes; the `next` cursor is handled by {@link iterateJobPages}. */
export type ListJobsQuery = Omit<
  NonNullable<operations["listJobs"]["parameters"]["query"]>,
  "next"
>;

/** The typed client: `GET`, `POST`, `PUT`, `PATCH`, `DELETE` on the spec's paths. */
export type IonQClient = Client<paths, "application/json">;

/** IonQ's production service. */
export const DEFAULT_BASE_URL = "https://api.ionq.co/v0.4";

/** The statuses after which a job never changes again. */
export const TERMINAL_STATUSES: ReadonlySet<JobStatus> = new Set<JobStatus>([
  "completed",
  "failed",
  "canceled",
]);

/** How often {@link waitForJob} asks for the job, and for how long, by default. */
export const DEFAULT_POLL_INTERVAL_MS = 1_000;
export const DEFAULT_WAIT_TIMEOUT_MS = 10 * 60 * 1_000;

/**
 * The options of {@link createIonQClient}. Those of {@link TransportOptions} apply to every
 * call: `timeoutMs` (per attempt, default 60 s), `deadlineMs` (per call, retries included,
 * default none), `maxRetries` (default 2), and `fetch`, `sleep`, `now`, `random` to inject.
 */
export interface IonQClientOptions extends TransportOptions {
  /** The API key, sent as `Authorization: apiKey <key>`. Leave out for the backends calls only. */
  apiKey?: string;
  /** The base URL including the version, e.g. `http://127.0.0.1:8000/v0.4`. */
  baseUrl?: string;
  /** What sends each attempt, in place of the global `fetch` (tests, proxies). */
  fetch?: Fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}

/** Make a client for the service at `options.baseUrl` (IonQ's production service by default). */
export function createIonQClient(options: IonQClientOptions = {}): IonQClient {
  const headers: Record<string, string> = { ...options.headers };
  if (options.apiKey !== undefined) {
    headers["Authorization"] = `apiKey ${options.apiKey}`;
  }
  const settings = transportSettings(options);
  const client = createClient<paths, "application/json">({
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    headers,
    fetch: retryingFetch(settings),
  });
  rememberSettings(client, settings);
  return client;
}

/** The options one call may override with {@link perCall}. */
export type PerCallOptions = Pick<TransportOptions, "timeoutMs" | "deadlineMs" | "maxRetries">;

/**
 * Options for one typed call that override the client's timeout, deadline or retries:
 * spread into the call's options.
 *
 * @example
 * ```ts
 * await unwrap(ionq.GET("/jobs/{job_id}", { params, ...perCall(ionq, { deadlineMs: 5_000 }) }));
 * ```
 */
export function perCall(client: IonQClient, overrides: PerCallOptions): { fetch: Fetch } {
  const settings = settingsOf(client);
  // Only what is given overrides: `{timeoutMs: undefined}` keeps the client's timeout.
  const given = Object.fromEntries(
    Object.entries(overrides).filter(([, value]) => value !== undefined),
  ) as PerCallOptions;
  return { fetch: retryingFetch(transportSettings({ ...settings, ...given })) };
}

/** Raised by {@link waitForJob} when the job is still running at the deadline. */
export class JobWaitTimeoutError extends IonQError {
  readonly job: Job;

  constructor(job: Job, timeoutMs: number) {
    super(`job ${job.id} is still ${job.status} after ${timeoutMs} ms`);
    this.name = "JobWaitTimeoutError";
    this.job = job;
  }
}

export interface WaitOptions {
  /** The pause between two reads of the job. */
  intervalMs?: number;
  /** Give up (with {@link JobWaitTimeoutError}) after this long. */
  timeoutMs?: number;
  /** Injected so tests need not really wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected with `sleep`: the current time in milliseconds. */
  now?: () => number;
}

/**
 * Read the job until its status is terminal (see {@link TERMINAL_STATUSES}) and return it.
 * A failed or canceled job is returned, not thrown: check `job.status`.
 */
export async function waitForJob(
  client: IonQClient,
  jobId: string,
  options: WaitOptions = {},
): Promise<Job> {
  const intervalMs = options.intervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const deadline = now() + timeoutMs;
  for (;;) {
    const job = await unwrap(client.GET("/jobs/{job_id}", { params: { path: { job_id: jobId } } }));
    if (TERMINAL_STATUSES.has(job.status)) {
      return job;
    }
    if (now() >= deadline) {
      throw new JobWaitTimeoutError(job, timeoutMs);
    }
    await sleep(intervalMs);
  }
}

/**
 * Yield every page of `listJobs`, following `next` until it is null.
 *
 * @example
 * ```ts
 * for await (const page of iterateJobPages(ionq, { limit: 100, status: "completed" })) { ... }
 * ```
 */
export async function* iterateJobPages(
  client: IonQClient,
  query: ListJobsQuery = {},
): AsyncGenerator<JobPage, void, undefined> {
  let cursor: string | undefined;
  for (;;) {
    const params = cursor === undefined ? query : { ...query, next: cursor };
    const page = await unwrap(client.GET("/jobs", { params: { query: params } }));
    yield page;
    if (page.next === null) {
      return;
    }
    // A server handing back the cursor it was given would make this loop forever.
    if (page.next === cursor) {
      throw new Error(`listJobs returned the cursor it was given (${cursor}) as next`);
    }
    cursor = page.next;
  }
}

/**
 * Yield every job `listJobs` returns, across all pages. Listed jobs are `BaseJob`s: no
 * `child_job_ids`, and free-form `output`, `settings`, `stats` and `results`; read one job
 * with `getJob` for its typed shape.
 */
export async function* iterateJobs(
  client: IonQClient,
  query: ListJobsQuery = {},
): AsyncGenerator<BaseJob, void, undefined> {
  for await (const page of iterateJobPages(client, query)) {
    yield* page.jobs;
  }
}

/** The result format of the probabilities of one circuit: decimal basis-state keys. */
export const PROBABILITIES_FORMAT = "ionq.result.probabilities.json.v1" satisfies ResultFormat;
/** The result format of a multi-circuit job's probabilities, by child job id. */
export const AGGREGATED_PROBABILITIES_FORMAT =
  "ionq.result.probabilities-aggregate.json.v1" satisfies ResultFormat;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isArtifactDescriptor(value: unknown): value is ArtifactDescriptor {
  return (
    isRecord(value) &&
    typeof value["id"] === "string" &&
    typeof value["format"] === "string" &&
    typeof value["media_type"] === "string"
  );
}

/**
 * The descriptor of the job's result artifact in `format` (e.g. {@link PROBABILITIES_FORMAT}),
 * or undefined if the job has none: not completed, a dry run, or a format it was not given.
 * `results` is keyed by format; its legacy `{url}` entries (`probabilities`, ...) are not
 * artifacts and are never returned.
 */
export function findArtifact(
  job: Pick<Job, "results">,
  format: ResultFormat | (string & {}),
): ArtifactDescriptor | undefined {
  const results: unknown = job.results;
  if (!isRecord(results)) {
    return undefined;
  }
  const keyed = results[format];
  if (isArtifactDescriptor(keyed)) {
    return keyed;
  }
  // Keyed otherwise than by its format: still found by the descriptor's own `format`.
  return Object.values(results).find(
    (entry): entry is ArtifactDescriptor => isArtifactDescriptor(entry) && entry.format === format,
  );
}

function isProbabilities(value: unknown): value is Probabilities {
  return isRecord(value) && Object.values(value).every((p) => typeof p === "number");
}

function isAggregatedProbabilities(value: unknown): value is AggregatedProbabilities {
  return isRecord(value) && Object.values(value).every(isProbabilities);
}

async function getArtifactContent(
  client: IonQClient,
  jobId: string,
  artifact: ArtifactDescriptor,
): Promise<unknown> {
  return unwrap(
    client.GET("/jobs/{job_id}/artifacts/{artifact_id}", {
      params: { path: { job_id: jobId, artifact_id: artifact.id } },
    }),
  );
}

function notOfFormat(jobId: string, artifact: ArtifactDescriptor): TypeError {
  return new TypeError(`artifact ${artifact.id} of job ${jobId} is not ${artifact.format} content`);
}

/**
 * The probabilities of a completed single-circuit job (or of one child of a multi-circuit
 * job), keys decimal basis states. Read from the job's {@link PROBABILITIES_FORMAT} artifact
 * (`getJobArtifact`) when `job.results` names one, else from `getJobProbabilities`
 * (`/results/probabilities`), so a job read before it completed works too. Throws
 * {@link IonQApiError} (404) for a job that has not completed, and a `TypeError` for a
 * multi-circuit parent (use {@link getAggregatedProbabilities}) or content of another shape.
 */
export async function getProbabilities(
  client: IonQClient,
  job: Pick<Job, "id" | "type" | "results">,
): Promise<Probabilities> {
  if (job.type === "ionq.multi-circuit.v1") {
    throw new TypeError(
      `job ${job.id} is a multi-circuit job: use getAggregatedProbabilities for its probabilities`,
    );
  }
  const artifact = findArtifact(job, PROBABILITIES_FORMAT);
  if (artifact === undefined) {
    return unwrap(
      client.GET("/jobs/{job_id}/results/probabilities", { params: { path: { job_id: job.id } } }),
    );
  }
  const content = await getArtifactContent(client, job.id, artifact);
  if (!isProbabilities(content)) {
    throw notOfFormat(job.id, artifact);
  }
  return content;
}

/**
 * The probabilities of each circuit of a completed multi-circuit job, by child job id. Read
 * from its {@link AGGREGATED_PROBABILITIES_FORMAT} artifact when `job.results` names one,
 * else from `getJobProbabilitiesAggregated` (`/results/probabilities/aggregated`).
 */
export async function getAggregatedProbabilities(
  client: IonQClient,
  job: Pick<Job, "id" | "results">,
): Promise<AggregatedProbabilities> {
  const artifact = findArtifact(job, AGGREGATED_PROBABILITIES_FORMAT);
  if (artifact === undefined) {
    return unwrap(
      client.GET("/jobs/{job_id}/results/probabilities/aggregated", {
        params: { path: { job_id: job.id } },
      }),
    );
  }
  const content = await getArtifactContent(client, job.id, artifact);
  if (!isAggregatedProbabilities(content)) {
    throw notOfFormat(job.id, artifact);
  }
  return content;
}
