"""Benchmark of the statistics engine against hand-written DuckDB SQL and pandas.

Run it with `make bench` (`python -m bench.engine`); `--rows N` runs it smaller.
"""
