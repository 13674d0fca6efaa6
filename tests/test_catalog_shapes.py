"""The catalogue as dataportal.se and SEMIC check it: DIGG's SHACL setup (EU DCAT-AP
3.0.0 shapes, DIGG's Swedish additions and overrides, the EU vocabularies loaded) and
SEMIC's DCAT-AP 3.0.1 shapes, ranges and recommendations, on every serialisation, with
the very script consumers run (tests/data/validators, vendored with provenance)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CHECK = Path(__file__).parent / "data" / "validators" / "check_catalog.py"
SUFFIX = {"rdf": "rdf", "ttl": "ttl", "jsonld": "jsonld"}


@pytest.mark.slow
@pytest.mark.parametrize("serialisation", sorted(SUFFIX))
def test_the_catalogue_passes_dataportal_se_and_semic_3_0_1_with_their_recommendations(client, tmp_path, serialisation):
    answer = client.get("/v1/catalog", query_string={"format": serialisation})
    assert answer.status_code == 200
    catalogue = tmp_path / f"catalog.{SUFFIX[serialisation]}"
    catalogue.write_bytes(answer.data)
    # --strict: SEMIC's recommendations gate too (contact point, dates, spatial, availability ...).
    checked = subprocess.run(
        [sys.executable, str(CHECK), str(catalogue), "--strict"], capture_output=True, text=True, timeout=300
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count("no results") == 3, checked.stdout
