from django.db import models


class ContentVersion(models.Model):
    """One row: a token replaced, in the change's own transaction, by every change to what public
    pages show (`caching.content_version`). Fragments of pages are kept under it, so a fragment
    made before a change is never read after it."""

    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "content version"

    def __str__(self) -> str:
        return f"content version {self.value}"
