"""The web layer's shared pieces: reading requests and building links (``helpers``), and the error
pages and JSON bodies (``errors``). The unit of work around each request is :mod:`matchmaker.uow`."""
