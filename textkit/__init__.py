"""Pure text rules the whole site shares (no Django: the standard library, and Unicode's
confusables data for look-alike names).

A top-level package of its own because its users must not depend on each other: the
importer's parser (``legacy.parsing``, which imports no Django and may one day be removed)
and the site search (``search``, which stays). Keep it free of Django and of project
imports, so importing it never loads an app.
"""
