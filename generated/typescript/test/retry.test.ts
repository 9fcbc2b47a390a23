/**
 * The retry policy (`src/retry.ts`) and the transport that applies it to every call
 * (`src/transport.ts`), driven through an injected `fetch`, sleep, clock and jitter: which
 * answers and failures are retried, after how long, with which body, and what is thrown.
 * Only the timeout tests really wait, a few hundred milliseconds each.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  backoffDelay,
  createIonQClient,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  IonQApiError,
  IonQConnectionError,
  IonQError,
  IonQResponseValidationError,
  IonQTimeoutError,
  IonQValidationError,
  isCertainlyUnsent,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
  perCall,
  shouldRetry,
  shouldRetryFailure,
  unwrap,
  type IonQClientOptions,
  type JobCreate,
} from "../src/client.js";

const BASE_URL = "http://127.0.0.1:9/v0.4";

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

const errorBody = (status: number) => ({ statusCode: status, error: "E", message: "failed" });

/** A socket error as Node's fetch reports it: `TypeError("fetch failed")` over a coded cause. */
function fetchFailed(code: string): TypeError {
  const cause = Object.assign(new Error(`${code} 127.0.0.1:9`), { code });
  return new TypeError("fetch failed", { cause });
}

type Step = Response | Error | "hang";

/**
 * A client whose fetch plays `steps` in order (the last one again once they run out),
 * recording each request's method, URL and body, and whose sleeps are recorded, not waited.
 */
function scripted(steps: Step[], options: IonQClientOptions = {}) {
  const sent: { method: string; url: string; body: string }[] = [];
  const sleeps: number[] = [];
  let calls = 0;
  const client = createIonQClient({
    apiKey: "k",
    baseUrl: BASE_URL,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    fetch: async (request) => {
      sent.push({ method: request.method, url: request.url, body: await request.text() });
      const step = steps[Math.min(calls, steps.length - 1)];
      calls += 1;
      if (step === "hang") {
        return new Promise<Response>(() => undefined);
      }
      if (step instanceof Error) {
        throw step;
      }
      assert.ok(step !== undefined);
      return step.clone();
    },
    ...options,
  });
  return { client, sent, sleeps };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => assert.fail("the call succeeded"),
    (error: unknown) => error,
  );
}

test("the policy: which methods and statuses are retried", () => {
  for (const method of ["GET", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]) {
    for (const status of [429, 500, 502, 503, 504, 520, 525, 529]) {
      assert.ok(shouldRetry(method, status), `${method} ${status}`);
    }
    for (const status of [400, 401, 403, 404, 413, 422, 501, 505, 519, 530]) {
      assert.ok(!shouldRetry(method, status), `${method} ${status}`);
    }
    assert.equal(shouldRetry(method, 409), method === "GET");
    assert.ok(shouldRetryFailure(method, false));
  }
  assert.ok(shouldRetry("POST", 429));
  for (const status of [409, 500, 502, 503, 504, 520]) {
    assert.ok(!shouldRetry("POST", status), `POST ${status}`);
  }
  assert.ok(shouldRetryFailure("POST", true));
  assert.ok(!shouldRetryFailure("POST", false));
});

test("a connection is certainly unsent only when it was never made", () => {
  for (const code of ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]) {
    assert.ok(isCertainlyUnsent(fetchFailed(code)), code);
  }
  for (const code of ["ECONNRESET", "UND_ERR_SOCKET", "EPIPE", "UND_ERR_HEADERS_TIMEOUT"]) {
    assert.ok(!isCertainlyUnsent(fetchFailed(code)), code);
  }
  assert.ok(!isCertainlyUnsent(new TypeError("fetch failed")));
  const refusedEverywhere = new AggregateError([
    fetchFailed("ECONNREFUSED").cause,
    fetchFailed("EHOSTUNREACH").cause,
  ]);
  assert.ok(isCertainlyUnsent(new TypeError("fetch failed", { cause: refusedEverywhere })));
  const oneReset = new AggregateError([
    fetchFailed("ECONNREFUSED").cause,
    fetchFailed("ECONNRESET").cause,
  ]);
  assert.ok(!isCertainlyUnsent(new TypeError("fetch failed", { cause: oneReset })));
});

