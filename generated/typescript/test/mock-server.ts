/**
 * Start the project's mock server (`ionq-mock serve`) on a free loopback port for a test
 * file, and make sure it is gone when the file ends, whichever way it ends.
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";

/** The command that runs the mock; `scripts/test-typescript` sets it, relative to the repo. */
const MOCK_COMMAND = process.env["IONQ_MOCK"] ?? ".venv/bin/ionq-mock";
/** Python start-up plus the app import; generous so a loaded CI machine does not flake. */
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;
const READY_LINE = /^ionq-mock listening on (http:\/\/127\.0\.0\.1:\d+\/v0\.4)\s*$/;

export interface MockServer {
  /** The base URL the mock printed, e.g. `http://127.0.0.1:41234/v0.4`. */
  readonly baseUrl: string;
  readonly apiKey: string;
  /** The child process, so a test can check that it really ended. */
  readonly process: ChildProcess;
  /** Stop the server and wait until its process has exited. */
  stop(): Promise<void>;
}

export interface MockOptions {
  apiKey: string;
  /** Seconds a simulated job spends running (`--job-duration`). */
  jobDuration?: number;
  /** More `serve` flags, e.g. `["--fault", "503=0.1", "--fault-seed", "7"]`. */
  args?: readonly string[];
}

// Every mock still running, killed by the exit hook if a test file ends without `stop()`
// (an uncaught error, a failed `before`, `process.exit`).
const running = new Set<ChildProcess>();
function killAll(): void {
  for (const child of running) {
    child.kill("SIGKILL");
  }
}
process.on("exit", killAll);
// A signal ends the process without the exit hook, and node's test runner stops a test file
// that overruns --test-timeout with SIGTERM: kill the mocks, then die of the same signal.
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) {
  process.once(signal, () => {
    killAll();
    process.kill(process.pid, signal);
  });
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (!hasExited(child)) {
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    try {
      await exited;
    } finally {
      clearTimeout(timer);
    }
  }
  running.delete(child);
}

/** The faults the mock has applied so far, by kind (`GET /_mock/faults`, never faulted). */
export async function faultsMet(server: MockServer): Promise<Record<string, number>> {
  const url = new URL("/_mock/faults", server.baseUrl);
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  assert.equal(response.status, 200, `GET ${url.pathname} answered ${response.status}`);
  const body = (await response.json()) as { met: Record<string, number> };
  return body.met;
}

/** Start `ionq-mock serve --port 0` and resolve once it has printed the port it listens on. */
export async function startMock(options: MockOptions): Promise<MockServer> {
  const args = ["serve", "--host", "127.0.0.1", "--port", "0", "--api-key", options.apiKey];
  if (options.jobDuration !== undefined) {
    args.push("--job-duration", String(options.jobDuration));
  }
  args.push(...(options.args ?? []));
  // Same process group as the test runner: a Ctrl-C reaches the mock too.
  const child = spawn(MOCK_COMMAND, args, { stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);

  // Keep the tail of the output for the error message, and keep reading after the ready
  // line so that access logs never fill the pipe and block the server.
  let output = "";
  const remember = (chunk: Buffer): void => {
    output = (output + chunk.toString("utf8")).slice(-4_000);
  };
  child.stderr?.on("data", remember);

  try {
    const baseUrl = await new Promise<string>((resolve, reject) => {
      let firstLine = "";
      let seenFirstLine = false;
      const timer = setTimeout(() => {
        reject(new Error(`ionq-mock printed no ready line within ${START_TIMEOUT_MS} ms`));
      }, START_TIMEOUT_MS);
      child.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`ionq-mock exited (code ${code}, signal ${signal}) before it was ready`));
      });
      child.stdout?.on("data", (chunk: Buffer) => {
        remember(chunk);
        if (seenFirstLine) {
          return;
        }
        firstLine += chunk.toString("utf8");
        const end = firstLine.indexOf("\n");
        if (end === -1) {
          return;
        }
        seenFirstLine = true;
        clearTimeout(timer);
        const match = READY_LINE.exec(firstLine.slice(0, end));
        if (match?.[1] === undefined) {
          reject(new Error(`unexpected first line from ionq-mock: ${firstLine.slice(0, end)}`));
        } else {
          resolve(match[1]);
        }
      });
    });
    return {
      baseUrl,
      apiKey: options.apiKey,
      process: child,
      stop: () => stopChild(child),
    };
  } catch (error) {
    await stopChild(child);
    throw new Error(`${(error as Error).message}\n--- ionq-mock output ---\n${output}`);
  }
}
