"""gunicorn settings for `gunicorn wsgi:app` run from this folder (read automatically from the working directory)."""
import os

workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# The first use of the food index in a worker builds it (about 10-20 s with the full tables): allow for it.
timeout = 120


def post_worker_init(worker):
    """Build the worker's food index before it takes requests, so no user waits for it."""
    lazy = getattr(worker.wsgi, "extensions", {}).get("foodca_analyser")
    if lazy is not None:
        lazy.get()
