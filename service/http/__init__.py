"""HTTP plumbing: problem details, caching, CORS, negotiation, paging, the contract, the checks on every request.

Imports of medfin only ``rules.errors`` and ``service.shared``; the storage and the decisions are handed in.
"""
