/**
 * Crash-recovery loader (run by tests/mock/test_crash_recovery.py, not by node's test
 * runner): create jobs one after another through the TypeScript client until the mock is
 * gone, writing one line per acknowledged job id to `--out` as soon as it is acknowledged.
 *
 *   node build/test/load-jobs.js --base-url URL --api-key KEY --out FILE --name NAME
 *                                [--hard-timeout SECONDS]
 *
 * It creates with the client's `createJob`, its duplicate-free create. Each job carries
 * `crash_loader` and `crash_seq` (never reused) in its metadata, so the test can tell two
 * jobs made by one call apart from two calls.
 *
 * Exit status: 0 once the server's port refuses connections (the server is gone: probed
 * after every failed create, and every 200 ms meanwhile, so a create stuck in the client's
 * retries does not keep the loader alive); 2 after 20 failed creates in a row while the
 * server still accepts connections; 3 when the hard timeout passes first.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { connect } from "node:net";
import { parseArgs } from "node:util";

import { createIonQClient, createJob, type JobCreate, type JobCreated } from "../src/client.js";

const SERVER_GONE = 0;
const CLIENT_BROKEN = 2;
const TIMED_OUT = 3;
const MAX_CONSECUTIVE_FAILURES = 20;
const PROBE_TIMEOUT_MS = 1_000;
const WATCH_INTERVAL_MS = 200;
/** Each attempt's own limit, so a create that waits on a dead server fails soon. */
const REQUEST_TIMEOUT_MS = 5_000;

function bell(name: string, seq: number): JobCreate {
  return {
    type: "ionq.circuit.v1",
    backend: "simulator",
    shots: 100,
    metadata: { crash_loader: name, crash_seq: String(seq) },
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

/** Whether the server's port refuses connections (a killed server's port does at once). */
function serverGone(url: URL): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    socket.setTimeout(PROBE_TIMEOUT_MS, () => {
      socket.destroy();
      resolve(false); // a slow accept is a busy server, not a gone one
    });
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => {
      resolve(error.code === "ECONNREFUSED");
    });
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      "base-url": { type: "string" },
      "api-key": { type: "string" },
      out: { type: "string" },
      name: { type: "string" },
      "hard-timeout": { type: "string", default: "60" },
    },
  });
  const baseUrl = values["base-url"];
  const apiKey = values["api-key"];
  const outPath = values.out;
  const name = values.name;
  if (baseUrl === undefined || apiKey === undefined || outPath === undefined || name === undefined) {
    throw new Error("--base-url, --api-key, --out and --name are required");
  }
  const url = new URL(baseUrl);
  const hardTimeoutMs = Number(values["hard-timeout"]) * 1_000;
  // A create stuck past every timeout must not keep the process alive.
  setTimeout(() => {
    process.stderr.write(`${name}: hard timeout of ${hardTimeoutMs} ms passed\n`);
    process.exit(TIMED_OUT);
  }, hardTimeoutMs).unref();

  const client = createIonQClient({ apiKey, baseUrl, timeoutMs: REQUEST_TIMEOUT_MS });
  // Lines are written synchronously, so an exit between two awaits never cuts one.
  setInterval(() => {
    void serverGone(url).then((gone) => {
      if (gone) {
        process.exit(SERVER_GONE);
      }
    });
  }, WATCH_INTERVAL_MS).unref();
  const out = openSync(outPath, "a");
  let failures = 0;
  try {
    for (let seq = 0; ; seq += 1) {
      let created: JobCreated;
      try {
        created = await createJob(client, bell(name, seq));
      } catch (error) {
        if (await serverGone(url)) {
          return SERVER_GONE;
        }
        process.stderr.write(`${name}: create ${seq} failed: ${String(error)}\n`);
        failures += 1;
        if (failures >= MAX_CONSECUTIVE_FAILURES) {
          return CLIENT_BROKEN;
        }
        continue;
      }
      failures = 0;
      writeSync(out, `${created.id}\n`); // unbuffered: on disk before the next create
    }
  } finally {
    closeSync(out);
  }
}

process.exit(await main());
