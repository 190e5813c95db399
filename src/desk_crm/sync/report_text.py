"""The run report as plain text lines (the command line's summary; the history dialog
formats the same counts with tr()). Pure Python."""

from __future__ import annotations

from desk_crm.sync.book import OUTCOMES, PULL, PUSH, SyncReport

_DIRECTIONS = ((PUSH, "sent"), (PULL, "received"))


def report_lines(report: SyncReport, seconds: float, waiting: int) -> list[str]:
    """A status line, a table of created/updated/deleted/unchanged per entity and
    direction, and what waits for the user."""
    lines = [f"sync {report.status} in {seconds:.1f} s: sent {report.pushed}, "
             f"received {report.pulled}, conflicts {report.conflicts}, "
             f"refused {report.rejected}"
             + (f" ({report.message})" if report.message else "")]
    entities = sorted({key.split(":", 1)[1] for key in report.counts})
    if entities:
        width = max(len(e) for e in [*entities, "entity"])
        header = "  ".join(f"{d} {o}" for _, d in _DIRECTIONS for o in OUTCOMES)
        lines.append(f"{'entity':<{width}}  {header}")
        for entity in entities:
            cells = []
            for direction, name in _DIRECTIONS:
                for outcome in OUTCOMES:
                    label = f"{name} {outcome}"
                    cells.append(f"{report.outcome(direction, entity, outcome):>{len(label)}}")
            lines.append(f"{entity:<{width}}  " + "  ".join(cells))
    if waiting:
        lines.append(f"{waiting} conflict(s) or refused record(s) wait in Sync > Conflicts")
    return lines
