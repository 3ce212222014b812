"""Benchmarks (`make bench`): cold-start import cost per function, and the sandbox end to end."""
