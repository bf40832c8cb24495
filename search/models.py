"""What the public "Popular searches" list is made of (search.popular): terms that found
results, the distinct readers who searched them, and the editors' "hidden" flag."""

from django.db import models

from search.query import log_key


class SearchTerm(models.Model):
    """A query that found results at least once, as the Popular searches list shows it."""

    query_string = models.CharField(max_length=255, unique=True)
    hidden = models.BooleanField(
        default=False,
        help_text="Never show this term in the public Popular searches list.",
    )

    class Meta:
        ordering = ["query_string"]
        verbose_name = "popular search term"

    def __str__(self) -> str:
        return self.query_string

    def save(self, *args, **kwargs) -> None:
        # The form the search counts it in, so an editor's "Ikiru " hides "ikiru".
        self.query_string = log_key(self.query_string)
        super().save(*args, **kwargs)


class SearchTermClient(models.Model):
    """One reader searched the term (and found results) on that day: counted once a day.

    ``client`` is a keyed hash of the reader's address (search.popular.client_key), never
    the address itself; rows older than the counting window are deleted as new ones come.
    """

    term = models.ForeignKey(SearchTerm, on_delete=models.CASCADE, related_name="clients")
    client = models.CharField(max_length=32)
    day = models.DateField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["term", "client", "day"], name="one_count_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.term} ({self.day})"
