/**
 * The client against the real mock (`ionq-mock serve`) with its faults on: HTTP statuses,
 * after-commit 500s, dropped connections (before handling, and after a write committed),
 * stalled answers and answers cut halfway. Each mock is started for its `describe` block
 * and counts the faults it applied (`GET /_mock/faults`), so each test shows that the
 * faults it is about were really met.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import {
  createIonQClient,
  createJob,
  IonQConnectionError,
  IonQError,
  IonQOutcomeUnknownError,
  IonQTimeoutError,
  iterateJobs,
  unwrap,
  type BaseJob,
  type Fetch,
  type JobCreate,
  type JobCreated,
} from "../src/client.js";
import { faultsMet, startMock, type MockServer } from "./mock-server.js";

const API_KEY = "faults-test-key";

function bell(metadata: Record<string, string>): JobCreate {
  return {
    type: "ionq.circuit.v1",
    backend: "simulator",
    shots: 100,
    metadata,
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

/** Run `work(i)` for i in 0..count-1, `inFlight` at a time. */
async function pool(
  count: number,
  inFlight: number,
  work: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next;
      next += 1;
      await work(i);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
}

// About 30% of exchanges faulted: 24% of every request before it is handled, and 8% of
// the committed writes after (1 - 0.76 * 0.92 = 30% of creates). The stall (1 s) is longer
// than the load's timeout (500 ms), so a stalled answer times out after its job was stored.
const MIXED_FAULTS = [
  ["--fault", "429=0.05"],
  ["--fault", "500=0.04"],
  ["--fault", "502=0.03"],
  ["--fault", "503=0.04"],
  ["--fault-drop", "0.03"],
  ["--fault-stall", "0.02"],
  ["--stall-seconds", "1"],
  ["--fault-partial", "0.03"],
  ["--fault-after-commit", "0.04"],
  ["--fault-drop-after-commit", "0.04"],
  ["--fault-seed", "14"],
].flat();
const FAULT_KINDS = [
  "429",
  "500",
  "502",
  "503",
  "after_commit",
  "drop",
  "drop_after_commit",
  "stall",
  "partial",
];
const CREATES = 300;
const IN_FLIGHT = 16;
const LOAD_TIMEOUT_MS = 500;

describe("300 creates under 30% mixed faults", () => {
  let server: MockServer;
  before(async () => {
    server = await startMock({ apiKey: API_KEY, jobDuration: 0, args: MIXED_FAULTS });
  });
  after(async () => {
    await server.stop();
  });

  test(
    "every acknowledged create has exactly one job, every failed one none or is unknown",
    { timeout: 50_000 },
    async (t) => {
      const sent = { posts: 0, lookups: 0 };
      const counting: Fetch = (request) => {
        if (request.method === "POST") {
          sent.posts += 1;
        } else if (new URL(request.url).searchParams.has("target")) {
          sent.lookups += 1;
        }
        return fetch(request);
      };
      const client = createIonQClient({
        apiKey: API_KEY,
        baseUrl: server.baseUrl,
        timeoutMs: LOAD_TIMEOUT_MS,
        fetch: counting,
      });
      const outcomes = new Map<string, JobCreated | unknown>();
      const started = performance.now();
      await pool(CREATES, IN_FLIGHT, async (i) => {
        const n = String(i);
        // Every tenth create fills the 10 metadata keys, so its token goes in the name.
        const metadata =
          i % 10 === 0
            ? { n, ...Object.fromEntries(Array.from({ length: 9 }, (_, k) => [`k${k}`, "v"])) }
            : { n };
        try {
          outcomes.set(n, await createJob(client, bell(metadata)));
        } catch (error) {
          outcomes.set(n, error);
        }
      });
      const loadMs = performance.now() - started;
      const met = await faultsMet(server);

      // Read every job back with the faults still on: patient retries ride them out.
      const reader = createIonQClient({
        apiKey: API_KEY,
        baseUrl: server.baseUrl,
        timeoutMs: 5_000,
        maxRetries: 12,
      });
      const byNumber = new Map<string, BaseJob[]>();
      let stored = 0;
      for await (const job of iterateJobs(reader, { limit: 100 })) {
        stored += 1;
        const n = job.metadata?.["n"];
        assert.ok(n !== undefined, `job ${job.id} carries no number`);
        byNumber.set(n, [...(byNumber.get(n) ?? []), job]);
      }

      let acknowledged = 0;
      let unknown = 0;
      const failures: string[] = [];
      for (const [n, outcome] of outcomes) {
        const jobs = byNumber.get(n) ?? [];
        assert.ok(jobs.length <= 1, `create ${n} left ${jobs.length} jobs`);
        if (outcome instanceof Error) {
          assert.ok(
            outcome instanceof IonQError,
            `create ${n} threw a bare ${outcome.name}: ${outcome.message}`,
          );
          if (outcome instanceof IonQOutcomeUnknownError) {
            unknown += 1;
          } else {
            assert.equal(
              jobs.length,
              0,
              `create ${n} failed (${outcome.message}) but its job exists`,
            );
          }
          failures.push(`${outcome.name}: ${outcome.message}`);
        } else {
          acknowledged += 1;
          assert.equal(jobs.length, 1, `create ${n} was acknowledged but has no job`);
          assert.equal(
            jobs[0]?.id,
            (outcome as JobCreated).id,
            `create ${n} answered another job's id`,
          );
        }
      }
      assert.equal(outcomes.size, CREATES);
      assert.equal(
        stored,
        [...byNumber.values()].reduce((sum, jobs) => sum + jobs.length, 0),
      );
      t.diagnostic(
        `${CREATES} creates in ${Math.round(loadMs)} ms: ${acknowledged} acknowledged, ${unknown} unknown, ` +
          `${CREATES - acknowledged - unknown} failed with no job; ${stored} jobs stored; ` +
          `${sent.posts} POSTs, ${sent.lookups} look-up pages; met ${JSON.stringify(met)}`,
      );
      for (const failure of failures) {
        t.diagnostic(failure);
      }
      // Faults that store the job and then fail: resending blindly would have left duplicates.
      for (const kind of FAULT_KINDS) {
        assert.ok((met[kind] ?? 0) > 0, `no ${kind} fault was met: ${JSON.stringify(met)}`);
      }
      assert.ok(sent.lookups > 0 && sent.posts > CREATES, "no create was resolved or resent");
      // Three tries each: a create fails for good only after three unlucky answers in a row.
      assert.ok(
        acknowledged >= CREATES * 0.95,
        `only ${acknowledged} of ${CREATES} creates were acknowledged`,
      );
    },
  );
});

