/**
 * The hand-written helpers of `src/client.ts`, driven through an injected `fetch` so that
 * every answer (and every request sent) is under the test's control; no server, no waiting.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  AGGREGATED_PROBABILITIES_FORMAT,
  createIonQClient,
  DEFAULT_BASE_URL,
  findArtifact,
  getAggregatedProbabilities,
  getProbabilities,
  IonQApiError,
  iterateJobs,
  JobWaitTimeoutError,
  PROBABILITIES_FORMAT,
  unwrap,
  waitForJob,
  type ArtifactDescriptor,
  type BaseJob,
  type Job,
  type JobStatus,
  type Schemas,
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

/** A job as `getJob` answers it: a single circuit, no results yet. */
function job(id: string, status: JobStatus): Schemas["SingleCircuitJob"] {
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
    output: {},
    settings: {},
    stats: { qubits: 2, circuits: 1, gate_counts: { "1q": 1, "2q": 1 } },
    results: null,
  };
}

/** A job as `listJobs` lists it: a `BaseJob`, without `child_job_ids`. */
function listed(id: string, status: JobStatus): BaseJob {
  const { child_job_ids: _childJobIds, ...base } = job(id, status);
  return base;
}

function descriptor(id: string, format: string): ArtifactDescriptor {
  return { id, format, media_type: "application/json" };
}

const MULTI = "ionq.multi-circuit.v1";

/**
 * A completed job whose `results` hold the legacy `probabilities` link and one descriptor per
 * format given, keyed by format, as the service sends them.
 */
