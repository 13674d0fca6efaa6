"""The catalogue for Sveriges dataportal: DCAT-AP-SE 3 as an rdflib graph.

What the profile makes mandatory (DCAT-AP-SE 3.0.1, diggsweden/DCAT-AP-SE ``bundle.json``),
and where it is set here:

- Catalog: dcterms:title, dcterms:description, dcterms:publisher, dcterms:license
  (CC0 1.0, which the Swedish profile requires of a catalogue) and dcat:dataset.
- Dataset: dcterms:title, dcterms:description, dcterms:publisher.
- Distribution: dcat:accessURL and dcterms:format (a media type as a literal).
- DataService: dcterms:title, dcat:endpointURL and dcterms:format.
- Agent: foaf:name and dcterms:type (an ADMS publisher type).

Several recommended properties are set too (languages, themes, licences, endpoint
description, access rights, keywords, temporal coverage). Texts come in Swedish and
English. Every node is a URI (dataportal.se refuses blank nodes for the catalogue, its
datasets, distributions and agents, docs/harvesting.md): the catalogue's own URL, with
fragments for what has no URL of its own, all under ``PUBLIC_BASE_URL``. The publisher
is the organisation's dataportal.se URI, ``http://dataportal.se/organisation/SE`` and the
ten digits of its organisationsnummer, so that the portal merges it with what it
already knows of the organisation. The catalogue's publisher is handed in (a setting,
by default the municipality medfin is published for); each dataset names its own
decision's issuer, and its contact point.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable
from typing import Any, NamedTuple

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS, XSD

from rules import Decision
from service.formats.threesixtygiving import CC0
from service.shared.publishers import Publisher, issuer_of

EU = "http://publications.europa.eu/resource/authority/"
LANGUAGE, THEME, ACCESS_RIGHT = (
    Namespace(f"{EU}language/"),
    Namespace(f"{EU}data-theme/"),
    Namespace(f"{EU}access-right/"),
)
COUNTRY = Namespace(f"{EU}country/")
FILE_TYPE = Namespace(f"{EU}file-type/")
PLANNED_AVAILABILITY = Namespace(f"{EU}planned-availability/")
DCATAP = Namespace("http://data.europa.eu/r5r/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
#: The EU Publications Office's file-type code for each media type the catalogue offers.
FILE_TYPES = {"application/json": FILE_TYPE.JSON, "text/csv": FILE_TYPE.CSV}
#: IANA's register of media types: the IRI of a media type is its page there.
IANA = "https://www.iana.org/assignments/media-types/"
OPENAPI_3_1 = URIRef("https://spec.openapis.org/oas/v3.1.0")
PUBLISHER_TYPE = Namespace("http://purl.org/adms/publishertype/")
PUBLIC_DOMAIN = URIRef("http://purl.org/adms/licencetype/PublicDomain")
REST = URIRef("http://www.wikidata.org/entity/Q749568")  # DCAT-AP-SE's code for a REST service
THREESIXTYGIVING = URIRef("https://standard.threesixtygiving.org/")
LICENSE = URIRef(CC0)
#: rdflib's name for each serialisation the catalogue is offered in.
RDFLIB_FORMATS = {"rdf": "pretty-xml", "ttl": "turtle", "jsonld": "json-ld"}
PREFIXES = {"dcat": DCAT, "dcterms": DCTERMS, "foaf": FOAF, "xsd": XSD, "dcatap": DCATAP, "vcard": VCARD}
#: The catalogue's own texts and the API's, in Swedish and English.
CATALOG_TITLE = (
    "medfin: kommunala medfinansieringsbeslut som öppna data",
    "medfin: municipal co-financing decisions as open data",
)
CATALOG_DESCRIPTION = (
    "Kommunala medfinansieringsbeslut som öppna data och regler som kod: beslutens text, reglerna med citat, "
    "de registrerade händelserna och åtagandets status.",
    "Municipal co-financing decisions as open data and rules as code: the decisions' text, the rules with "
    "quotes, the recorded events and the commitment's status.",
)
API_DESCRIPTION = (
    "Läs besluten, reglerna, händelserna och åtagandets status en given dag; pröva en utbetalning mot reglerna.",
    "Read the decisions, rules, events and the commitment's status on a date; try a payment against the rules.",
)
#: The namespace declarations rdflib writes one a line on the root element of RDF/XML.
_XMLNS = re.compile(r"(?:^  xmlns:\w+=\"[^\"]*\"\n)+", re.MULTILINE)


class Part(NamedTuple):
    """One distribution of a decision's dataset: a resource of the API in one format."""

    slug: str
    path: str
    media_type: str
    sv: str
    en: str