describe("answers that stall longer than the timeout", () => {
  let server: MockServer;
  const STALL_SECONDS = 5;
  before(async () => {
    server = await startMock({
      apiKey: API_KEY,
      args: ["--fault-stall", "1", "--stall-seconds", String(STALL_SECONDS)],
    });
  });
  after(async () => {
    await server.stop();
  });

  test(
    "an attempt times out with IonQTimeoutError within the timeout plus a margin",
    { timeout: 20_000 },
    async () => {
      const client = createIonQClient({
        apiKey: API_KEY,
        baseUrl: server.baseUrl,
        timeoutMs: 400,
        maxRetries: 0,
      });
      const started = performance.now();
      const error = await unwrap(client.GET("/backends", {})).then(
        () => assert.fail("a stalled answer arrived"),
        (thrown: unknown) => thrown,
      );
      const elapsed = performance.now() - started;
      assert.ok(error instanceof IonQTimeoutError && !error.deadline, String(error));
      assert.ok(elapsed >= 390 && elapsed < 400 + 600, `took ${elapsed} ms`);
      assert.ok(((await faultsMet(server))["stall"] ?? 0) >= 1);
    },
  );

  test(
    "a deadline ends the call with its retries, well before the stall would",
    { timeout: 20_000 },
    async () => {
      const client = createIonQClient({
        apiKey: API_KEY,
        baseUrl: server.baseUrl,
        timeoutMs: 400,
        deadlineMs: 1_500,
        maxRetries: 10,
      });
      const started = performance.now();
      const error = await unwrap(client.GET("/backends", {})).then(
        () => assert.fail("a stalled answer arrived"),
        (thrown: unknown) => thrown,
      );
      const elapsed = performance.now() - started;
      assert.ok(error instanceof IonQTimeoutError, String(error));
      // At most the deadline, and never more than one backoff step past it (here: none).
      assert.ok(elapsed < 1_500 + 600, `took ${elapsed} ms`);
      assert.ok(elapsed >= 400 * 2, `took only ${elapsed} ms: was it retried?`);
    },
  );

  test(
    "a create whose answer and look-ups all stall is reported unknown by its deadline",
    { timeout: 20_000 },
    async () => {
      const client = createIonQClient({ apiKey: API_KEY, baseUrl: server.baseUrl, timeoutMs: 400 });
      const started = performance.now();
      const error = await createJob(client, bell({ case: "stall" }), { deadlineMs: 2_000 }).then(
        () => assert.fail("a stalled create was acknowledged"),
        (thrown: unknown) => thrown,
      );
      const elapsed = performance.now() - started;
      assert.ok(
        error instanceof IonQOutcomeUnknownError && error.token !== undefined,
        String(error),
      );
      assert.ok(error.cause instanceof IonQTimeoutError);
      assert.ok(elapsed < 2_000 + 600, `took ${elapsed} ms`);
    },
  );
});

describe("connections dropped or cut at the socket", () => {
  let server: MockServer;
  before(async () => {
    server = await startMock({
      apiKey: API_KEY,
      args: ["--fault-drop", "0.5", "--fault-partial", "0.5", "--fault-seed", "3"],
    });
  });
  after(async () => {
    await server.stop();
  });

  test(
    "every one is an IonQConnectionError, never a bare TypeError from fetch",
    { timeout: 20_000 },
    async () => {
      const client = createIonQClient({
        apiKey: API_KEY,
        baseUrl: server.baseUrl,
        maxRetries: 0,
        timeoutMs: 5_000,
      });
      for (let i = 0; i < 20; i += 1) {
        const error = await unwrap(client.GET("/backends", {})).then(
          () => assert.fail("an answer arrived whole"),
          (thrown: unknown) => thrown,
        );
        assert.ok(
          error instanceof IonQConnectionError && !(error instanceof IonQTimeoutError),
          String(error),
        );
        assert.equal(error.certainlyUnsent, false);
        assert.ok(error.cause instanceof TypeError);
      }
      const met = await faultsMet(server);
      assert.ok((met["drop"] ?? 0) > 0 && (met["partial"] ?? 0) > 0, JSON.stringify(met));
    },
  );

  test(
    "a GET is retried through them, maxRetries times, then the last failure is thrown",
    { timeout: 20_000 },
    async () => {
      // Every request is dropped or cut: none can succeed, so every attempt is spent.
      let attempts = 0;
      const client = createIonQClient({
        apiKey: API_KEY,
        baseUrl: server.baseUrl,
        maxRetries: 3,
        sleep: async () => undefined,
        fetch: (request) => {
          attempts += 1;
          return fetch(request);
        },
      });
      const error = await unwrap(client.GET("/backends", {})).then(
        () => assert.fail("an answer arrived whole"),
        (thrown: unknown) => thrown,
      );
      assert.ok(error instanceof IonQConnectionError && error.attempts === 4, String(error));
      assert.equal(attempts, 4);
    },
  );
});
