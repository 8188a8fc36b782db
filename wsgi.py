"""WSGI entry point: ``gunicorn wsgi:app`` or ``flask --app wsgi …``.

``gunicorn -c python:matchmaker.gunicorn_conf wsgi:app`` also loads and ranks the matching engine once
in the master, before the workers fork (see matchmaker/gunicorn_conf.py).
"""

from matchmaker import create_app

app = create_app()