test("Retry-After is read as seconds or an HTTP date, and unusable values are ignored", () => {
  assert.equal(parseRetryAfter("3"), 3_000);
  assert.equal(parseRetryAfter(" 1.5 "), 1_500);
  assert.equal(parseRetryAfter("-4"), 0);
  const now = Date.parse("2026-05-14T10:00:00Z");
  assert.equal(parseRetryAfter("Thu, 14 May 2026 10:00:07 GMT", now), 7_000);
  assert.equal(parseRetryAfter("Thu, 14 May 2026 09:59:00 GMT", now), 0);
  for (const unusable of [null, undefined, "", "soon", "Thu, 14 May 2026 10:00:07", "1e400x"]) {
    assert.equal(parseRetryAfter(unusable, now), undefined, String(unusable));
  }
});

test("backoff doubles from 500 ms up to 8 s, jittered into the upper half of each step", () => {
  assert.deepEqual(
    [0, 1, 2, 3, 4, 5, 40].map((attempt) => backoffDelay(attempt, 1)),
    [500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000],
  );
  assert.deepEqual(
    [0, 1, 2].map((attempt) => backoffDelay(attempt, 0)),
    [250, 500, 1_000],
  );
});

test("a GET answered 503 is retried with backoff until it succeeds", async () => {
  const { client, sent, sleeps } = scripted([
    json(503, errorBody(503)),
    json(503, errorBody(503)),
    json(200, []),
  ]);
  assert.deepEqual(await unwrap(client.GET("/backends", {})), []);
  assert.equal(sent.length, 3);
  assert.deepEqual(sleeps, [375, 750]);
});

test("a 429's Retry-After, in seconds or as a date, is the pause, capped at 60 s", async () => {
  const inSeconds = scripted([json(429, errorBody(429), { "Retry-After": "3" }), json(200, [])]);
  await unwrap(inSeconds.client.GET("/backends", {}));
  assert.deepEqual(inSeconds.sleeps, [3_000]);

  const when = new Date(Date.now() + 20_000).toUTCString();
  const asDate = scripted([json(429, errorBody(429), { "Retry-After": when }), json(200, [])]);
  await unwrap(asDate.client.GET("/backends", {}));
  const [pause] = asDate.sleeps;
  assert.ok(pause !== undefined && pause > 18_000 && pause <= 20_000, `paused ${pause} ms`);

  const tooLong = scripted([json(429, errorBody(429), { "Retry-After": "3600" }), json(200, [])]);
  await unwrap(tooLong.client.GET("/backends", {}));
  assert.deepEqual(tooLong.sleeps, [MAX_RETRY_AFTER_MS]);
});

test("after maxRetries the last answer is the error, and a 4xx is never retried", async () => {
  const { client, sent } = scripted([json(502, errorBody(502))]);
  const error = await rejection(unwrap(client.GET("/backends", {})));
  assert.ok(error instanceof IonQApiError && error.status === 502);
  assert.equal(sent.length, DEFAULT_MAX_RETRIES + 1);

  const fewer = scripted([json(500, errorBody(500))], { maxRetries: 0 });
  await rejection(unwrap(fewer.client.GET("/backends", {})));
  assert.equal(fewer.sent.length, 1);

  const refused = scripted([json(404, errorBody(404))]);
  await rejection(unwrap(refused.client.GET("/backends", {})));
  assert.equal(refused.sent.length, 1);
});

test("409 is retried for GET only; PUT and DELETE are retried on 5xx", async () => {
  const get = scripted([json(409, errorBody(409)), json(200, [])]);
  await unwrap(get.client.GET("/backends", {}));
  assert.equal(get.sent.length, 2);

  const put = scripted([json(409, errorBody(409)), json(200, {})]);
  await rejection(
    unwrap(put.client.PUT("/jobs/{job_id}/status/cancel", { params: { path: { job_id: "j" } } })),
  );
  assert.equal(put.sent.length, 1);

  const del = scripted([json(500, errorBody(500)), json(200, { id: "j" })]);
  await unwrap(del.client.DELETE("/jobs/{job_id}", { params: { path: { job_id: "j" } } }));
  assert.deepEqual(
    del.sent.map((each) => each.method),
    ["DELETE", "DELETE"],
  );
});

