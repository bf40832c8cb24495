"""Whole old sites written for the tests: ``pages`` (the page specs, the period templates
and ``Site``), ``texts`` (the words), ``corpora`` (the sites whose answers are known)."""

from .pages import Article, Entry, FilmLog, Index, NewsPage, Picture, Raw, Site, link

__all__ = ["Article", "Entry", "FilmLog", "Index", "NewsPage", "Picture", "Raw", "Site", "link"]
