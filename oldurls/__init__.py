"""Old URLs keep working: the redirect middleware for the legacy site's paths.

It stays installed when the importer (``legacy``) is one day removed.
"""
