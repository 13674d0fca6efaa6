"""The auditors' step vocabulary, the runner that reads their Swedish scenarios, and how a run is worded.

Imports every package but the views, and the app factory (``service.create_app``) to run the app in process.

``vocabulary`` holds every phrasing a feature file may use (and the older ones as
aliases), each a small function of a ``World``: the what-if request being built and the
answer read back, over the public HTTP API. ``runner`` parses feature files with the
Cucumber project's Gherkin parser and runs them against that vocabulary, in process on a
throwaway store: ``medfin scenarios run``. The test suite's pytest-bdd steps are thin
adapters over the same vocabulary (tests/bdd/conftest.py), so the shipped features and
an auditor's own are run by the same code. Nothing here imports pytest.
"""

from service.steps import english, vocabulary

# After the vocabulary and the registrar's steps (which vocabulary imports) have registered.
english.apply(vocabulary.VOCABULARY)
