"""The decision page's two pictures, drawn on the server: the money paid against the
amount committed, as an SVG step line over time, and the decision's life as dated
markers in date order.

No script and no inline style (the page's Content-Security-Policy allows neither): the
SVG's coordinates are computed here, exactly, from ``Decimal`` amounts and whole days,
and its look comes from classes in ``medfin.css``. Each picture also says in words what
it shows: the SVG through its ``<title>`` and ``<desc>``, with a table of the same
numbers beside it; the life of the decision is a list. A date that is not recorded is
said to be unknown and is not placed among the dated markers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from rules import AppealState, Decision, choose, classify
from rules.facts import FINAL_ADOPTION_OUTCOMES
from rules.glossary import APPEAL_OUTCOMES, ERUF_OUTCOMES
from rules.money import ZERO, show_sv
from service.pages.page_content import DECIDED, EVENT_TYPES, Commitment
from service.shared.facts import Event, disbursement_of, live_events

#: The drawing's own units (its viewBox); the page scales it to the width it has.
WIDTH, HEIGHT = 640, 330
#: The plot area inside it: room above for the top label, below for the years.
LEFT, RIGHT, TOP, BOTTOM = 12, 628, 30, 286
#: Coordinates are written with one decimal, which is finer than any screen shows.
TENTH = Decimal("0.1")
#: Round steps for the amount axis, times a power of ten.
STEPS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10), Decimal(20), Decimal(25), Decimal(50))
#: Where a payment stands: whether it counts toward the amount, and why not.
STANDINGS = {
    "counted": "följer beslutets villkor och räknas",
    "breach": "strider mot beslutets villkor och räknas inte",
    "undecided": "beror på uppgifter som inte är kända och räknas inte",
    "later": "är daterad efter i dag och räknas inte ännu",
}
#: The same, in a table's column "Räknas".
COUNTS = {
    "counted": "Ja",
    "breach": "Nej, strider mot villkoren",
    "undecided": "Nej, beror på uppgifter som inte är kända",
    "later": "Inte ännu, daterad efter i dag",
}
#: The same, as a heading before the payments in the chart's description.
NOT_COUNTED = {
    "breach": "I strid med beslutets villkor, räknas inte",
    "undecided": "Beror på uppgifter som inte är kända, räknas inte",
    "later": "Daterad efter i dag, räknas inte ännu",
}


@dataclass(frozen=True, slots=True)
class Payment:
    """One recorded utbetalning and where it stands on the page's day."""

    event_id: int
    paid_on: date
    amount: Decimal
    standing: str


def payments(decision: Decision, recorded: list[Event], now: Commitment) -> list[Payment]:
    """The utbetalningar recorded and not corrected, in date order, each judged as the
    rules judge it on ``now.on`` (the default reading, as on the rest of the page)."""
    known = now.facts.known_on(now.on)
    judged = classify(decision, known, choose(decision))
    conforming, undecided = ({(p.paid_on, p.funding_source, p.recipient) for p in kind} for kind in judged)
    found = []
    for event in live_events(recorded, datetime.now(UTC)):
        if event.type == "disbursement" and event.effective_on is not None:
            paid = disbursement_of(event)
            # The rules judge a day's utbetalningar from one source to one recipient as one
            # (``rules.summed``): each of them stands as its day's sum does.
            key = (paid.paid_on, paid.funding_source, paid.recipient)
            standing = "counted" if key in conforming else "undecided" if key in undecided else "breach"
            standing = "later" if paid.paid_on > now.on else standing
            found.append(Payment(event.event_id, paid.paid_on, paid.amount, standing))
    return sorted(found, key=lambda payment: (payment.paid_on, payment.event_id))


@dataclass(frozen=True, slots=True)
class Scale:
    """Days to x and kronor to y, in the drawing's units."""

    start: date
    end: date
    top: Decimal

    def x(self, day: date) -> Decimal:
        share = Decimal((day - self.start).days) / Decimal((self.end - self.start).days)
        return (LEFT + (RIGHT - LEFT) * share).quantize(TENTH)

    def y(self, amount: Decimal) -> Decimal:
        return (BOTTOM - (BOTTOM - TOP) * amount / self.top).quantize(TENTH)


