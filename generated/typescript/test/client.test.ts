/**
 * The hand-written helpers of `src/client.ts`, driven through an injected `fetch` so that
 * every answer (and every request sent) is under the test's control; no server, no waiting.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  createIonQClient,
  DEFAULT_BASE_URL,
  IonQApiError,
  iterateJobs,
  JobWaitTimeoutError,
  unwrap,
  waitForJob,
  type Job,
  type JobStatus,
} from "../src/client.js";

const BASE_URL = "http://127.0.0.1:9/v0.4";

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

/** A fetch that records each request and answers with `answer(request)`. */
function fakeFetch(answer: (request: Request) => Response): {
  fetch: (request: Request) => Promise<Response>;
  requests: Request[];
} {
  const requests: Request[] = [];
  return {
    requests,
    fetch: async (request: Request) => {
      requests.push(request);
      return answer(request);
    },
  };
}

function job(id: string, status: JobStatus): Job {
  return {
    id,
    status,
    type: "ionq.circuit.v1",
    backend: "simulator",
    name: null,
    metadata: null,
    submitter_id: "8c7b6a59-4e3d-4c2b-a1f0-e9d8c7b6a594",
    project_id: null,
    parent_job_id: null,
    session_id: null,
    child_job_ids: null,
    dry_run: false,
    submitted_at: "2026-05-14T10:00:00+00:00",
    started_at: null,
    completed_at: null,
    predicted_wait_time_ms: null,
    predicted_execution_duration_ms: null,
    execution_duration_ms: null,
    failure: null,
    settings: {},
    stats: { qubits: 2, circuits: 1, gate_counts: { "1q": 1, "2q": 1 } },
    results: null,
  };
}

test("the API key goes in an `apiKey` Authorization header, to the given base URL", async () => {
  const { fetch, requests } = fakeFetch(() => json(200, { jobs: [], next: null }));
  const client = createIonQClient({ apiKey: "secret", baseUrl: BASE_URL, fetch });
  await unwrap(client.GET("/jobs", { params: { query: { limit: 3 } } }));
  assert.equal(requests.length, 1);
  assert.equal(requests[0]?.url, `${BASE_URL}/jobs?limit=3`);
  assert.equal(requests[0]?.headers.get("Authorization"), "apiKey secret");
});

test("without a key no Authorization header is sent, and the base URL is IonQ's", async () => {
  const { fetch, requests } = fakeFetch(() => json(200, []));
  const client = createIonQClient({ fetch });
  await unwrap(client.GET("/backends", {}));
  assert.equal(requests[0]?.url, `${DEFAULT_BASE_URL}/backends`);
  assert.equal(requests[0]?.headers.get("Authorization"), null);
});

test("unwrap throws IonQApiError with the status, body and validation keys", async () => {
  const body = {
    statusCode: 400,
    error: "Bad Request",
    message: "metadata has more than 10 keys",
    validation: { keys: ["metadata", "shots"], source: "body" },
  };
  const { fetch } = fakeFetch(() => json(400, body));
  const client = createIonQClient({ apiKey: "k", baseUrl: BASE_URL, fetch });
  const thrown = await unwrap(client.GET("/jobs", {})).then(
    () => assert.fail("a 400 was returned as data"),
    (error: unknown) => error,
  );
  assert.ok(thrown instanceof IonQApiError);
  assert.equal(thrown.status, 400);
  assert.deepEqual(thrown.body, body);
  assert.deepEqual(thrown.validationKeys, ["metadata", "shots"]);
  assert.match(thrown.message, /400 Bad Request: metadata has more than 10 keys/);
});

test("an error body of another shape still gives the status, and no validation keys", async () => {
  const { fetch } = fakeFetch(() => new Response("upstream down", { status: 502 }));
  const client = createIonQClient({ apiKey: "k", baseUrl: BASE_URL, fetch });
  await assert.rejects(
    unwrap(client.GET("/whoami", {})),
    (thrown: unknown) =>
      thrown instanceof IonQApiError &&
      thrown.status === 502 &&
      thrown.body === undefined &&
      thrown.validationKeys.length === 0,
  );
});

