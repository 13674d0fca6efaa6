"""What each rule outcome says, in Swedish and in English.

A ``RuleOutcome`` carries a message key and values; ``render`` words it. Amounts are
shown in the Swedish way in Swedish (``1 000 000,00 kr``) and as decimal strings in
English.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Final

from rules.money import show, show_sv
from rules.outcomes import RuleOutcome

TEMPLATES: Final[dict[str, tuple[str, str]]] = {
    # ------------------------------------------------------------ Kommunstyrelsens beslut
    "adoption.none_recorded": (
        "Inget beslut av kommunstyrelsen i ärendet är registrerat; ett förslag till beslut binder inte kommunen.",
        "No decision of Kommunstyrelsen on the matter is recorded; a proposed decision does not bind the municipality.",
    ),
    "adoption.paid_without_decision": (
        "Utbetalningen {paid_on} gjordes utan att något beslut av kommunstyrelsen att anta förslaget är registrerat.",
        "The disbursement on {paid_on} was made with no decision of Kommunstyrelsen adopting the proposal on record.",
    ),
    "adoption.referred_back": (
        "Kommunstyrelsen återremitterade ärendet {decided_on}; något beslut i sak är inte fattat.",
        "Kommunstyrelsen referred the matter back on {decided_on}; no decision on it has been taken.",
    ),
    "adoption.tabled": (
        "Kommunstyrelsen bordlade ärendet {decided_on}; något beslut i sak är inte fattat.",
        "Kommunstyrelsen tabled the matter on {decided_on}; no decision on it has been taken.",
    ),
    "adoption.rejected": (
        "Kommunstyrelsen avslog förslaget {decided_on}; någon medfinansiering är inte beviljad.",
        "Kommunstyrelsen rejected the proposal on {decided_on}; no co-financing has been granted.",
    ),
    "adoption.annulled": (
        "Kommunstyrelsens beslut {decided_on} upphävdes {annulled_on} efter laglighetsprövning och gäller inte.",
        "Kommunstyrelsen's decision of {decided_on} was annulled on appeal on {annulled_on} and does not apply.",
    ),
    "adoption.paid_before_adoption": (
        "Utbetalningen {paid_on} gjordes innan kommunstyrelsen antog förslaget {decided_on}.",
        "The disbursement on {paid_on} was made before Kommunstyrelsen adopted the proposal on {decided_on}.",
    ),
    "adoption.none_by_payment": (
        "Inget beslut av kommunstyrelsen att anta förslaget är registrerat per {paid_on}, dagen för utbetalningen.",
        "No decision of Kommunstyrelsen adopting the proposal is on record by {paid_on}, the day of the disbursement.",
    ),
    "adoption.referred_back_by_payment": (
        "Kommunstyrelsen återremitterade ärendet {decided_on}; {paid_on}, dagen för utbetalningen, fanns inget"
        " beslut att anta förslaget.",
        "Kommunstyrelsen referred the matter back on {decided_on}; on {paid_on}, the day of the disbursement,"
        " there was no decision adopting the proposal.",
    ),
    "adoption.tabled_by_payment": (
        "Kommunstyrelsen bordlade ärendet {decided_on}; {paid_on}, dagen för utbetalningen, fanns inget beslut"
        " att anta förslaget.",
        "Kommunstyrelsen tabled the matter on {decided_on}; on {paid_on}, the day of the disbursement, there"
        " was no decision adopting the proposal.",
    ),
    "adoption.adopted_after_payment": (
        "Kommunstyrelsen antog förslaget först {decided_on}, efter {paid_on}, dagen för utbetalningen.",
        "Kommunstyrelsen adopted the proposal only on {decided_on}, after {paid_on}, the day of the disbursement.",
    ),
    "adoption.annulled_by_payment": (
        "Kommunstyrelsens beslut upphävdes {annulled_on} efter laglighetsprövning, före {paid_on}, dagen för"
        " utbetalningen.",
        "Kommunstyrelsen's decision was annulled on appeal on {annulled_on}, before {paid_on}, the day of the"
        " disbursement.",
    ),
    "adoption.adopted": (
        "Kommunstyrelsen antog förslaget {decided_on}.",
        "Kommunstyrelsen adopted the proposal on {decided_on}.",
    ),
    "adoption.adopted_amended": (
        "Kommunstyrelsen antog förslaget {decided_on} med ändringen att medfinansieringen är {amount}.",
        "Kommunstyrelsen adopted the proposal on {decided_on}, amended so that the co-financing is {amount}.",
    ),
    # ------------------------------------------------------------ ERUF:s godkännande
    "eruf.approved": (
        "ERUF godkände ansökan {decided_on}.",
        "The ERDF approved the application on {decided_on}.",
    ),
    "eruf.reduced_counts": (
        "ERUF beviljade {granted_amount} av sökta {applied_amount} {decided_on}; enligt vald tolkning räknas det"
        " som godkännande.",
        "The ERDF granted {granted_amount} of the {applied_amount} applied for on {decided_on}; under the chosen"
        " reading that counts as approval.",
    ),
    "eruf.no_decision": (
        "Inget beslut av ERUF om ansökan är registrerat.",
        "No ERDF decision on the application is recorded.",
    ),
    "eruf.amount_unknown": (
        "ERUF godkände ansökan {decided_on}, men det beviljade beloppet är inte registrerat, och enligt vald"
        " tolkning avgör beloppet om villkoret är uppfyllt.",
        "The ERDF approved the application on {decided_on}, but the amount granted is not recorded, and under"
        " the chosen reading the amount decides whether the condition is met.",
    ),
    "eruf.rejected": (
        "ERUF avslog ansökan {decided_on}; villkoret i beslutspunkt {point} kan inte längre uppfyllas.",
        "The ERDF rejected the application on {decided_on}; the condition of decision point 3 can no longer be met.",
    ),
    "eruf.withdrawn": (
        "Ansökan återkallades {decided_on}, innan ERUF beslutat om den; villkoret i beslutspunkt {point} kan inte"
        " längre uppfyllas.",
        "The application was withdrawn on {decided_on}, before the ERDF decided on it; the condition of decision"
        " point 3 can no longer be met.",
    ),
    "eruf.withdrawn_after_approval": (
        "ERUF godkände ansökan {decided_on}, så villkoret i beslutspunkt {point} uppfylldes; ansökan återkallades"
        " {withdrawn_on}, och enligt vald tolkning får inga utbetalningar göras från den dagen.",
        "The ERDF approved the application on {decided_on}, so the condition of decision point 3 was met; the"
        " application was withdrawn on {withdrawn_on}, and under the chosen reading no disbursement may be made"
        " from that day.",
    ),
    "eruf.withdrawn_after_approval_stands": (
        "ERUF godkände ansökan {decided_on}, så villkoret i beslutspunkt {point} uppfylldes; enligt vald tolkning"
        " ändrar återkallelsen {withdrawn_on} inte det.",
        "The ERDF approved the application on {decided_on}, so the condition of decision point 3 was met; under"
        " the chosen reading the withdrawal on {withdrawn_on} does not change that.",
    ),
    "eruf.payment_after_withdrawal_stands": (
        "ERUF godkände ansökan {decided_on}; enligt vald tolkning hindrar återkallelsen {withdrawn_on} inte"
        " utbetalningen {paid_on}.",
        "The ERDF approved the application on {decided_on}; under the chosen reading the withdrawal on"
        " {withdrawn_on} does not bar the disbursement on {paid_on}.",
    ),
    "eruf.paid_after_withdrawal": (
        "Utbetalningen {paid_on} gjordes efter att ansökan återkallades {withdrawn_on} (ERUF hade godkänt den"
        " {decided_on}); enligt vald tolkning får inga utbetalningar göras efter återkallelsen.",
        "The disbursement on {paid_on} was made after the application was withdrawn on {withdrawn_on} (the ERDF"
        " had approved it on {decided_on}); under the chosen reading none may follow the withdrawal.",
    ),
    "eruf.payment_after_withdrawal": (
        "Utbetalningen {paid_on} skulle göras efter att ansökan återkallades {withdrawn_on} (ERUF hade godkänt den"
        " {decided_on}); enligt vald tolkning får inga utbetalningar göras efter återkallelsen.",
        "The disbursement on {paid_on} would come after the application was withdrawn on {withdrawn_on} (the ERDF"
        " had approved it on {decided_on}); under the chosen reading none may follow the withdrawal.",
    ),
    "eruf.reduced_not_approval": (
        "ERUF beviljade {granted_amount} av sökta {applied_amount}; enligt vald tolkning är det inget godkännande.",
        "The ERDF granted {granted_amount} of the {applied_amount} applied for;"
        " under the chosen reading that is no approval.",
    ),
    "eruf.paid_before_approval": (
        "Utbetalningen {paid_on} gjordes utan att något godkännande från ERUF är registrerat.",
        "The disbursement on {paid_on} was made with no ERDF approval on record.",
    ),
    "eruf.paid_before_approval_on": (
        "Utbetalningen {paid_on} gjordes innan ERUF godkände ansökan {decided_on}.",
        "The disbursement on {paid_on} was made before the ERDF approved the application on {decided_on}.",
    ),
    "eruf.not_approved_by_payment": (
        "ERUF hade inte godkänt ansökan {paid_on}, dagen för utbetalningen.",
        "The ERDF had not approved the application by {paid_on}, the day of the disbursement.",
    ),
    # ------------------------------------------------------------ beloppet
    "cap.within": (
        "Av medfinansieringen {committed} har {total} betalats ut enligt villkoren; {remaining} återstår.",
        "Of the co-financing of {committed}, {total} has been disbursed under its conditions; {remaining} remains.",
    ),
    "cap.within_beside_nonconforming": (
        "Av medfinansieringen {committed} har {total} betalats ut enligt villkoren; {remaining} återstår."
        " Därutöver har {nonconforming} betalats ut i strid med beslutets villkor och räknas inte.",
        "Of the co-financing of {committed}, {total} has been disbursed under its conditions; {remaining} remains."
        " A further {nonconforming} was disbursed in breach of the decision's conditions and does not count.",
    ),
    "cap.within_and_undecided": (
        "Av medfinansieringen {committed} har {total} betalats ut enligt villkoren; {remaining} återstår."
        " Om {undecided} uppfyller villkoren kan inte avgöras förrän det som avgör det är registrerat.",
        "Of the co-financing of {committed}, {total} has been disbursed under its conditions; {remaining} remains."
        " Whether {undecided} meets the conditions cannot be told until what decides it is recorded.",
    ),
    "cap.within_beside_nonconforming_and_undecided": (
        "Av medfinansieringen {committed} har {total} betalats ut enligt villkoren; {remaining} återstår."
        " Därutöver har {nonconforming} betalats ut i strid med beslutets villkor och räknas inte, och om"
        " {undecided} uppfyller villkoren kan inte avgöras förrän det som avgör det är registrerat.",
        "Of the co-financing of {committed}, {total} has been disbursed under its conditions; {remaining} remains."
        " A further {nonconforming} was disbursed in breach of the decision's conditions and does not count, and"
        " whether {undecided} meets them cannot be told until what decides it is recorded.",
    ),
    "cap.closed": (
        "Inga fler utbetalningar får göras enligt beslutet; av medfinansieringen {committed} har {total} betalats"
        " ut enligt villkoren.",
        "No further disbursement may be made under the decision; of the co-financing of {committed}, {total} was"
        " disbursed under its conditions.",
    ),
    "cap.exceeded": (
        "Utbetalningarna uppgår till {total}, vilket är {excess} mer än medfinansieringen {committed}.",
        "The disbursements come to {total}, which is {excess} more than the co-financing of {committed}.",
    ),
    "cap.payment_within": (
        "Med utbetalningen {paid_on} uppgår utbetalningarna till {total} av {committed}.",
        "With the disbursement on {paid_on} the disbursements come to {total} of {committed}.",
    ),
    "cap.payment_exceeds": (
        "Med utbetalningen {paid_on} skulle utbetalningarna uppgå till {total}, vilket är {excess} mer än {committed}.",
        "With the disbursement on {paid_on} the disbursements would come to {total}, which is {excess} more than"
        " {committed}.",
    ),
    "cap.year_over_third": (
        "Under året {starts_on}–{ends_on} har {year_total} betalats ut, mer än {share_sv} ({third}).",
        "{year_total} disbursed in the year {starts_on}–{ends_on} exceeds {share_en} ({third}).",
    ),
    # ------------------------------------------------------------ tidsramen
    "period.within": (
        "Alla utbetalningar ligger inom {starts_on}–{ends_on}.",
        "Every disbursement falls within {starts_on}–{ends_on}.",
    ),
    "period.payment_within": (
        "Utbetalningen {paid_on} ligger inom {starts_on}–{ends_on}.",
        "The disbursement on {paid_on} falls within {starts_on}–{ends_on}.",
    ),
    "period.outside": (
        "Utbetalningen {paid_on} ligger utanför {starts_on}–{ends_on}.",
        "The disbursement on {paid_on} falls outside {starts_on}–{ends_on}.",
    ),
    "period.all_in_budget_plan": (
        "Alla utbetalningar ligger inom budgetperioden för Mål och budget ({starts_on}–{ends_on}).",
        "Every disbursement falls within the budget period of Mål och budget ({starts_on}–{ends_on}).",
    ),
    "period.payment_in_budget_plan": (
        "Utbetalningen {paid_on} ligger inom budgetperioden för Mål och budget ({starts_on}–{ends_on}).",
        "The disbursement on {paid_on} falls within the budget period of Mål och budget ({starts_on}–{ends_on}).",
    ),
    "period.outside_budget_plan": (
        "Utbetalningen {paid_on} ligger utanför budgetperioden för Mål och budget ({starts_on}–{ends_on}) och"
        " behöver täckas i budgeten för sitt år; texten sätter ingen sista dag för utbetalning.",
        "The disbursement on {paid_on} falls outside the budget period of Mål och budget ({starts_on}–{ends_on})"
        " and needs cover in that year's budget; the text sets no last day for disbursements.",
    ),
    "period.before_budget_plan": (
        "Utbetalningen {paid_on} ligger före budgetperioden för Mål och budget ({starts_on}–{ends_on}) och"
        " behöver täckas i budgeten för sitt år.",
        "The disbursement on {paid_on} comes before the budget period of Mål och budget ({starts_on}–{ends_on})"
        " and needs cover in that year's budget.",
    ),
    "period.start_unknown": (
        "Projektets startdag är inte registrerad, så de {months} månaderna kan inte avgöras.",
        "The project's start day is not recorded, so the {months} months cannot be determined.",
    ),
    "payment.none": (
        "Inga utbetalningar är registrerade.",
        "No disbursements are recorded.",
    ),
    # ------------------------------------------------------------ källan och mottagaren
    "source.right": (
        "Alla utbetalningar tas från {expected}.",
        "Every disbursement comes from {expected_en}.",
    ),
    "source.right_one": (
        "Utbetalningen tas från {expected}.",
        "The disbursement comes from {expected_en}.",
    ),
    "source.wrong": (
        'Utbetalningen {paid_on} tas från den angivna källan "{given}", inte från {expected}.',
        'The disbursement on {paid_on} is charged to "{given}", not to {expected_en}.',
    ),
    "recipient.right": (
        "Alla utbetalningar går till {expected}.",
        "Every disbursement goes to {expected}.",
    ),
    "recipient.right_one": (
        "Utbetalningen går till {expected}.",
        "The disbursement goes to {expected}.",
    ),
    "recipient.wrong": (
        "Utbetalningen {paid_on} går till {given}, inte till {expected}.",
        "The disbursement on {paid_on} goes to {given}, not to {expected}.",
    ),
    "recipient.wrong_unnamed": (
        'Utbetalningen {paid_on} går till den angivna mottagaren "{given}", inte till {expected}.',
        'The disbursement on {paid_on} goes to the recipient given as "{given}", not to {expected}.',
    ),
    # ------------------------------------------------------------ laga kraft
    "force.no_decision": (
        "Inget beslut av kommunstyrelsen i ärendet är registrerat som kan vinna laga kraft.",
        "No decision of Kommunstyrelsen on the matter is recorded that could gain legal force.",
    ),
    "force.announcement_unknown": (
        "Dagen då det tillkännagavs på anslagstavlan att protokollet justerats är inte registrerad, så det går"
        " inte att säga när tiden för överklagande går ut.",
        "The day on which the approved minutes (justerat protokoll) were announced on the notice board is not"
        " recorded, so when the time for appeal ends cannot be told.",
    ),
    "force.period_running": (
        "Tiden för överklagande löper till och med {period_ends_on} (tillkännagivet på anslagstavlan"
        " {announced_on}); beslutet får verkställas innan det vunnit laga kraft.",
        "The time for appeal runs until {period_ends_on} inclusive (announced on the notice board on"
        " {announced_on}); the decision may be executed before it gains legal force.",
    ),
    "force.period_run": (
        "Tiden för överklagande gick ut {period_ends_on} utan att något överklagande är registrerat.",
        "The time for appeal ended on {period_ends_on} with no appeal on record.",
    ),
    "force.appealed": (
        "Beslutet överklagades {lodged_on}, och överklagandet är inte avgjort; beslutet får ändå verkställas.",
        "The decision was appealed on {lodged_on} and the appeal is undecided; the decision may still be executed.",
    ),
    "force.appeal_dismissed": (
        "Domstolen avgjorde överklagandet {ruled_on} utan att upphäva beslutet; beslutet vinner laga kraft först"
        " när det avgörandet står fast, och det är inte registrerat.",
        "The court decided the appeal on {ruled_on} without annulling the decision; the decision gains legal force"
        " only once that ruling stands, which is not recorded.",
    ),
    "force.appealed_late": (
        "Beslutet överklagades {lodged_on}, efter att tiden för överklagande gick ut {period_ends_on}; ett"
        " överklagande som kommit in för sent ska avvisas, men detta är inte avgjort.",
        "The decision was appealed on {lodged_on}, after the time for appeal ended on {period_ends_on}; an appeal"
        " that comes in late is to be dismissed, but this one is undecided.",
    ),
    "force.annulled": (
        "Beslutet överklagades {lodged_on} och upphävdes {ruled_on} efter laglighetsprövning.",
        "The decision was appealed on {lodged_on} and annulled on {ruled_on}.",
    ),
    # ------------------------------------------------------------ finansieringsplanen
    "balance.about": (
        "Bidragen uppgår till {total}, vilket stämmer med angivna ca {stated} räknat med den noggrannhet"
        " texten skriver (från {low} till under {high}).",
        "The contributions come to {total}, which agrees with the stated ca {stated} at the precision the text"
        " writes (from {low} up to but not including {high}).",
    ),
    "balance.not_about": (
        "Bidragen uppgår till {total}, vilket inte stämmer med angivna ca {stated} räknat med den noggrannhet"
        " texten skriver (från {low} till under {high}).",
        "The contributions come to {total}, which does not agree with the stated ca {stated} at the precision"
        " the text writes (from {low} up to but not including {high}).",
    ),
    "balance.exact": (
        "Bidragen uppgår till {total}, lika med angivna {stated}.",
        "The contributions come to {total}, equal to the stated {stated}.",
    ),
    "balance.not_exact": (
        "Bidragen uppgår till {total}, inte till angivna {stated} (skillnad {difference}).",
        "The contributions come to {total}, not the stated {stated} (difference {difference}).",
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
    if isinstance(value, Decimal):  # every Decimal in a message is an amount: to the öre
        return show_sv(value)
    return str(value)


def _en(value: Any) -> str:
    if isinstance(value, Decimal):
        return f"{show(value)} SEK"
    return str(value)
