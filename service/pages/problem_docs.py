"""What each problem type means and how a client puts it right: the pages that a
problem's ``type`` URI leads to (``/problems/{slug}``, operationId getProblemType).

One entry per type of ``service.http.problems.TYPES`` (a test holds the two alike), written
for the developer whose request was refused.
"""

from __future__ import annotations

#: Problem type slug → (when it is answered, how to put it right).
EXPLANATIONS: dict[str, tuple[str, str]] = {
    "validation-error": (
        "A parameter, a header or a member of the body is not what the operation takes: a malformed date or"
        " amount, text with control characters, a value out of range, an unknown query parameter or member.",
        "Read errors[]: each names the parameter (or JSON pointer) and what it must be. openapi.yaml gives every"
        " operation's parameters and schemas.",
    ),
    "malformed-json": (
        "The body was sent as JSON but is not valid JSON (or not UTF-8).",
        "Send one JSON document in UTF-8; detail gives the line and column where reading stopped.",
    ),
    "not-gherkin": (
        "A scenario run was sent text that the Gherkin parser refuses, or a form with no feature in it.",
        "Write the feature as Gherkin (# language: sv, Egenskap, Scenario, Givet/När/Så); detail gives the"
        " parser's line and column. GET /v1/steps lists the phrasings.",
    ),
    "unknown-interpretation": (
        "A what-if names an interpretation, or an option of one, that the decision does not have.",
        "GET /v1/decisions/{decision_id}/rules lists each interpretation with its options.",
    ),
    "unauthorized": (
        "A write came without a bearer token, or with one that is unknown or revoked.",
        "Send Authorization: Bearer <token>; a token is made with medfin tokens create. Reads need none.",
    ),
    "forbidden": (
        "The token is valid but its role may not do this (a reader's token cannot record events).",
        "Use a token with the registrar role.",
    ),
    "unknown-decision": (
        "No decision has this id.",
        "Decision ids are slugs of the diarienummer; GET /v1/decisions lists them, and"
        " GET /v1/decisions?diarienummer=... finds one by its diarienummer.",
    ),
    "no-award": (
        "The decision's 360Giving grant was asked for, but no grant has been awarded: no adoption by"
        " Kommunstyrelsen is recorded (a proposal is no award), or it was rejected, referred back, tabled,"
        " corrected or annulled.",
        "Read the commitment the problem links (commitment) for the decision's status; the grant is served"
        " from the day an adoption is recorded.",
    ),
    "unknown-event": (
        "The decision's event log has no event with this id.",
        "GET /v1/decisions/{decision_id}/events lists the events with their ids.",
    ),
    "not-found": ("Nothing is served at this address.", "GET /v1 lists every resource; openapi.yaml every path."),
    "method-not-allowed": (
        "The resource exists but does not take this method.",
        "The Allow header lists the methods it takes.",
    ),
    "not-acceptable": (
        "The Accept header allows none of the formats the resource is offered in.",
        "Ask for one that detail lists (JSON, CSV, RDF/XML, Turtle, JSON-LD, as the resource offers), or use ?format=.",
    ),
    "conflicting-fact": (
        "The event contradicts one already live in the log: a second final decision of Kommunstyrelsen, a"
        " second ERDF decision or project start.",
        "Correct the earlier event first (a correction event names it); detail names the event to correct.",
    ),
    "payload-too-large": (
        "The body is larger than the operation reads.",
        "detail gives the limit; send less (split a scenario file, for instance).",
    ),
    "unsupported-media-type": (
        "The body's Content-Type is not one the operation reads.",
        "openapi.yaml lists the media types each operation takes (JSON, text/x-gherkin, a form).",
    ),
    "rule-violation": (
        "The disbursement would break a condition of the decision (the amount, the recipient, the funding"
        " source, the period, Kommunstyrelsen's decision, the ERDF condition); nothing was recorded.",
        "violations[] names each rule with its message and the words of the decision it rests on.",
    ),
    "invalid-correction": (
        "The correction names an event that cannot be corrected (unknown, already corrected, or itself a correction).",
        "Name a live event of the same decision.",
    ),
    "invalid-fact": (
        "The event cannot be true of this decision: another deciding body, a day before the proposal, an"
        " appeal with no decision to appeal.",
        "detail says which member is wrong and why.",
    ),
    "idempotency-key-reused": (
        "The Idempotency-Key was used before for a different request to this decision.",
        "Use a new key for a new request; repeat a request with its own key to get its first answer again.",
    ),
    "scenario-run-too-large": (
        "A scenario run is past its bounds: too many scenarios or steps, or it ran too long.",
        "Send fewer scenarios at once; detail gives the bound.",
    ),
    "too-many-requests": (
        "Too many writes by one token, or too many failed authentications from one address, in a short time.",
        "Wait the seconds Retry-After gives, then try again.",
    ),
    "internal-error": (
        "Something failed on the service's side; the error is logged.",
        "Try again later; if it persists, tell the service's operator with the time and the request.",
    ),
    "database-unavailable": (
        "The database did not answer in time (busy, restarting or unreachable); nothing was changed.",
        "Try again after the seconds Retry-After gives.",
    ),
    "bad-request": (
        "The request is not valid HTTP (answered by the server before the app saw it).",
        "Send a well-formed HTTP/1.1 request.",
    ),
    "request-timeout": (
        "The request did not arrive whole in time.",
        "Send the request without pauses.",
    ),
    "length-required": (
        "A request with a body came without Content-Length (or with a transfer coding the server does not read).",
        "Send a Content-Length.",
    ),
    "request-line-too-long": (
        "The request line (method, path and query) is longer than the server reads.",
        "Shorten the query.",
    ),
    "expectation-failed": (
        "The Expect header asks for something the server does not do.",
        "Send no Expect header, or Expect: 100-continue.",
    ),
    "header-fields-too-large": (
        "Too many header fields, or one too long.",
        "Send fewer or shorter headers.",
    ),
    "not-implemented": (
        "The server does not implement this method or transfer coding.",
        "Use a method openapi.yaml lists.",
    ),
}
