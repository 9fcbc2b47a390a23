"""The usage report (`getOrganizationUsage`, IonQ's `Usages`), from the jobs that ran.

A job counts when it ran to completion (not a dry run, not failed or canceled), in the
period its completion falls in; a multi-circuit job counts once (its children are not
counted again). Its amount is its cost, its time its execution duration in microseconds.
Periods are days, ISO weeks (starting Monday) or calendar months; `usage_data` lists every
period that intersects both the asked range and the time the mock has records for (from
`covered`), newest first, each with its top 5 groups by amount. Pure functions.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

UNIT: Final = "usd"
TOP_GROUPS: Final = 5


@dataclass(frozen=True)
class UsageJob:
    """One job that ran, as the report needs it."""

    job_id: str
    name: str | None
    project_id: str
    project_name: str
    user_id: str
    user_name: str
    completed: dt.datetime
    amount: float
    time_us: int

    @classmethod
    def from_row(
        cls, row: Mapping[str, Any] | sqlite3.Row, owner: str, key_name: str, project_id: str
    ) -> UsageJob:
        """A stored job that ran (`Store.ran`'s columns) of the key `owner`, named `key_name`."""
        return cls(
            job_id=row["id"],
            name=row["name"],
            project_id=project_id,
            project_name=f"project of {key_name}",
            user_id=owner,
            user_name=key_name,
            completed=dt.datetime.fromtimestamp(row["end_at"], dt.UTC),
            amount=float(row["estimated_cost"]),
            time_us=round((row["end_at"] - row["started_at"]) * 1_000_000),
        )

    def group(self, group_by: str) -> tuple[str, str]:
        """The id and name of the group the job counts in."""
        if group_by == "project":
            return self.project_id, self.project_name
        if group_by == "user":
            return self.user_id, self.user_name
        return self.job_id, self.name or self.job_id


class RangeError(ValueError):
    """A report range that is not one: `keys` names the offending query parameters."""

    def __init__(self, message: str, keys: list[str]) -> None:
        super().__init__(message)
        self.keys = keys


def date_range(start_text: object, end_text: object) -> tuple[dt.date, dt.date]:
    """The report's first day and the day after it, from the query's text.

    >>> date_range("2026-09-01", "2026-10-01")
    (datetime.date(2026, 9, 1), datetime.date(2026, 10, 1))
    """
    try:
        start, end = dt.date.fromisoformat(str(start_text)), dt.date.fromisoformat(str(end_text))
    except ValueError:
        raise RangeError(
            "start_date and end_date must be dates (YYYY-MM-DD)", ["start_date", "end_date"]
        ) from None
    if end <= start:
        raise RangeError(
            f"end_date ({end}) must be after start_date ({start}); it is exclusive", ["end_date"]
        )
    return start, end


def timestamp(day: dt.date) -> float:
    """Midnight UTC of `day`, as a POSIX timestamp (any date, even before 1970)."""
    return (day - dt.date(1970, 1, 1)).days * 86_400.0


def covered(first: float, now: float) -> tuple[dt.date, dt.date]:
    """The days there are records for: from the day of `first` to today (`now`), as a
    range whose end is exclusive."""
    today = dt.datetime.fromtimestamp(now, dt.UTC).date()
    return dt.datetime.fromtimestamp(first, dt.UTC).date(), today + dt.timedelta(days=1)


def period_start(modality: str, day: dt.date) -> dt.date:
    """The first day of the period `day` falls in."""
    if modality == "weekly":
        return day - dt.timedelta(days=day.weekday())
    if modality == "monthly":
        return day.replace(day=1)
    return day


def _next(modality: str, start: dt.date) -> dt.date:
    if modality == "weekly":
        return start + dt.timedelta(days=7)
    if modality == "monthly":
        return dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start + dt.timedelta(days=1)


def periods(modality: str, lower: dt.date, upper: dt.date) -> list[dt.date]:
    """The starts of the periods that intersect [lower, upper), oldest first.

    >>> periods("weekly", dt.date(2026, 9, 2), dt.date(2026, 9, 15))
    [datetime.date(2026, 8, 31), datetime.date(2026, 9, 7), datetime.date(2026, 9, 14)]
    """
    out: list[dt.date] = []
    start = period_start(modality, lower)
    while start < upper:
        out.append(start)
        try:
            start = _next(modality, start)
        except (OverflowError, ValueError):  # past 9999-12-31
            break
    return out


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def rfc3339(day: dt.date) -> str:
    """Midnight UTC of `day`, e.g. 2026-09-01T00:00:00Z."""
    return _midnight(day).isoformat().replace("+00:00", "Z")


def _amounts(amount: float) -> list[dict[str, Any]]:
    return [{"amount": amount, "unit": UNIT}]


def _totals(jobs: Sequence[UsageJob]) -> tuple[int, float, int]:
    return len(jobs), round(sum(j.amount for j in jobs), 4), sum(j.time_us for j in jobs)


def _groups(jobs: Sequence[UsageJob], group_by: str) -> list[dict[str, Any]]:
    grouped: dict[tuple[str, str], list[UsageJob]] = {}
    for job in jobs:
        grouped.setdefault(job.group(group_by), []).append(job)
    ranked = []
    for (group_id, name), members in grouped.items():
        count, amount, time_us = _totals(members)
        ranked.append((-amount, -count, group_id, name, amount, count, time_us))
    ranked.sort()
    out = []
    for _, _, group_id, name, amount, count, time_us in ranked[:TOP_GROUPS]:
        out.append(
            {
                "group_id": group_id,
                "group_name": name,
                "job_count": count,
                "amount": amount,
                "amount_unit": UNIT,
                "time_us": time_us,
                "amounts": _amounts(amount),
            }
        )
    return out


def report(
    jobs: Iterable[UsageJob],
    *,
    organization: str,
    start: dt.date,
    end: dt.date,
    group_by: str,
    modality: str,
    covered: tuple[dt.date, dt.date],
) -> dict[str, Any]:
    """The `Usages` of `jobs` completed in [start, end) (end exclusive).

    `covered` is the range of days the mock has records for: periods outside it are left
    out, so a report over centuries stays small. Each period's `from` is its midnight UTC
    (the service's RFC 3339 date-times).
    """
    lo, hi = _midnight(start), _midnight(end)
    ran = [j for j in jobs if lo <= j.completed < hi]
    lower, upper = max(start, covered[0]), min(end, covered[1])
    by_period: dict[dt.date, list[UsageJob]] = {}
    for job in ran:
        by_period.setdefault(period_start(modality, job.completed.date()), []).append(job)
    usage_data = []
    for begin in reversed(periods(modality, lower, upper) if lower < upper else []):
        members = by_period.get(begin, [])
        count, amount, time_us = _totals(members)
        usage_data.append(
            {
                "from": rfc3339(begin),
                "job_count": count,
                "amount": amount,
                "amount_unit": UNIT,
                "time_us": time_us,
                "amounts": _amounts(amount),
                "group_usages": _groups(members, group_by),
            }
        )
    count, amount, time_us = _totals(ran)
    return {
        "organization": organization,
        "group_type": group_by,
        "modality": modality,
        "usage_from": rfc3339(start),
        "usage_to": rfc3339(end),
        "usage_unit": UNIT,
        "amount_total": amount,
        "amount_totals": _amounts(amount),
        "time_us_total": time_us,
        "job_count": count,
        "usage_data": usage_data,
    }
