"""Gunicorn settings of medfin's own, shared by ``medfin serve`` and the benchmark.

The benchmark runs both of its apps under this file (``gunicorn -c
service/gunicorn_conf.py``), so that they differ only in the app. It imports nothing
of medfin's: gunicorn reads it as a file, and the echo baseline stays bare.
"""

from __future__ import annotations

import gc
from typing import Any


def post_worker_init(worker: Any) -> None:
    """Once the app is loaded, before the first request: everything that exists now lives
    as long as the worker (modules, the app, the decision data, SQLAlchemy's and rdflib's
    tables). Frozen, it is never walked again by the cyclic garbage collector, which
    otherwise goes over all of it every so often while requests allocate; cycles made
    by requests are still collected (bench/: about 5 % of an evaluate's CPU)."""
    gc.freeze()
