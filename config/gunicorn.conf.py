"""gunicorn's hooks for the site's web server: deploy/systemd/ledger-web.service starts it with
``--config config/gunicorn.conf.py`` (bench/loadtest/run.py too); the command line keeps the rest.

Python's cycle collector, at its default thresholds, ran every 700 new objects and now and then walked every object
the worker holds: Django's models, URL patterns, compiled templates and translation catalogues, which live as long as
the process. On the load test's pages that was a sixth of a worker's CPU (docs/benchmarks.md, "Garbage collection").
So each worker collects less often, and once its first requests have loaded what every page uses, moves everything
it then holds out of the collector's sight (gc.freeze): those objects are never garbage.
"""

import gc

# Objects made between two collections of the youngest generation (Python's default: 700); a page makes tens of
# thousands, most of them freed by reference counting before any collection.
GC_THRESHOLD = (10_000, 10, 10)
# Requests a worker serves before it freezes what it holds: the common pages' templates are compiled by then.
FREEZE_AFTER = 20


def post_fork(server, worker):
    gc.set_threshold(*GC_THRESHOLD)


def post_request(worker, req, environ, resp):
    if worker.nr == FREEZE_AFTER:
        # Collected first, so that no garbage left in cycles is kept for good.
        gc.collect()
        gc.freeze()
