"""The scanner's version, at the bottom of the layers so that every module may name it
(the package's ``__init__`` is the public API, at the top)."""

__version__ = "0.1.0"
