"""The content version: a token that changes, in the same transaction, with anything a public page
shows.

One row (`ContentVersion`). Every write to a model whose data a public page can show (a page, a
page's inline rows, a snippet, an image, a document, site settings, a site, a view restriction,
a collection...) gives it a new random value, inside the transaction that makes the write, so the
new token and the new content become visible together, at commit. A request reads the token once
(`current()`), and every fragment it reads or writes is keyed with it (`caching.fragments`): a
fragment rendered before a change is never read after it, by construction, whether Redis was up
or down when the change was made.

Writes that cannot change a public page are left out (`UNRELATED`), so they do not throw the
fragments away: revisions (a draft saved), logs, the reference and search indexes (written with
the page, which changes the token itself), renditions and embeds (made while a page is drawn),
sessions, accounts, sign-in records, tasks, and the forms' submissions. A model not named there
changes the token: a new kind of content is covered without anyone remembering to add it.

The token is random, not a counter: a database restored from a backup does not bring back a value
whose fragments, made from other content, may still be in the cache.

Changes made without Django's signals (`QuerySet.update()`, raw SQL) must call `bump()`
themselves; Wagtail's own raw writes (moving a page) are followed by its signals, handled here.
"""

import secrets

from django.db import connection, connections
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_migrate,
    post_save,
    pre_migrate,
)
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from caching.models import ContentVersion

# Models whose writes never change what a public page shows: (app label, model name or "*").
UNRELATED = frozenset(
    {
        ("caching", "contentversion"),
        ("sessions", "*"),
        ("admin", "*"),
        ("auth", "*"),
        ("contenttypes", "*"),
        ("axes", "*"),
        ("otp_totp", "*"),
        ("otp_static", "*"),
        ("django_tasks_database", "*"),
        ("wagtailusers", "*"),
        ("wagtailadmin", "*"),
        ("wagtailsearch", "*"),
        ("wagtailforms", "*"),
        ("wagtailembeds", "embed"),
        ("wagtailimages", "rendition"),
        ("wagtailcore", "revision"),
        ("wagtailcore", "pagelogentry"),
        ("wagtailcore", "modellogentry"),
        ("wagtailcore", "referenceindex"),
        ("wagtailcore", "workflowstate"),
        ("wagtailcore", "taskstate"),
        ("wagtailcore", "pagesubscription"),
        ("wagtailcore", "comment"),
        ("wagtailcore", "commentreply"),
        ("wagtailcore", "uploadedfile"),
        # The forms' records (pages of the forms app are pages, and count).
        ("submissions", "partnershipenquiry"),
        ("submissions", "teacherapplication"),
        ("submissions", "applicationdraft"),
        ("submissions", "openingnotification"),
        ("submissions", "monitoringresponse"),
        ("submissions", "monitoringsummary"),
    }
)

# Fields a page or snippet saves alone when a draft is saved or the object is locked: a save of
# only these leaves the live content as it was.
DRAFT_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "draft_title",
        "locked",
        "locked_at",
        "locked_by",
    }
)

_TABLE = ContentVersion._meta.db_table


def current() -> int:
    """The token now (0 before any change was recorded): one small query."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT value FROM {connection.ops.quote_name(_TABLE)} WHERE id = 1"  # noqa: S608
        )
        row = cursor.fetchone()
    return row[0] if row else 0


# While migrations run, the table may not exist yet; the token changes once they have run.
_migrating = False


def bump() -> None:
    """Give the token a new value, in the current transaction (if any)."""
    if _migrating:
        return
    table = connection.ops.quote_name(_TABLE)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (id, value) VALUES (1, %s) "  # noqa: S608
            "ON CONFLICT (id) DO UPDATE SET value = EXCLUDED.value",
            [secrets.randbits(62) or 1],
        )


def is_related(model) -> bool:
    """Whether writes to `model` can change what a public page shows."""
    app_label, model_name = model._meta.app_label, model._meta.model_name
    return (app_label, "*") not in UNRELATED and (app_label, model_name) not in UNRELATED


@receiver(post_save, dispatch_uid="content-version-saved")
def saved(sender, update_fields=None, **kwargs):
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return
    if is_related(sender):
        bump()


@receiver(post_delete, dispatch_uid="content-version-deleted")
def deleted(sender, **kwargs):
    if is_related(sender):
        bump()


@receiver(m2m_changed, dispatch_uid="content-version-m2m")
def related_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and is_related(type(instance)):
        bump()


@receiver(page_published, dispatch_uid="content-version-page-published")
@receiver(page_unpublished, dispatch_uid="content-version-page-unpublished")
@receiver(post_page_move, dispatch_uid="content-version-page-moved")
@receiver(published, dispatch_uid="content-version-published")
@receiver(unpublished, dispatch_uid="content-version-unpublished")
def content_changed(sender, **kwargs):
    """Publishing, unpublishing and moving end with these signals, after their last write (a
    move rewrites its descendants' addresses with raw SQL): the token changes after all of it."""
    bump()


@receiver(pre_migrate, dispatch_uid="content-version-pre-migrate")
def migrations_start(sender, **kwargs):
    global _migrating
    _migrating = True


@receiver(post_migrate, dispatch_uid="content-version-post-migrate")
def migrations_done(sender, **kwargs):
    """Data migrations may have changed content: the token changes once `migrate` is done
    (post_migrate is sent once per app, after all of them ran)."""
    global _migrating
    _migrating = False
    using = kwargs.get("using") or "default"
    if _TABLE in connections[using].introspection.table_names():
        bump()
