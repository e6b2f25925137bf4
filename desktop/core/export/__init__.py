"""Exports (Qt-free): review memos, summaries across reports, and review packages."""
