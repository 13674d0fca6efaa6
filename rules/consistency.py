"""Whether facts agree with each other and with the decision, before any rule reads them.

A fact that cannot be true of this decision (an adoption by another body, or before the
proposal existed; a rejection with a granted amount) is refused where it is given: the
service answers 422 to a registrar and 400 to a what-if. Each problem names the member
it is about by a JSON pointer relative to the object checked, and says how to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass

from rules.decision import Decision
from rules.facts import Adoption, Appeal, ErufDecision, Facts
from rules.money import show


@dataclass(frozen=True, slots=True)
class FactProblem:
    pointer: str
    detail: str


def check_adoption(decision: Decision, adoption: Adoption) -> tuple[FactProblem, ...]:
    """What is wrong with a recorded decision of Kommunstyrelsen, if anything."""
    found: list[FactProblem] = []
    if adoption.body is not None and not decision.is_deciding_body(adoption.body):
        found.append(
            FactProblem(
                "/body",
                f"{adoption.body!r} is not the body this proposal was put to: the decision is"
                f" {decision.decision_body!r} of {decision.party_name(decision.data['issuer']['party_id'])}.",
            )
        )
    if adoption.decided_on < decision.document_date:
        found.append(
            FactProblem(
                "/decided_on",
                f"{adoption.decided_on} is before the proposal itself ({decision.document_date}):"
                " a decision on it cannot come first.",
            )
        )
    if adoption.outcome == "adopted_amended":
        if adoption.amended_amount is None:
            found.append(FactProblem("/amended_amount", "An amended adoption needs the amount adopted."))
        elif adoption.amended_amount <= 0:
            found.append(FactProblem("/amended_amount", "The amount adopted must be more than 0.00."))
    elif adoption.amended_amount is not None:
        found.append(
            FactProblem(
                "/amended_amount",
                f"Only an outcome of adopted_amended has an amended amount (this one is {adoption.outcome});"
                f" leave it out, or record adopted_amended.",
            )
        )
    if adoption.announced_on is not None:
        if adoption.outcome in ("referred_back", "tabled"):
            found.append(
                FactProblem(
                    "/announced_on",
                    f"A decision to {'refer back' if adoption.outcome == 'referred_back' else 'table'}"
                    " the matter decides nothing that can be appealed; leave announced_on out.",
                )
            )
        elif adoption.announced_on < adoption.decided_on:
            found.append(
                FactProblem(
                    "/announced_on",
                    f"The protocol cannot be announced ({adoption.announced_on}) before the meeting"
                    f" ({adoption.decided_on}).",
                )
            )
    return tuple(found)


def check_eruf_decision(eruf: ErufDecision) -> tuple[FactProblem, ...]:
    """What is wrong with a recorded ERDF decision, if anything."""
    granted = eruf.granted_amount
    if granted is None:
        return ()
    if eruf.outcome != "approved":
        return (
            FactProblem(
                "/granted_amount",
                f"A decision of {eruf.outcome} grants nothing; leave granted_amount out (it was {show(granted)}).",
            ),
        )
    if granted <= 0:
        return (FactProblem("/granted_amount", "A grant must be more than 0.00; a refusal is outcome rejected."),)
    return ()


def check_appeal(appeal: Appeal) -> tuple[FactProblem, ...]:
    """What is wrong with a recorded appeal, if anything."""
    if appeal.outcome == "pending":
        if appeal.decided_on is not None:
            return (FactProblem("/decided_on", "A pending appeal has no ruling yet; leave decided_on out."),)
        return ()
    if appeal.decided_on is None:
        return (FactProblem("/decided_on", f"An appeal {appeal.outcome} needs the day of the ruling."),)
    if appeal.decided_on < appeal.lodged_on:
        return (
            FactProblem(
                "/decided_on",
                f"The ruling ({appeal.decided_on}) cannot come before the appeal ({appeal.lodged_on}).",
            ),
        )
    return ()


def check_appeal_against(adoption: Adoption | None, appeal: Appeal) -> tuple[FactProblem, ...]:
    """An appeal needs a decision of Kommunstyrelsen on the matter, taken before it."""
    if adoption is None or adoption.outcome in ("referred_back", "tabled"):
        return (
            FactProblem(
                "/lodged_on",
                "There is no decision of Kommunstyrelsen on the matter to appeal; record it first.",
            ),
        )
    if appeal.lodged_on < adoption.decided_on:
        return (
            FactProblem(
                "/lodged_on",
                f"The appeal ({appeal.lodged_on}) cannot come before the decision ({adoption.decided_on}).",
            ),
        )
    return ()


def check_facts(decision: Decision, facts: Facts) -> tuple[FactProblem, ...]:
    """Every problem with a what-if's facts, with pointers relative to ``facts``."""
    found: list[FactProblem] = []
    if facts.adoption is not None:
        found += _under("/adoption", check_adoption(decision, facts.adoption))
    eruf = facts.eruf_decision
    if eruf is not None:
        found += _under("/eruf_decision", check_eruf_decision(eruf))
    withdrawn_on = facts.eruf_withdrawn_on
    if withdrawn_on is not None and (eruf is None or eruf.outcome != "approved" or withdrawn_on < eruf.decided_on):
        found.append(
            FactProblem(
                "/eruf_withdrawn_on",
                "A withdrawal after approval needs an eruf_decision approved on or before it; a withdrawal"
                " before any decision is eruf_decision with outcome withdrawn.",
            )
        )
    for index, appeal in enumerate(facts.appeals):
        found += _under(f"/appeals/{index}", check_appeal(appeal) + check_appeal_against(facts.adoption, appeal))
    return tuple(found)


def _under(prefix: str, problems: tuple[FactProblem, ...]) -> list[FactProblem]:
    return [FactProblem(prefix + p.pointer, p.detail) for p in problems]
