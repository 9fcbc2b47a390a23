/**
 * The entry point of the `@ionq-sdk/client` package: everything a program may use, and
 * nothing else (the package's `exports` keep the other modules out of reach).
 *
 * `client.ts` is already the client's one public surface, re-exporting the error classes
 * (`errors.ts`), the retry policy (`retry.ts`), the transport options (`transport.ts`),
 * `createJob` (`create.ts`) and the generated `paths`, `components` and `operations` of
 * `schema.ts`; the helpers the modules share among themselves (`settingsOf`,
 * `rememberSettings`, `realSleep`) are not among them. Re-exporting it whole here keeps a
 * single list to maintain: what `client.ts` exports, the package exports.
 *
 * @example
 * ```ts
 * import { createIonQClient, createJob, waitForJob, getProbabilities, type JobCreate } from "@ionq-sdk/client";
 * ```
 */
export * from "./client.js";
