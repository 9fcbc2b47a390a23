// The mock's console. Reads the journal API (/_mock/requests) and the key's jobs (/v0.4/jobs)
// on this origin with the key the page was given, and draws them. Everything the server sends
// is put on the page with textContent or attributes, never parsed as HTML; the key itself is
// only ever in sessionStorage and the Authorization header, never in the page or its address.

const KEY_STORAGE = "ionq-mock.console.key";
const POLL_MS = 2000;
const JOBS_LIMIT = 25;
const JOURNAL_LIMIT = 100;
const MAX_BARS = 32;
const TERMINAL = new Set(["completed", "failed", "canceled"]);
const SVG = "http://www.w3.org/2000/svg";

// Relative to the page (/_mock/), so a server mounted under a prefix still works.
const JOURNAL_URL = new URL("requests", document.baseURI);
const JOBS_URL = new URL("../v0.4/jobs", document.baseURI);

const state = {
  key: null,
  timer: null,
  polling: null,
  pollAgain: false,
  journalSignature: "",
  jobsSignature: "",
  selectedRequest: null,
  lastSeenRequest: 0,
  jobs: null,
  jobsStale: true,
  chosenJob: null,
  shownJob: null,
  probabilities: new Map(),
  // The page's own API requests are journaled like any client's; they are recognised by
  // "path?query" so that they do not make the page fetch the jobs again, in a loop.
  ownRequests: new Set(),
};

const $ = (id) => document.getElementById(id);

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// ---- small DOM helpers ------------------------------------------------------------------

function el(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined && options.text !== null) node.textContent = String(options.text);
  if (options.title) node.title = options.title;
  if (options.testid) node.dataset.testid = options.testid;
  for (const [name, value] of Object.entries(options.data || {})) node.dataset[name] = String(value);
  for (const child of children) if (child) node.append(child);
  return node;
}

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = String(text);
  return node;
}

function show(node, visible) {
  node.hidden = !visible;
}

function setMessage(node, text) {
  node.textContent = text || "";
  show(node, Boolean(text));
}

function pad(number, width) {
  return String(number).padStart(width, "0");
}

function clockSeconds(date) {
  return `${pad(date.getHours(), 2)}:${pad(date.getMinutes(), 2)}:${pad(date.getSeconds(), 2)}`;
}

function clockTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso || "";
  return `${clockSeconds(date)}.${pad(date.getMilliseconds(), 3)}`;
}

function statusClass(status) {
  if (status === null || status === undefined) return "status-none";
  return `status-${String(status)[0]}xx`;
}

