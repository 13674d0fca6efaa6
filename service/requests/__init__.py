"""What a request may say: the marshmallow schemas of bodies and queries, and the field types they read.

Imports of medfin only ``rules``, ``service.shared`` and the storage's ``Draft`` (what a recorded event becomes).
"""
