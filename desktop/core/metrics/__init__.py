"""The extracted-metrics engine: every figure in a report, classified, linked to its sentence, checked."""