function formatDuration(ms) {
  if (typeof ms !== "number") return "";
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

function formatBytes(size) {
  if (typeof size !== "number") return "";
  if (size < 1024) return `${size} B`;
  return `${(size / 1024).toFixed(1)} KiB`;
}

// ---- the key ----------------------------------------------------------------------------

function readStoredKey() {
  try {
    return sessionStorage.getItem(KEY_STORAGE);
  } catch {
    return null; // storage disabled: the key lives in memory only
  }
}

function storeKey(key) {
  state.key = key;
  try {
    if (key) sessionStorage.setItem(KEY_STORAGE, key);
    else sessionStorage.removeItem(KEY_STORAGE);
  } catch {
    // storage disabled: keep the key in memory for this page only
  }
}

// `#key=...` is how `ionq-mock serve` hands the key over: a fragment never reaches a server
// or a log. It is taken off the address bar at once, so it is not bookmarked or shared.
function takeKeyFromFragment() {
  const fragment = location.hash.replace(/^#/, "");
  if (!fragment) return null;
  let key = null;
  const rest = [];
  for (const part of fragment.split("&")) {
    if (part.startsWith("key=")) {
      try {
        key = decodeURIComponent(part.slice(4).replace(/\+/g, "%20"));
      } catch {
        key = part.slice(4);
      }
    } else if (part) {
      rest.push(part);
    }
  }
  if (key !== null) {
    const hash = rest.length ? `#${rest.join("&")}` : "";
    history.replaceState(history.state, "", location.pathname + location.search + hash);
  }
  return key || null;
}

function showKeyForm(message) {
  show($("key-form"), true);
  show($("forget-key"), false);
  setConnection(message || "Enter an API key the mock accepts.", "warn");
  $("key-input").focus();
}

function useKey(key) {
  storeKey(key);
  show($("key-form"), false);
  show($("forget-key"), true);
  state.journalSignature = "";
  state.jobsSignature = "";
  state.jobsStale = true;
  state.lastSeenRequest = 0;
  state.chosenJob = null;
  state.probabilities.clear();
  pollNow();
}

function forgetKey(message) {
  storeKey(null);
  clearTimeout(state.timer);
  state.pollAgain = false;
  state.jobs = null;
  $("journal-rows").replaceChildren();
  $("job-rows").replaceChildren();
  $("journal-count").textContent = "";
  $("jobs-count").textContent = "";
  showDetailPlaceholder();
  showResultMessage("A completed job's probabilities are drawn here; click a job to choose it.");
  showKeyForm(message);
}

function setConnection(text, tone) {
  const node = $("connection");
  node.textContent = text;
  node.className = `connection connection-${tone}`;
}

// ---- the API ----------------------------------------------------------------------------

async function getJson(url) {
  const response = await fetch(url, {
    headers: { Authorization: `apiKey ${state.key}`, Accept: "application/json" },
    cache: "no-store",
    credentials: "omit",
    referrerPolicy: "no-referrer",
  });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = body && typeof body.message === "string" ? body.message : response.statusText;
    throw new ApiError(response.status, message);
  }
  return body;
}

// A request of the page's own to the IonQ API: noted so the journal's copy of it is known.
function getOwnJson(url) {
  state.ownRequests.add(`${url.pathname}?${url.search.replace(/^\?/, "")}`);
  return getJson(url);
}

function isOwnRequest(summary) {
  return summary.method === "GET" && state.ownRequests.has(`${summary.path}?${summary.query || ""}`);
}

function journalQuery() {
  const url = new URL(JOURNAL_URL);
  const form = new FormData($("filters"));
  for (const name of ["method", "path", "status", "deviation"]) {
    const value = String(form.get(name) || "").trim();
    if (value) url.searchParams.set(name, value);
  }
  url.searchParams.set("limit", String(JOURNAL_LIMIT));
  return url;
}

function filtersActive() {
  const form = new FormData($("filters"));
  return ["method", "path", "status", "deviation"].some((name) => String(form.get(name) || "").trim());
}

// ---- polling ----------------------------------------------------------------------------

function pollNow() {
  clearTimeout(state.timer);
  if (!state.key) return;
  if (state.polling) {
    state.pollAgain = true;
    return;
  }
  state.polling = poll().finally(() => {
    state.polling = null;
    if (!state.key) return;
    if (state.pollAgain) {
      state.pollAgain = false;
      pollNow();
    } else {
      state.timer = setTimeout(pollNow, POLL_MS);
    }
  });
}

async function poll() {
  try {
    await refreshJournal();
    if (state.jobsStale || hasUnfinishedJobs()) await refreshJobs();
    await refreshResult();
    setConnection(`Live · updated ${clockSeconds(new Date())}`, "ok");
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      forgetKey("The mock does not accept that key; enter another.");
    } else if (error instanceof ApiError) {
      setConnection(`The server answered ${error.status}: ${error.message}`, "error");
    } else {
      setConnection("The mock is not answering; retrying…", "error");
    }
  }
}

function hasUnfinishedJobs() {
  return Boolean(state.jobs && state.jobs.some((job) => !TERMINAL.has(job.status)));
}

// ---- the journal ------------------------------------------------------------------------

