"""Back-off schedule and the per-minute throttle."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desk_crm.domain.outbox_rules import MAX_ATTEMPTS, Throttle, after_failure, backoff

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def test_backoff_doubles_and_is_capped() -> None:
    assert [backoff(n).total_seconds() / 60 for n in (1, 2, 3, 4)] == [1, 2, 4, 8]
    assert backoff(40) == timedelta(hours=6)


def test_after_failure_requeues_until_the_last_attempt_or_a_permanent_error() -> None:
    assert after_failure(1, False, NOW) == ("queued", NOW + timedelta(minutes=1))
    assert after_failure(MAX_ATTEMPTS, False, NOW) == ("failed", None)
    assert after_failure(1, True, NOW) == ("failed", None)


def test_throttle_allows_n_per_sliding_minute() -> None:
    throttle = Throttle(2)
    assert throttle.wait(NOW) == timedelta(0)
    throttle.sent(NOW)
    throttle.sent(NOW + timedelta(seconds=10))
    assert throttle.wait(NOW + timedelta(seconds=20)) == timedelta(seconds=40)
    assert throttle.wait(NOW + timedelta(seconds=60)) == timedelta(0)