def amount_step(highest: Decimal) -> Decimal:
    """A round step for the amount axis that gives it at most four steps up to ``highest``."""
    magnitude = Decimal(10) ** (max(highest, Decimal("0.01")).adjusted() - 1)
    return next(magnitude * step for step in STEPS if highest / (magnitude * step) <= 4)


def kronor(amount: Decimal) -> str:
    """An axis label: whole kronor as such ("250 000 kr"), other amounts to the öre."""
    shown = show_sv(amount)
    return shown.removesuffix(",00 kr") + " kr" if shown.endswith(",00 kr") else shown


def money_chart(decision: Decision, recorded: list[Event], now: Commitment) -> dict[str, Any]:
    """The SVG's parts: gridlines, years, the committed amount, the step line of the
    conforming utbetalningar up to today, each payment not counted drawn apart, the text
    alternative, and the rows of the table that gives the same numbers."""
    paid, committed = payments(decision, recorded, now), now.result.amounts.committed
    days = [decision.period_starts_on, decision.period_ends_on, *(p.paid_on for p in paid)]
    start, end = date(min(days).year, 1, 1), date(max(days).year + 1, 1, 1)
    rows, total, highest = [], ZERO, committed
    for payment in paid:
        before, total = total, total + (payment.amount if payment.standing == "counted" else ZERO)
        highest = max(highest, before + payment.amount)
        rows.append({"payment": payment, "level": before, "total": total})
    step = amount_step(highest)
    scale = Scale(start, end, ((highest / step).to_integral_value(ROUND_FLOOR) + 1) * step)
    drawn_to = min(now.on, end) if now.on >= start else None
    return {
        "view_box": f"0 0 {WIDTH} {HEIGHT}",
        "plot": {"left": LEFT, "right": RIGHT, "top": TOP, "bottom": BOTTOM},
        "grid": _grid(scale, step, committed),
        "years": _years(scale),
        "committed": {"y": scale.y(committed), "label": f"Åtagandet {show_sv(committed)}"},
        "line": _step_line(scale, rows, drawn_to),
        "marks": [_mark(scale, row) for row in rows],
        "today": None if drawn_to is None or now.on >= end else _today(scale, now.on),
        "title": f"Utbetalt jämfört med åtagandet, {start.year}–{end.year - 1}",
        "desc": describe(now, committed, rows, start, end, drawn_to),
        "rows": [_row(row) for row in rows],
        "standings": sorted({p.standing for p in paid} - {"counted"}),
        "paid": show_sv(total),
        "amount": show_sv(committed),
    }


def _today(scale: Scale, on: date) -> dict[str, Any]:
    """The day's line; its label on the side of it where there is room."""
    x = scale.x(on)
    right = x > (LEFT + RIGHT) / 2
    return {"x": x, "label": "I dag", "label_x": x - 6 if right else x + 6, "anchor": "end" if right else "start"}


def _grid(scale: Scale, step: Decimal, committed: Decimal) -> list[dict[str, Any]]:
    """A gridline at each step, labelled with its amount, but for the committed amount's
    own line, which says it in full."""
    ticks = [step * n for n in range(int(scale.top / step) + 1)]
    return [
        {"y": scale.y(tick), "label_y": scale.y(tick) - 6, "label": "" if tick == committed else kronor(tick)}
        for tick in ticks
    ]


def _years(scale: Scale) -> list[dict[str, Any]]:
    """A tick at each new year, and the year's number in the middle of its span."""
    years = range(scale.start.year, scale.end.year)
    spans = [(date(year, 1, 1), date(year + 1, 1, 1)) for year in years]
    return [
        {"x": scale.x(first), "label_x": ((scale.x(first) + scale.x(after)) / 2).quantize(TENTH), "label": first.year}
        for first, after in spans
    ]


