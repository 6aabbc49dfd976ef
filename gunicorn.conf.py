"""gunicorn settings for `gunicorn wsgi:app` run from this folder (read automatically from the working directory)."""
import os

# Loopback only unless FOODCA_BIND says otherwise: a reverse proxy on the same host faces the internet. Without this
# line gunicorn binds every interface at $PORT whenever the platform sets PORT. `-b` on the command line overrides it.
bind = [os.environ.get("FOODCA_BIND") or "127.0.0.1:" + os.environ.get("PORT", "8000")]
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


def on_starting(server):
    """With PROMETHEUS_MULTIPROC_DIR set, start from an empty folder: old workers' values would be added in."""
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        os.makedirs(folder, exist_ok=True)
        for name in os.listdir(folder):
            if name.endswith(".db"):
                os.remove(os.path.join(folder, name))


def child_exit(server, worker):
    """A worker that exits stops counting in the gauges it wrote (counters and histograms keep their totals)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
