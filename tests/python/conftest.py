"""pytest set-up for the pyodbc tests: one connection to the DSN ./run-tests registered."""
import os

import pyodbc
import pytest


@pytest.fixture(scope="module")
def cnxn():
    dsn = os.environ.get("ATHENA_TEST_DSN", "athena-local")
    c = pyodbc.connect(f"DSN={dsn}", autocommit=True)
    yield c
    c.close()
