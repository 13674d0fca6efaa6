"""Who publishes: a decision's issuer as its data file gives it (name, organisation
number, contact), for the catalogue, the data package and the pages."""

from __future__ import annotations

from dataclasses import dataclass

from rules import Decision


@dataclass(frozen=True, slots=True)
class Publisher:
    """An organisation that publishes: a decision's issuer, as its data file gives it."""

    party_id: str
    name: str
    organisation_number: str
    contact_email: str
    contact_telephone: str

    @property
    def genitive(self) -> str:
        """The name as a Swedish genitive ("... kommuns"), as a heading writes it."""
        return self.name if self.name[-1:] in ("s", "x", "z") else f"{self.name}s"


def issuer_of(decision: Decision) -> Publisher:
    """The organisation that issued ``decision``."""
    data = decision.data
    issuer = data["issuer"]
    party = next(p for p in data["parties"] if p["party_id"] == issuer["party_id"])
    return Publisher(
        party["party_id"],
        party["name"],
        party["organisation_number"],
        issuer["contact_email"],
        issuer["contact_telephone"],
    )
