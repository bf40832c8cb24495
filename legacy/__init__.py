"""The legacy-site importer: ``parsing`` (pure) reads old pages, ``writing`` makes pages."""