#: A decision's resources in the catalogue: path, what it holds (Swedish, English), and
#: whether it is a list, offered as CSV too. The 360Giving grant is listed only while
#: there is one (``GIVING``).
RESOURCES = (
    ("", "Beslutet: beslutspunkter, åtagande, parter", "The decision: its points, commitment and parties", False),
    ("/rules", "Reglerna med citat och tolkningar", "The rules with quotes and interpretations", True),
    ("/events", "De registrerade händelserna", "The recorded events", True),
    ("/financing-plan", "Finansieringsplanen", "The financing plan", True),
    ("/360giving", "Åtagandet som 360Giving-bidrag", "The commitment as a 360Giving grant", True),
)


#: The path of the resource that exists only once the grant is awarded.
GIVING = "/360giving"


def parts(*, awarded: bool) -> list[Part]:
    """Every distribution of a decision: each resource as JSON, and each list as CSV too;
    the 360Giving grant only when ``awarded`` (a proposal is no award)."""
    found = []
    for path, sv, en, is_list in RESOURCES:
        if path == GIVING and not awarded:
            continue
        name = path.strip("/")
        found.append(Part(f"{name}-json" if name else "json", path, "application/json", f"{sv} (JSON)", f"{en} (JSON)"))
        if is_list:
            found.append(Part(f"{name}-csv", f"{path}?format=csv", "text/csv", f"{sv} (CSV)", f"{en} (CSV)"))
    return found


def publisher_uri(publisher: Publisher) -> URIRef:
    """The publisher's dataportal.se URI: ``SE`` and its organisationsnummer without the hyphen."""
    return URIRef(f"http://dataportal.se/organisation/SE{publisher.organisation_number.replace('-', '')}")


def texts(graph: Graph, node: URIRef, predicate: URIRef, sv: str, en: str) -> None:
    graph.add((node, predicate, Literal(sv, lang="sv")))
    graph.add((node, predicate, Literal(en, lang="en")))


def catalog(decisions: Iterable[Decision], base_url: str, publisher: Publisher, awarded: Collection[str] = ()) -> Graph:
    """The whole catalogue, published by ``publisher``: one dataset per decision, each
    with its own issuer, and the API as a data service. ``awarded``: the decisions whose
    grant is awarded, whose 360Giving record is listed."""
    graph = Graph(store="SimpleMemory", bind_namespaces="core")  # keeps insertion order
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    here = URIRef(f"{base_url}/v1/catalog")
    api = URIRef(f"{here}#api")
    graph.add((here, RDF.type, DCAT.Catalog))
    texts(graph, here, DCTERMS.title, *CATALOG_TITLE)
    texts(graph, here, DCTERMS.description, *CATALOG_DESCRIPTION)
    _licence(graph, here)
    graph.add((here, DCTERMS.language, LANGUAGE.SWE))
    graph.add((here, DCTERMS.language, LANGUAGE.ENG))
    graph.add((here, DCAT.themeTaxonomy, URIRef(f"{EU}data-theme")))
    graph.add((here, FOAF.homepage, URIRef(f"{base_url}/")))
    graph.add((URIRef(f"{base_url}/"), RDF.type, FOAF.Document))
    graph.add((here, DCAT.service, api))
    decisions = list(decisions)
    # The profile allows one publisher for a catalogue; its datasets may have others.
    agent = publisher_uri(publisher)
    graph.add((here, DCTERMS.publisher, agent))
    _agent(graph, agent, publisher.name)
    _dates(graph, here, min(_issued(d) for d in decisions), max(_modified(d) for d in decisions))
    # Sweden, from the EU's country table. No source here gives a municipality's IRI in a
    # controlled vocabulary (the EU tables vendored with the validators have none; no
    # GeoNames or territorial-unit IRI for it is cited), so the catalogue names the country
    # rather than invent one.
    graph.add((here, DCTERMS.spatial, COUNTRY.SWE))
    graph.add((COUNTRY.SWE, RDF.type, DCTERMS.Location))
    contact = _contact(graph, publisher, URIRef(f"{here}#contact"))
    _service(graph, api, base_url, agent, contact)
    for decision in decisions:
        issuer = issuer_of(decision)
        if issuer.party_id == publisher.party_id:
            issuer_agent, issuer_contact = agent, contact
        else:
            issuer_agent = publisher_uri(issuer)
            _agent(graph, issuer_agent, issuer.name)
            issuer_contact = _contact(graph, issuer, URIRef(f"{here}#contact-{issuer.party_id}"))
        in_award = decision.decision_id in awarded
        dataset = _dataset(graph, decision, base_url, here, (issuer_agent, issuer_contact), api, in_award)
        graph.add((here, DCAT.dataset, dataset))
        graph.add((api, DCAT.servesDataset, dataset))
    return graph