const bell: JobCreate = {
  type: "ionq.circuit.v1",
  backend: "simulator",
  input: { gateset: "qis", qubits: 1, circuit: [{ gate: "h", target: 0 }] },
};

test("a POST is retried after a 429 or a refused connection, with the same body each time", async () => {
  const created = { id: "j", status: "submitted", session_id: null };
  const { client, sent } = scripted([
    json(429, errorBody(429), { "Retry-After": "0" }),
    fetchFailed("ECONNREFUSED"),
    json(200, created),
  ]);
  assert.deepEqual(await unwrap(client.POST("/jobs", { body: bell })), created);
  assert.equal(sent.length, 3);
  for (const each of sent) {
    assert.deepEqual(JSON.parse(each.body), bell);
  }
});

test("a POST is not retried after an ambiguous failure: a 5xx, a reset, a timeout", async () => {
  for (const status of [500, 502, 503, 504]) {
    const { client, sent } = scripted([json(status, errorBody(status)), json(200, {})]);
    const error = await rejection(unwrap(client.POST("/jobs", { body: bell })));
    assert.ok(error instanceof IonQApiError && error.status === status);
    assert.equal(sent.length, 1, `POST ${status} was resent`);
  }
  const reset = scripted([fetchFailed("ECONNRESET"), json(200, {})]);
  const error = await rejection(reset.client.POST("/jobs", { body: bell }));
  assert.ok(error instanceof IonQConnectionError && !error.certainlyUnsent);
  assert.equal(reset.sent.length, 1);

  const stalled = scripted(["hang", json(200, {})], { timeoutMs: 100 });
  assert.ok(
    (await rejection(stalled.client.POST("/jobs", { body: bell }))) instanceof IonQTimeoutError,
  );
  assert.equal(stalled.sent.length, 1);
});

test("a network failure is an IonQConnectionError with the cause, never a bare TypeError", async () => {
  const { client, sent } = scripted([fetchFailed("ECONNRESET")]);
  const error = await rejection(client.GET("/backends", {}));
  assert.ok(error instanceof IonQConnectionError && error instanceof IonQError);
  assert.equal(error.attempts, DEFAULT_MAX_RETRIES + 1);
  assert.equal(sent.length, DEFAULT_MAX_RETRIES + 1);
  assert.ok(error.cause instanceof TypeError);
  assert.match(
    error.message,
    /GET http:\/\/127\.0\.0\.1:9\/v0\.4\/backends: fetch failed: ECONNRESET/,
  );
});

/** An answer whose headers arrive and whose body then breaks off, as a cut connection does. */
function cutBody(): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"id": "j", "sta'));
      controller.error(
        new TypeError("terminated", {
          cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }),
        }),
      );
    },
  });
  return new Response(stream, { status: 200, headers: { "Content-Type": "application/json" } });
}

test("a body cut halfway is a failed attempt: retried for a GET, an error for a POST", async () => {
  let calls = 0;
  const client = createIonQClient({
    baseUrl: BASE_URL,
    sleep: async () => undefined,
    fetch: async () => (calls++ === 0 ? cutBody() : json(200, [])),
  });
  assert.deepEqual(await unwrap(client.GET("/backends", {})), []);
  assert.equal(calls, 2);

  let posts = 0;
  const poster = createIonQClient({
    baseUrl: BASE_URL,
    sleep: async () => undefined,
    fetch: async () => {
      posts += 1;
      return cutBody();
    },
  });
  const error = await rejection(poster.POST("/jobs", { body: bell }));
  assert.ok(error instanceof IonQConnectionError && !error.certainlyUnsent, String(error));
  assert.equal(posts, 1);
});

