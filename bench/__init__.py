"""Benchmarks and load runs (scripts); ``bench.peers`` is the peer-API settings package of peers_bench.py."""