def _step_line(scale: Scale, rows: list[dict[str, Any]], drawn_to: date | None) -> str | None:
    """The running sum of conforming utbetalningar, flat between them, up to today."""
    if drawn_to is None:
        return None
    path = [f"M {scale.x(scale.start)} {scale.y(ZERO)}"]
    for row in rows:
        if row["payment"].standing == "counted":
            path.append(f"H {scale.x(row['payment'].paid_on)} V {scale.y(row['total'])}")
    path.append(f"H {scale.x(drawn_to)}")
    return " ".join(path)


def _mark(scale: Scale, row: dict[str, Any]) -> dict[str, Any]:
    """A point on the line for a payment that counts; for one that does not, a dashed
    stroke from the line up by its amount: money paid out that the sum leaves out."""
    payment = row["payment"]
    x, base = scale.x(payment.paid_on), scale.y(row["level"])
    tip = scale.y(row["level"] + payment.amount)
    said = f"{payment.paid_on.isoformat()}: {show_sv(payment.amount)}, {STANDINGS[payment.standing]}"
    return {"standing": payment.standing, "x": x, "y": tip, "from_y": base, "title": said}


def _row(row: dict[str, Any]) -> dict[str, Any]:
    payment: Payment = row["payment"]
    return {
        "event_id": payment.event_id,
        "date": payment.paid_on.isoformat(),
        "amount": show_sv(payment.amount).removesuffix(" kr"),
        "standing": payment.standing,
        "counts": COUNTS[payment.standing],
        "total": show_sv(row["total"]).removesuffix(" kr"),
    }


def describe(
    now: Commitment, committed: Decimal, rows: list[dict[str, Any]], start: date, end: date, drawn_to: date | None
) -> str:
    """The chart in words, for a reader who cannot see it."""
    counted = [r["payment"] for r in rows if r["payment"].standing == "counted"]
    total = rows[-1]["total"] if rows else ZERO
    said = [f"Utbetalt {show_sv(total)} av {show_sv(committed)}"]
    said[0] += ", räknat på de utbetalningar som följer beslutets villkor." if rows else "."
    if not rows:
        said.append("Inga utbetalningar är registrerade.")
    last = date(end.year - 1, 12, 31).isoformat()
    line = f" fram till {drawn_to.isoformat()}" if drawn_to else ""
    said.append(
        f"Diagrammet visar tiden från {start.isoformat()} till {last} och summan av utbetalningarna som en"
        f" trappstegslinje{line}, mot åtagandet som en vågrät linje vid {show_sv(committed)}."
    )
    if counted:
        said.append("Utbetalningar som räknas: " + _listed(counted) + ".")
    for standing, heading in NOT_COUNTED.items():
        apart = [r["payment"] for r in rows if r["payment"].standing == standing]
        if apart:
            said.append(f"{heading}: {_listed(apart)}.")
    if total > committed:
        said.append(f"Det är {show_sv(total - committed)} mer än åtagandet.")
    return " ".join(said)


def _listed(paid: list[Payment]) -> str:
    return "; ".join(f"{p.paid_on.isoformat()} {show_sv(p.amount)}" for p in paid)


def lifeline(decision: Decision, recorded: list[Event], now: Commitment) -> dict[str, Any]:
    """The decision's life as markers in date order (the proposal, kommunstyrelsen's
    decision, the appeal period, ERUF's decision, each utbetalning, today), and apart
    from them what has no known date."""
    live = [e for e in live_events(recorded, datetime.now(UTC)) if e.effective_on is not None]
    markers = [m for m in (_event_marker(decision, e, now.on) for e in live) if m is not None]
    markers += [_payment_marker(p) for p in payments(decision, recorded, now)]
    appeal = now.result.appeal
    if appeal is not None:
        markers.append(_marker("span", appeal.announced_on, "Tid för överklagande", [_appeal_period(appeal)]))
        markers[-1]["until"] = appeal.period_ends_on.isoformat()
    markers.append(_marker("today", now.on, "I dag", [], rank=1))
    return {"markers": sorted(markers, key=lambda m: m["sort"]), "undated": _undated(live, now)}


