"""Output formats: each a small function from data to text (STYLE.md, principle 4)."""
