"""The service's blueprints, one per resource, and what only they use: auth (who writes), recording, lookup.

May import every package of the service (storage, requests, formats, pages, http, steps, shared) and rules.
"""
