"""django-treebeard: ``MP_Node._get_path`` and ``_str2int`` (the bulk page inserter,
demo/bulk.py) and ``_cached_parent_obj`` (reviews/models/sections.py ``route``,
legacy/writing/pages.py ``new_page``); docs/internals.md, "django-treebeard"."""

from wagtail.models import Page

import pytest

from home.models import StandardPage
from tests.internals.fence import changed, parameters

LIBRARY = "django-treebeard"


def test_path_helpers_keep_their_signatures():
    assert parameters(Page._get_path) == ["path", "depth", "newstep"], changed(
        LIBRARY, "MP_Node._get_path"
    )
    assert parameters(Page._str2int) == ["num"], changed(LIBRARY, "MP_Node._str2int")
    assert Page.steplen == 4, changed(LIBRARY, "MP_Node.steplen")


def next_child_path(parent: Page) -> str:
    """The inserter's arithmetic: the step after the last child's, as a path."""
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    return Page._get_path(parent.path, parent.depth + 1, step + 1)


@pytest.mark.django_db
@pytest.mark.parametrize("children", [0, 2])
def test_get_path_gives_the_path_add_child_gives(site_tree, children):
    parent = site_tree.home.add_child(instance=StandardPage(title="Parent"))
    for number in range(children):
        parent.add_child(instance=StandardPage(title=f"Child {number}"))
    expected = next_child_path(Page.objects.get(pk=parent.pk))
    child = Page.objects.get(pk=parent.pk).add_child(instance=StandardPage(title="Next"))
    assert child.path == expected, changed(LIBRARY, "MP_Node._get_path")
    assert child.depth == parent.depth + 1


@pytest.mark.django_db
def test_get_parent_answers_from_cached_parent_obj_without_a_query(
    site_tree, django_assert_num_queries
):
    page = StandardPage(title="Unsaved", path=site_tree.home.path + "ZZZZ")
    page._cached_parent_obj = site_tree.home
    with django_assert_num_queries(0):
        assert page.get_parent() is site_tree.home, changed(LIBRARY, "_cached_parent_obj")


@pytest.mark.django_db
def test_a_page_not_yet_in_the_tree_has_no_parent_even_with_cached_parent_obj(site_tree):
    # get_parent() answers None before it reads the cache when there is no path, so Wagtail's
    # full_clean cannot check a new page's slug against its siblings: free_slug must.
    site_tree.home.add_child(instance=StandardPage(title="Letters", slug="letters"))
    page = StandardPage(title="Letters", slug="letters")
    page._cached_parent_obj = site_tree.home
    assert page.get_parent() is None, changed(LIBRARY, "_cached_parent_obj")
    page.full_clean(exclude=["path", "depth", "numchild", "url_path"])  # no slug clash found
