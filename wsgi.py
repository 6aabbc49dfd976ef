"""WSGI entry point: `gunicorn wsgi:app` or `flask --app wsgi run`; settings come from the environment."""
import logging

from foodca import create_app
from foodca.api.request_log import JsonFormatter

# One JSON line per request on stderr (gunicorn's error log), with its request id.
_handler = logging.StreamHandler()
_handler.setFormatter(JsonFormatter())
logging.getLogger("foodca.access").addHandler(_handler)
logging.getLogger("foodca.access").setLevel(logging.INFO)

app = create_app()
