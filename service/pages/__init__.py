"""Pages for people, in Swedish: what the HTML pages show (content, charts, problem types) and their Jinja templates.

Imports of medfin only ``rules``, ``service.formats`` and ``service.shared``; the scenarios and runs are handed in.
"""
