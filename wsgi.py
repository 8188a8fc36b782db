"""WSGI entry point: ``gunicorn wsgi:app`` or ``flask --app wsgi …``.

With ``PRELOAD_MATCHING=1`` and ``gunicorn --preload``, the master loads the directory and ranks every
firm's partners once; the workers fork with it (shared copy-on-write) instead of each doing it on its
first request.
"""
from matchmaker import create_app

app = create_app()

if app.config.get("PRELOAD_MATCHING"):
    from matchmaker.matching.services import preload

    preload(app)
