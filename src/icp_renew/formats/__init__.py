"""Output formats: each a small function from data to text (docs/reports.md)."""
