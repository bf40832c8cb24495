"""Contributors: the reviewers and writers credited in bylines."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from editorial.forms import ContributorForm
from textkit.slugs import name_slug, numbered_slug


class Contributor(index.Indexed, models.Model):
    """A reviewer or writer. Deleting one who has reviews is refused (PROTECT)."""

    name = models.CharField(
        max_length=150, unique=True, help_text="Full name as printed in bylines."
    )
    slug = models.SlugField(
        max_length=160,
        unique=True,
        blank=True,
        allow_unicode=True,  # a name in a script with no Latin letters: "侯捷"
        help_text="Their page's web address; filled in from the name when left blank.",
    )
    bio = models.TextField(
        "short bio", blank=True, help_text="Two or three sentences shown with their work."
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional portrait for their contributor page.",
    )

    base_form_class = ContributorForm
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("bio"), FieldPanel("photo")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.unique_slug()
        super().save(*args, **kwargs)

    def unique_slug(self) -> str:
        # "Anne-Marie Roy" and "Anne Marie Roy" are different people with the same slugify().
        # A Latin name keeps an ASCII address ("emile-ajar"); another script keeps its own.
        base = name_slug(self.name)[:150]
        taken = set(
            Contributor.objects.filter(slug__startswith=base)
            .exclude(pk=self.pk)
            .values_list("slug", flat=True)
        )
        return numbered_slug(base, taken)
