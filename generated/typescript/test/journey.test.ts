/**
 * The user journey of the Python tests, through the TypeScript client, against the mock
 * server on a free loopback port: create a Bell job, wait for it, read its probabilities
 * through its result artifacts, a multi-circuit job's aggregate, list every page, a 400 with
 * its validation keys, a 401, delete, clone, the format schemas, sessions, usage and the
 * estimate; then, against a mock whose jobs take a minute, cancel and move.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import {
  AGGREGATED_PROBABILITIES_FORMAT,
  createIonQClient,
  findArtifact,
  getAggregatedProbabilities,
  getProbabilities,
  IonQApiError,
  iterateJobPages,
  PROBABILITIES_FORMAT,
  TERMINAL_STATUSES,
  unwrap,
  waitForJob,
  type IonQClient,
  type JobCreate,
  type Probabilities,
} from "../src/client.js";
import { startMock, type MockServer } from "./mock-server.js";

const API_KEY = "ts-journey-key";
const WAIT = { intervalMs: 20, timeoutMs: 15_000 };

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

/** Probabilities `{"0": 0.5, "3": 0.5}`, to 1e-9. */
function assertBell(probabilities: Probabilities): void {
  assert.deepEqual(Object.keys(probabilities).sort(), ["0", "3"], JSON.stringify(probabilities));
  assert.ok(Math.abs((probabilities["0"] ?? 0) - 0.5) < 1e-9, JSON.stringify(probabilities));
  assert.ok(Math.abs((probabilities["3"] ?? 0) - 0.5) < 1e-9, JSON.stringify(probabilities));
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

  test("a Bell job completes with probabilities {0: 0.5, 3: 0.5}, in its artifact", async () => {
    const { data, response } = await client.POST("/jobs", { body: bellJob("bell") });
    assert.equal(response.status, 201);
    assert.ok(data !== undefined);

    const job = await waitForJob(client, data.id, WAIT);
    assert.equal(job.id, data.id);
    assert.equal(job.status, "completed");
    assert.equal(typeof job.output, "object", "every job object carries `output`");
    assert.ok(job.results !== null, "a completed job names its results");

    // `results` is keyed by format: descriptors to download, beside the legacy link.
    const artifact = findArtifact(job, PROBABILITIES_FORMAT);
    assert.ok(artifact !== undefined, JSON.stringify(job.results));
    assert.equal(artifact.format, PROBABILITIES_FORMAT);
    assert.equal(artifact.media_type, "application/json");
    const legacy: unknown = (job.results as Record<string, unknown>)["probabilities"];
    assert.deepEqual(legacy, { url: `/v0.4/jobs/${job.id}/results/probabilities` });

    assertBell(await getProbabilities(client, job));
    // The legacy route answers the same.
    assertBell(
      await unwrap(client.GET("/jobs/{job_id}/results/probabilities", byJobId(job.id))),
    );
    // The v2 format: bitstrings by register, qubit 0 first.
    const v2 = findArtifact(job, "ionq.result.probabilities.json.v2");
    assert.ok(v2 !== undefined, JSON.stringify(job.results));
    const content = await unwrap(
      client.GET("/jobs/{job_id}/artifacts/{artifact_id}", {
        params: { path: { job_id: job.id, artifact_id: v2.id } },
      }),
    );
    assert.deepEqual(content, {
      probabilities: { registers: { output_all: { "00": 0.5, "11": 0.5 } } },
    });

    const missing = await client.GET("/jobs/{job_id}/artifacts/{artifact_id}", {
      params: { path: { job_id: job.id, artifact_id: "0f0e0d0c-0b0a-4908-8706-050403020100" } },
    });
    assert.equal(missing.response.status, 404);
  });

  test("a multi-circuit job's probabilities come from its aggregate, by child job", async () => {
    const created = await unwrap(
      client.POST("/jobs", {
        body: {
          type: "ionq.multi-circuit.v1",
          backend: "simulator",
          name: "two circuits",
          input: {
            gateset: "qis",
            qubits: 2,
            circuits: [
              {
                name: "bell",
                circuit: [
                  { gate: "h", target: 0 },
                  { gate: "cnot", control: 0, target: 1 },
                ],
              },
              { name: "x1", circuit: [{ gate: "x", target: 1 }] },
            ],
          },
        },
      }),
    );
    const job = await waitForJob(client, created.id, WAIT);
    assert.equal(job.status, "completed");
    assert.equal(job.type, "ionq.multi-circuit.v1");
    assert.ok("child_job_ids" in job && job.child_job_ids !== null, JSON.stringify(job));
    const children = job.child_job_ids;
    assert.equal(children.length, 2);
    const aggregate = findArtifact(job, AGGREGATED_PROBABILITIES_FORMAT);
    assert.ok(aggregate !== undefined, JSON.stringify(job.results));
    assert.equal(findArtifact(job, PROBABILITIES_FORMAT), undefined);

    const byChild = await getAggregatedProbabilities(client, job);
    assert.deepEqual(Object.keys(byChild).sort(), [...children].sort());
    assertBell(byChild[children[0] ?? ""] ?? {});
    assert.deepEqual(byChild[children[1] ?? ""], { "2": 1 });
    await assert.rejects(getProbabilities(client, job), /getAggregatedProbabilities/);
  });

  test("listing with a small limit returns every job exactly once, as BaseJobs", async () => {
    const created: string[] = [];
    for (let i = 0; i < 7; i++) {
      created.push(await createJob(client, `page-${i}`));
    }
    const seen: string[] = [];
    let pages = 0;
    for await (const page of iterateJobPages(client, { limit: 2 })) {
      pages += 1;
      assert.ok(page.jobs.length <= 2, `a page of ${page.jobs.length} jobs with limit 2`);
      for (const listed of page.jobs) {
        assert.ok(!("child_job_ids" in listed), `listed job ${listed.id} has child_job_ids`);
        assert.equal(typeof listed.output, "object", `listed job ${listed.id} has no output`);
      }
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
    // `validation` is optional in the spec; this project's mock always sends it.
    assert.ok(error.validation?.keys?.includes("metadata"), JSON.stringify(error.validation));

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

  test("a clone runs the same program with the fields given, leaving the original", async () => {
    const original = await waitForJob(client, await createJob(client, "original"), WAIT);
    const { data, response } = await client.POST("/jobs/{job_id}/clone", {
      ...byJobId(original.id),
      body: { name: "the copy", shots: 2000, metadata: { copy: "yes" } },
    });
    assert.equal(response.status, 201, JSON.stringify(data));
    assert.ok(data !== undefined);
    assert.notEqual(data.id, original.id);

    const copy = await waitForJob(client, data.id, WAIT);
    assert.equal(copy.status, "completed");
    assert.equal(copy.name, "the copy");
    assert.deepEqual(copy.metadata, { copy: "yes" });
    assert.equal(copy.backend, original.backend);
    assertBell(await getProbabilities(client, copy));

    const unchanged = await unwrap(client.GET("/jobs/{job_id}", byJobId(original.id)));
    assert.equal(unchanged.name, "original");
    assert.equal(unchanged.status, "completed");

    const gone = await client.POST("/jobs/{job_id}/clone", {
      ...byJobId("0f0e0d0c-0b0a-4908-8706-050403020100"),
      body: {},
    });
    assert.equal(gone.response.status, 404);
  });

  test("a format's JSON Schema is served by its id", async () => {
    const schema = await unwrap(
      client.GET("/schemas/formats/{format}", { params: { path: { format: PROBABILITIES_FORMAT } } }),
    );
    assert.equal(schema.$id, PROBABILITIES_FORMAT);
    assert.equal(typeof schema.$schema, "string");
    assert.equal(schema.type, "object");

    const unknown = await client.GET("/schemas/formats/{format}", {
      params: { path: { format: "ionq.result.nonsense.v9" as "ionq.native.v1" } },
    });
    assert.ok([400, 404].includes(unknown.response.status), String(unknown.response.status));
  });

  test("sessions list as {organization_id, sessions}, filtered by active", async () => {
    const session = await unwrap(client.POST("/sessions", { body: { backend: "qpu.forte-1" } }));
    assert.equal(session.active, true);

    const all = await unwrap(client.GET("/sessions", {}));
    assert.equal(typeof all.organization_id, "string");
    assert.equal(session.organization_id, all.organization_id);
    assert.ok(all.sessions.some((each) => each.id === session.id), JSON.stringify(all));

    const active = await unwrap(client.GET("/sessions", { params: { query: { active: true } } }));
    assert.ok(active.sessions.some((each) => each.id === session.id));
    assert.ok(active.sessions.every((each) => each.active));

    const ended = await unwrap(
      client.POST("/sessions/{session_id}/end", { params: { path: { session_id: session.id } } }),
    );
    assert.equal(ended.active, false);
    const inactive = await unwrap(client.GET("/sessions", { params: { query: { active: false } } }));
    assert.ok(inactive.sessions.some((each) => each.id === session.id));
    assert.ok(inactive.sessions.every((each) => !each.active));
    const nowActive = await unwrap(client.GET("/sessions", { params: { query: { active: true } } }));
    assert.ok(!nowActive.sessions.some((each) => each.id === session.id));
  });

  test("an organization's usage is reported by period", async () => {
    const { organization_id } = await unwrap(client.GET("/sessions", {}));
    const usage = await unwrap(
      client.GET("/organizations/{organization_id}/usage", {
        params: {
          path: { organization_id },
          query: {
            start_date: "2026-01-01",
            end_date: "2027-01-01",
            group_by: "project",
            modality: "monthly",
          },
        },
      }),
    );
    assert.equal(usage.group_type, "project");
    assert.equal(usage.modality, "monthly");
    for (const period of usage.usage_data ?? []) {
      assert.equal(typeof period.from, "string");
      assert.ok(period.group_usages.length <= 5, JSON.stringify(period));
    }

    const missing = await client.GET("/organizations/{organization_id}/usage", {
      params: {
        path: { organization_id },
        query: { start_date: "2026-01-01", end_date: "2027-01-01", group_by: "project" } as never,
      },
    });
    assert.equal(missing.response.status, 400);
  });

  test("an estimate answers the job shape, the rate card and the cost", async () => {
    const estimate = await unwrap(
      client.GET("/jobs/estimate", {
        params: { query: { backend: "qpu.forte-1", shots: 1000, "1q_gates": 10, "2q_gates": 5 } },
      }),
    );
    assert.equal(estimate.estimate_context.backend, "qpu.forte-1");
    assert.equal(estimate.estimate_context.shots, 1000);
    assert.ok(Array.isArray(estimate.rate_card.rates), JSON.stringify(estimate));
    assert.equal(typeof estimate.estimated_unit, "string");
    assert.ok(estimate.estimated_total_cost >= 0, JSON.stringify(estimate));
    assert.ok(estimate.estimated_execution_time >= 0);
    assert.ok(estimate.current_predicted_queue_time >= 0);
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
    assert.ok(!TERMINAL_STATUSES.has(before.status), before.status);

    const canceled = await unwrap(client.PUT("/jobs/{job_id}/status/cancel", byJobId(jobId)));
    assert.deepEqual(canceled, { id: jobId, status: "canceled" });
    const job = await waitForJob(client, jobId, { intervalMs: 20, timeoutMs: 5_000 });
    assert.equal(job.status, "canceled");
    assert.equal(job.results, null);
    assert.equal(findArtifact(job, PROBABILITIES_FORMAT), undefined);

    // The spec: probabilities answer 404 for a job that has not completed.
    const probabilities = await client.GET("/jobs/{job_id}/results/probabilities", byJobId(jobId));
    assert.equal(probabilities.response.status, 404);
    await assert.rejects(
      getProbabilities(client, job),
      (thrown: unknown) => thrown instanceof IonQApiError && thrown.status === 404,
    );
  });

  test("a running job moved is re-submitted where asked, and the original canceled", async () => {
    const jobId = await createJob(client, "to move");
    const { data, response } = await client.POST("/jobs/{job_id}/move", {
      ...byJobId(jobId),
      body: { backend: "qpu.forte-1", name: "moved" },
    });
    assert.equal(response.status, 201, JSON.stringify(data));
    assert.ok(data !== undefined);
    assert.notEqual(data.id, jobId);

    const moved = await unwrap(client.GET("/jobs/{job_id}", byJobId(data.id)));
    assert.equal(moved.backend, "qpu.forte-1");
    assert.equal(moved.name, "moved");
    assert.ok(!TERMINAL_STATUSES.has(moved.status), moved.status);

    const original = await waitForJob(client, jobId, { intervalMs: 20, timeoutMs: 5_000 });
    assert.equal(original.status, "canceled");
  });
});
