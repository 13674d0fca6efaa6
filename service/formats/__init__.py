"""What turns data into documents: JSON (presenters, exact JSON), CSV, DCAT, 360Giving, the data package.

Imports of medfin only ``rules`` and ``service.shared``; the store, its events and the decisions are handed in.
"""
