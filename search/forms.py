"""The reader's search parameters, validated; a bad filter value is dropped, never an error."""

from django import forms

from wagtail.models import Page

from reviews import kinds
from reviews.browsing import decade_range
from reviews.models import SectionPage
from search.query import parse_query
from search.results import Criteria, Order

FIRST_DECADE, LAST_DECADE = 1890, 2030
DECADES = [(str(year), f"{year}s") for year in range(LAST_DECADE, FIRST_DECADE - 1, -10)]


# The parameters that narrow a search, besides ``q`` and ``page``.
FILTERS = ("section", "kind", "year", "decade", "order")


class SearchForm(forms.Form):
    q = forms.CharField(required=False, label="Search for")
    section = forms.ChoiceField(required=False, label="Section")
    kind = forms.ChoiceField(
        required=False,
        label="Kind",
        choices=[("", "Any kind"), *[(kind.value, kind.singular) for kind in kinds.KINDS]],
    )
    year = forms.IntegerField(
        required=False, label="Year of the work", min_value=FIRST_DECADE, max_value=LAST_DECADE + 9
    )
    decade = forms.ChoiceField(
        required=False, label="Decade", choices=[("", "Any decade"), *DECADES]
    )
    order = forms.ChoiceField(
        required=False,
        label="Order",
        choices=[(Order.RELEVANCE.value, "Best match"), (Order.NEWEST.value, "Newest first")],
    )

    def __init__(self, data, sections: list[SectionPage]) -> None:
        super().__init__(data, auto_id="search-%s")
        self.sections = {section.slug: section for section in sections}
        self.fields["section"].choices = [
            ("", "All sections"),
            *[(section.slug, section.title) for section in sections],
        ]

    def value_of(self, name: str):
        """The cleaned value, or None when it was missing or invalid."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return self.cleaned_data.get(name) or None

    def criteria(self, site_root: Page, page_number, per_page: int) -> Criteria:
        year, decade = self.value_of("year"), self.value_of("decade")
        if year:
            year_range = (year, year)
        elif decade:
            year_range = decade_range(int(decade))
        else:
            year_range = None
        return Criteria(
            # Read raw: the form field would reject a NUL byte; parse_query drops it instead.
            query=parse_query(self.data.get("q", "")),
            site_root=site_root,
            section=self.sections.get(self.value_of("section") or ""),
            kind=kinds.kind_of(self.value_of("kind") or ""),
            year_range=year_range,
            order=Order(self.value_of("order") or Order.RELEVANCE),
            page_number=page_number,
            per_page=per_page,
        )
