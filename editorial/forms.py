"""Admin forms that answer any POST with the form and one error per mistake, never a 500.

What the admin's own widgets post is always well formed; a hand-made or damaged POST is not,
and Wagtail trusts it in three places: a StreamField reads ``body-count`` with ``int()``
(ValueError), a chooser re-rendering the form looks its posted value up as a primary key
(``lead_image=abc``: ValueError), and a rule in ``Model.clean`` that reads a field the form
could not clean sees the instance's old value and adds a second, wrong error ("above the top of
its scale" under "Enter a number"). :class:`SturdyFormMixin` closes all three for every page
and snippet form of the magazine (``base_form_class``).
"""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from textkit.identity import confusable_key, strip_format_chars

DAMAGED = "This part of the form arrived damaged, so nothing was saved. Reload the page."


class SturdyFormMixin:
    def _widget_data_value(self, widget, html_name):
        # Django's one entry point to a widget's value_from_datadict (fields and re-render).
        try:
            return super()._widget_data_value(widget, html_name)
        except (ValueError, TypeError, KeyError, IndexError):
            self.damaged_fields.add(html_name)
            return self.value_before(widget)

    def value_before(self, widget):
        """What the field held before this POST (a StreamField: its saved blocks), shown
        again in the form that says the POST was damaged."""
        for name, field in self.fields.items():
            if field.widget is widget:
                initial = self.get_initial_for_field(field, name)
                if initial is None and hasattr(field, "block"):  # a new page's StreamField
                    initial = field.block.get_default()
                return initial
        return None

    @property
    def damaged_fields(self) -> set[str]:
        if not hasattr(self, "_damaged_fields"):
            self._damaged_fields = set()
        return self._damaged_fields

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.fields:
            if self.add_prefix(name) in self.damaged_fields and name not in self._errors:
                self.add_error(name, DAMAGED)
        self.forget_unusable_choices()

    def forget_unusable_choices(self) -> None:
        """A choice the form refused is shown as no choice: a chooser would look it up."""
        refused = [
            self.add_prefix(name)
            for name, field in self.fields.items()
            if isinstance(field, forms.ModelChoiceField) and name in self._errors
        ]
        if refused and self.is_bound:
            self.data = self.data.copy()
            for key in refused:
                self.data[key] = ""

    def add_error(self, field, error) -> None:
        """Skip a model rule's message for a field that already has its own error: the rule
        read the instance's old value, not what the editor typed."""
        if field is None and isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            fresh = {
                name: messages
                for name, messages in error.error_dict.items()
                if name == NON_FIELD_ERRORS or name not in (self._errors or {})
            }
            if not fresh:
                return
            error = ValidationError(fresh)
        super().add_error(field, error)


class MagazinePageForm(SturdyFormMixin, WagtailAdminPageForm):
    def clean_title(self) -> str:
        # Invisible format characters (U+202E turns text around, U+200B hides a break): a
        # title that looks like another's, or reads backwards in lists, is never saved.
        return strip_format_chars(self.cleaned_data["title"]).strip()


class MagazineModelForm(SturdyFormMixin, WagtailAdminModelForm):
    pass


class ContributorForm(MagazineModelForm):
    """A contributor's name is saved without invisible characters, and refused when it only
    looks like someone already here ("Ruth Аbernathy" with a Cyrillic А, "Ruth Abernathy"
    with U+202E): two entries readers could not tell apart split one person's work."""

    def clean_name(self) -> str:
        name = " ".join(strip_format_chars(self.cleaned_data["name"]).split())
        if not name:
            raise ValidationError("Give the contributor's name.")
        twin = self.lookalike_of(name)
        if twin is not None:
            raise ValidationError(
                "“%(name)s” looks the same as “%(twin)s”, who is already a contributor "
                "(the same letters, or letters of another alphabet that look like them). "
                "If this is the same person, use their entry instead.",
                params={"name": name, "twin": twin},
            )
        return name

    def lookalike_of(self, name: str) -> str | None:
        """The existing contributor whose name looks like ``name``, if any (one pass over
        the names: a few thousand cost milliseconds)."""
        key = confusable_key(name)
        others = self._meta.model.objects.exclude(pk=self.instance.pk).values_list(
            "name", flat=True
        )
        return next((other for other in others.iterator() if confusable_key(other) == key), None)
