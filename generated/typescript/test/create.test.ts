/**
 * `createJob` (`src/create.ts`) against an in-memory fake of `POST /jobs` and `GET /jobs`
 * whose faults each test scripts: where the token goes, when the newest jobs are listed
 * and how far, when the body is resent, and what is thrown when the outcome is unknown.
 * The sleeps are recorded, not waited; only the deadline test waits, about 300 ms.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  CREATE_TOKEN_KEY,
  createIonQClient,
  createJob,
  IonQApiError,
  IonQConnectionError,
  IonQOutcomeUnknownError,
  IonQTimeoutError,
  IonQValidationError,
  NAME_TOKEN_PREFIX,
  RESOLVE_MAX_PAGES,
  RESOLVE_MAX_RETRIES,
  type BaseJob,
  type IonQClientOptions,
  type JobCreate,
} from "../src/client.js";

const BASE_URL = "http://127.0.0.1:9/v0.4";

/** What the fake does with one request: answer normally, or fail before or after storing. */
type Fault =
  | "none"
  | "garbled-after"
  | "500-before"
  | "500-after"
  | "reset-before"
  | "reset-after"
  | "refused"
  | "429"
  | "400"
  | "hang";

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

function reset(): TypeError {
  return new TypeError("fetch failed", {
    cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }),
  });
}

/**
 * A fake service: `posts` and `lists` play their faults in order (then "none"). Jobs are
 * listed newest first, `limit` at a time, `next` the last id of a page.
 */
function fakeService(
  faults: { posts?: Fault[]; lists?: Fault[]; onList?: () => void } = {},
  options: IonQClientOptions = {},
) {
  const jobs: BaseJob[] = [];
  const posted: JobCreate[] = [];
  const listed: URLSearchParams[] = [];
  const sleeps: number[] = [];
  let ids = 0;
  const store = (body: JobCreate): BaseJob => {
    ids += 1;
    const job = listedJob(`job-${ids}`, new Date().toISOString(), body);
    jobs.unshift(job);
    return job;
  };
  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (request.method === "POST") {
      const body = (await request.json()) as JobCreate;
      posted.push(body);
      const fault = faults.posts?.[posted.length - 1] ?? "none";
      switch (fault) {
        case "500-before":
          return json(500, { statusCode: 500, error: "Internal", message: "boom" });
        case "reset-before":
          throw reset();
        case "refused":
          throw new TypeError("fetch failed", {
            cause: Object.assign(new Error("refused"), { code: "ECONNREFUSED" }),
          });
        case "429":
          return json(429, { statusCode: 429, error: "Too Many Requests", message: "slow down" });
        case "400":
          return json(400, { statusCode: 400, error: "Bad Request", message: "no" });
        case "hang":
          store(body);
          return new Promise<Response>(() => undefined);
        default:
      }
      const job = store(body);
      if (fault === "500-after") {
        return json(500, { statusCode: 500, error: "Internal", message: "boom" });
      }
      if (fault === "reset-after") {
        throw reset();
      }
      if (fault === "garbled-after") {
        return new Response("<html>proxy error</html>", {
          status: 200,
          headers: { "Content-Type": "application/json" },
        });
      }
      return json(200, { id: job.id, status: job.status, session_id: job.session_id });
    }
    listed.push(url.searchParams);
    faults.onList?.();
    const fault = faults.lists?.[listed.length - 1] ?? "none";
    if (fault === "500-before") {
      return json(503, { statusCode: 503, error: "Unavailable", message: "later" });
    }
    if (fault === "hang") {
      return new Promise<Response>(() => undefined);
    }
    const limit = Number(url.searchParams.get("limit") ?? "25");
    const after = url.searchParams.get("next");
    const start = after === null ? 0 : jobs.findIndex((job) => job.id === after) + 1;
    const page = jobs.slice(start, start + limit);
    const more = start + limit < jobs.length;
    return json(200, { jobs: page, next: more ? (page[page.length - 1]?.id ?? null) : null });
  };
  const client = createIonQClient({
    apiKey: "k",
    baseUrl: BASE_URL,
    fetch,
    random: () => 0,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options,
  });
  return { client, jobs, posted, listed, sleeps };
}

