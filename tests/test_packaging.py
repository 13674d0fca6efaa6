"""medfin installed as a wheel, not only as the editable checkout the README uses.

The contract (openapi.yaml), the scenarios (features/) and the migrations sit at the top
of the repository; ``service/shipped`` links to them, so that a wheel carries them as
files and the code finds them in one place however medfin is installed. This builds the
wheel, installs it on its own into a folder, and runs the app from there, outside the
checkout: the spec is served, the page lists the scenarios, the database is migrated.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

FROM_THE_WHEEL = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    import service

    installed = Path(sys.argv[1]).resolve()
    assert installed in Path(service.__file__).resolve().parents, service.__file__
    app = service.create_app({"DATABASE_URL": "sqlite:///" + sys.argv[2]})
    client = app.test_client()
    spec = client.get("/openapi.yaml")
    assert spec.status_code == 200 and spec.data.startswith(b"openapi: 3.1"), spec.status_code
    page = client.get("/decisions/ks-2024-1371-481").get_data(as_text=True)
    assert "beslutspunkt_1.feature" in page, "the page lists no scenarios"
    assert client.get("/assets/medfin.css").status_code == 200
    events = client.get("/v1/decisions/ks-2024-1371-481/events").get_json()
    assert events["total"] >= 1, events
    print("ok")
    """
)


@pytest.mark.slow
def test_a_wheel_carries_the_contract_the_scenarios_the_migrations_and_the_pages(tmp_path):
    dist, site = tmp_path / "dist", tmp_path / "site"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(dist), str(ROOT)], check=True, timeout=600)
    (wheel,) = dist.glob("medfin-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"service/shipped/openapi.yaml", "service/shipped/migrations/env.py"} <= names
    assert {f"service/shipped/features/{f.name}" for f in (ROOT / "features").glob("*.feature")} <= names
    pages = ROOT / "service" / "pages"
    carried = {str(f.relative_to(ROOT)) for d in ("templates", "assets") for f in (pages / d).iterdir()}
    assert carried and carried <= names, sorted(carried - names)

    subprocess.run([*pip, "install", "--no-deps", "--target", str(site), str(wheel)], check=True, timeout=300)
    environment = {k: v for k, v in os.environ.items() if not k.startswith("MEDFIN_")}
    done = subprocess.run(
        [sys.executable, "-c", FROM_THE_WHEEL, str(site), str(tmp_path / "medfin.sqlite3")],
        cwd=tmp_path,
        env={**environment, "PYTHONPATH": str(site)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-3000:]
