"""The benchmark stays runnable: a small run of every part, as ``python -m bench`` runs it.

It checks that the benchmark measures what it says (every request answered as it
should be: 200 from echo and evaluate, 304 for the revalidated commitment, both
servers under medfin's own gunicorn settings; in the history phase the commitment,
its 304, a recorded disbursement and pages of changes at two sizes of the log), never
how fast: speed is read from ``python -m bench`` itself, as ratios, not from a timed test.
"""

from __future__ import annotations

import pytest

from bench import fill, history, inprocess, run, servers, web


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


@pytest.mark.slow
def test_a_small_history_phase_measures_every_request_at_both_sizes_and_reports_every_figure():
    h = history.measure(
        decisions=5,
        events=20,
        large=200,
        databases=("sqlite",),
        rounds=1,
        budget=0.1,
        max_slice=20,
        pages=2,
        workers=(1, 2, 4),
        write_seconds=0.3,
    )

    found = h["databases"]["sqlite"]
    assert found["served_decisions"] == 7  # 5, the large one, and the shipped one
    small, large = found["stages"]["small"], found["stages"]["large"]
    assert (small["decision"], large["decision"]) == ("ks-2099-1000", fill.LARGE_ID)
    assert small["events_before"] == small["events_after"] == 10  # the writes go to the others
    assert large["events_before"] == 200 < large["events_after"]  # they go to it
    assert small["log_events"] < 100 < 300 < large["log_events"]
    expected = {"commitment": "200", "revalidated": "304", "write": "201", "changes": "200"}
    for stage in (small, large):
        for phase, status in expected.items():
            assert list(stage["statuses"][phase]) == [status]
            assert list(stage["statuses"][history.PAIRS[phase]]) == ["200"]
            assert stage["ratio_cpu"][phase] > 0 and stage["cpu_microseconds_per_request"][phase] > 0
        assert stage["sizes"]["commitment"] > 1000 and stage["sizes"]["changes"] > 1000
        assert set(stage["throughput"]) == {"1", "2", "4"}
        for workers, run_ in stage["throughput"].items():
            assert len(run_["rss_kib"]) == int(workers) and run_["events_per_second"] > 0
            assert run_["statuses"] == {"201": run_["count"]} and set(run_["warmup_statuses"]) == {"201"}
        assert len(stage["rss_kib_after_warmup"]) == len(stage["rss_kib_after"]) == 1
    assert set(found["apart"]) == set(expected) and found["rss_max_kib"] > 0

    rows = run._history_rows(h)
    # Each request at both sizes and their ratio, throughput at both sizes, memory.
    assert len(rows) == 4 * 3 + 2 + 1
    assert all(r["pass"] in (True, False) for r in rows if r["goal"] != "(reported)")
    table = run._table(rows)
    for words in ("GET commitment (200)", "GET commitment (304)", "POST disbursement (201)", "GET changes", "RSS"):
        assert words in table