function listedJob(id: string, submittedAt: string, body: Partial<JobCreate> = {}): BaseJob {
  return {
    id,
    status: "submitted",
    type: "ionq.circuit.v1",
    backend: "simulator",
    dry_run: false,
    submitter_id: "8c7b6a59-4e3d-4c2b-a1f0-e9d8c7b6a594",
    project_id: null,
    parent_job_id: null,
    session_id: body.session_id ?? null,
    metadata: body.metadata ?? null,
    name: body.name ?? null,
    submitted_at: submittedAt,
    started_at: null,
    completed_at: null,
    predicted_wait_time_ms: null,
    predicted_execution_duration_ms: null,
    execution_duration_ms: null,
    failure: null,
    output: {},
    settings: {},
    stats: {},
    results: null,
  };
}

const bell: JobCreate = {
  type: "ionq.circuit.v1",
  backend: "simulator",
  metadata: { team: "a" },
  input: {
    gateset: "qis",
    qubits: 2,
    circuit: [
      { gate: "h", target: 0 },
      { gate: "cnot", control: 0, target: 1 },
    ],
  },
};

function tenKeys(): Record<string, string> {
  return Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, "v"]));
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => assert.fail("the create succeeded"),
    (error: unknown) => error,
  );
}

test("a create is tagged with a one-off token in its metadata, beside the caller's keys", async () => {
  const { client, posted, listed } = fakeService();
  const created = await createJob(client, bell);
  assert.equal(created.id, "job-1");
  assert.equal(posted.length, 1);
  assert.equal(listed.length, 0);
  const token = posted[0]?.metadata?.[CREATE_TOKEN_KEY];
  assert.match(token ?? "", /^[0-9a-f]{32}$/);
  assert.equal(posted[0]?.metadata?.["team"], "a");
  assert.deepEqual(bell.metadata, { team: "a" }, "the caller's body was changed");
  await createJob(client, bell);
  assert.notEqual(posted[1]?.metadata?.[CREATE_TOKEN_KEY], token, "a token was reused");
});

test("stored, then answered 500: the look-up finds the job and nothing is resent", async () => {
  const { client, posted, listed, jobs, sleeps } = fakeService({ posts: ["500-after"] });
  const created = await createJob(client, bell);
  assert.equal(created.id, "job-1");
  assert.equal(jobs.length, 1);
  assert.equal(posted.length, 1);
  assert.equal(listed.length, 1);
  assert.equal(listed[0]?.get("target"), "simulator");
  assert.equal(listed[0]?.get("limit"), "100");
  assert.equal(listed[0]?.get("session_id"), null);
  assert.deepEqual(sleeps, [250], "no backoff pause before the look-up");
});

test("stored, then the connection dropped: found, not resent", async () => {
  const { client, posted, jobs } = fakeService({ posts: ["reset-after"] });
  assert.equal((await createJob(client, bell)).id, "job-1");
  assert.equal(jobs.length, 1);
  assert.equal(posted.length, 1);
});

test("stored, then a success whose body is not JSON: the look-up gives the job's id", async () => {
  const { client, posted, listed } = fakeService({ posts: ["garbled-after"] });
  assert.equal((await createJob(client, bell)).id, "job-1");
  assert.equal(posted.length, 1);
  assert.equal(listed.length, 1);
});

test("failed before storing: the look-up finds nothing and the same body is resent", async () => {
  const { client, posted, listed, jobs } = fakeService({ posts: ["500-before", "reset-before"] });
  const created = await createJob(client, bell);
  assert.equal(created.id, "job-1");
  assert.equal(jobs.length, 1);
  assert.equal(posted.length, 3);
  assert.equal(listed.length, 2);
  assert.deepEqual(posted[1], posted[0]);
  assert.deepEqual(posted[2], posted[0]);
});

