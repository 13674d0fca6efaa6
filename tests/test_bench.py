"""The benchmark stays runnable: a small run of every part, as ``python -m bench`` runs it.

It checks that the benchmark measures what it says (every request answered as it
should be: 200 from echo and evaluate, 304 for the revalidated commitment, both
servers under medfin's own gunicorn settings), never how fast: speed is read from
``python -m bench`` itself, as ratios, not from a timed test.
"""

from __future__ import annotations

import pytest

from bench import inprocess, run, servers, web


@pytest.mark.slow
def test_a_small_benchmark_answers_every_request_and_fills_its_table():
    a = inprocess.measure(count=2000, repeats=1)
    b = web.measure(rounds=2, per_round=500, warmup=250)

    assert a["scenarios"] == 2000 and 0 < a["with_proposed_disbursement"] < 2000
    assert b["statuses"] == {"echo": {"200": 1000}, "evaluate": {"200": 1000}, "commitment": {"304": 1000}}
    assert b["commitment_etag"]
    assert all(ratio > 0 for ratio in b["ratio_cpu"].values())
    rows = run._rows(a, b)
    assert [r["target"][:1] for r in rows] == ["a", "b", "b", "b", "c", "c"]
    assert "POST evaluate: CPU per request" in run._table(rows)
    assert len(b["ratio_cpu_rounds"]["evaluate"]) == 2


def test_medfin_serve_runs_under_the_gunicorn_settings_the_benchmark_uses(monkeypatch, tmp_path):
    from service import gunicorn_conf, server

    monkeypatch.setenv("MEDFIN_DATABASE_URL", f"sqlite:///{tmp_path / 'medfin.sqlite3'}")
    settings = {}
    monkeypatch.setattr(server.MedfinServer, "run", lambda self: settings.update(self.cfg.settings))
    server.run(host="127.0.0.1", port=0, workers=1)
    assert settings["post_worker_init"].get() is gunicorn_conf.post_worker_init
    assert settings["worker_class"].get() is gunicorn_conf.BufferingThreadWorker
    assert settings["threads"].get() == gunicorn_conf.threads
    command = servers.gunicorn_command("bench.echo:create_app()", port=8123)
    assert command[command.index("--config") + 1] == str(servers.ROOT / "service" / "gunicorn_conf.py")
    # Nothing on the benchmark's command line overrides the worker medfin serve runs.
    assert not {"--worker-class", "-k", "--threads"} & set(command)


def test_a_worker_freezes_what_it_loaded_before_its_first_request():
    import gc

    from service import gunicorn_conf

    before = gc.get_freeze_count()
    try:
        gunicorn_conf.post_worker_init(None)
        assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()
