"""The message every fence fails with: which library changed, what we rely on, where to read."""

import inspect


def changed(library: str, what: str) -> str:
    return (
        f"{library} changed under {what}, a private part this project relies on: "
        f"see docs/internals.md ({what}) before upgrading {library}."
    )


def parameters(function) -> list[str]:
    return list(inspect.signature(function).parameters)