test("with the resends spent the failure is thrown, and no job exists", async () => {
  const { client, posted, listed, jobs } = fakeService({
    posts: ["500-before", "500-before", "500-before"],
  });
  const error = await rejection(createJob(client, bell));
  assert.ok(error instanceof IonQApiError && error.status === 500, String(error));
  assert.equal(jobs.length, 0);
  assert.equal(posted.length, 3);
  assert.equal(listed.length, 3, "the last failure was not looked up");

  const none = fakeService({ posts: ["500-before"] });
  await rejection(createJob(none.client, bell, { maxRetries: 0 }));
  assert.equal(none.posted.length, 1);
  assert.equal(none.listed.length, 1);
});

test("a failed look-up is an IonQOutcomeUnknownError carrying the token", async () => {
  const lists = Array.from({ length: 20 }, (): Fault => "500-before");
  const { client, posted, listed, jobs } = fakeService({ posts: ["500-after"], lists });
  const error = await rejection(createJob(client, bell));
  assert.ok(error instanceof IonQOutcomeUnknownError, String(error));
  assert.equal(error.token, posted[0]?.metadata?.[CREATE_TOKEN_KEY]);
  assert.ok(error.cause instanceof IonQApiError && error.cause.status === 500);
  assert.ok(error.lookupError instanceof IonQApiError && error.lookupError.status === 503);
  assert.match(error.message, /outcome unknown \(looking it up failed: /);
  assert.equal(listed.length, RESOLVE_MAX_RETRIES + 1, "the look-up's own retry budget");
  assert.equal(posted.length, 1, "resent without knowing");
  assert.equal(jobs.length, 1);
});

test("with 10 metadata keys the token goes in the name, and is looked for there", async () => {
  const { client, posted, jobs } = fakeService({ posts: ["500-after"] });
  const created = await createJob(client, { ...bell, metadata: tenKeys() });
  assert.equal(created.id, "job-1");
  assert.equal(jobs.length, 1);
  assert.equal(posted.length, 1);
  assert.equal(posted[0]?.metadata?.[CREATE_TOKEN_KEY], undefined);
  assert.match(posted[0]?.name ?? "", new RegExp(`^${NAME_TOKEN_PREFIX}[0-9a-f]{32}$`));
});

test("with 10 metadata keys and a name there is no token: an ambiguous failure is unknown", async () => {
  const { client, posted, listed } = fakeService({ posts: ["500-before"] });
  const error = await rejection(createJob(client, { ...bell, metadata: tenKeys(), name: "mine" }));
  assert.ok(error instanceof IonQOutcomeUnknownError && error.token === undefined, String(error));
  assert.equal(posted[0]?.name, "mine");
  assert.equal(posted.length, 1);
  assert.equal(listed.length, 0);
});

test("the reserved key is refused before anything is sent", async () => {
  const { client, posted } = fakeService();
  const error = await rejection(
    createJob(client, { ...bell, metadata: { [CREATE_TOKEN_KEY]: "x" } }),
  );
  assert.ok(error instanceof IonQValidationError && error.key === `metadata.${CREATE_TOKEN_KEY}`);
  assert.equal(posted.length, 0);
});

test("a refusal is thrown at once; a 429 and a refused connection are retried by the transport", async () => {
  const refused = fakeService({ posts: ["400"] });
  const error = await rejection(createJob(refused.client, bell));
  assert.ok(error instanceof IonQApiError && error.status === 400);
  assert.equal(refused.listed.length, 0);

  const limited = fakeService({ posts: ["429", "refused"] });
  assert.equal((await createJob(limited.client, bell)).id, "job-1");
  assert.equal(limited.posted.length, 3);
  assert.equal(limited.listed.length, 0, "a certainly-unsent failure was looked up");

  const down = fakeService({ posts: ["refused", "refused", "refused"] });
  const unsent = await rejection(createJob(down.client, bell));
  assert.ok(unsent instanceof IonQConnectionError && unsent.certainlyUnsent);
  assert.equal(down.listed.length, 0);
});

test("a job in a session is looked for in that session", async () => {
  const { client, listed } = fakeService({ posts: ["500-after"] });
  await createJob(client, { ...bell, session_id: "5e551000-0000-4000-8000-000000000001" });
  assert.equal(listed[0]?.get("session_id"), "5e551000-0000-4000-8000-000000000001");
});

test("a token in none of the newest 5 pages is an unknown outcome, not a resend", async () => {
  const { client, jobs, posted, listed } = fakeService({ posts: ["500-before"] });
  const now = Date.now();
  for (let i = 0; i < 8 * 100; i += 1) {
    jobs.push(listedJob(`recent-${i}`, new Date(now - 1_000).toISOString()));
  }
  const error = await rejection(createJob(client, bell));
  assert.ok(error instanceof IonQOutcomeUnknownError && error.token !== undefined, String(error));
  assert.match(error.why, /none of the newest 5 pages/);
  assert.equal(listed.length, RESOLVE_MAX_PAGES);
  assert.equal(listed[1]?.get("next"), "recent-99");
  assert.equal(posted.length, 1);
});

test("a page reaching a job older than a minute, or the last page, shows the job absent", async () => {
  const aged = fakeService({ posts: ["500-before"] });
  const now = Date.now();
  for (let i = 0; i < 250; i += 1) {
    // Page 1 is within the minute; page 2 ends in a job from two minutes ago.
    const age = i < 150 ? 30_000 : 120_000;
    aged.jobs.push(listedJob(`j-${i}`, new Date(now - age).toISOString()));
  }
  await createJob(aged.client, bell);
  assert.equal(aged.listed.length, 2);
  assert.equal(aged.posted.length, 2, "not resent once shown absent");

  const few = fakeService({ posts: ["500-before"] });
  for (let i = 0; i < 120; i += 1) {
    few.jobs.push(listedJob(`r-${i}`, new Date(now).toISOString()));
  }
  await createJob(few.client, bell);
  assert.equal(few.listed.length, 2);
  assert.equal(few.posted.length, 2);
});

test("createToken: false sends no token, and an ambiguous failure is then unknown", async () => {
  const plain = fakeService();
  await createJob(plain.client, bell, { createToken: false });
  assert.deepEqual(plain.posted[0]?.metadata, { team: "a" });

  const { client, listed } = fakeService({ posts: ["500-after"] });
  const error = await rejection(createJob(client, bell, { createToken: false }));
  assert.ok(error instanceof IonQOutcomeUnknownError && error.token === undefined, String(error));
  assert.match(error.why, /createToken: false/);
  assert.equal(listed.length, 0);
});

test("a deadline bounds the whole create: a stalled answer is reported unknown in time", async () => {
  const { client, jobs } = fakeService(
    { posts: ["hang"] },
    { sleep: undefined, timeoutMs: 10_000 },
  );
  const started = performance.now();
  const error = await rejection(createJob(client, bell, { deadlineMs: 300 }));
  const elapsed = performance.now() - started;
  assert.ok(error instanceof IonQOutcomeUnknownError && error.token !== undefined, String(error));
  assert.equal(jobs.length, 1, "the fake stored the job before stalling");
  assert.ok(elapsed >= 280 && elapsed < 1_300, `took ${elapsed} ms`);
});

test("a resend the deadline leaves no time for is not sent, and the job is known absent", async () => {
  let clock = 0;
  const { client, posted, listed, jobs } = fakeService(
    { posts: ["500-before"], onList: () => (clock += 10_000) },
    { now: () => clock },
  );
  const error = await rejection(createJob(client, bell, { deadlineMs: 5_000 }));
  // Not an unknown outcome: the look-up showed the job absent, and nothing was sent since.
  assert.ok(
    error instanceof IonQTimeoutError && error.deadline && error.certainlyUnsent,
    String(error),
  );
  assert.equal(posted.length, 1);
  assert.equal(listed.length, 1);
  assert.equal(jobs.length, 0);
});
