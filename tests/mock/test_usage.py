"""The usage report: which jobs count, amounts and times, periods by modality, errors."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest
from mock_http import BELL, client, create, wait_done

from ionq_mock import usage
from ionq_mock.testing import MockServer

QPU: dict[str, Any] = {**BELL, "backend": "qpu.aria-1"}


def report(http: httpx.Client, org: str, start: dt.date, end: dt.date, **query: str) -> Any:
    params = {"start_date": str(start), "end_date": str(end), "group_by": "job"}
    answer = http.get(
        f"/organizations/{org}/usage", params={"modality": "daily", **params, **query}
    )
    assert answer.status_code == 200, answer.text
    return answer.json()


@pytest.fixture(scope="module")
def jobs() -> Any:
    """A server where three jobs ran (two on a QPU, one on the simulator) and three did not
    (a dry run, a canceled job, a failed one)."""
    keys = ["usage-key", "other-key"]
    with MockServer(api_keys=keys, job_duration=0.5) as server, client(server) as http:
        ran = [create(http, {**QPU, "name": "first"}), create(http, QPU), create(http, BELL)]
        create(http, {**QPU, "dry_run": True})
        wrong = {"gateset": "qis", "qubits": 1, "circuit": [{"gate": "x", "target": 3}]}
        create(http, {**QPU, "input": wrong})
        canceled = create(http, {**QPU, "shots": 500})
        assert http.put(f"/jobs/{canceled}/status/cancel").status_code == 200
        finished = [wait_done(http, job_id) for job_id in ran]
        org = http.get("/sessions").json()["organization_id"]
        yield server, http, org, finished


def test_only_jobs_that_ran_count(jobs: Any) -> None:
    _, http, org, finished = jobs
    day = dt.date.fromisoformat(finished[0]["completed_at"][:10])
    body = report(http, org, day - dt.timedelta(days=1), day + dt.timedelta(days=2))
    assert body["organization"] == org
    assert (body["group_type"], body["modality"], body["usage_unit"]) == ("job", "daily", "usd")
    assert body["job_count"] == 3
    assert body["amount_total"] == pytest.approx(2 * 97.5)
    assert body["amount_totals"] == [{"amount": body["amount_total"], "unit": "usd"}]
    ran_ms = sum(j["execution_duration_ms"] for j in finished)
    assert body["time_us_total"] == pytest.approx(ran_ms * 1000, abs=3)
    assert body["usage_from"] == f"{day - dt.timedelta(days=1)}T00:00:00Z"
    assert body["usage_to"] == f"{day + dt.timedelta(days=2)}T00:00:00Z"
    [today] = [p for p in body["usage_data"] if p["job_count"]]
    assert today["from"] == f"{day}T00:00:00Z"
    assert today["amount"] == body["amount_total"]
    groups = today["group_usages"]
    assert [g["amount"] for g in groups] == [97.5, 97.5, 0.0]
    assert groups[0]["group_id"] in {finished[0]["id"], finished[1]["id"]}
    names = {g["group_id"]: g["group_name"] for g in groups}
    assert names[finished[0]["id"]] == "first"
    assert names[finished[2]["id"]] == finished[2]["id"]  # unnamed: the id
    assert all(g["amount_unit"] == "usd" and g["job_count"] == 1 for g in groups)


def test_group_by_user_and_project(jobs: Any) -> None:
    _, http, org, finished = jobs
    day = dt.date.fromisoformat(finished[0]["completed_at"][:10])
    for group_by, group_id in (
        ("user", finished[0]["submitter_id"]),
        ("project", finished[0]["project_id"]),
    ):
        body = report(http, org, day, day + dt.timedelta(days=1), group_by=group_by)
        [period] = body["usage_data"]
        [group] = period["group_usages"]
        assert (group["group_id"], group["job_count"]) == (group_id, 3)
        assert body["group_type"] == group_by


@pytest.mark.parametrize("modality", ["daily", "weekly", "monthly"])
def test_periods_by_modality(jobs: Any, modality: str) -> None:
    _, http, org, finished = jobs
    day = dt.date.fromisoformat(finished[0]["completed_at"][:10])
    # Over a century, only the periods the mock has records for are listed.
    body = report(http, org, dt.date(2000, 1, 1), dt.date(2100, 1, 1), modality=modality)
    starts = [p["from"][:10] for p in body["usage_data"]]
    assert starts == sorted(starts, reverse=True)  # most recent first
    expected = {
        "daily": day,
        "weekly": day - dt.timedelta(days=day.weekday()),
        "monthly": day.replace(day=1),
    }[modality]
    assert starts[0] == str(expected)
    assert body["usage_data"][0]["job_count"] == 3


def test_range_errors_and_other_organizations(jobs: Any) -> None:
    server, http, org, _ = jobs
    params = {"group_by": "job", "modality": "daily"}
    for start, end in (("2026-09-02", "2026-09-02"), ("2026-09-03", "2026-09-02")):
        answer = http.get(
            f"/organizations/{org}/usage", params={**params, "start_date": start, "end_date": end}
        )
        assert answer.status_code == 400
        assert answer.json()["validation"] == {"keys": ["end_date"], "source": "query"}
    missing = http.get(f"/organizations/{org}/usage", params={**params, "start_date": "2026-09-01"})
    assert missing.json()["validation"]["keys"] == ["end_date"]
    with client(server, "other-key") as other:
        query = {**params, "start_date": "2026-01-01", "end_date": "2027-01-01"}
        assert other.get(f"/organizations/{org}/usage", params=query).status_code == 404
        own = other.get("/sessions").json()["organization_id"]
        empty = other.get(f"/organizations/{own}/usage", params=query).json()
        assert (empty["job_count"], empty["amount_total"]) == (0, 0)


def job(day: dt.date, amount: float, name: str = "j") -> usage.UsageJob:
    when = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)
    return usage.UsageJob(f"id-{name}", name, "p", "proj", "u", "user", when, amount, 10)


def test_report_periods_and_top_five_groups() -> None:
    start, end = dt.date(2026, 8, 30), dt.date(2026, 9, 16)
    jobs = [job(dt.date(2026, 9, 1), float(i), str(i)) for i in range(7)]
    jobs += [job(dt.date(2026, 9, 15), 1.0, "late"), job(dt.date(2026, 9, 16), 5.0, "after")]
    body = usage.report(
        jobs,
        organization="org",
        start=start,
        end=end,
        group_by="job",
        modality="weekly",
        covered=(dt.date(2026, 1, 1), dt.date(2027, 1, 1)),
    )
    assert [p["from"] for p in body["usage_data"]] == [
        "2026-09-14T00:00:00Z",
        "2026-09-07T00:00:00Z",
        "2026-08-31T00:00:00Z",
        "2026-08-24T00:00:00Z",
    ]
    assert body["job_count"] == 8  # the job of 09-16 is after the (exclusive) end
    week = body["usage_data"][2]
    assert [g["group_name"] for g in week["group_usages"]] == ["6", "5", "4", "3", "2"]
    assert (week["job_count"], week["amount"], week["time_us"]) == (7, 21.0, 70)
    assert body["usage_data"][1]["group_usages"] == []


def test_monthly_periods_cross_a_year() -> None:
    assert usage.periods("monthly", dt.date(2026, 11, 15), dt.date(2027, 2, 1)) == [
        dt.date(2026, 11, 1),
        dt.date(2026, 12, 1),
        dt.date(2027, 1, 1),
    ]
    assert usage.periods("monthly", dt.date(9999, 12, 5), dt.date.max) == [dt.date(9999, 12, 1)]
