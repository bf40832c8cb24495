"""A review's optional rating: the reviewer's mark on its scale, and as the page printed it."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from reviews.credits import rating_text


class RatingFields(models.Model):
    """ "8/10", "3.5 of 5", "****", or a grade that is no number ("B+"): shown under the
    credits ("Rating: 8/10") and given as the Review's ``reviewRating`` in the JSON-LD."""

    rating_value = models.DecimalField(
        "rating",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text="The reviewer's mark as a number, e.g. 8 or 3.5. Leave empty for no rating "
        "or for a grade that is not a number (then fill in “as printed”).",
    )
    rating_best = models.PositiveSmallIntegerField(
        "out of",
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="The top of the scale: 10 for “8/10”, 5 for five stars.",
    )
    rating_printed = models.CharField(
        "rating as printed",
        max_length=40,
        blank=True,
        help_text="The rating as the page shows it: “8/10”, “****”, “B+”. Shown beside the "
        "number, or on its own for a grade.",
    )

    class Meta:
        abstract = True

    @staticmethod
    def rating_panel() -> MultiFieldPanel:
        return MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("rating_value"),
                        FieldPanel("rating_best"),
                        FieldPanel("rating_printed"),
                    ]
                )
            ],
            heading="Rating",
            help_text="Optional: shown under the credits as “Rating: 8/10”.",
        )

    def clean(self):
        super().clean()
        if self.rating_value is None:
            return
        if self.rating_best is None:
            raise ValidationError({"rating_best": "Give the top of the scale for the rating."})
        if self.rating_value > self.rating_best:
            above = f"The rating cannot be above the top of its scale ({self.rating_best})."
            raise ValidationError({"rating_value": above})

    @property
    def rating_text(self) -> str:
        """The rating as readers see it after "Rating:": "8/10", "4/5 (****)", "B+"; or ""."""
        return rating_text(self.rating_value, self.rating_best, self.rating_printed)
