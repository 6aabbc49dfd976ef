"""WSGI entry point: `gunicorn wsgi:app` or `flask --app wsgi run`; settings come from the environment."""
import logging

from foodca import create_app
from foodca.api.request_log import JsonFormatter

# JSON lines on stderr (gunicorn's error log): one per request with its request id, and one per food index
# rebuilt after an import (which worker, which tables version, how long). Not the "foodca" logger itself: that is
# Flask's app logger, whose tracebacks keep their own format.
_handler = logging.StreamHandler()
_handler.setFormatter(JsonFormatter())
for _name in ("foodca.access", "foodca.api.context"):
    logging.getLogger(_name).addHandler(_handler)
    logging.getLogger(_name).setLevel(logging.INFO)

app = create_app()