async function refreshJournal() {
  let page;
  try {
    page = await getJson(journalQuery());
    setMessage($("journal-error"), "");
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) {
      setMessage($("journal-error"), `Filter not accepted: ${error.message}`);
      return;
    }
    throw error;
  }
  // Whether anyone but this page has called the API since the last look decides whether
  // the jobs are read again; with filters on, the unfiltered newest entries tell.
  const recent = filtersActive()
    ? (await getJson(new URL(`?limit=${JOURNAL_LIMIT}`, JOURNAL_URL))).requests
    : page.requests;
  const fresh = recent.filter((summary) => summary.id > state.lastSeenRequest);
  if (fresh.some((summary) => !isOwnRequest(summary))) state.jobsStale = true;
  if (recent.length) state.lastSeenRequest = Math.max(state.lastSeenRequest, recent[0].id);

  const signature = JSON.stringify(page);
  if (signature === state.journalSignature) return;
  state.journalSignature = signature;
  renderJournal(page);
}

function renderJournal(page) {
  const rows = page.requests.map(journalRow);
  $("journal-rows").replaceChildren(...rows);
  show($("journal-empty"), rows.length === 0);
  $("journal-count").textContent = `${page.requests.length} shown · ${page.kept} kept of ${page.capacity}`;
}

function journalRow(summary) {
  const deviations = summary.deviations || [];
  const deviating = new Set(deviations.map((d) => `${d.rule}|${d.key}`));
  const lenientOnly = (summary.leniency || []).filter((l) => !deviating.has(`${l.rule}|${l.key}`));

  const path = el(
    "td",
    { className: "path", title: summary.query ? `${summary.path}?${summary.query}` : summary.path },
    [
      el("span", { text: summary.path }),
      summary.query ? el("span", { className: "query", text: `?${summary.query}` }) : null,
    ],
  );
  const badges = el("div", { className: "badges" }, [
    ...deviations.map((d) =>
      el(
        "span",
        {
          className: "badge badge-deviation",
          testid: "deviation-badge",
          title: d.message || d.spec,
          data: { rule: d.rule, key: d.key ?? "" },
        },
        [
          el("span", { className: "badge-rule", text: d.rule }),
          d.key ? el("span", { className: "badge-key", text: d.key }) : null,
        ],
      ),
    ),
    ...lenientOnly.map((l) =>
      el(
        "span",
        {
          className: "badge badge-lenient",
          testid: "leniency-badge",
          title: l.detail,
          data: { rule: l.rule },
        },
        [el("span", { className: "badge-rule", text: l.rule })],
      ),
    ),
  ]);
  const classes = ["journal-row"];
  if (deviations.length) classes.push("deviates");
  if (summary.id === state.selectedRequest) classes.push("selected");
  const row = el(
    "tr",
    {
      className: classes.join(" "),
      testid: "journal-row",
      data: { id: summary.id, method: summary.method, path: summary.path, status: summary.status ?? "" },
    },
    [
      el("td", { className: "time", text: clockTime(summary.time), title: summary.time }),
      el("td", { className: `method method-${summary.method.toLowerCase()}`, text: summary.method }),
      path,
      el("td", { className: "num" }, [
        el("span", {
          className: `status ${statusClass(summary.status)}`,
          text: summary.status ?? "closed",
          title: summary.status === null ? "the connection was closed with no answer" : undefined,
        }),
      ]),
      el("td", { className: "num duration", text: formatDuration(summary.duration_ms) }),
      el("td", {
        className: "operation",
        text: summary.operation || "—",
        title: summary.operation ? undefined : "not a path of openapi.yaml",
      }),
      el("td", {}, [badges]),
    ],
  );
  row.tabIndex = 0;
  row.addEventListener("click", () => selectRequest(summary.id));
  row.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      selectRequest(summary.id);
    }
  });
  return row;
}

// ---- one request in full ----------------------------------------------------------------

async function selectRequest(id) {
  state.selectedRequest = id;
  for (const row of $("journal-rows").children)
    row.classList.toggle("selected", row.dataset.id === String(id));
  const body = $("detail-body");
  try {
    const entry = await getJson(new URL(`requests/${encodeURIComponent(id)}`, JOURNAL_URL));
    if (state.selectedRequest === id) body.replaceChildren(renderEntry(entry));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      body.replaceChildren(
        el("p", {
          className: "message empty",
          text: "That request is no longer in the journal (it keeps the newest only).",
        }),
      );
    } else if (error instanceof ApiError && error.status === 401) {
      forgetKey("The mock does not accept that key; enter another.");
    } else {
      body.replaceChildren(
        el("p", { className: "message error", text: `Could not read request ${id}: ${error.message}` }),
      );
    }
  }
}

