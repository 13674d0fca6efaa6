"""The ``medfin`` command: serve the API, ask the status, run a what-if.

medfin serve --host 127.0.0.1 --port 8000 --workers 2
medfin status --as-of 2025-06-01
medfin evaluate what-if.json     # exit 0: allowed, 1: not allowed, 2: bad input
medfin export --base-url https://medfin.example site/   # the whole dataset as static files
medfin scenarios run mitt.feature   # an auditor's Swedish scenarios: exit 0 all passed, 1 not, 2 unreadable
medfin scenarios run mitt.feature --url https://medfin.example/   # the same, against a running service
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click
from marshmallow import ValidationError

from rules import Evaluation, RuleError, kind_of, render
from rules.glossary import OUTCOME_LABELS, STATUS_LABELS
from rules.money import show_sv
from service.formats.jsonio import NotJson, loads
from service.http.problems import validation_errors
from service.requests.schemas import what_if
from service.storage.decisions import decision_ids, load_decision

MARKS = {"satisfied": "✓", "violated": "✗", "pending": "…", "not_applicable": "–"}


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """medfin: municipal co-financing decisions as open data and executable rules."""
    from rules import RuleError
    from service.storage.decisions import check

    try:
        check()  # a folder or data file that cannot serve says so here, once
    except (RuleError, ValueError) as error:
        raise click.ClickException(str(error)) from error


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64), help="Gunicorn worker processes.")
def serve(host: str, port: int, workers: int) -> None:
    """Serve the API with gunicorn, a production WSGI server."""
    from service.server import run

    run(host=host, port=port, workers=workers)


@main.command()
@click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Date (YYYY-MM-DD); default today.",
)
@click.option("--decision", "decision_id", default=None, help="The decision (default: the only one served).")
@click.option("--json", "as_json", is_flag=True, help="Print the API's JSON instead of text.")
def status(as_of: Any, decision_id: str | None, as_json: bool) -> None:
    """The commitment's status on a date, from the recorded facts."""
    from service.pages.page_content import commitment
    from service.shared.stockholm import today

    decision = _decision(decision_id)
    day = as_of.date() if as_of else today()
    _print(commitment(decision, _store().standing(decision.decision_id), on=day).result, as_json)


@main.group()
def db() -> None:
    """The event store (MEDFIN_DATABASE_URL; default SQLite in the instance folder)."""


@db.command()
def upgrade() -> None:
    """Apply the schema migrations."""
    from service.storage.setup import upgrade as migrate

    migrate(_store(prepare=False).engine)
    click.echo("The schema is at the newest migration.")


@db.command()
def init() -> None:
    """Migrate and load the shipped facts; safe to run again."""
    from service.storage.setup import prepare

    loaded = prepare(_store(prepare=False))
    click.echo(f"Ready; {loaded} shipped fact(s) loaded now.")


@db.command()
def where() -> None:
    """Print where the event store is (its URL, any password hidden)."""
    from sqlalchemy.engine import make_url

    click.echo(make_url(str(_store(prepare=False).engine.url)).render_as_string(hide_password=True))


@main.group()
def tokens() -> None:
    """Bearer tokens for those who record events."""


@tokens.command(name="create")
@click.option("--name", required=True, help="Who holds the token (recorded as recorded_by).")
@click.option("--role", type=click.Choice(["registrar", "reader"]), default="registrar", show_default=True)
def create_token(name: str, role: str) -> None:
    """Create a token and print it once; only its hash is stored."""
    from service.storage import tokens as store_tokens

    try:
        token = store_tokens.create(_store().engine, name, role)
    except store_tokens.TokenExists as error:
        raise click.UsageError(f"A token named {name!r} exists; revoke it or choose another name.") from error
    except store_tokens.InvalidName as error:
        raise click.UsageError(str(error)) from error
    click.echo(token)


@tokens.command(name="list")
def list_tokens() -> None:
    """Names, roles and dates of the tokens (never the tokens)."""
    from service.storage import tokens as store_tokens

    for info in store_tokens.listing(_store().engine):
        state = f"revoked {info.revoked_at:%Y-%m-%d %H:%M}Z" if info.revoked_at else "active"
        click.echo(f"{info.name}\t{info.role}\tcreated {info.created_at:%Y-%m-%d %H:%M}Z\t{state}")


@tokens.command(name="revoke")
@click.argument("name")
def revoke_token(name: str) -> None:
    """Revoke NAME's token at once."""
    from service.storage import tokens as store_tokens

    if not store_tokens.revoke(_store().engine, name):
        raise click.UsageError(f"No active token named {name!r}.")
    click.echo(f"Revoked {name}.")


