"""Data files shipped with ReviewDesk (samples, catalogs, icons, translations).

Loaded through :mod:`importlib.resources`, so a frozen bundle and a source tree behave alike.
"""
