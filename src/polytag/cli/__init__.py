"""The ``polytag`` command line: one module per command."""