function showDetailPlaceholder() {
  state.selectedRequest = null;
  $("detail-body").replaceChildren(
    el("p", {
      className: "message empty",
      text: "Click a request to see it in full: headers, bodies and the rules of the spec it met.",
    }),
  );
}

function renderEntry(entry) {
  const target = entry.query ? `${entry.path}?${entry.query}` : entry.path;
  const summary = el("div", { className: "entry-head", testid: "detail-summary" }, [
    el("span", { className: `method method-${entry.method.toLowerCase()}`, text: entry.method }),
    el("span", { className: "entry-target", text: target }),
    el("span", { className: `status ${statusClass(entry.status)}`, text: entry.status ?? "closed" }),
  ]);
  const facts = el("dl", { className: "facts" }, [
    ...fact("Operation", entry.operation || "— (not a path of openapi.yaml)"),
    ...fact("Received", entry.time),
    ...fact("Took", formatDuration(entry.duration_ms)),
    ...fact("Journal id", entry.id),
  ]);
  return el("div", { className: "entry", testid: "detail-entry", data: { id: entry.id } }, [
    summary,
    facts,
    deviationsBlock(entry.deviations || []),
    leniencyBlock(entry.leniency || []),
    messageBlock("Request", entry.request, "request"),
    messageBlock("Response", entry.response, "response"),
  ]);
}

function fact(name, value) {
  return [el("dt", { text: name }), el("dd", { text: value })];
}

function deviationsBlock(deviations) {
  if (!deviations.length) {
    return el("section", { className: "block" }, [
      el("h3", { text: "Deviations" }),
      el("p", { className: "message quiet-text", text: "None: --strict would have answered the same." }),
    ]);
  }
  return el("section", { className: "block", testid: "deviations" }, [
    el("h3", { text: `Deviations (${deviations.length}): --strict would reject this request` }),
    ...deviations.map((d) =>
      el("div", { className: "deviation", testid: "deviation", data: { rule: d.rule, key: d.key ?? "" } }, [
        el("div", { className: "deviation-title" }, [
          el("span", { className: "badge badge-deviation" }, [
            el("span", { className: "badge-rule", text: d.rule }),
          ]),
          el("code", { className: "deviation-key", testid: "deviation-key", text: d.key ?? "(no key)" }),
        ]),
        el("dl", { className: "facts" }, [...fact("Spec", d.spec), ...fact("Strict answer", d.message)]),
      ]),
    ),
  ]);
}

function leniencyBlock(leniency) {
  return el("section", { className: "block", testid: "leniency" }, [
    el("h3", { text: "Leniency rules applied" }),
    leniency.length
      ? el(
          "ul",
          { className: "leniency" },
          leniency.map((l) =>
            el("li", { data: { rule: l.rule } }, [
              el("span", { className: "badge badge-lenient" }, [
                el("span", { className: "badge-rule", text: l.rule }),
              ]),
              el("span", { text: l.key ? ` ${l.key}: ` : " " }),
              el("span", { className: "quiet-text", text: l.detail }),
            ]),
          ),
        )
      : el("p", { className: "message quiet-text", text: "None." }),
  ]);
}

function messageBlock(title, message, name) {
  if (!message) {
    return el("section", { className: "block" }, [
      el("h3", { text: title }),
      el("p", { className: "message quiet-text", text: "No answer was sent." }),
    ]);
  }
  const headers = el("table", { className: "headers", testid: `${name}-headers` }, [
    el(
      "tbody",
      {},
      (message.headers || []).map(([header, value]) =>
        el("tr", {}, [el("th", { text: header }), el("td", { text: value })]),
      ),
    ),
  ]);
  return el("section", { className: "block" }, [
    el("h3", { text: `${title} · ${formatBytes(message.size)}` }),
    headers,
    bodyView(message, name),
  ]);
}

