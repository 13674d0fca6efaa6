"""The history phase's data: many decisions of the fixture's kind, and a long log.

``generate`` writes ``count`` copies of the fictitious decision of the tests
(``tests/decisions/ks-2099-0042.toml`` and its source text) into a folder, each under
its own diarienummer and ``decision_id`` (``KS-2099/1000`` → ``ks-2099-1000``, ...), and
one more, ``ks-2099-0001``, that the phase fills with the long log. Every copy keeps the
fixture's issuer (``exempelstads-kommun``, organisation number ``000000-0000``): one
issuer issuing many decisions, which the service allows (two issuers may not share a
number; one issuer may have many decisions).

``python -m bench.fill '<json>'`` runs in a process of its own with the service's
settings in its environment (``MEDFIN_DATABASE_URL``, ``MEDFIN_DECISIONS_DIR``): it
prepares the store as the service does on start (``create_app``: migrations, a row and
the shipped proposal for every decision), makes a registrar token if asked, and fills
each named decision's log up to a number of events. The filling goes straight to the
tables, in one transaction, with what ``EventStore.append`` would have stored: each
event as ``load_event`` makes it from the body a registrar would POST (an adoption by
Kommunstyrelsen, the ERDF's approval, then disbursements of 10.00 from the fund to the
association, paid within 2026, far under the cap of 750 000.00), its ``position`` next
in commit order (taken under the same lock as a write takes it), and each decision's row
brought up to date (``event_count``, ``last_event_id``, ``last_recorded_at``) as every
write keeps it. A write through the API would check each against the rules and cost
seconds a hundred; the history is not what is measured, so it is made this way.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "decisions"
FIXTURE_ID, FIXTURE_NUMBER = "ks-2099-0042", "KS-2099/0042"
#: The decision the phase fills with the long log.
LARGE_ID = "ks-2099-0001"
#: Who the filled events and the measured writes are recorded by (a registrar token's name).
RECORDED_BY = "bench-history"

ADOPTION = {
    "type": "adoption",
    "decided_on": "2025-10-27",
    "body": "Kommunstyrelsen",
    "source": {"evidence": "protocol"},
}
APPROVAL = {
    "type": "eruf_decision",
    "decided_on": "2026-01-20",
    "outcome": "approved",
    "granted_amount": "2500000.00",
    "source": {"evidence": "official_decision"},
}
AMOUNT = "10.00"
FIRST_PAYDAY = date(2026, 2, 2)
PAYDAYS = 330  # 2026-02-02 to 2026-12-28


def disbursement(number: int, reference: str | None = None) -> dict[str, Any]:
    """The body of the ``number``-th disbursement: 10.00 paid on a day of 2026."""
    body: dict[str, Any] = {
        "type": "disbursement",
        "paid_on": (FIRST_PAYDAY + timedelta(days=number % PAYDAYS)).isoformat(),
        "amount": AMOUNT,
        "funding_source": "kommunstyrelsens-utvecklingsfond",
        "recipient": "exempelstads-innovationsarena-ekonomisk-forening",
        "source": {"evidence": "voucher"},
    }
    if reference is not None:
        body["reference"] = reference
    return body


def decision_ids(count: int) -> list[str]:
    """The ids of the ``count`` decisions of 100 events (``ks-2099-1000``, ...)."""
    return [f"ks-2099-{1000 + n}" for n in range(count)]


def generate(folder: Path, count: int) -> list[str]:
    """Write ``count`` decisions and the large one into ``folder``; their ids, the large one last."""
    toml = (FIXTURE / f"{FIXTURE_ID}.toml").read_text(encoding="utf-8")
    source = (FIXTURE / f"{FIXTURE_ID}.source.md").read_text(encoding="utf-8")
    ids = [*decision_ids(count), LARGE_ID]
    for decision_id in ids:
        number = "KS-" + decision_id.removeprefix("ks-").replace("-", "/", 1)
        for text, name in ((toml, f"{decision_id}.toml"), (source, f"{decision_id}.source.md")):
            copied = text.replace(FIXTURE_ID, decision_id).replace(FIXTURE_NUMBER, number)
            (folder / name).write_text(copied, encoding="utf-8")
    return ids


def fill(store: Any, targets: dict[str, int]) -> dict[str, Any]:
    """Bring each decision's log up to ``targets[decision_id]`` events (one transaction)."""
    from sqlalchemy import func, select, text, update

    from service.requests.event_schemas import load_event
    from service.storage.engine import begin_write, is_sqlite, migration_timeouts
    from service.storage.store import CATCH_UP_POSITIONS, TAKE_POSITION_LOCK
    from service.storage.tables import decisions, events

    adoption, approval = load_event(ADOPTION), load_event(APPROVAL)
    payments = [load_event(disbursement(n)) for n in range(PAYDAYS)]
    began, began_at, inserted = time.monotonic(), datetime.now(UTC), 0
    with begin_write(store.engine) as connection, migration_timeouts(connection):
        # A migration's bounds, not a request's: a bulk load of a fresh server (no
        # statistics yet) may take longer than a request may wait.
        if not is_sqlite(store.engine):
            connection.execute(text(TAKE_POSITION_LOCK))
        position = connection.execute(select(func.max(events.c.position))).scalar_one() or 0
        counts: dict[str, int] = {
            row.decision_id: row.event_count
            for row in connection.execute(select(decisions.c.decision_id, decisions.c.event_count))
        }
        present = set(
            connection.execute(
                select(events.c.decision_id, events.c.type).where(events.c.type.in_(("adoption", "eruf_decision")))
            ).all()
        )
        rows: list[dict[str, Any]] = []

        def flush() -> None:
            if rows:
                connection.execute(events.insert(), rows)
                rows.clear()

        for decision_id, target in targets.items():
            have = counts[decision_id]
            drafts = [d for d in (adoption, approval) if (decision_id, d.type) not in present]
            drafts += [payments[(have + n) % PAYDAYS] for n in range(max(0, target - have - len(drafts)))]
            for draft in drafts[: max(0, target - have)]:
                position += 1
                rows.append(
                    {
                        "position": position,
                        "decision_id": decision_id,
                        "type": draft.type,
                        "effective_on": draft.effective_on,
                        "payload": draft.payload,
                        "recorded_at": datetime.now(UTC),
                        "recorded_by": RECORDED_BY,
                        "source_url": draft.source_url,
                        "source_evidence": draft.source_evidence,
                        "corrects": draft.corrects,
                    }
                )
                inserted += 1
                if len(rows) >= 5000:
                    flush()
        flush()
        if not is_sqlite(store.engine):
            connection.execute(text(CATCH_UP_POSITIONS))  # the next write's position follows these
        # Each decision's stamp, as every write keeps it in its row (and migration 0003 made it).
        mine = events.c.decision_id == decisions.c.decision_id
        connection.execute(
            update(decisions)
            .where(decisions.c.decision_id.in_(list(targets)))
            .values(
                event_count=select(func.count()).select_from(events).where(mine).scalar_subquery(),
                last_event_id=select(func.max(events.c.event_id)).where(mine).scalar_subquery(),
                last_recorded_at=select(func.max(events.c.recorded_at)).where(mine).scalar_subquery(),
            )
        )
    with store.engine.connect() as connection:
        total = connection.execute(select(func.count()).select_from(events)).scalar_one()
        # Positions follow the ids (the order the log recorded them in), as the store's writes keep them.
        by_id = select(events.c.event_id).order_by(events.c.event_id)
        by_position = select(events.c.event_id).order_by(events.c.position)
        in_order = list(connection.execute(by_id).scalars()) == list(connection.execute(by_position).scalars())
    if not in_order:
        raise RuntimeError("the filled positions do not follow the event ids")
    if not is_sqlite(store.engine):
        # What autovacuum would do soon after a bulk load, done now rather than while measuring.
        # On a connection of its own: the service's bound each statement to seconds.
        import psycopg

        url = store.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(url, autocommit=True) as administrator:
            administrator.execute("VACUUM ANALYZE")
    return {
        "inserted": inserted,
        "events": total,
        "seconds": time.monotonic() - began,
        "began_at": began_at.isoformat(timespec="microseconds").replace("+00:00", "Z"),
    }


def main(argv: list[str]) -> None:
    """``python -m bench.fill '{"token": true, "targets": {"ks-2099-1000": 10}}'``."""
    command = json.loads(argv[0]) if argv else {}
    from service import create_app
    from service.storage import tokens

    began = time.monotonic()
    app = create_app()  # migrates, and loads every decision's shipped facts once
    store = app.extensions["medfin"]
    result: dict[str, Any] = {"prepare_seconds": time.monotonic() - began}
    if command.get("token"):
        result["token"] = tokens.create(store.engine, RECORDED_BY, "registrar")
    result.update(fill(store, command.get("targets", {})))
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
