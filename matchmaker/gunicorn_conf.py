"""gunicorn settings for preloading the matching engine: ``gunicorn -c python:matchmaker.gunicorn_conf
wsgi:app`` (other settings on the command line as usual).

The master loads the application, then the directory: it builds the search index and ranks every
firm's partners once before it forks its workers; each worker starts with that index and engine
(shared copy-on-write, frozen out of the collector's scans) instead of building them on its first
search (1.3 s) and its first suggestions (about 5 s at 20,000 firms). Workers then follow later edits
through the database by themselves. Only gunicorn reads this: ``flask`` commands (``db upgrade``,
cron jobs) load nothing extra. With preloading, ``kill -HUP`` does not load new code into the
master: restart the service after a deployment.
"""

from __future__ import annotations

preload_app = True


def when_ready(server) -> None:  # the master, application loaded, workers not yet forked
    from matchmaker.matching.engine_cache import preload

    preload(server.app.wsgi(), log=server.log)
