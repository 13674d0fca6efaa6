#!/usr/bin/env python3
"""Validate a DCAT-AP-SE catalogue with the official SHACL shapes, the way dataportal.se's
processor does (DIGG: EU DCAT-AP 3.0.0 shapes + SE additions, EU vocabularies loaded, DIGG's
overrides applied), and with SEMIC's DCAT-AP 3.0.1 full shapes.

    pip install pyshacl rdflib
    python check_catalog.py catalog.rdf            # or .ttl / .jsonld, or an http:// URL
    python check_catalog.py catalog.rdf --strict   # also fail on SEMIC warnings

Exit 0 when DIGG's setup and SEMIC 3.0.1 (shapes + ranges) report no Violation; SEMIC's
recommended shapes are printed as advice (with --strict they gate too). SEMIC's controlled-
vocabulary shape is left out on purpose: it wants every publisher from the EU's corporate-body
list, which holds no Swedish municipality. Prints every result left.
Provenance of the shapes: see README.md beside this file.
"""

import collections
import json
import sys
from pathlib import Path

import pyshacl
import rdflib
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

HERE = Path(__file__).resolve().parent / "dcat-shapes"
SH = Namespace("http://www.w3.org/ns/shacl#")
VOCABS = [
    "language.rdf",
    "file-type.rdf",
    "frequency.rdf",
    "data-theme-skos.rdf",
    "access-right-skos.rdf",
    "distribution-status-skos.rdf",
]
BRIDGE = {
    "http://publications.europa.eu/resource/authority/language": DCTERMS.LinguisticSystem,
    "http://publications.europa.eu/resource/authority/access-right": DCTERMS.RightsStatement,
    "http://publications.europa.eu/resource/authority/frequency": DCTERMS.Frequency,
    "http://publications.europa.eu/resource/authority/licence": DCTERMS.LicenseDocument,
    "http://publications.europa.eu/resource/authority/file-type": DCTERMS.MediaTypeOrExtent,
    "http://publications.europa.eu/resource/authority/data-theme": SKOS.Concept,
    "http://publications.europa.eu/resource/authority/distribution-status": SKOS.Concept,
}
PUBLISHER_TYPES = [
    "Academia-ScientificOrganisation",
    "Company",
    "IndustryConsortium",
    "LocalAuthority",
    "NationalAuthority",
    "NonGovernmentalOrganisation",
    "NonProfitOrganisation",
    "PrivateIndividual",
    "RegionalAuthority",
    "StandardisationBody",
    "SupraNationalAuthority",
]


def shapes(*names: str) -> Graph:
    g = Graph()
    for name in names:
        g.parse(HERE / name, format="turtle")
    return g


def vocabularies() -> Graph:
    g = Graph()
    for name in VOCABS:
        g.parse(HERE / "vocab" / name, format="xml")
    for scheme, cls in BRIDGE.items():
        for concept in list(g.subjects(SKOS.inScheme, URIRef(scheme))):
            if isinstance(concept, URIRef):
                g.add((concept, RDF.type, cls))
    for kind in PUBLISHER_TYPES:
        uri = URIRef("http://purl.org/adms/publishertype/" + kind)
        g.add((uri, RDF.type, SKOS.Concept))
        g.add((uri, SKOS.prefLabel, rdflib.Literal(kind, lang="en")))
    return g


def digg_enrich(g: Graph) -> None:
    for prop, cls in [
        (DCTERMS.conformsTo, DCTERMS.Standard),
        (DCTERMS.spatial, DCTERMS.Location),
        (DCTERMS.license, DCTERMS.LicenseDocument),
    ]:
        for obj in list(g.objects(None, prop)):
            if isinstance(obj, URIRef):
                g.add((obj, RDF.type, cls))


def run(data: Graph, shape_graph: Graph, overrides: set) -> list[dict]:
    _, report, _ = pyshacl.validate(data, shacl_graph=shape_graph, inference="none", advanced=True)
    found = []
    nested = set(report.objects(None, SH.detail))
    for r in report.subjects(RDF.type, SH.ValidationResult):
        if r in nested:
            continue  # a detail of a result already counted
        item = {
            k: str(report.value(r, SH[k]))
            for k in [
                "resultSeverity",
                "focusNode",
                "resultPath",
                "sourceConstraintComponent",
                "value",
                "resultMessage",
            ]
        }
        component = item["sourceConstraintComponent"].rsplit("#", 1)[-1]
        if (item["resultPath"], component) in overrides:
            continue
        if item["focusNode"].startswith("http://publications.europa.eu/resource/authority/"):
            continue  # a node of the loaded vocabularies, not of the catalogue
        found.append(item)
    return found


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    strict = "--strict" in sys.argv
    if not args:
        print(__doc__)
        return 2
    source = args[0]
    fmt = "json-ld" if source.endswith((".jsonld", ".json")) else "turtle" if source.endswith(".ttl") else "xml"
    data = Graph()
    data.parse(source, format=fmt)
    vocab = vocabularies()
    overrides_file = json.loads((HERE / "digg-dcat-ap-se-overrides.json").read_text())["overrides"]
    overrides = {(o["path"], c) for o in overrides_file for c in o["ignoreConstraints"]}
    digg_data = Graph() + data
    digg_enrich(digg_data)
    digg_data += vocab
    semic_data = Graph() + data + vocab
    setups = {
        "DIGG (dataportal.se)": run(
            digg_data, shapes("digg-dcat-ap-SHACL.ttl", "digg-dcat-ap-se-additions.ttl"), overrides
        ),
        "SEMIC DCAT-AP 3.0.1 (shapes + ranges)": run(
            semic_data, shapes("semic-3.0.1-html-shapes.ttl", "semic-3.0.1-html-range.ttl"), set()
        ),
        "SEMIC DCAT-AP 3.0.1 recommended (advice; gates only with --strict)": run(
            semic_data, shapes("semic-3.0.1-html-shapes_recommended.ttl"), set()
        ),
    }
    failed = False
    for name, results in setups.items():
        counts = collections.Counter(r["resultSeverity"].rsplit("#", 1)[-1] for r in results)
        print(f"== {name}: {dict(counts) or 'no results'}")
        for r in results:
            print(
                f"  {r['resultSeverity'].rsplit('#', 1)[-1]}: {r['focusNode']} {r['resultPath']} "
                f"[{r['sourceConstraintComponent'].rsplit('#', 1)[-1]}] {r['resultMessage']}"
            )
        advice = "recommended" in name
        if (counts.get("Violation") and not advice) or (strict and counts):
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
