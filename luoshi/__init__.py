"""Luoshi (落实): carry the work report's promises through to delivery."""

__version__ = "0.1.0"
