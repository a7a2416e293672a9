"""The kit's version, in a module of its own so that modules quoting it need not import the package.

>>> from qcakit._version import __version__
>>> __version__.count(".")
2
"""

__version__ = "0.1.0"
