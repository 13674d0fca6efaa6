"""What each rule outcome says, in Swedish and in English.

A ``RuleOutcome`` carries a message key and values; ``render`` words it. Amounts are
shown in the Swedish way in Swedish (``1 000 000,00 kr``) and as decimal strings in
English.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Final

from rules.money import ORE, Percent, show, show_sv
from rules.outcomes import RuleOutcome

TEMPLATES: Final[dict[str, tuple[str, str]]] = {
    "adoption.adopted": (
        "Kommunstyrelsen antog förslaget {adopted_on}.",
        "Kommunstyrelsen adopted the proposal on {adopted_on}.",
    ),
    "adoption.not_adopted": (
        "Kommunstyrelsen har inte antagit förslaget; ett förslag förpliktar ingenting.",
        "Kommunstyrelsen has not adopted the proposal; a proposal commits nothing.",
    ),
    "adoption.paid_before_adoption": (
        "Utbetalning {paid_on} gjordes innan Kommunstyrelsen antog förslaget.",
        "A disbursement on {paid_on} was made before Kommunstyrelsen adopted the proposal.",
    ),
    "adoption.not_adopted_by_payment": (
        "Kommunstyrelsen hade inte antagit förslaget {paid_on}, dagen för utbetalningen.",
        "Kommunstyrelsen had not adopted the proposal by {paid_on}, the day of the disbursement.",
    ),
    "eruf.approved": (
        "ERUF godkände ansökan {decided_on}.",
        "ERUF approved the application on {decided_on}.",
    ),
    "eruf.no_decision": (
        "ERUF har ännu inte beslutat om ansökan.",
        "ERUF has not yet decided on the application.",
    ),
    "eruf.rejected": (
        "ERUF avslog ansökan {decided_on}; villkoret i beslutspunkt 3 kan inte uppfyllas.",
        "ERUF rejected the application on {decided_on}; the condition of decision point 3 cannot be met.",
    ),
    "eruf.withdrawn": (
        "Ansökan återkallades {decided_on}; villkoret i beslutspunkt 3 kan inte uppfyllas.",
        "The application was withdrawn on {decided_on}; the condition of decision point 3 cannot be met.",
    ),
    "eruf.reduced_not_approval": (
        "ERUF beviljade {granted_amount} av sökta {applied_amount}; enligt vald tolkning är det inget godkännande.",
        "ERUF granted {granted_amount} of the {applied_amount} applied for;"
        " under the chosen reading that is no approval.",
    ),
    "eruf.paid_before_approval": (
        "Utbetalning {paid_on} gjordes innan ERUF godkänt ansökan.",
        "A disbursement on {paid_on} was made before ERUF approved the application.",
    ),
    "eruf.not_approved_by_payment": (
        "ERUF hade inte godkänt ansökan {paid_on}, dagen för utbetalningen.",
        "ERUF had not approved the application by {paid_on}, the day of the disbursement.",
    ),
    "cap.within": (
        "Utbetalt {disbursed} av {committed}; {remaining} återstår.",
        "{disbursed} of {committed} disbursed; {remaining} remains.",
    ),
    "cap.exceeded": (
        "Utbetalt {disbursed} överstiger medfinansieringen {committed} med {excess}.",
        "{disbursed} disbursed exceeds the co-financing of {committed} by {excess}.",
    ),
    "cap.payment_within": (
        "Med utbetalningen blir summan {total} av {committed}.",
        "With this disbursement the total becomes {total} of {committed}.",
    ),
    "cap.payment_exceeds": (
        "Med utbetalningen blir summan {total}, vilket är {excess} över {committed}.",
        "With this disbursement the total becomes {total}, which is {excess} over {committed}.",
    ),
    "cap.year_over_third": (
        "Utbetalt {year_total} under året {starts_on}–{ends_on} överstiger en tredjedel ({third}).",
        "{year_total} disbursed in the year {starts_on}–{ends_on} exceeds one third ({third}).",
    ),
    "period.within": (
        "Alla utbetalningar ligger inom {starts_on}–{ends_on}.",
        "Every disbursement falls within {starts_on}–{ends_on}.",
    ),
    "period.outside": (
        "Utbetalning {paid_on} ligger utanför {starts_on}–{ends_on}.",
        "A disbursement on {paid_on} falls outside {starts_on}–{ends_on}.",
    ),
    "period.start_unknown": (
        "Projektets startdag är okänd, så de 36 månaderna kan inte avgöras.",
        "The project's start day is unknown, so the 36 months cannot be determined.",
    ),
    "payment.none": (
        "Inga utbetalningar ännu.",
        "No disbursements yet.",
    ),
    "source.right": (
        "Medlen tas från {expected}.",
        "The money comes from {expected}.",
    ),
    "source.wrong": (
        'Utbetalning {paid_on} belastar "{given}", inte {expected}.',
        'A disbursement on {paid_on} is charged to "{given}", not {expected}.',
    ),
    "recipient.right": (
        "Mottagare är {expected}.",
        "The recipient is {expected}.",
    ),
    "recipient.wrong": (
        'Utbetalning {paid_on} går till "{given}", inte {expected}.',
        'A disbursement on {paid_on} goes to "{given}", not {expected}.',
    ),
    "balance.balances": (
        "Bidragen summerar till {total}, lika med angivna {stated}.",
        "The contributions add up to {total}, equal to the stated {stated}.",
    ),
    "balance.off": (
        "Bidragen summerar till {total}, inte angivna {stated} (skillnad {difference}).",
        "The contributions add up to {total}, not the stated {stated} (difference {difference}).",
    ),
    "rate.within": (
        "ERUF:s andel är {rate} %, högst {maximum} % tillåts.",
        "The ERUF share is {rate} %; at most {maximum} % is allowed.",
    ),
    "rate.exceeded": (
        "ERUF:s andel är {rate} %, över högsta tillåtna {maximum} %.",
        "The ERUF share is {rate} %, above the maximum of {maximum} %.",
    ),
}


def render(outcome: RuleOutcome) -> dict[str, str]:
    """The outcome's message in Swedish and English."""
    swedish, english = TEMPLATES[outcome.message_key]
    values = outcome.message_values
    return {
        "sv": swedish.format_map({name: _sv(value) for name, value in values}),
        "en": english.format_map({name: _en(value) for name, value in values}),
    }


def _sv(value: Any) -> str:
    if isinstance(value, Percent):
        return value.replace(".", ",")
    if isinstance(value, Decimal):  # same_quantum(ORE): exactly two decimals
        return show_sv(value) if value.same_quantum(ORE) else str(value).replace(".", ",")
    return str(value)


def _en(value: Any) -> str:
    if isinstance(value, Decimal) and value.same_quantum(ORE):
        return f"{show(value)} SEK"
    return str(value)