@main.group()
def scenarios() -> None:
    """Run Gherkin scenarios (in Swedish) against the rules."""


@scenarios.command(name="run")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--tags", "tags", multiple=True, help="Run only scenarios with this tag (repeatable; any matches).")
@click.option("--decision", "decision_id", default=None, help="The decision (default: the only one served).")
@click.option(
    "--url",
    "url",
    default=None,
    help="Ask a running medfin at this address (e.g. https://medfin.example/) instead; nothing is written there.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@click.option("--junit", "junit", type=click.Path(dir_okay=False, path_type=Path), help="Write JUnit XML here.")
def run_scenarios(
    files: tuple[Path, ...],
    tags: tuple[str, ...],
    decision_id: str | None,
    url: str | None,
    as_json: bool,
    junit: Path | None,
) -> None:
    """Runs every scenario of FILES, in process on a throwaway store, or against the
    service at --url (read-only: a step that would write is skipped). Exit 0 when every
    selected scenario passed, 1 when any failed or had an unknown step (or none was
    selected), 2 when a file cannot be read or is not Gherkin, or the service cannot be
    reached."""
    from service.steps import remote, runner

    texts = [(str(path), _feature_text(path)) for path in files]
    try:
        with _worlds(url, decision_id) as worlds:
            results = []
            for source, text in texts:
                results += runner.run_text(text, source, worlds, tags)
    except runner.NotGherkin as error:
        click.echo(f"{error.source}:{error.line}:{error.column}: inte Gherkin: {error.detail}", err=True)
        sys.exit(2)
    except remote.Unreachable as error:
        click.echo(f"Tjänsten svarar inte som medfin: {error}", err=True)
        sys.exit(2)
    if junit is not None:
        junit.write_text(runner.as_junit(results), encoding="utf-8")
    if as_json:
        click.echo(json.dumps(runner.as_json(results), ensure_ascii=False, indent=2))
    else:
        click.echo(runner.as_text(results))
    counted = runner.summary(results)
    sys.exit(0 if results and counted["passed"] == len(results) else 1)


def _feature_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        click.echo(f"{path}: kan inte läsas ({error})", err=True)
        sys.exit(2)


@contextmanager
def _worlds(url: str | None, decision_id: str | None) -> Iterator[Any]:
    """The scenarios' worlds: in process on throwaway stores, or read-only over HTTP."""
    from service.steps import remote, runner

    client = remote.RemoteClient(url) if url is not None else None
    known = remote.served_decisions(client) if client is not None else decision_ids()
    if decision_id is None:
        if len(known) != 1:
            raise click.UsageError(f"Several decisions are served; choose one with --decision ({', '.join(known)}).")
        decision_id = known[0]
    if decision_id not in known:
        raise click.BadParameter(f"{decision_id!r} is not served; known: {', '.join(known)}.", param_hint="--decision")
    if client is not None:
        yield remote.remote_worlds(client, decision_id)
        return
    with runner.in_process_worlds(decision_id) as worlds:
        yield worlds


@main.command(name="export")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--base-url",
    envvar="MEDFIN_PUBLIC_BASE_URL",
    help="The address the public reaches the API at (https://…), which every URI in the files starts with. "
    "Required; MEDFIN_PUBLIC_BASE_URL gives it too.",
)
def export_files(directory: Path, base_url: str | None) -> None:
    """Write the whole dataset to DIRECTORY as static files, the bytes the API serves."""
    from service import create_app
    from service.export import ExportError, export

    try:
        written = export(create_app({"PUBLIC_BASE_URL": public_base_url(base_url)}), directory)
    except ExportError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Wrote {len(written)} files to {directory}; they are listed in {directory / 'index.json'}.")


def public_base_url(given: str | None) -> str:
    """``--base-url`` as given, once it is an absolute http(s) address: the catalogue's and
    360Giving's URIs start with it, so an export made without it would point at this machine."""
    if not given:
        raise click.UsageError(
            "Pass --base-url with the address the public reaches the API at (e.g. --base-url "
            "https://medfin.example), or set MEDFIN_PUBLIC_BASE_URL: the exported catalogue and 360Giving "
            "files give URIs under it."
        )
    parts = urlsplit(given)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise click.UsageError(
            f"--base-url must be an absolute http or https address without query or fragment (got {given!r})."
        )
    return given.rstrip("/")


def _store(*, prepare: bool = True) -> Any:
    from service import create_app

    return create_app({"PREPARE_DATABASE": prepare}).extensions["medfin"]


