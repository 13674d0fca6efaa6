"""``python -m bench``: see ``bench/__init__.py``."""

from __future__ import annotations

from bench.run import main

if __name__ == "__main__":
    main()