function bodyView(message, name) {
  if (message.streamed) {
    return el("p", {
      className: "message note",
      testid: `${name}-body`,
      text: `Streamed in parts (${formatBytes(message.size)}); the journal keeps no copy of a streamed body.`,
    });
  }
  if (message.body === null || message.body === undefined) {
    return el("p", { className: "message quiet-text", testid: `${name}-body`, text: "No body." });
  }
  let text = message.body;
  let kind = "text";
  if (!message.truncated) {
    try {
      text = JSON.stringify(JSON.parse(message.body), null, 2);
      kind = "json";
    } catch {
      kind = "text";
    }
  }
  const pre = el("pre", { className: `body body-${kind}`, testid: `${name}-body`, text });
  if (!message.truncated) return pre;
  const kept = new TextEncoder().encode(message.body).length;
  return el("div", {}, [
    el("p", {
      className: "message note",
      testid: `${name}-truncated`,
      text: `Truncated: the first ${formatBytes(kept)} of ${formatBytes(message.size)} are kept.`,
    }),
    pre,
  ]);
}

// ---- jobs -------------------------------------------------------------------------------

async function refreshJobs() {
  const url = new URL(JOBS_URL);
  url.searchParams.set("limit", String(JOBS_LIMIT));
  let page;
  try {
    page = await getOwnJson(url);
    setMessage($("jobs-error"), "");
  } catch (error) {
    if (error instanceof ApiError && error.status !== 401) {
      setMessage($("jobs-error"), `Could not list the jobs: ${error.status} ${error.message}`);
      return;
    }
    throw error;
  }
  state.jobsStale = false;
  state.jobs = page.jobs || [];
  const signature = JSON.stringify(state.jobs);
  if (signature === state.jobsSignature) return;
  state.jobsSignature = signature;
  renderJobs(page);
}

function renderJobs(page) {
  const rows = state.jobs.map(jobRow);
  $("job-rows").replaceChildren(...rows);
  show($("jobs-empty"), rows.length === 0);
  $("jobs-count").textContent = page.next ? `newest ${rows.length}` : `${rows.length}`;
}

function jobRow(job) {
  const row = el(
    "tr",
    {
      className: `job-row${job.id === shownJobId() ? " selected" : ""}`,
      testid: "job-row",
      data: { jobId: job.id, status: job.status },
    },
    [
      el("td", { className: "job-id", text: jobLabel(job), title: job.id }),
      el("td", {}, [
        el("span", { className: `job-status job-${job.status}`, testid: "job-status", text: job.status }),
      ]),
      el("td", { text: job.backend || "" }),
      el("td", {
        className: "num",
        text: job.shots ?? "—",
        title: typeof job.shots === "number" ? undefined : "no shots: exact probabilities",
      }),
      el("td", {
        className: "num",
        text: job.stats && job.stats.qubits !== undefined ? job.stats.qubits : "",
      }),
      el("td", { className: "time", text: clockTime(job.submitted_at).slice(0, 8), title: job.submitted_at }),
    ],
  );
  row.tabIndex = 0;
  const choose = () => {
    state.chosenJob = job.id;
    pollNow(); // draws the chosen job's result at once
  };
  row.addEventListener("click", choose);
  row.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      choose();
    }
  });
  return row;
}

// Job ids are UUIDv7, whose first digits are a timestamp shared by jobs made together: the
// label keeps the start and the random end. A child job of a multi-circuit job is marked.
function jobLabel(job) {
  const id = `${job.id.slice(0, 8)}…${job.id.slice(-4)}`;
  const label = job.name ? `${job.name} · ${id}` : id;
  return job.parent_job_id ? `↳ ${label}` : label;
}

// The job whose result is drawn: the one clicked, or else the newest completed one.
function shownJobId() {
  if (state.chosenJob) return state.chosenJob;
  const done = (state.jobs || []).find((job) => job.status === "completed" && job.results);
  return done ? done.id : null;
}

// ---- a job's result ---------------------------------------------------------------------

