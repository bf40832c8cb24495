"""Builds the magazine's page tree (Home, a section of each kind, About Us) when it is missing.

Safe to run any number of times: what exists is found and reused, never duplicated.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from wagtail.models import Page, Site

from config.environment import parse_site_url
from editorial.roles import apply_page_permissions
from home.models import HomePage, StandardPage
from reviews import kinds
from reviews.models import SectionPage

HOME_INTRO = "<p>Independent reviews of films and books, with news and features, since 2000.</p>"
ABOUT_SLUG = "about-us"
ABOUT_TEXT = (
    "<p>Talking Pictures is an independent magazine of film and book reviews, "
    "written by people who love both.</p>"
)


@dataclass
class SiteTree:
    home: HomePage
    sections: dict[str, SectionPage]
    about: StandardPage

    def section_for(self, kind: str) -> SectionPage:
        return self.sections[kind]


@transaction.atomic
def ensure_site_tree(hostname: str | None = None, port: int | None = None) -> SiteTree:
    """The tree, its default Site answering at ``hostname:port`` (by default SITE_URL's)."""
    site_url = parse_site_url(settings.SITE_URL)
    home = ensure_home_page(hostname or site_url.hostname, port or site_url.port)
    sections = {kind.value: ensure_section(home, kind) for kind in kinds.KINDS}
    tree = SiteTree(home=home, sections=sections, about=ensure_about_page(home))
    # Page-level roles and the moderation workflow can only be granted once the pages exist.
    apply_page_permissions(home.pk, [section.pk for section in sections.values()])
    return tree


def ensure_home_page(hostname: str, port: int) -> HomePage:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    home = HomePage.objects.first()
    if home is None:
        remove_wagtail_welcome_page()
        # The intro is also the home page's meta description until an editor writes one.
        home = HomePage(
            title="Talking Pictures", slug="home", intro=HOME_INTRO, show_in_menus=False
        )
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish()
    if site is None:
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name="Talking Pictures",
        )
    else:
        site.root_page = home
        site.site_name = site.site_name or "Talking Pictures"
        site.save()
    return home


def apply_site_url() -> Site | None:
    """Give the default Site SITE_URL's hostname and port (hence the scheme of its absolute
    URLs, see config.environment.parse_site_url); run by every ``migrate`` and ``setup_site``."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    site_url = parse_site_url(settings.SITE_URL)
    if (site.hostname, site.port) != (site_url.hostname, site_url.port):
        site.hostname, site.port = site_url.hostname, site_url.port
        site.save()  # clears Wagtail's site root paths and bumps the content version
    return site


def remove_wagtail_welcome_page() -> None:
    """Wagtail's first migration leaves a plain "Welcome" page where Home must go."""
    for page in Page.objects.filter(depth=2, content_type__model="page", numchild=0):
        Site.objects.filter(root_page=page).delete()
        page.delete()


def ensure_section(home: HomePage, kind: kinds.SectionKind) -> SectionPage:
    section = SectionPage.objects.child_of(home).filter(kind=kind.value).first()
    if section is None:
        section = SectionPage(
            title=kind.section_title,
            slug=kind.section_slug,
            kind=kind.value,
            show_in_menus=True,
        )
        home.add_child(instance=section)
        section.save_revision().publish()
    return section


def ensure_about_page(home: HomePage) -> StandardPage:
    about = StandardPage.objects.child_of(home).filter(slug=ABOUT_SLUG).first()
    if about is None:
        about = StandardPage(
            title="About Us",
            slug=ABOUT_SLUG,
            show_in_menus=True,
            body=[("paragraph", ABOUT_TEXT)],
        )
        home.add_child(instance=about)
        about.save_revision().publish()
    return about
