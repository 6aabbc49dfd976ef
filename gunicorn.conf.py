"""gunicorn settings for `gunicorn wsgi:app` run from this folder (read automatically from the working directory)."""
import os

# Loopback only: a reverse proxy on the same host faces the internet. Without this line gunicorn binds every interface
# at $PORT whenever the platform sets PORT. `-b` on the command line still overrides it.
bind = ["127.0.0.1:" + os.environ.get("PORT", "8000")]
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Threads, not sync workers: a parse that waits seconds for a model vendor must not hold a whole worker (and its
# 800 MB food index), and keep-alive connections from the app are served without a new TCP handshake each time.
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# The first use of the food index in a worker builds it (about 10-20 s with the full tables): allow for it.
timeout = 120


def post_worker_init(worker):
    """Build the worker's food index before it takes requests, so no user waits for it."""
    lazy = getattr(worker.wsgi, "extensions", {}).get("foodca_analyser")
    if lazy is not None:
        lazy.get()