def _agent(graph: Graph, publisher: URIRef, name: str) -> None:
    graph.add((publisher, RDF.type, FOAF.Agent))
    graph.add((publisher, FOAF.name, Literal(name, lang="sv")))
    graph.add((publisher, DCTERMS.type, PUBLISHER_TYPE.LocalAuthority))
    number = str(publisher).rsplit("/SE", 1)[1]
    graph.add((publisher, DCTERMS.identifier, Literal(f"{number[:6]}-{number[6:]}")))


def _service(graph: Graph, api: URIRef, base_url: str, publisher: URIRef, contact: URIRef) -> None:
    graph.add((api, RDF.type, DCAT.DataService))
    texts(graph, api, DCTERMS.title, "medfin API", "medfin API")
    texts(graph, api, DCTERMS.description, *API_DESCRIPTION)
    graph.add((api, DCAT.endpointURL, URIRef(f"{base_url}/v1")))
    graph.add((api, DCAT.endpointDescription, URIRef(f"{base_url}/openapi.yaml")))
    docs = URIRef(f"{base_url}/docs")
    graph.add((api, DCAT.landingPage, docs))
    graph.add((docs, RDF.type, FOAF.Document))
    graph.add((api, DCTERMS.format, FILE_TYPE.JSON))
    graph.add((api, DCTERMS.conformsTo, OPENAPI_3_1))
    graph.add((OPENAPI_3_1, RDF.type, DCTERMS.Standard))
    graph.add((api, DCTERMS.type, REST))
    graph.add((api, DCTERMS.publisher, publisher))
    graph.add((api, DCAT.contactPoint, contact))
    _licence(graph, api)
    graph.add((api, DCTERMS.accessRights, ACCESS_RIGHT.PUBLIC))
    graph.add((api, DCAT.theme, THEME.GOVE))
    keywords = (("medfinansiering", "co-financing"), ("regler som kod", "rules as code"), ("öppna data", "open data"))
    for sv, en in keywords:
        texts(graph, api, DCAT.keyword, sv, en)


def _licence(graph: Graph, node: URIRef) -> None:
    graph.add((node, DCTERMS.license, LICENSE))
    graph.add((LICENSE, RDF.type, DCTERMS.LicenseDocument))
    # ADMS's licence types: CC0 dedicates the work to the public domain.
    graph.add((LICENSE, DCTERMS.type, PUBLIC_DOMAIN))
    graph.add((PUBLIC_DOMAIN, RDF.type, SKOS.Concept))
    graph.add((PUBLIC_DOMAIN, SKOS.prefLabel, Literal("Public domain", lang="en")))


def _dates(graph: Graph, node: URIRef, issued: Literal, modified: Literal) -> None:
    graph.add((node, DCTERMS.issued, issued))
    graph.add((node, DCTERMS.modified, modified))


def _issued(decision: Decision) -> Literal:
    """When medfin first published the decision's data (its data file's ``issued``)."""
    return Literal(str(decision.data["issued"]), datatype=XSD.date)


def _modified(decision: Decision) -> Literal:
    """When the decision's data last changed in substance (its data file's ``modified``)."""
    moment = decision.data["modified"]
    return Literal(moment.isoformat().replace("+00:00", "Z"), datatype=XSD.dateTime)


def _contact(graph: Graph, publisher: Publisher, node: URIRef) -> URIRef:
    """The publisher's contact point, as its decision's footer gives it."""
    graph.add((node, RDF.type, VCARD.Organization))
    graph.add((node, RDF.type, VCARD.Kind))
    graph.add((node, VCARD.fn, Literal(publisher.name, lang="sv")))
    graph.add((node, VCARD.hasEmail, URIRef(f"mailto:{publisher.contact_email}")))
    # 08-535 300 00: Stockholm's area code 08 without its 0, after Sweden's +46.
    digits = publisher.contact_telephone.replace("-", "").replace(" ", "")
    graph.add((node, VCARD.hasTelephone, URIRef(f"tel:+46{digits.removeprefix('0')}")))
    return node


