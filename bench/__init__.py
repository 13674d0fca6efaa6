"""medfin's benchmark: the performance and memory targets of DESIGN.md, as ratios.

Run it from the repository root, with the project's virtual environment::

    .venv/bin/python -m bench                 # or: .venv/bin/python bench/run.py
    .venv/bin/python -m bench --check         # exit 1 when a target fails
    .venv/bin/python -m bench --no-history    # a, b, c only: about a minute
    .venv/bin/python -m bench --history-only  # d only
    .venv/bin/python -m bench --history-decisions 100 --history-large 1000  # a smaller d

It needs nothing beyond the project's own dependencies (Flask, gunicorn; PostgreSQL 15's
binaries for d on PostgreSQL, else d runs on SQLite alone), uses loopback only, stops by
itself (a, b and c after about a minute, at most ~3 minutes on a slow machine; d, at full
size on both databases, after 20 to 30 minutes on a 2-core machine, most of it the
service's workers starting: each reads every decision and its whole log), prints a
table and writes the whole measurement as JSON to
``bench/results/bench-<UTC time>.json`` (not committed). Without ``--check`` it
exits 0 whatever it measured: it is a measurement, not a test; only a crash exits
non-zero.

Machines are shared and noisy, so every figure that has a target is read against
a baseline measured in the same run, on the same machine, and repeated:

a. **In-process evaluation.** 100 000 seeded what-if scenarios (``bench/scenarios.py``:
   every status of the lifecycle (kommunstyrelsen's outcomes, announcements, appeals,
   withdrawals after approval among them), as_of dates from 2024 to 2028, payments
   inside and outside the period, from the wrong source, to the wrong recipient, over the cap;
   70 % with a proposed disbursement, allowed or refused; 25 % with interpretations
   chosen) go through ``rules.evaluate``. Target: under 1 s in total (the minimum of
   five runs). The baseline is a loop of the same length that builds the same facts
   (``Facts``, ``ErufDecision``, ``Disbursement``) and evaluates nothing; the ratio
   says how many such loops one evaluation loop costs, and travels better between
   machines than the seconds do.

b. **HTTP.** ``POST /v1/decisions/ks-2024-1371-481/evaluate`` against a bare Flask
   app that echoes the JSON body (``bench/echo.py``), with the same bodies. Both run
   under gunicorn with 2 workers of ``service/gunicorn_conf.py``'s class (``gthread``,
   extended to buffer each request before a thread runs it, with its threads and
   timeouts, as ``medfin serve`` runs) on 127.0.0.1 (the service on a throwaway SQLite
   file), and one load generator (``bench/client.py``, another process, 4 connections
   at a time, every request on a new connection with ``Connection: close``, for both)
   drives them in ten rounds, in each of which they take turns 250 requests at a time.
   Every request of the run carries its own seeded scenario (26 000 of them), so
   nothing is answered from a cache that only a repeated body would fill. Two readings:

   - *cost per request*: the workers' CPU time (``/proc/<pid>/task/<tid>/schedstat`` of
     every thread, user and system, in ns: a worker runs its requests on its pool's
     threads, so its main thread's ``/proc/<pid>/schedstat``, which the benchmark read
     until issue 13, saw only the loop that waits for sockets) divided by the requests;
     what the server spends, whatever the client does.
   - *requests/s*: wall-clock throughput, client and kernel included.

   The ratio evaluate/echo is taken within each round and the median of the rounds
   is reported. Target: at most 1.5x on both readings. A ``GET .../commitment``
   (with ``If-None-Match`` when the service sends an ETag, as a cache would, so
   answered 304) is measured the same way and its ratio to echo reported against
   DESIGN.md's "near bare Flask", read here as at most 1.5x.

c. **Memory.** Each service worker's resident set size (``VmRSS`` in
   ``/proc/<pid>/status``) after a warm-up of 6 000 requests of each kind (enough to
   fill the bounded caches of the rules and the presenters, and for a worker whose
   threads run requests at once to reach the memory that takes; after 3 000
   it still grew by 0.9-1.1 MiB over the rounds, after 6 000 by 0.6) and again after the
   rounds, between which 20 000 evaluate requests (about 10 000 per worker) were
   answered. Target: the larger worker under 100 MB, and no worker grown by more
   than 1 MiB (a leak of 100 bytes a request would show).

d. **History** (issue 13, ``bench/history.py``, ``bench/fill.py``). 1 000 copies of the
   tests' fictitious decision (``tests/decisions/ks-2099-0042.toml``, under their own
   diarienummer, one issuer) and one more are served beside the shipped one, on a
   throwaway SQLite file and, where its binaries are, a throwaway PostgreSQL 15
   (``tests/postgres.py``). Two stores, measured in the same rounds, taking turns: a
   short log (100 decisions of 10 events, the others only their shipped proposal: about
   2 000 events), at a decision of 10 events; and a long one, 100 events a decision and
   10 000 in one (about 110 000 events), at that one. One gunicorn worker a store beside
   an echo worker (``/fixed/<size>``: an answer as large as medfin's), turns as in b, the number of
   requests a turn chosen from the warm-up (a request may cost seconds). Requests: ``GET
   .../commitment`` (200), the same revalidated (304), ``POST .../events`` (a
   disbursement, 201), ``GET /v1/changes?limit=100`` pages following ``next``. Targets:
   commitment and 304 at most 2x the echo's CPU, the write and a page of changes at most
   3x, each at most 1.2x apart between the two sizes; worker RSS under 100 MB. Reported
   without a target: the writes' throughput (events/s, 8 connections) with 1, 2 and 4
   workers, and, on PostgreSQL, the database server's CPU per request beside the
   worker's. ``bench/history.py`` says exactly how.

Reading the table: ``measured`` is medfin, ``baseline`` the same run's baseline,
``ratio`` the one divided by the other; ``PASS``/``FAIL`` compares with the ``goal``
column (the ratio where the goal is one, else the measured figure); a figure with no
goal is ``(reported)``, neither. The evaluate CPU
row also gives the lowest and highest of the rounds' ratios: how far one round may stray
from the median on this machine. The JSON keeps every run and round, the worker pids,
the load average before and after, and the git commit measured.
"""
