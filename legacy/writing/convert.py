"""Change a page's kind in place: an article misfiled as a feature becomes a film review.

The page keeps its id, so everything that points at it still does: its title, slug, body,
revisions, log, view restrictions and every redirect from its old URLs. Its type changes
(the rows of the old page type's tables go, those of the new one are written with every
field both types have), and it moves to the section of its new kind, where the move leaves
a redirect from its previous address. A field the new type has no place for is never
dropped: the conversion is refused, saying which field and what it holds.

The kinds are ``reviews.kinds`` (film, book, news, feature) and "page", a plain page under
Home.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import router, transaction
from django.db.models import Model

from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import log
from wagtail.models import Page, ReferenceIndex, Revision
from wagtail.search import index

from home.tree import SiteTree
from legacy.models import ImportRecord
from legacy.writing import pages
from reviews.kinds import KINDS
from reviews.models import ArticlePage, ReviewPage

# The writer of a story: one field, under two names.
WRITER_FIELDS = {ArticlePage: "author", ReviewPage: "reviewer"}
# What the record's kind becomes with the page's (the parser's kinds: legacy.parsing.document)
RECORD_KIND = {kind.value: kind.legacy_shapes[0] for kind in KINDS}
CONVERT_ACTION = "legacy.convert"
CONVERTED = "Converted: "  # how the import report's warnings and items say so


class ConversionRefused(Exception):
    """The page cannot become the other kind without losing something: the message says
    what, for the editor."""


@dataclass
class Conversion:
    page: Page  # the page as its new type
    old_type: str  # verbose name: "article"
    new_type: str
    moved_from: str = ""  # its previous URL path, when the move changed it

    @property
    def summary(self) -> str:
        return f"{self.page.title}: {self.change}"

    @property
    def change(self) -> str:
        if self.old_type == self.new_type:
            return f"moved to {self.page.get_parent().title}"
        return f"{self.old_type} → {self.new_type}"

    @property
    def note(self) -> str:
        """What the import report says about it."""
        return f"{CONVERTED}{self.change}" + (
            f" (its old address {self.moved_from} redirects)" if self.moved_from else ""
        )


def convert_page(page: Page, target: str, tree: SiteTree, user=None) -> Conversion:
    """Make ``page`` a page of the kind ``target`` ("film", "book", "news", "feature" or
    "page"), in its section; raises ConversionRefused with the reason, changing nothing."""
    old = page.specific
    new_class = pages.page_type(target)
    parent = pages.parent_for(tree, target)
    if type(old) is new_class:
        moved_from = _move(old, parent, user)
        return Conversion(old, _name(old), _name(old), moved_from)
    values = carried_values(old, new_class)  # raises ConversionRefused
    with transaction.atomic():
        new = _retype(old, new_class, values)
        moved_from = _move(new, parent, user)
        new = Page.objects.get(pk=new.pk).specific
        revision = new.save_revision(user=user, clean=False, log_action=False)
        if new.live and not old.has_unpublished_changes:
            revision.publish(user=user, log_action=False)
        log(
            instance=new,
            action=CONVERT_ACTION,
            user=user,
            data={"from": _name(old), "to": _name(new), "section": target},
        )
        _reindex(old, new)
        ImportRecord.objects.filter(page_id=new.pk).update(
            section=target, kind=RECORD_KIND.get(target, "page")
        )
    return Conversion(new, _name(old), _name(new), moved_from)


def carried_values(old: Page, new_class: type[Page]) -> dict[str, object]:
    """Every field value of ``old`` that ``new_class`` can hold, by the new field's name;
    ConversionRefused when a field that is filled in has no place on the new type."""
    new_fields = {field.name for field in new_class._meta.concrete_fields}
    values, lost = {}, []
    for field in type(old)._meta.concrete_fields:
        if field.name in ("content_type",) or field.model is Page:
            continue
        name = _writer_name(field.name, type(old), new_class)
        value = getattr(old, field.attname)
        if name in new_fields:
            values[_attname(new_class, name)] = value
        elif not _is_empty(field, value):
            lost.append(f"{field.verbose_name} ({_shown(old, field)})")
    creators = [c.name for c in old.creators.all()] if isinstance(old, ReviewPage) else []
    if creators and not issubclass(new_class, ReviewPage):
        lost.append(f"creators ({', '.join(creators)})")
    if lost:
        raise ConversionRefused(
            f"'{old.title}' cannot become a {new_class._meta.verbose_name}: a "
            f"{new_class._meta.verbose_name} has no place for its {'; '.join(lost)}. "
            "Empty those fields first, or choose another kind."
        )
    return values


def _retype(old: Page, new_class: type[Page], values: dict[str, object]) -> Page:
    """The rows of the old type's own tables go, the new type's are written: the Page row
    (and any table both types share) stays, so the page keeps its id."""
    for model in _own_models(type(old), new_class):
        # Only this model's own table: Django's cascade would also take the page's
        # revisions (a generic relation by content type) and its Page row.
        rows = model._base_manager.filter(pk=old.pk)
        rows._raw_delete(router.db_for_write(model))
    new = new_class(pk=old.pk)
    for field in Page._meta.concrete_fields:
        setattr(new, field.attname, getattr(old, field.attname))
    for attname, value in values.items():
        setattr(new, attname, value)
    new_type = ContentType.objects.get_for_model(new_class)
    new.content_type = new_type
    new.save_base(force_insert=False)  # Page row updated; the new type's rows inserted
    _retype_revisions(new.pk, new_type)
    return new


def _retype_revisions(page_id: int, new_type: ContentType) -> None:
    """Earlier revisions read back as the new type (fields it lacks are ignored), so
    comparing or reverting to one never brings the old type back."""
    for revision in Revision.page_revisions.filter(object_id=str(page_id)):
        revision.content_type = new_type
        revision.content["content_type"] = new_type.pk
        revision.save(update_fields=["content_type", "content"])


def _own_models(old_class: type[Page], new_class: type[Page]) -> list[type[Model]]:
    """The concrete models of the old type's chain below Page that the new type does not
    share, most derived first."""
    chain = [old_class, *old_class._meta.get_parent_list()]
    shared = {new_class, *new_class._meta.get_parent_list()}
    return [model for model in chain if model is not Page and model not in shared]


def _move(page: Page, parent: Page, user) -> str:
    """Move ``page`` under ``parent`` (a free slug if its own is taken there); the old
    path, when it changed."""
    if page.get_parent().pk == parent.pk:
        return ""
    old_url = page.url_path
    base = page.slug
    slug = pages.free_slug(parent, base)
    if slug != page.slug:
        page.slug = slug
        page.save(update_fields=["slug"], clean=False)
    page.move(parent, pos="last-child", user=user)
    page.refresh_from_db()
    _redirect_from(old_url, page)
    return old_url


def _redirect_from(old_url_path: str, page: Page) -> None:
    """Wagtail's own redirect on move covers sites it knows; this covers every site."""
    site = page.get_site()
    root = site.root_page.url_path if site else "/"
    path = "/" + old_url_path[len(root) :] if old_url_path.startswith(root) else old_url_path
    Redirect.objects.get_or_create(
        old_path=Redirect.normalise_path(path),
        site=None,
        defaults={"redirect_page": page, "is_permanent": True},
    )


def _reindex(old: Page, new: Page) -> None:
    index.remove_object(old)
    index.insert_or_update_object(new)
    ReferenceIndex.create_or_update_for_object(new)


def _writer_name(name: str, old_class: type[Page], new_class: type[Page]) -> str:
    """``author`` is ``reviewer`` on a review, and back."""
    old_writer = _writer(old_class)
    new_writer = _writer(new_class)
    if old_writer and new_writer and name == old_writer:
        return new_writer
    return name


def _writer(page_class: type[Page]) -> str:
    for base, name in WRITER_FIELDS.items():
        if issubclass(page_class, base):
            return name
    return ""


def _attname(model: type[Model], name: str) -> str:
    return model._meta.get_field(name).attname


def _is_empty(field, value) -> bool:
    if value is None or value == "" or value == [] or value == {}:
        return True
    return bool(getattr(field, "default", None) == value and not value)


def _shown(page: Page, field) -> str:
    value = getattr(page, field.name)
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _name(page: Page) -> str:
    return str(page._meta.verbose_name)
