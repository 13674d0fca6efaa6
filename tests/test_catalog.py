"""The catalogue for dataportal.se: DCAT-AP-SE 3 in RDF/XML, Turtle and JSON-LD.

The mandatory properties are those of DCAT-AP-SE 3.0.1 (diggsweden/DCAT-AP-SE, bundle.json);
docs/harvesting.md there forbids blank nodes and names the publisher's URI form.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF

from service.formats.dcat import FILE_TYPES, IANA, THREESIXTYGIVING, VCARD
from tests.contract import ROOT, assert_problem
from tests.recording import ADOPTION, record, registrar

#: rdflib's own JSON-LD parser still builds a ConjunctiveGraph, which rdflib itself deprecates.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

BASE = "http://127.0.0.1:8000"
CATALOG = URIRef(f"{BASE}/v1/catalog")
PUBLISHER = URIRef("http://dataportal.se/organisation/SE2120000068")
CC0 = URIRef("http://creativecommons.org/publicdomain/zero/1.0/")
#: ``?format=`` → (media type, rdflib's parser).
FORMATS = {
    "rdf": ("application/rdf+xml", "xml"),
    "ttl": ("text/turtle", "turtle"),
    "jsonld": ("application/ld+json", "json-ld"),
}
MANDATORY = {
    DCAT.Catalog: (DCTERMS.title, DCTERMS.description, DCTERMS.publisher, DCTERMS.license, DCAT.dataset),
    DCAT.Dataset: (DCTERMS.title, DCTERMS.description, DCTERMS.publisher),
    DCAT.Distribution: (DCAT.accessURL, DCTERMS.format),
    DCAT.DataService: (DCTERMS.title, DCAT.endpointURL, DCTERMS.format),
    FOAF.Agent: (FOAF.name, DCTERMS.type),
}


def parse(answer, parser: str) -> Graph:
    return Graph().parse(data=answer.get_data(as_text=True), format=parser, publicID=BASE)


@pytest.fixture(params=FORMATS)
def graph(request, client) -> Graph:
    media_type, parser = FORMATS[request.param]
    answer = client.get("/v1/catalog", query_string={"format": request.param})
    assert answer.status_code == 200 and answer.mimetype == media_type and "Accept" in answer.vary
    return parse(answer, parser)


def test_every_class_has_every_mandatory_property(graph):
    for kind, properties in MANDATORY.items():
        nodes = list(graph.subjects(RDF.type, kind))
        assert nodes, f"no {kind}"
        for node in nodes:
            missing = [p for p in properties if graph.value(node, p) is None]
            assert not missing, f"{node} lacks {missing}"


def test_texts_are_in_swedish_and_english(graph):
    for kind in (DCAT.Catalog, DCAT.Dataset, DCAT.DataService):
        for node in graph.subjects(RDF.type, kind):
            for predicate in (DCTERMS.title, DCTERMS.description):
                assert {o.language for o in graph.objects(node, predicate)} == {"sv", "en"}, (node, predicate)


def test_there_are_no_blank_nodes(graph):
    assert not [t for t in graph if any(isinstance(term, BNode) for term in t)]


def test_publisher_is_huddinge_kommun_on_dataportal(graph):
    assert list(graph.objects(CATALOG, DCTERMS.publisher)) == [PUBLISHER]
    assert (PUBLISHER, RDF.type, FOAF.Agent) in graph
    assert graph.value(PUBLISHER, FOAF.name) == Literal("Huddinge kommun", lang="sv")
    assert graph.value(PUBLISHER, DCTERMS.type) == URIRef("http://purl.org/adms/publishertype/LocalAuthority")
    for dataset in graph.subjects(RDF.type, DCAT.Dataset):
        assert graph.value(dataset, DCTERMS.publisher) == PUBLISHER


def test_catalogue_and_every_distribution_are_cc0(graph):
    assert list(graph.objects(CATALOG, DCTERMS.license)) == [CC0]
    for distribution in graph.subjects(RDF.type, DCAT.Distribution):
        assert graph.value(distribution, DCTERMS.license) == CC0


def distribution_urls(graph: Graph) -> set[str]:
    (dataset,) = graph.objects(CATALOG, DCAT.dataset)
    return {str(graph.value(d, DCAT.accessURL)) for d in graph.objects(dataset, DCAT.distribution)}


def test_one_dataset_per_decision_with_its_json_and_csv(graph):
    (dataset,) = graph.objects(CATALOG, DCAT.dataset)
    assert graph.value(dataset, DCTERMS.identifier) == Literal("KS-2024/1371.481")
    decision = f"{BASE}/v1/decisions/ks-2024-1371-481"
    assert {
        decision,
        f"{decision}/rules?format=csv",
        f"{decision}/events?format=csv",
        f"{decision}/financing-plan?format=csv",
    } <= distribution_urls(graph)


def test_no_360giving_distribution_while_no_grant_is_awarded(graph):
    """A proposal is no award: the shipped facts record no adoption, and .../360giving is a 404."""
    assert not [url for url in distribution_urls(graph) if "360giving" in url]
    assert THREESIXTYGIVING not in set(graph.objects(None, DCTERMS.conformsTo))
    assert "360Giving" not in " ".join(str(o) for o in graph.objects(None, DCTERMS.description))


@pytest.mark.parametrize("chosen", FORMATS)
def test_the_360giving_distribution_is_listed_once_the_adoption_is_recorded(app, client, chosen):
    record(client, registrar(app), ADOPTION)
    graph = parse(client.get("/v1/catalog", query_string={"format": chosen}), FORMATS[chosen][1])
    decision = f"{BASE}/v1/decisions/ks-2024-1371-481"
    assert {f"{decision}/360giving", f"{decision}/360giving?format=csv"} <= distribution_urls(graph)
    giving = [d for d in graph.subjects(RDF.type, DCAT.Distribution) if "360giving" in str(d)]
    assert len(giving) == 2
    for distribution in giving:
        assert graph.value(distribution, DCTERMS.conformsTo) == URIRef("https://standard.threesixtygiving.org/")
        url = str(graph.value(distribution, DCAT.accessURL))
        assert client.get(url.removeprefix(BASE)).status_code == 200, url


def test_the_catalogue_follows_the_log(app, client):
    """What it lists depends on the event log: revalidated every time, and a recorded
    adoption makes the copy a cache holds stale."""
    before = client.get("/v1/catalog")
    assert before.headers["Cache-Control"] == "public, no-cache"
    assert client.get("/v1/catalog", headers={"If-None-Match": before.headers["ETag"]}).status_code == 304
    record(client, registrar(app), ADOPTION)
    after = client.get("/v1/catalog", headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200 and b"/360giving" in after.get_data()


def test_the_api_is_a_data_service_described_by_openapi(graph):
    (api,) = graph.objects(CATALOG, DCAT.service)
    assert (api, RDF.type, DCAT.DataService) in graph
    assert graph.value(api, DCAT.endpointURL) == URIRef(f"{BASE}/v1")
    assert graph.value(api, DCAT.endpointDescription) == URIRef(f"{BASE}/openapi.yaml")
    for distribution in graph.subjects(RDF.type, DCAT.Distribution):
        assert graph.value(distribution, DCAT.accessService) == api


def test_every_distribution_is_served_as_it_says(client, graph):
    for distribution in graph.subjects(RDF.type, DCAT.Distribution):
        url = str(graph.value(distribution, DCAT.accessURL))
        answer = client.get(url.removeprefix(BASE))
        assert answer.status_code == 200, url
        media_type = str(graph.value(distribution, DCAT.mediaType)).removeprefix(IANA)
        assert answer.mimetype == media_type, url
        assert graph.value(distribution, DCTERMS.format) == FILE_TYPES[media_type], url


def test_every_address_under_the_public_base_answers(client, graph):
    """Every URI of the catalogue under PUBLIC_BASE_URL that names a web resource (not a
    fragment for a node of the catalogue itself) answers 200: the endpoint, its
    description, the pages, every distribution."""
    addresses = {
        str(term).split("#")[0]
        for triple in graph
        for term in triple
        if isinstance(term, URIRef) and str(term).startswith(BASE)
    }
    assert {f"{BASE}/v1", f"{BASE}/openapi.yaml", f"{BASE}/docs", f"{BASE}/"} <= addresses
    assert [
        (a, client.get(a.removeprefix(BASE) or "/").status_code)
        for a in sorted(addresses)
        if client.get(a.removeprefix(BASE) or "/").status_code != 200
    ] == []


def test_the_catalogue_names_its_contact_dates_and_place_from_its_sources(graph):
    from rules import load_decision

    issuer = load_decision("ks-2024-1371-481").data["issuer"]
    (contact,) = set(graph.objects(None, DCAT.contactPoint))
    assert graph.value(contact, VCARD.hasEmail) == URIRef(f"mailto:{issuer['contact_email']}")
    assert graph.value(contact, VCARD.hasTelephone) == URIRef("tel:+46853530000")
    assert str(graph.value(CATALOG, DCTERMS.issued)) == "2026-11-24"
    assert graph.value(CATALOG, DCTERMS.modified) is not None
    assert graph.value(CATALOG, DCTERMS.spatial) == URIRef(
        "http://publications.europa.eu/resource/authority/country/SWE"
    )


def test_the_three_serialisations_carry_the_same_graph(client):
    graphs = [parse(client.get("/v1/catalog", query_string={"format": f}), p) for f, (_, p) in FORMATS.items()]
    assert isomorphic(graphs[0], graphs[1]) and isomorphic(graphs[0], graphs[2])


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        (None, "application/rdf+xml"),
        ("*/*", "application/rdf+xml"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/rdf+xml"),
        ("text/turtle", "text/turtle"),
        ("application/ld+json", "application/ld+json"),
        ("text/turtle;q=0.5, application/ld+json", "application/ld+json"),
    ],
)
def test_rdf_xml_is_the_default_and_accept_chooses(client, accept, media_type):
    answer = client.get("/v1/catalog", headers={"Accept": accept} if accept else {})
    assert answer.mimetype == media_type and answer.mimetype_params["charset"] == "utf-8"


@pytest.mark.parametrize("accept", ["application/json", "text/csv"])
def test_what_is_not_offered_is_a_406_problem(client, accept):
    assert_problem(client.get("/v1/catalog", headers={"Accept": accept}), 406)


def test_an_unknown_format_is_a_400_problem(client):
    assert_problem(client.get("/v1/catalog", query_string={"format": "xml"}), 400)


def test_uris_follow_the_public_base_url(app):
    app.config["PUBLIC_BASE_URL"] = "https://medfin.example.org/"
    graph = parse(app.test_client().get("/v1/catalog?format=ttl"), "turtle")
    ours = {t for triple in graph for t in triple if isinstance(t, URIRef) and "127.0.0.1" in t}
    assert not ours
    assert (URIRef("https://medfin.example.org/v1/catalog"), RDF.type, DCAT.Catalog) in graph


def test_every_process_serves_the_same_bytes(client, tmp_path):
    """One ETag per catalogue, whichever worker answers: rdflib's order must not leak."""
    here = {f: hashlib.sha256(client.get(f"/v1/catalog?format={f}").get_data()).hexdigest() for f in FORMATS}
    script = (
        "import hashlib\nfrom service import create_app\n"
        f"app = create_app({{'DATABASE_URL': 'sqlite:///{tmp_path / 'other.sqlite3'}'}})\n"
        "c = app.test_client()\n"
        f"for f in {list(FORMATS)!r}:\n"
        "    print(hashlib.sha256(c.get('/v1/catalog?format=' + f).get_data()).hexdigest())\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEDFIN_")} | {"PYTHONHASHSEED": "12345"}
    there = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True, cwd=ROOT
    )
    assert there.stdout.split() == list(here.values())
