"""Qt-free core of ReviewDesk: import, cleaning, sections, metadata and the import pipeline.

Nothing under this package may import PySide6 (tests/test_architecture.py enforces it).
"""
