"""WSGI entry point: `gunicorn wsgi:app` or `flask --app wsgi run`; settings come from the environment."""
from foodca import create_app

app = create_app()
