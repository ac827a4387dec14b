"""renjacheck's version: a leaf, so that the reporters and writers that print it need not import
the package's face (renjacheck/__init__.py, which names the whole API)."""

__version__ = "0.1.0"
