"""Gunicorn, embedded: ``medfin serve`` runs the app under a production WSGI server,
with the settings of ``service/gunicorn_conf.py`` (the worker that buffers requests,
its timeouts, the problem documents for gunicorn's own errors) and the command's own."""

from __future__ import annotations

from typing import Any

from gunicorn.app.base import BaseApplication

from service import gunicorn_conf


class MedfinServer(BaseApplication):  # type: ignore[misc]
    """Gunicorn with medfin's app and settings, and no command line of its own."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        # What gunicorn_conf.py sets, as ``gunicorn -c`` would read it, then the options.
        shared = {k: v for k, v in vars(gunicorn_conf).items() if k in self.cfg.settings}
        for key, value in {**shared, **self.options}.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from service import create_app

        # run() prepared the database and checked the decisions once before the workers
        # started; each worker only opens the database.
        return create_app({"PREPARE_DATABASE": False, "CHECK_DECISIONS": False})


def run(*, host: str, port: int, workers: int) -> None:
    from service import create_app

    # Migrate and load the shipped facts once, before the workers start (the command
    # has checked every decision already).
    create_app({"CHECK_DECISIONS": False})
    MedfinServer(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "accesslog": "-",
            # One shared control socket per user would collide between servers on one machine.
            "control_socket_disable": True,
            # Bodies over the app's limit are answered 413; gunicorn's own header limits stay.
            "limit_request_line": 8190,
        }
    ).run()
