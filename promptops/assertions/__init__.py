"""Assertions: the registry and the built-in assertion types."""