async function refreshResult() {
  const id = shownJobId();
  for (const row of $("job-rows").children) row.classList.toggle("selected", row.dataset.jobId === id);
  const job = (state.jobs || []).find((candidate) => candidate.id === id);
  if (!job) {
    if (state.shownJob !== null)
      showResultMessage("A completed job's probabilities are drawn here; click a job to choose it.");
    return;
  }
  $("result-job").textContent = job.name ? `${job.name} · ${job.id}` : job.id;
  const key = `${job.id}|${job.status}`;
  if (job.status !== "completed") {
    if (state.shownJob !== key)
      showResultMessage(
        `This job is ${job.status}: it has no result to draw${TERMINAL.has(job.status) ? "" : " yet"}.`,
        key,
      );
    return;
  }
  const url = probabilitiesUrl(job);
  if (!url) {
    if (state.shownJob !== key)
      showResultMessage(
        "This job completed without probabilities (a dry run, or a job type without them).",
        key,
      );
    return;
  }
  if (state.shownJob === key) return;
  let probabilities = state.probabilities.get(job.id);
  if (!probabilities) {
    try {
      probabilities = await getOwnJson(url);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) throw error;
      showResultMessage(`Could not read the probabilities: ${error.message}`, null);
      return;
    }
    state.probabilities.set(job.id, probabilities);
  }
  if (shownJobId() !== job.id) return; // another job was chosen meanwhile
  state.shownJob = key;
  $("result-body").replaceChildren(renderResult(job, probabilities));
}

function probabilitiesUrl(job) {
  const link = job.results && job.results.probabilities && job.results.probabilities.url;
  if (typeof link !== "string") return null;
  const url = new URL(link, document.baseURI);
  // The key goes only to this server: never follow a link to another origin with it.
  return url.origin === location.origin ? url : null;
}

function showResultMessage(text, key = null) {
  state.shownJob = key;
  if (key === null) $("result-job").textContent = "";
  $("result-body").replaceChildren(el("p", { className: "message empty", text }));
}

function renderResult(job, probabilities) {
  const qubits = job.stats && Number.isInteger(job.stats.qubits) ? job.stats.qubits : 0;
  // An ideal simulation has no shots: its probabilities are exact.
  const facts = [
    job.backend,
    typeof job.shots === "number" ? `${job.shots} shots` : "exact probabilities",
    `${qubits} qubits`,
  ];
  const caption = el("p", { className: "result-caption" }, [
    el("span", { text: facts.filter(Boolean).join(" · ") }),
    el("span", { className: "quiet-text", text: " · states written |q(n−1) … q0⟩" }),
  ]);
  const values = Object.values(probabilities);
  if (values.length && values.every((value) => value && typeof value === "object")) {
    // A multi-circuit job: one histogram per child job, in the answer's order.
    return el("div", { className: "result" }, [
      caption,
      ...Object.entries(probabilities).map(([child, childProbabilities]) =>
        el("figure", { className: "child-result" }, [
          el("figcaption", { text: `child ${child}` }),
          histogram(childProbabilities, qubits),
        ]),
      ),
    ]);
  }
  return el("div", { className: "result" }, [caption, histogram(probabilities, qubits)]);
}

// IonQ writes a basis state as a decimal integer, qubit 0 its least significant bit; drawn
// as a ket, qubit 0 is the rightmost digit.
function bitstring(basis, qubits) {
  try {
    return BigInt(basis).toString(2).padStart(qubits, "0");
  } catch {
    return String(basis);
  }
}

function basisOrder(a, b) {
  try {
    const left = BigInt(a.basis);
    const right = BigInt(b.basis);
    return left < right ? -1 : left > right ? 1 : 0;
  } catch {
    return a.basis < b.basis ? -1 : a.basis > b.basis ? 1 : 0;
  }
}

// The top of the probability axis and its tick step: round numbers just above the likeliest
// state, so that bars are tall and the ticks read cleanly.
const AXIS_SCALES = [
  [0.05, 0.01],
  [0.1, 0.02],
  [0.2, 0.05],
  [0.25, 0.05],
  [0.5, 0.1],
  [0.75, 0.25],
  [1, 0.25],
];

function axisScale(value) {
  return AXIS_SCALES.find(([top]) => value <= top + 1e-12) || [Math.ceil(value), Math.ceil(value) / 4];
}