def _dataset(
    graph: Graph,
    decision: Decision,
    base_url: str,
    here: URIRef,
    issuer: tuple[URIRef, URIRef],
    api: URIRef,
    awarded: bool,
) -> URIRef:
    """The decision's dataset; ``issuer``: its publisher's agent and contact point."""
    data = decision.data
    dataset = URIRef(f"{here}#{decision.decision_id}")
    graph.add((dataset, RDF.type, DCAT.Dataset))
    texts(
        graph,
        dataset,
        DCTERMS.title,
        data["title"],
        f"{issuer_of(decision).name}: co-financing of {data['project_name']} ({decision.diarienummer})",
    )
    # The 360Giving record is among the data only once the grant is awarded.
    sv_end = ", finansieringsplanen och åtagandet som 360Giving-bidrag." if awarded else " och finansieringsplanen."
    en_end = ", the financing plan and the commitment as a 360Giving grant." if awarded else " and the financing plan."
    texts(
        graph,
        dataset,
        DCTERMS.description,
        f"{data['decision_body']}s ärende {decision.diarienummer} ({data['document_type']} {data['document_date']}): "
        "beslutspunkterna, åtagandet med villkor, reglerna med citat ur beslutet, de registrerade händelserna" + sv_end,
        f"{data['decision_body']}'s matter {decision.diarienummer} ({data['document_date']}): the decision points, "
        "the commitment and its condition, the rules with quotes from the decision, the recorded events" + en_end,
    )
    graph.add((dataset, DCTERMS.publisher, issuer[0]))
    graph.add((dataset, DCTERMS.identifier, Literal(decision.diarienummer)))
    for sv, en in (("medfinansiering", "co-financing"), ("ERUF", "ERDF"), ("kommunala beslut", "municipal decisions")):
        texts(graph, dataset, DCAT.keyword, sv, en)
    graph.add((dataset, DCAT.theme, THEME.GOVE))
    graph.add((dataset, DCAT.theme, THEME.ECON))
    graph.add((dataset, DCTERMS.language, LANGUAGE.SWE))
    graph.add((dataset, DCTERMS.accessRights, ACCESS_RIGHT.PUBLIC))
    graph.add((dataset, DCTERMS.temporal, _period(graph, decision, here)))
    graph.add((dataset, DCTERMS.spatial, COUNTRY.SWE))
    graph.add((dataset, DCAT.contactPoint, issuer[1]))
    _dates(graph, dataset, _issued(decision), _modified(decision))
    resource = f"{base_url}/v1/decisions/{decision.decision_id}"
    for part in parts(awarded=awarded):
        graph.add((dataset, DCAT.distribution, _distribution(graph, part, resource, dataset, api)))
    return dataset


def _period(graph: Graph, decision: Decision, here: URIRef) -> URIRef:
    """The commitment's period under the default reading of "under tre år"."""
    period = decision.data["commitment"]["period"]
    node = URIRef(f"{here}#{decision.decision_id}-period")
    graph.add((node, RDF.type, DCTERMS.PeriodOfTime))
    graph.add((node, DCAT.startDate, Literal(period["starts_on"], datatype=XSD.date)))
    graph.add((node, DCAT.endDate, Literal(period["ends_on"], datatype=XSD.date)))
    return node


def _distribution(graph: Graph, part: Part, resource: str, dataset: URIRef, api: URIRef) -> URIRef:
    node = URIRef(f"{dataset}-{part.slug}")
    url = URIRef(resource + part.path)
    graph.add((node, RDF.type, DCAT.Distribution))
    texts(graph, node, DCTERMS.description, part.sv, part.en)
    graph.add((node, DCAT.accessURL, url))
    graph.add((node, DCAT.downloadURL, url))
    graph.add((node, DCTERMS.format, FILE_TYPES[part.media_type]))
    media_type = URIRef(IANA + part.media_type)
    graph.add((node, DCAT.mediaType, media_type))
    graph.add((media_type, RDF.type, DCTERMS.MediaType))
    _licence(graph, node)
    graph.add((node, DCAT.accessService, api))
    graph.add((node, DCATAP.availability, PLANNED_AVAILABILITY.STABLE))
    graph.add((PLANNED_AVAILABILITY.STABLE, RDF.type, SKOS.Concept))
    if part.slug.startswith("360giving"):
        graph.add((node, DCTERMS.conformsTo, THREESIXTYGIVING))
        graph.add((THREESIXTYGIVING, RDF.type, DCTERMS.Standard))
    return node


def serialize(graph: Graph, name: str) -> bytes:
    """The graph in the serialisation ``name`` (``rdf``, ``ttl``, ``jsonld``), UTF-8, the same
    bytes in every process: rdflib orders RDF/XML's namespaces and JSON-LD's nodes by hashes
    that differ between processes, so both are put in order here (one ETag per catalogue,
    whichever worker answers)."""
    if name == "jsonld":
        context: dict[str, Any] = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
        document = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
        document["@graph"].sort(key=lambda node: node["@id"])
        return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    text = graph.serialize(format=RDFLIB_FORMATS[name])
    if name == "rdf":
        text = _XMLNS.sub(lambda m: "".join(sorted(m.group(0).splitlines(keepends=True))), text, count=1)
    return text.encode("utf-8")
