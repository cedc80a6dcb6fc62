"""Which tests are slow, and which must not run beside each other under pytest-xdist.

`make test` runs everything on as many workers as the machine has cores
(`-n auto --dist loadgroup`); `make test-fast` leaves out the slow groups
below (`-m "not slow"`). pytest-django gives each worker a test database of
its own (`test_<name>_gw0`, `_gw1`… on PostgreSQL; a private in-memory one
on SQLite), and the live server of the browser tests takes a free port, so
most tests can run on any worker.

The groups are listed here by path rather than in each file, so that one
place says what `-m "not slow"` leaves out. A path listed here that no longer
exists is an error: a renamed file would otherwise leave the fast run quietly.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Slow groups: each takes longer than the rest of its directory.
SLOW = {
    "tests/e2e/": "a real Chromium against the live server",
    "tests/archive/api/test_schemathesis.py": "generated requests against every endpoint",
    "tests/archive/test_large_archive_plans.py": "fills a 4,000-article archive (PostgreSQL)",
    "tests/extraction/test_quality.py": "extracts every article of both corpora",
    "tests/extraction/test_evaluation.py::test_expected_names_occur_in_their_article": (
        "reads every article of the corpus against its expected file"
    ),
    "tests/extraction/test_bounded_work.py": "generated 30 KB adversarial texts",
}

# Tests that run manage.py (or gunicorn) in subprocesses on the test's own
# database: one worker runs them one after another, so that two of them never
# compete for the CPU (the Ctrl-C and lost-connection tests read a child's output
# as it comes) and the lost-connection test terminates only its own child.
SUBPROCESS_FIXTURES = {"database_url", "served"}

# A module-scoped fixture commits a filled archive for its module's tests: one
# worker fills it once, instead of each worker filling its own copy.
ONE_WORKER_MODULES = {"tests/archive/test_large_archive_plans.py": "large_archive"}


def _checked(paths) -> None:
    for listed in paths:
        path = ROOT / listed.split("::")[0]
        if not path.exists():
            raise pytest.UsageError(f"tests/conftest.py lists {listed}, which does not exist")


def pytest_configure(config: pytest.Config) -> None:
    _checked(SLOW)
    _checked(ONE_WORKER_MODULES)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        nodeid = item.nodeid
        if any(nodeid.startswith(prefix) for prefix in SLOW):
            item.add_marker(pytest.mark.slow)
        module = nodeid.split("::")[0]
        if module in ONE_WORKER_MODULES:
            item.add_marker(pytest.mark.xdist_group(ONE_WORKER_MODULES[module]))
        elif SUBPROCESS_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.xdist_group("subprocesses"))


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language.

    A request activates its language in the thread (archive.language) and
    leaves it active, as Django's LocaleMiddleware does; a test that calls
    code directly after a request in English must not inherit English.
    """
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()
