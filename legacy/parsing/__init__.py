"""Bytes of an old page to plain data (``LegacyDocument``): no Django, no database.

Enforced by ``tests/legacy/test_parsing_is_pure.py``.
"""
