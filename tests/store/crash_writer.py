"""Run by tests/store/test_crash.py in a subprocess that gets SIGKILLed at random moments:
an endless series of service writes, printing ``COMMITTED <entity>:<id> <version>`` after
each commit returned. Usage: python crash_writer.py DB_PATH SEED"""

from __future__ import annotations

import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desk_crm.domain.activities import ActivityDraft
from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import AccountDraft, ContactDraft
from desk_crm.services.bundle import build_services
from desk_crm.store.database import open_database


def main() -> None:
    path = Path(sys.argv[1])
    rng = random.Random(int(sys.argv[2]))
    database = open_database(path, path.parent / "backups")
    services = build_services(database, "crash")
    contacts: dict[str, int] = {}  # id -> version, as reported
    deleted: set[str] = set()

    def report(entity: str, record_id: str, version: int) -> None:
        print(f"COMMITTED {entity}:{record_id} {version}", flush=True)

    def draft(number: int) -> ContactDraft:
        return ContactDraft(family_name="张", given_name=f"三{number}",
                            emails=(ContactPoint(f"z{number}@example.com"),),
                            notes="x" * rng.randint(0, 3000))

    number = 0
    while True:
        number += 1
        choice = rng.random()
        live = [c for c in contacts if c not in deleted]
        if choice < 0.35 or not live:
            record = services.contacts.save(draft(number))
            contacts[record.id] = record.version
            report("contact", record.id, record.version)
        elif choice < 0.6:
            target = rng.choice(live)
            record = services.contacts.save(draft(number), target, contacts[target])
            contacts[target] = record.version
            report("contact", target, record.version)
        elif choice < 0.7:
            target = rng.choice(live)
            services.contacts.delete(target)
            contacts[target] += 1
            deleted.add(target)
            report("contact", target, contacts[target])
        elif choice < 0.78 and deleted:
            target = deleted.pop()
            services.contacts.restore(target)
            contacts[target] += 1
            report("contact", target, contacts[target])
        elif choice < 0.93:
            due = datetime.now(UTC) + timedelta(days=rng.randint(-5, 5))
            activity = services.activities.save(ActivityDraft(
                kind="call", subject=f"Call {number}", due_at=due,
                contact_id=rng.choice(live)))
            report("activity", activity.id, activity.version)
        else:
            account = services.accounts.save(AccountDraft(name=f"Acme {number}"))
            report("account", account.id, account.version)


if __name__ == "__main__":
    main()