function completed(id: string, formats: Record<string, string>, type = "ionq.circuit.v1"): Job {
  const suffix = type === MULTI ? "/aggregated" : "";
  const results: Record<string, unknown> = {
    probabilities: { url: `/v0.4/jobs/${id}/results/probabilities${suffix}` },
  };
  for (const [format, artifactId] of Object.entries(formats)) {
    results[format] = descriptor(artifactId, format);
  }
  // A `BaseJob` shape: the generated `CircuitJobResults` type cannot hold the legacy link
  // beside the descriptors (its index signature says every entry is a descriptor).
  return { ...listed(id, "completed"), type, results };
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

test("a 400 without validation, or validation without keys, has no validation keys", async () => {
  for (const extra of [{}, { validation: {} }, { validation: { source: "payload" } }]) {
    const body = { statusCode: 400, error: "Bad Request", message: "invalid body", ...extra };
    const { fetch } = fakeFetch(() => json(400, body));
    const client = createIonQClient({ apiKey: "k", baseUrl: BASE_URL, fetch });
    await assert.rejects(
      unwrap(client.POST("/jobs/{job_id}/clone", { params: { path: { job_id: "j" } }, body: {} })),
      (thrown: unknown) =>
        thrown instanceof IonQApiError &&
        thrown.status === 400 &&
        thrown.body?.message === "invalid body" &&
        thrown.validationKeys.length === 0,
    );
  }
});

test("an error body of another shape still gives the status, and no validation keys", async () => {
  const { fetch } = fakeFetch(() => new Response("upstream down", { status: 502 }));
  // No retries: a 502 is retried otherwise (see retry.test.ts).
  const client = createIonQClient({ apiKey: "k", baseUrl: BASE_URL, fetch, maxRetries: 0 });
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
  const pages: Record<string, { jobs: BaseJob[]; next: string | null }> = {
    "": { jobs: [listed("a", "completed"), listed("b", "completed")], next: "b" },
    b: { jobs: [listed("c", "completed"), listed("d", "completed")], next: "d" },
    d: { jobs: [listed("e", "completed")], next: null },
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
  const { fetch, requests } = fakeFetch(() => json(200, { jobs: [listed("a", "ready")], next: "a" }));
  const client = createIonQClient({ apiKey: "k", baseUrl: BASE_URL, fetch });
  await assert.rejects(async () => {
    for await (const listed of iterateJobs(client)) {
      assert.equal(listed.id, "a");
    }
  }, /returned the cursor it was given/);
  assert.equal(requests.length, 2);
});

test("findArtifact finds a result by its format, never a legacy link", () => {
  const done = completed("j", {
    [PROBABILITIES_FORMAT]: "art-v1",
    "ionq.result.histogram.json.v2": "art-h2",
  });
  assert.deepEqual(
    findArtifact(done, PROBABILITIES_FORMAT),
    descriptor("art-v1", PROBABILITIES_FORMAT),
  );
  assert.equal(findArtifact(done, "ionq.result.histogram.json.v2")?.id, "art-h2");
  assert.equal(findArtifact(done, "ionq.result.shots.json.v1"), undefined);
  // `probabilities` is the legacy `{url}` entry, not an artifact.
  assert.equal(findArtifact(done, "probabilities"), undefined);
  assert.equal(findArtifact(job("k", "started"), PROBABILITIES_FORMAT), undefined);
  // A descriptor under another key is still found by its own `format`.
  const rekeyed: Job = {
    ...listed("m", "completed"),
    results: { v1: descriptor("art-m", PROBABILITIES_FORMAT) },
  };
  assert.equal(findArtifact(rekeyed, PROBABILITIES_FORMAT)?.id, "art-m");
});

test("getProbabilities downloads the probabilities artifact the job names", async () => {
  const { fetch, requests } = fakeFetch(() => json(200, { "0": 0.5, "3": 0.5 }));
  const client = createIonQClient({ apiKey: "k", baseUrl: BASE_URL, fetch });
  const done = completed("j9", {
    [PROBABILITIES_FORMAT]: "a-v1",
    "ionq.result.probabilities.json.v2": "a-v2",
  });
  assert.deepEqual(await getProbabilities(client, done), { "0": 0.5, "3": 0.5 });
  assert.deepEqual(
    requests.map((request) => request.url),
    [`${BASE_URL}/jobs/j9/artifacts/a-v1`],
  );
  assert.equal(requests[0]?.method, "GET");
  assert.equal(requests[0]?.headers.get("Authorization"), "apiKey k");
});

test("getProbabilities falls back to /results/probabilities without a v1 artifact", async () => {
  const jobs = [
    job("j1", "started"), // read before it completed: results still null
    completed("j2", {}), // only the legacy link
    completed("j3", { "ionq.result.probabilities.json.v2": "a-v2" }), // no v1 descriptor
  ];
  for (const each of jobs) {
    const { fetch, requests } = fakeFetch(() => json(200, { "1": 1 }));
    const client = createIonQClient({ apiKey: "k", baseUrl: BASE_URL, fetch });
    assert.deepEqual(await getProbabilities(client, each), { "1": 1 });
    assert.deepEqual(
      requests.map((request) => request.url),
      [`${BASE_URL}/jobs/${each.id}/results/probabilities`],
    );
  }
});

test("getProbabilities throws the 404 of a job without results", async () => {
  const { fetch } = fakeFetch(() =>
    json(404, { statusCode: 404, error: "Not Found", message: "job j has no results" }),
  );
  const client = createIonQClient({ apiKey: "k", baseUrl: BASE_URL, fetch });
  await assert.rejects(
    getProbabilities(client, job("j", "canceled")),
    (thrown: unknown) => thrown instanceof IonQApiError && thrown.status === 404,
  );
});

test("getProbabilities refuses a multi-circuit job, and content of another shape", async () => {
  const { fetch, requests } = fakeFetch(() => json(200, { "0": "half" }));
  const client = createIonQClient({ apiKey: "k", baseUrl: BASE_URL, fetch });
  const parent = completed("p", { [AGGREGATED_PROBABILITIES_FORMAT]: "agg" }, MULTI);
  await assert.rejects(getProbabilities(client, parent), /getAggregatedProbabilities/);
  assert.equal(requests.length, 0);
  await assert.rejects(
    getProbabilities(client, completed("j", { [PROBABILITIES_FORMAT]: "a-v1" })),
    (thrown: unknown) => thrown instanceof TypeError && /a-v1/.test(thrown.message),
  );
});

test("getAggregatedProbabilities downloads the aggregate artifact, else /aggregated", async () => {
  const byChild = { c1: { "0": 1 }, c2: { "0": 0.5, "1": 0.5 } };
  const { fetch, requests } = fakeFetch(() => json(200, byChild));
  const client = createIonQClient({ apiKey: "k", baseUrl: BASE_URL, fetch });
  const parent = completed("p", { [AGGREGATED_PROBABILITIES_FORMAT]: "agg" }, MULTI);
  assert.deepEqual(await getAggregatedProbabilities(client, parent), byChild);
  const legacyOnly = completed("q", {}, MULTI);
  assert.deepEqual(await getAggregatedProbabilities(client, legacyOnly), byChild);
  assert.deepEqual(
    requests.map((request) => request.url),
    [`${BASE_URL}/jobs/p/artifacts/agg`, `${BASE_URL}/jobs/q/results/probabilities/aggregated`],
  );
});

test("the new operations send their paths, queries and bodies as the spec says", async () => {
  const { fetch, requests } = fakeFetch((request) => {
    const path = new URL(request.url).pathname;
    if (path.endsWith("/clone") || path.endsWith("/move")) {
      return json(201, { id: "new", status: "submitted", session_id: null });
    }
    if (path.startsWith("/v0.4/schemas/formats/")) {
      const draft07 = "http://json-schema.org/draft-07/schema#";
      return json(200, { $schema: draft07, $id: "f", type: "object" });
    }
    if (path === "/v0.4/sessions") {
      return json(200, { organization_id: "org", sessions: [] });
    }
    return json(200, { group_type: "project", modality: "monthly", usage_data: [] });
  });
  const client = createIonQClient({ apiKey: "k", baseUrl: BASE_URL, fetch });
  const byId = { params: { path: { job_id: "j1" } } };

  const clone = await unwrap(
    client.POST("/jobs/{job_id}/clone", { ...byId, body: { shots: 2000, name: "again" } }),
  );
  assert.equal(clone.id, "new");
  const moved = await unwrap(
    client.POST("/jobs/{job_id}/move", { ...byId, body: { backend: "qpu.forte-1" } }),
  );
  assert.equal(moved.status, "submitted");
  const schema = await unwrap(
    client.GET("/schemas/formats/{format}", { params: { path: { format: PROBABILITIES_FORMAT } } }),
  );
  assert.equal(schema.type, "object");
  const sessions = await unwrap(client.GET("/sessions", { params: { query: { active: true } } }));
  assert.deepEqual(sessions, { organization_id: "org", sessions: [] });
  const usage = await unwrap(
    client.GET("/organizations/{organization_id}/usage", {
      params: {
        path: { organization_id: "org" },
        query: {
          start_date: "2026-08-01",
          end_date: "2026-09-01",
          group_by: "project",
          modality: "monthly",
        },
      },
    }),
  );
  assert.equal(usage.modality, "monthly");

  assert.deepEqual(
    requests.map((request) => `${request.method} ${request.url.slice(BASE_URL.length)}`),
    [
      "POST /jobs/j1/clone",
      "POST /jobs/j1/move",
      `GET /schemas/formats/${PROBABILITIES_FORMAT}`,
      "GET /sessions?active=true",
      "GET /organizations/org/usage" +
        "?start_date=2026-08-01&end_date=2026-09-01&group_by=project&modality=monthly",
    ],
  );
  assert.deepEqual(await requests[0]?.json(), { shots: 2000, name: "again" });
  assert.deepEqual(await requests[1]?.json(), { backend: "qpu.forte-1" });
});