// Bars per basis state (at most MAX_BARS, the likeliest), in state order, with their labels
// and values; drawn with createElementNS so no markup from the server is ever parsed.
function histogram(probabilities, qubits) {
  let entries = Object.entries(probabilities)
    .filter(([, p]) => typeof p === "number")
    .map(([basis, p]) => ({ basis, bits: bitstring(basis, qubits), p }));
  const hidden = Math.max(0, entries.length - MAX_BARS);
  if (hidden) entries = [...entries].sort((a, b) => b.p - a.p).slice(0, MAX_BARS);
  entries.sort(basisOrder);

  const [top, step] = axisScale(Math.max(0, ...entries.map((e) => e.p)));
  const labelWidth = Math.max(...entries.map((e) => e.bits.length), 1) * 8 + 12;
  const slot = Math.min(110, Math.max(labelWidth, 420 / Math.max(entries.length, 1)));
  const left = 44;
  const plotTop = 18;
  const plotHeight = 180;
  const labelSpace = 26;
  const width = Math.max(300, left + entries.length * slot + 12);
  const height = plotTop + plotHeight + labelSpace;
  const chart = svg("svg", {
    viewBox: `0 0 ${width} ${height}`,
    class: "histogram",
    role: "img",
    "aria-label": "probability of each basis state",
    "data-testid": "histogram",
  });
  // Drawn at its own size (never shrunk past readable): a wide one scrolls in its panel.
  chart.style.width = `${width}px`;

  const ticks = Math.round(top / step);
  for (let tick = 0; tick <= ticks; tick += 1) {
    const y = plotTop + plotHeight * (1 - tick / ticks);
    chart.append(
      svg("line", { x1: left, x2: width - 4, y1: y, y2: y, class: tick === 0 ? "axis" : "gridline" }),
    );
    chart.append(svg("text", { x: left - 6, y: y + 4, class: "tick" }, (tick * step).toFixed(2)));
  }
  entries.forEach((entry, index) => {
    const barHeight = top > 0 ? (entry.p / top) * plotHeight : 0;
    const x = left + index * slot + slot * 0.2;
    const barWidth = slot * 0.6;
    const centre = x + barWidth / 2;
    const group = svg("g", {
      class: "bar",
      "data-testid": "histogram-bar",
      "data-state": entry.bits,
      "data-probability": entry.p,
    });
    group.append(svg("title", {}, `|${entry.bits}⟩ (state ${entry.basis}): ${entry.p}`));
    group.append(
      svg("rect", {
        x,
        y: plotTop + plotHeight - barHeight,
        width: barWidth,
        height: Math.max(barHeight, 0.5),
        rx: 2,
      }),
    );
    group.append(
      svg(
        "text",
        {
          x: centre,
          y: plotTop + plotHeight - barHeight - 5,
          class: "value",
          "data-testid": "histogram-value",
        },
        entry.p.toFixed(3),
      ),
    );
    group.append(
      svg(
        "text",
        { x: centre, y: plotTop + plotHeight + 17, class: "label", "data-testid": "histogram-label" },
        entry.bits,
      ),
    );
    chart.append(group);
  });
  const figure = el("div", { className: "histogram-wrap" }, [chart]);
  if (hidden)
    figure.append(
      el("p", { className: "message quiet-text", text: `${hidden} less likely states are not drawn.` }),
    );
  return figure;
}

// ---- start ------------------------------------------------------------------------------

function start() {
  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = $("key-input");
    const key = input.value.trim();
    input.value = "";
    if (key) useKey(key);
  });
  $("forget-key").addEventListener("click", () =>
    forgetKey("Key forgotten. Enter an API key the mock accepts."),
  );
  $("jobs-refresh").addEventListener("click", () => {
    state.jobsStale = true;
    pollNow();
  });
  let typing = null;
  const filtersChanged = () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      state.journalSignature = "";
      pollNow();
    }, 250);
  };
  $("filters").addEventListener("input", filtersChanged);
  $("filters").addEventListener("submit", (event) => {
    event.preventDefault();
    filtersChanged();
  });

  const key = takeKeyFromFragment() || readStoredKey();
  if (key) useKey(key);
  else showKeyForm();
}

start();
