"""The mock's console (`/_mock/`) in a real browser, after a real client's requests.

cirq-ionq 1.7.0, unchanged, submits a Bell circuit and reads its probabilities; it sends
`shots` as a string, which the mock accepts by its `numeric-string` leniency rule and the
journal records as a deviation `--strict` would reject. Then headless Chromium (Debian's,
`scripts/install-chromium`; driven by Playwright, whose own browser download is never used)
opens the page with the key in the URL fragment and the page is checked: the request is in
the journal with its deviation, the deviation's key and spec rule are in its detail, the
job is listed as completed and its histogram has the two Bell states; the key is nowhere
in the page or its address; the page, under its Content-Security-Policy, logs no error.
A full-page screenshot is saved under the test's `tmp_path`, and also to the path in
`IONQ_MOCK_SCREENSHOT` when it is set (how the README's docs/images/mock-console.png is
made).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import cirq
import cirq_ionq
import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Page,
    ViewportSize,
    expect,
    sync_playwright,
)

from ionq_mock.testing import MockServer

CHROMIUM = Path("/usr/bin/chromium")
# No sandbox (the tests may run as root), no GPU, and none of Chromium's own traffic
# (updates, sync, field trials, QUIC probes): the page's requests to the mock are the only ones.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LAUNCH_TIMEOUT_MS = 20_000  # a cold start on a loaded two-core machine takes a few seconds
WAIT_MS = 5_000  # every wait on the page: the page polls every 2 s
VIEWPORT: ViewportSize = {"width": 1280, "height": 900}
# A key distinctive enough that finding it anywhere in the page means the page leaked it.
KEY = "console-key-7d41c9e25b"
SCREENSHOT_ENVIRONMENT = "IONQ_MOCK_SCREENSHOT"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run scripts/install-chromium (scripts/test-clients does)"
        )
    expect.set_options(timeout=WAIT_MS)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, timeout=LAUNCH_TIMEOUT_MS
        )
        try:
            yield chromium
        finally:
            chromium.close()


class PageErrors:
    """What the page reported as wrong: script errors, failed loads, CSP violations."""

    def __init__(self, page: Page) -> None:
        self.messages: list[str] = []
        page.on("pageerror", lambda error: self.messages.append(f"uncaught: {error}"))
        page.on("console", self._console)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.messages.append(f"console: {message.text}")


def open_page(browser: Browser) -> tuple[Page, PageErrors]:
    page = browser.new_page(viewport=VIEWPORT)
    page.set_default_timeout(WAIT_MS)
    return page, PageErrors(page)


def run_bell_job(server: MockServer) -> str:
    """A Bell circuit through cirq-ionq, to its probabilities; the job's id."""
    service: Any = cirq_ionq.Service(
        remote_host=server.url, api_key=server.api_key, default_target="simulator"
    )
    q0, q1 = cirq.LineQubit.range(2)
    circuit = cirq.Circuit(cirq.H(q0), cirq.CNOT(q0, q1), cirq.measure(q0, q1, key="x"))
    job = service.create_job(circuit, repetitions=100, name="bell")
    assert job.results(polling_seconds=0.02).probabilities() == pytest.approx({0: 0.5, 3: 0.5})
    job_id: str = job.job_id()
    return job_id


def assert_key_not_shown(page: Page) -> None:
    assert KEY not in page.url
    assert KEY not in page.content()
    assert KEY not in page.locator("body").inner_text()


def save_screenshot(page: Page, tmp_path: Path) -> None:
    shot = tmp_path / "mock-console.png"
    page.screenshot(path=shot, full_page=True)
    assert shot.stat().st_size > 10_000  # a drawn page, not a blank one
    if target := os.environ.get(SCREENSHOT_ENVIRONMENT):
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, target)


