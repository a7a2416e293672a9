"""Data files bundled with qcakit (installed as the package ``qcakit.data``); load them with ``qcakit.datasets.load``."""