test("waitForJob reads until the status is terminal, sleeping between reads", async () => {
  const statuses: JobStatus[] = ["submitted", "ready", "started", "completed"];
  let reads = 0;
  const { fetch } = fakeFetch(() => json(200, job("j1", statuses[reads++] ?? "completed")));
  const client = createIonQClient({ apiKey: "k", baseUrl: BASE_URL, fetch });
  const sleeps: number[] = [];
  const done = await waitForJob(client, "j1", {
    intervalMs: 7,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    now: () => 0,
  });
  assert.equal(done.status, "completed");
  assert.equal(reads, 4);
  assert.deepEqual(sleeps, [7, 7, 7]);
});

test("waitForJob returns failed and canceled jobs rather than waiting on", async () => {
  for (const status of ["failed", "canceled"] as const) {
    const { fetch, requests } = fakeFetch(() => json(200, job("j2", status)));
    const client = createIonQClient({ apiKey: "k", baseUrl: BASE_URL, fetch });
    const done = await waitForJob(client, "j2", { sleep: () => assert.fail("slept") });
    assert.equal(done.status, status);
    assert.equal(requests.length, 1);
  }
});

test("waitForJob gives up at the deadline with the last job read", async () => {
  const { fetch, requests } = fakeFetch(() => json(200, job("j3", "started")));
  const client = createIonQClient({ apiKey: "k", baseUrl: BASE_URL, fetch });
  let clock = 0;
  const thrown = await waitForJob(client, "j3", {
    intervalMs: 100,
    timeoutMs: 250,
    sleep: async (ms) => {
      clock += ms;
    },
    now: () => clock,
  }).then(
    () => assert.fail("a job that never ends was returned"),
    (error: unknown) => error,
  );
  assert.ok(thrown instanceof JobWaitTimeoutError);
  assert.equal(thrown.job.status, "started");
  // Reads at 0, 100, 200 and 300 ms: the read at 300 finds the deadline (250) passed.
  assert.equal(requests.length, 4);
});

test("iterateJobs follows next until null and sends each cursor back", async () => {
  const pages: Record<string, { jobs: Job[]; next: string | null }> = {
    "": { jobs: [job("a", "completed"), job("b", "completed")], next: "b" },
    b: { jobs: [job("c", "completed"), job("d", "completed")], next: "d" },
    d: { jobs: [job("e", "completed")], next: null },
  };
  const { fetch, requests } = fakeFetch((request) => {
    const cursor = new URL(request.url).searchParams.get("next") ?? "";
    const page = pages[cursor];
    return page === undefined ? json(400, { statusCode: 400, error: "", message: "" }) : json(200, page);
  });
  const client = createIonQClient({ apiKey: "k", baseUrl: BASE_URL, fetch });
  const ids: string[] = [];
  for await (const listed of iterateJobs(client, { limit: 2, status: "completed" })) {
    ids.push(listed.id);
  }
  assert.deepEqual(ids, ["a", "b", "c", "d", "e"]);
  const queries = requests.map((request) => new URL(request.url).search);
  assert.deepEqual(queries, [
    "?limit=2&status=completed",
    "?limit=2&status=completed&next=b",
    "?limit=2&status=completed&next=d",
  ]);
});

test("iterateJobs stops with an error when the server repeats a cursor", async () => {
  const { fetch, requests } = fakeFetch(() => json(200, { jobs: [job("a", "ready")], next: "a" }));
  const client = createIonQClient({ apiKey: "k", baseUrl: BASE_URL, fetch });
  await assert.rejects(async () => {
    for await (const listed of iterateJobs(client)) {
      assert.equal(listed.id, "a");
    }
  }, /returned the cursor it was given/);
  assert.equal(requests.length, 2);
});