@main.command(name="evaluate")
@click.argument("file", type=click.File("rb"))
@click.option("--decision", "decision_id", default=None, help="The decision (default: the only one served).")
@click.option("--json", "as_json", is_flag=True, help="Print the API's JSON instead of text.")
def evaluate_file(file: Any, decision_id: str | None, as_json: bool) -> None:
    """A what-if, as POST .../evaluate takes it, read from FILE ('-' for stdin).

    Exit status 0 when the proposed disbursement is allowed (or, with none proposed,
    when no condition of the decision is violated: a check of the stated facts only
    informs), 1 when it is not, 2 when the file is not valid.
    """
    decision = _decision(decision_id)
    try:
        result = what_if(decision, loads(file.read()))
    except NotJson as error:
        raise click.UsageError(f"{file.name}: not valid JSON: {error}") from error
    except ValidationError as error:
        lines = "\n".join(f"  {e['pointer']}: {e['detail']}" for e in validation_errors(error.messages))
        raise click.UsageError(f"{file.name} is not a valid evaluation request:\n{lines}") from error
    except RuleError as error:
        raise click.UsageError(str(error)) from error
    _print(result, as_json)
    if result.proposed is not None:
        sys.exit(0 if result.proposed.allowed else 1)
    # A check of the stated facts (the plan's sum, the decision's legal force) informs;
    # only a condition of the decision, violated, is a refusal.
    sys.exit(1 if any(r.outcome == "violated" and kind_of(r.rule_id) == "condition" for r in result.rules) else 0)


def _decision(decision_id: str | None) -> Any:
    """The decision named, or the only one served; with several, one must be named."""
    if decision_id is None:
        known = decision_ids()
        if len(known) != 1:
            raise click.UsageError(f"Several decisions are served; choose one with --decision ({', '.join(known)}).")
        decision_id = known[0]
    try:
        return load_decision(decision_id)
    except RuleError as error:
        raise click.UsageError(str(error)) from error


def _print(result: Evaluation, as_json: bool) -> None:
    if as_json:
        from service.formats.presenters import evaluation

        click.echo(json.dumps(evaluation(result), ensure_ascii=False, indent=2))
        return
    label = STATUS_LABELS[result.status]
    amounts = result.amounts
    click.echo(f"{result.decision_id} per {result.as_of.isoformat()}: {label['sv']} ({result.status})")
    disbursed, committed, remaining = (show_sv(a) for a in (amounts.disbursed, amounts.committed, amounts.remaining))
    click.echo(f"  utbetalt {disbursed} av {committed}, återstår {remaining}")
    if amounts.excess:
        click.echo(f"  för mycket utbetalt {show_sv(amounts.excess)}")
    if amounts.nonconforming:
        click.echo(f"  utbetalt i strid med villkoren {show_sv(amounts.nonconforming)}")
    decision = load_decision(result.decision_id)
    click.echo("Regler:")
    for outcome in result.rules:
        _print_rule(decision, outcome)
    if result.proposed is not None:
        proposed = result.proposed
        named = {r.rule_id: decision.rule_texts[r.rule_id].name_sv for r in proposed.rules}
        undecided = [named[r.rule_id] for r in proposed.rules if r.outcome == "pending"]
        if proposed.allowed:
            verdict = "tillåten (allowed)"
        elif proposed.violations:
            broken = ", ".join(named[rule_id] for rule_id in proposed.violations)
            verdict = f"inte tillåten (not allowed: {', '.join(proposed.violations)}): {broken}"
        else:
            verdict = "inte tillåten, kan ännu inte avgöras (not allowed, undecided): " + ", ".join(undecided)
        click.echo(f"Föreslagen utbetalning: {verdict}")
        for outcome in result.proposed.rules:
            _print_rule(decision, outcome)


def _print_rule(decision: Any, outcome: Any) -> None:
    """One outcome as an auditor reads it: the rule by its Swedish name, its outcome in
    words, the message, then the quoted words (the rule id in brackets, for lookup)."""
    message = render(outcome)
    name = decision.rule_texts[outcome.rule_id].name_sv
    label = OUTCOME_LABELS[outcome.outcome]["sv"]  # agrees with "regeln", whatever the rule is about
    click.echo(f"  {MARKS[outcome.outcome]} Regeln om {name}: {label}. {message['sv']} [{outcome.rule_id}]")
    for cite in outcome.citations:
        click.echo(f"      [{cite.anchor}] \u201d{cite.quote}\u201d")


if __name__ == "__main__":  # pragma: no cover
    main()