def _marker(kind: str, day: date, label: str, details: list[str], event_id: int = 0, rank: int = 0) -> dict[str, Any]:
    said = {"kind": kind, "date": day.isoformat(), "until": None, "label": label, "details": details}
    return {**said, "event_id": event_id or None, "sort": (day, rank, event_id)}


def _event_marker(decision: Decision, event: Event, on: date) -> dict[str, Any] | None:
    """A proposal, a decision of kommunstyrelsen or ERUF, an appeal or the project's start."""
    if event.type not in EVENT_KINDS:
        return None
    day, kind, label = event.effective_on, EVENT_KINDS[event.type], EVENT_TYPES[event.type]
    assert day is not None
    details = _event_details(decision, event)
    if event.type == "eruf_decision" and event.source_evidence == "press_report":
        kind, label = "report", f"{label} (enligt en nyhetsrapport)"
        details.append(f"Uppgiften kommer från en nyhetsrapport{_from(event.payload)}, inte från ERUF:s eget beslut.")
    if day > on:
        details.append("Daterad efter i dag.")
    return _marker(kind, day, label, details, event.event_id)


#: The events the life of the decision shows, and the marker each is drawn with.
EVENT_KINDS = {
    "proposal": "document",
    "adoption": "decision",
    "appeal": "decision",
    "eruf_decision": "decision",
    "project_start": "decision",
}


def _event_details(decision: Decision, event: Event) -> list[str]:
    p = event.payload
    if event.type == "proposal":
        return [p.get("source_title") or f"Förslag till beslut till {decision.data['decision_body']}"]
    if event.type == "adoption":
        amount = show_sv(Decimal(p["amended_amount"])) if p.get("amended_amount") else ""
        body = p.get("body") or decision.data["decision_body"]
        return [DECIDED[_outcome(event)].format(body=body, amount=amount)]
    if event.type == "eruf_decision":
        return [f"Ansökan {ERUF_OUTCOMES[p['outcome']]['sv']}."]
    if event.type == "appeal":
        return [f"{APPEAL_OUTCOMES[p.get('outcome') or 'pending']['sv'].capitalize()}."]
    return []


def _outcome(adoption: Event) -> str:
    """An adoption's outcome; one recorded before outcomes were, or with none, adopted."""
    return adoption.payload.get("outcome") or "adopted"


def _from(payload: dict[str, Any]) -> str:
    named = ", ".join(t for t in (payload.get("source_title"), payload.get("source_publisher")) if t)
    return f" ({named})" if named else ""


def _payment_marker(payment: Payment) -> dict[str, Any]:
    said = f"{show_sv(payment.amount)}. Utbetalningen {STANDINGS[payment.standing]}."
    return _marker(f"payment-{payment.standing}", payment.paid_on, "Utbetalning", [said], payment.event_id)


def _appeal_period(appeal: AppealState) -> str:
    ran = "Tiden har gått ut." if appeal.period_has_run else "Tiden löper fortfarande."
    return (
        f"Från den dag då det tillkännagavs på anslagstavlan att protokollet justerats, {appeal.announced_on},"
        f" till och med {appeal.period_ends_on} (kommunallagen 13 kap. 5 §). {ran}"
    )


def _undated(live: list[Event], now: Commitment) -> list[dict[str, str]]:
    """What the life of the decision has, but the record gives no date for."""
    undated = []
    if not any(e.type == "adoption" and _outcome(e) in FINAL_ADOPTION_OUTCOMES for e in live):
        undated.append(
            {
                "label": "Kommunstyrelsens beslut",
                "text": "Datum okänt. Inget beslut av kommunstyrelsen i ärendet är registrerat, och dagen för"
                " beslutet är inte känd här. Därför visas beslutet inte bland de daterade händelserna.",
            }
        )
    if now.result.appeal is None:
        undated.append(
            {
                "label": "Tid för överklagande",
                "text": "Datum okänt. Dagen då det tillkännagavs på anslagstavlan att protokollet justerats är"
                " inte registrerad, så det går inte att säga när tiden för överklagande börjar och slutar.",
            }
        )
    return undated