test("an attempt that gets no answer ends at the timeout with IonQTimeoutError", async () => {
  const { client, sent } = scripted(["hang"], { timeoutMs: 150, maxRetries: 1 });
  const started = performance.now();
  const error = await rejection(client.GET("/backends", {}));
  const elapsed = performance.now() - started;
  assert.ok(error instanceof IonQTimeoutError && !error.deadline, String(error));
  assert.equal(error.timeoutMs, 150);
  assert.equal(sent.length, 2);
  // Two attempts of 150 ms (the pause is not waited); well under a second of slack.
  assert.ok(elapsed >= 290 && elapsed < 1_300, `took ${elapsed} ms`);
});

test("the signal handed to fetch is aborted at the timeout, so the socket is let go", async () => {
  let signal: AbortSignal | undefined;
  const client = createIonQClient({
    baseUrl: BASE_URL,
    timeoutMs: 100,
    maxRetries: 0,
    fetch: (request) => {
      signal = request.signal;
      return new Promise<Response>((_, reject) => {
        request.signal.addEventListener("abort", () => reject(request.signal.reason));
      });
    },
  });
  assert.ok((await rejection(client.GET("/backends", {}))) instanceof IonQTimeoutError);
  assert.equal(signal?.aborted, true);
});

test("a deadline ends the call, retries included, within one backoff step", async () => {
  // Real time: each attempt hangs until the deadline cuts it.
  const hanging = scripted(["hang"], { timeoutMs: 10_000, deadlineMs: 300, maxRetries: 5 });
  const started = performance.now();
  const error = await rejection(hanging.client.GET("/backends", {}));
  const elapsed = performance.now() - started;
  assert.ok(error instanceof IonQTimeoutError && error.deadline, String(error));
  assert.ok(elapsed >= 280 && elapsed < 1_300, `took ${elapsed} ms`);

  // A fake clock: each attempt takes no time, each pause advances the clock.
  let clock = 0;
  let sent = 0;
  const sleeps: number[] = [];
  const answer = createIonQClient({
    baseUrl: BASE_URL,
    deadlineMs: 5_000,
    maxRetries: 10,
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    fetch: async () => {
      sent += 1;
      return json(503, errorBody(503), { "Retry-After": "2" });
    },
  });
  const last = await rejection(unwrap(answer.GET("/backends", {})));
  // Pauses of 2 s at 0 and 2 s; at 4 s the next would end past 5 s, so the 503 is given back.
  assert.ok(last instanceof IonQApiError && last.status === 503);
  assert.deepEqual(sleeps, [2_000, 2_000]);
  assert.equal(sent, 3);
});

test("perCall overrides the client's retries and timeout for one call", async () => {
  const { client, sent } = scripted([json(503, errorBody(503))], { maxRetries: 4 });
  await rejection(
    unwrap(
      client.GET("/backends", { ...perCall(client, { maxRetries: 0, timeoutMs: undefined }) }),
    ),
  );
  assert.equal(sent.length, 1);
  await rejection(unwrap(client.GET("/backends", {})));
  assert.equal(sent.length, 1 + 5);
});

test("the caller's own abort is passed through as fetch would, not retried", async () => {
  const { client, sent } = scripted(["hang"]);
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 50);
  const error = await rejection(client.GET("/backends", { signal: controller.signal }));
  assert.ok(error instanceof DOMException && error.name === "AbortError", String(error));
  assert.equal(sent.length, 1);
});

test("options are checked: the default timeout is 60 s, bad values are refused", () => {
  assert.equal(DEFAULT_TIMEOUT_MS, 60_000);
  for (const bad of [
    { timeoutMs: 0 },
    { timeoutMs: -1 },
    { deadlineMs: Number.NaN },
    { maxRetries: 1.5 },
    { maxRetries: -1 },
  ]) {
    assert.throws(() => createIonQClient(bad), IonQValidationError, JSON.stringify(bad));
  }
  createIonQClient({ timeoutMs: null, deadlineMs: null, maxRetries: 0 });
});

test("a success whose body is not JSON is an IonQResponseValidationError, not a SyntaxError", async () => {
  const { client } = scripted([
    new Response("<html>hi</html>", {
      status: 200,
      headers: { "Content-Type": "application/json" },
    }),
  ]);
  const error = await rejection(unwrap(client.GET("/backends", {})));
  assert.ok(
    error instanceof IonQResponseValidationError && error.cause instanceof SyntaxError,
    String(error),
  );
});
