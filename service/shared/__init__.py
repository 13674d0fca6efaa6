"""What every package shares: Stockholm's clock, the characters text may hold, and the event log read as facts.

Imports nothing of medfin but ``rules``; every package of the service may import it.
"""