def test_console_shows_the_request_its_deviation_and_the_histogram(
    browser: Browser, tmp_path: Path
) -> None:
    with MockServer(api_keys=[KEY], job_duration=0.05) as server:
        job_id = run_bell_job(server)
        page, errors = open_page(browser)
        answer = page.goto(f"{server.url}/_mock/#key={quote(KEY, safe='')}")
        # The page is held to its policy (a violation would be a console error, below).
        assert answer is not None
        assert "default-src 'self'" in (answer.header_value("content-security-policy") or "")
        # The key is taken from the fragment, then off the address bar.
        expect(page).to_have_url(f"{server.url}/_mock/")

        # The journal, newest first, with cirq-ionq's job submission and its deviation.
        rows = page.get_by_test_id("journal-row")
        create = page.locator(
            '[data-testid="journal-row"][data-method="POST"][data-path="/v0.4/jobs"]'
        )
        expect(create).to_have_count(1)
        expect(create).to_have_attribute("data-status", "201")
        expect(create).to_contain_text("createJob")
        expect(create).to_have_class(re.compile(r"\bdeviates\b"))
        badge = create.get_by_test_id("deviation-badge")
        expect(badge).to_have_count(1)
        expect(badge).to_contain_text("numeric-string")
        expect(badge).to_contain_text("shots")
        ids = [int(i) for i in rows.evaluate_all("rows => rows.map(row => row.dataset.id)")]
        assert len(ids) >= 3  # the submission, cirq-ionq's polls and its read of the result
        assert ids == sorted(ids, reverse=True)

        # The request in full: its deviation names the key and the spec rule.
        create.click()
        deviation = page.get_by_test_id("deviation")
        expect(deviation).to_have_count(1)
        expect(deviation).to_have_attribute("data-rule", "numeric-string")
        expect(deviation.get_by_test_id("deviation-key")).to_have_text("shots")
        expect(deviation).to_contain_text("#/components/schemas/JobCreateBase/properties/shots")
        expect(page.get_by_test_id("request-body")).to_contain_text('"shots": "100"')
        expect(page.get_by_test_id("request-headers")).to_contain_text("apiKey [redacted]")
        expect(page.get_by_test_id("response-body")).to_contain_text(job_id)

        # The job, completed, and its histogram: 00 and 11 at one half each, nothing else.
        job = page.locator(f'[data-testid="job-row"][data-job-id="{job_id}"]')
        expect(job.get_by_test_id("job-status")).to_have_text("completed")
        job.click()
        bars = page.get_by_test_id("histogram").get_by_test_id("histogram-bar")
        expect(bars).to_have_count(2)
        drawn = {
            bar.get_attribute("data-state"): bar.get_attribute("data-probability")
            for bar in bars.all()
        }
        assert drawn.keys() == {"00", "11"}
        assert [float(p or "nan") for p in drawn.values()] == pytest.approx([0.5, 0.5])
        expect(bars.get_by_test_id("histogram-label")).to_have_text(["00", "11"])
        expect(bars.get_by_test_id("histogram-value")).to_have_text(["0.500", "0.500"])

        assert_key_not_shown(page)
        save_screenshot(page, tmp_path)
        assert errors.messages == []
        page.close()


def test_console_takes_a_typed_key_and_refuses_a_wrong_one(browser: Browser) -> None:
    with MockServer(api_keys=[KEY], job_duration=0.05) as server:
        run_bell_job(server)
        page, errors = open_page(browser)
        page.goto(f"{server.url}/_mock/")
        form = page.get_by_test_id("key-form")
        expect(form).to_be_visible()
        expect(page.get_by_test_id("journal-row")).to_have_count(0)

        page.locator("#key-input").fill("not-a-key-of-this-mock")
        page.locator("#key-input").press("Enter")
        expect(page.get_by_test_id("connection")).to_contain_text("does not accept")
        expect(page.get_by_test_id("journal-row")).to_have_count(0)

        page.locator("#key-input").fill(KEY)
        page.locator("#key-input").press("Enter")
        expect(form).to_be_hidden()
        expect(page.locator('[data-testid="journal-row"][data-method="POST"]')).to_have_count(1)
        assert_key_not_shown(page)
        # The wrong key's 401 is the only failed load the page reports.
        assert [m for m in errors.messages if "401" not in m] == []
        page.close()
