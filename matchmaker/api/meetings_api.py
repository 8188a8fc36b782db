"""Filled in by its feature."""
blp = None
