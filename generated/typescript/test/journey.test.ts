/**
 * The user journey of the Python tests, through the TypeScript client, against the mock
 * server on a free loopback port: create a Bell job, wait for it, read its probabilities,
 * list every page, a 400 with its validation keys, a 401, cancel and delete.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import {
  createIonQClient,
  IonQApiError,
  iterateJobPages,
  unwrap,
  waitForJob,
  type IonQClient,
  type JobCreate,
} from "../src/client.js";
import { startMock, type MockServer } from "./mock-server.js";

const API_KEY = "ts-journey-key";

function bellJob(name: string): JobCreate {
  return {
    type: "ionq.circuit.v1",
    backend: "simulator",
    name,
    shots: 1000,
    input: {
      gateset: "qis",
      qubits: 2,
      circuit: [
        { gate: "h", target: 0 },
        { gate: "cnot", control: 0, target: 1 },
      ],
    },
  };
}

async function createJob(client: IonQClient, name: string): Promise<string> {
  const created = await unwrap(client.POST("/jobs", { body: bellJob(name) }));
  return created.id;
}

function byJobId(jobId: string): { params: { path: { job_id: string } } } {
  return { params: { path: { job_id: jobId } } };
}

// Jobs finish in 50 ms here, so waiting and listing finished jobs is quick.
describe("against a mock whose jobs finish at once", () => {
  let mock: MockServer;
  let client: IonQClient;

  before(async () => {
    mock = await startMock({ apiKey: API_KEY, jobDuration: 0.05 });
    client = createIonQClient({ apiKey: API_KEY, baseUrl: mock.baseUrl });
  });

  after(async () => {
    await mock?.stop();
    if (mock !== undefined) {
      assert.ok(mock.process.exitCode !== null || mock.process.signalCode !== null);
    }
  });

  test("a Bell job completes with probabilities {0: 0.5, 3: 0.5}", async () => {
    const { data, response } = await client.POST("/jobs", { body: bellJob("bell") });
    assert.equal(response.status, 201);
    assert.ok(data !== undefined);

    const job = await waitForJob(client, data.id, { intervalMs: 20, timeoutMs: 15_000 });
    assert.equal(job.id, data.id);
    assert.equal(job.status, "completed");
    assert.ok(job.results !== null, "a completed job links its results");

    const probabilities = await unwrap(
      client.GET("/jobs/{job_id}/results/probabilities", byJobId(job.id)),
    );
    assert.deepEqual(Object.keys(probabilities).sort(), ["0", "3"]);
    assert.ok(Math.abs((probabilities["0"] ?? 0) - 0.5) < 1e-9, JSON.stringify(probabilities));
    assert.ok(Math.abs((probabilities["3"] ?? 0) - 0.5) < 1e-9, JSON.stringify(probabilities));
  });

  test("listing with a small limit returns every job exactly once", async () => {
    const created: string[] = [];
    for (let i = 0; i < 7; i++) {
      created.push(await createJob(client, `page-${i}`));
    }
    const seen: string[] = [];
    let pages = 0;
    for await (const page of iterateJobPages(client, { limit: 2 })) {
      pages += 1;
      assert.ok(page.jobs.length <= 2, `a page of ${page.jobs.length} jobs with limit 2`);
      seen.push(...page.jobs.map((job) => job.id));
    }
    assert.equal(new Set(seen).size, seen.length, `a job listed twice: ${seen.join(", ")}`);
    for (const id of created) {
      assert.ok(seen.includes(id), `job ${id} never listed`);
    }
    assert.ok(pages >= Math.ceil(seen.length / 2), `${seen.length} jobs in ${pages} pages`);
  });

  test("metadata with 11 keys is a 400 naming metadata", async () => {
    const metadata = Object.fromEntries(
      Array.from({ length: 11 }, (_, i) => [`key${i}`, "value"]),
    );
    const { data, error, response } = await client.POST("/jobs", {
      body: { ...bellJob("too many tags"), metadata },
    });
    assert.equal(data, undefined);
    assert.equal(response.status, 400);
    assert.ok(error !== undefined && "validation" in error, JSON.stringify(error));
    assert.equal(error.statusCode, 400);
    assert.ok(error.validation.keys.includes("metadata"), JSON.stringify(error.validation));

    await assert.rejects(
      unwrap(client.POST("/jobs", { body: { ...bellJob("too many tags"), metadata } })),
      (thrown: unknown) =>
        thrown instanceof IonQApiError &&
        thrown.status === 400 &&
        thrown.validationKeys.includes("metadata"),
    );
  });

  test("a wrong API key is a 401", async () => {
    const intruder = createIonQClient({ apiKey: `${API_KEY}-wrong`, baseUrl: mock.baseUrl });
    const { error, response } = await intruder.GET("/jobs", { params: { query: { limit: 1 } } });
    assert.equal(response.status, 401);
    assert.equal(error?.statusCode, 401);

    const anonymous = createIonQClient({ baseUrl: mock.baseUrl });
    await assert.rejects(
      unwrap(anonymous.GET("/jobs", {})),
      (thrown: unknown) => thrown instanceof IonQApiError && thrown.status === 401,
    );
  });

  test("a deleted job is gone", async () => {
    const jobId = await createJob(client, "to delete");
    const deleted = await unwrap(client.DELETE("/jobs/{job_id}", byJobId(jobId)));
    assert.deepEqual(deleted, { id: jobId, status: "deleted" });

    const { error, response } = await client.GET("/jobs/{job_id}", byJobId(jobId));
    assert.equal(response.status, 404);
    assert.equal(error?.statusCode, 404);
    const again = await client.DELETE("/jobs/{job_id}", byJobId(jobId));
    assert.equal(again.response.status, 404);
  });
});

// Jobs run for a minute here, so a job is certainly still running when it is cancelled.
describe("against a mock whose jobs run for a minute", () => {
  let mock: MockServer;
  let client: IonQClient;

  before(async () => {
    mock = await startMock({ apiKey: API_KEY, jobDuration: 60 });
    client = createIonQClient({ apiKey: API_KEY, baseUrl: mock.baseUrl });
  });

  after(async () => {
    await mock?.stop();
  });

  test("a running job can be cancelled", async () => {
    const jobId = await createJob(client, "to cancel");
    const before = await unwrap(client.GET("/jobs/{job_id}", byJobId(jobId)));
    assert.ok(!["completed", "failed", "canceled"].includes(before.status), before.status);

    const canceled = await unwrap(client.PUT("/jobs/{job_id}/status/cancel", byJobId(jobId)));
    assert.deepEqual(canceled, { id: jobId, status: "canceled" });
    const job = await waitForJob(client, jobId, { intervalMs: 20, timeoutMs: 5_000 });
    assert.equal(job.status, "canceled");
    assert.equal(job.results, null);

    // The spec: probabilities answer 404 for a job that has not completed.
    const probabilities = await client.GET("/jobs/{job_id}/results/probabilities", byJobId(jobId));
    assert.equal(probabilities.response.status, 404);
  });
});
