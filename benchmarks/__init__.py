"""Benchmarks of newsclean: accuracy on the development corpus (``accuracy.py``) and speed.

``metrics`` and ``corpus`` are small stdlib-only modules that other scripts (model
training, reports) import to load pages and score predictions the same way.
"""
