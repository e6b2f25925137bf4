"""Limits that protect the workstation from hostile or broken input files."""

MAX_FILE_BYTES = 50 * 1024 * 1024
"""Files larger than this are refused before they are read (a real report is well under 5 MB)."""

MAX_TEXT_CHARS = 1_000_000
"""Extracted texts longer than this are refused (a real report has 5,000–60,000 characters)."""

# .docx (zip) limits, checked before python-docx sees the file.
MAX_ZIP_ENTRIES = 2_000
MAX_ZIP_ENTRY_BYTES = 64 * 1024 * 1024
"""Largest inflated size of any single zip entry (declared and actual)."""
MAX_ZIP_TOTAL_BYTES = 200 * 1024 * 1024
MAX_ZIP_RATIO = 200
"""Largest compression ratio for an entry bigger than 1 MB; zip bombs compress far better."""

IMPORT_TIMEOUT_SECONDS = 20.0
"""Time limit for the whole import of one file (reading and analysis, worker start-up included)."""
IMPORT_MEMORY_BYTES = 1536 * 1024 * 1024
"""Memory cap of the import worker process (address space on POSIX, a job object on Windows)."""
STORE_RESERVE_SECONDS = 2.0
"""Of the import's time limit, what is kept for storing the result (the analysis gets the rest)."""
MAX_SECTIONS = 5_000
MAX_FIGURES = 20_000
"""A report has at most a few hundred headings and a few thousand figures; an analysis with more
comes from a pathological file, and storing it would take longer than the import's time limit."""
PDF_TIMEOUT_SECONDS = IMPORT_TIMEOUT_SECONDS
PDF_MEMORY_BYTES = IMPORT_MEMORY_BYTES

DOC_CONVERT_TIMEOUT_SECONDS = 60.0
