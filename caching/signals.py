"""Purge the front cache when content changes, once the change is committed.

- A page published, unpublished, deleted (Wagtail unpublishes it first) or moved: the page and
  every page that lists or shows it (`Purge.add_page`), both as it was and as it is now (what a
  page shows can change with it: an article taken off a topic leaves that topic's page).
- A shared record changed (a snippet, published or saved; an image; a document; the site
  settings): every page that uses it (`Purge.add_object`). Snippets with drafts purge when
  published or unpublished, not when a draft is saved.
- An image or rendition deleted: its files' URLs. A redirect saved or deleted: its old path
  (Wagtail purges those of the redirects it creates itself when a page moves).

These replace Wagtail's own two handlers, which purge only the page itself, before the
transaction commits.
"""

from urllib.parse import urljoin

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from wagtail.contrib.frontend_cache import signal_handlers as wagtail_handlers
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import DraftStateMixin, Page, Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)
from wagtail.snippets.models import get_snippet_models

from caching.purge import Purge

BEFORE = "_frontend_cache_before"


def connect() -> None:
    for model in [m for m in _all_models() if issubclass(m, Page)]:
        page_published.disconnect(wagtail_handlers.page_published_signal_handler, sender=model)
        page_unpublished.disconnect(wagtail_handlers.page_unpublished_signal_handler, sender=model)


def enabled() -> bool:
    """Whether a front cache is configured: without one, working out URLs is wasted queries."""
    return bool(
        getattr(settings, "WAGTAILFRONTENDCACHE", None)
        or getattr(settings, "WAGTAILFRONTENDCACHE_LOCATION", None)
    )


def _all_models():
    return apps.get_models()


def _is_record(model) -> bool:
    """A shared record that pages show: a snippet, an image, a document or site settings."""
    return (
        model in get_snippet_models()
        or issubclass(model, BaseSiteSetting)
        or model is get_image_model()
        or model is get_document_model()
    )


# --- pages


def _identity(page) -> tuple:
    return (page.title, page.url_path, page.live)


@receiver(pre_save, dispatch_uid="caching-remember-live-page")
def remember_live_version(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a live page is saved whole (publishing does), note what its live version shows."""
    if raw or update_fields is not None or not isinstance(instance, Page) or instance.pk is None:
        return
    if not enabled():
        return
    live = Page.objects.filter(pk=instance.pk, live=True).first()
    if live is None:
        return
    purge = Purge()
    purge.add_page(live.specific, named_elsewhere_changed=False)
    setattr(instance, BEFORE, (_identity(live), purge.urls()))


@receiver(page_published, dispatch_uid="caching-page-published")
def page_was_published(sender, instance, **kwargs):
    before = instance.__dict__.pop(BEFORE, None)
    if not enabled():
        return
    purge = Purge()
    purge.add_page(
        instance, named_elsewhere_changed=before is None or before[0] != _identity(instance)
    )
    if before is not None:
        purge.add_urls(before[1])
        url_path_before = before[0][1]
        if url_path_before != instance.url_path:
            _add_old_addresses(purge, instance, url_path_before, instance.url_path)
    purge.send()


@receiver(page_unpublished, dispatch_uid="caching-page-unpublished")
def page_was_unpublished(sender, instance, **kwargs):
    instance.__dict__.pop(BEFORE, None)
    if not enabled():
        return
    purge = Purge()
    purge.add_page(instance)
    purge.send()


def _full_url(url_path: str) -> str | None:
    """The public URL a page at this url_path had, on the site whose root it is under."""
    for root in Site.get_site_root_paths():
        if url_path.startswith(root.root_path):
            return root.root_url + url_path[len(root.root_path) - 1 :]
    return None


def _add_old_addresses(purge, page, url_path_before, url_path_after) -> None:
    """A page's old address, and its live descendants' old and new ones."""
    purge.add_urls(filter(None, [_full_url(url_path_before)]))
    for descendant in Page.objects.live().descendant_of(page):
        purge.add_items([descendant])
        old = url_path_before + descendant.url_path[len(url_path_after) :]
        purge.add_urls(filter(None, [_full_url(old)]))


@receiver(post_page_move, dispatch_uid="caching-page-moved")
def page_was_moved(sender, instance, url_path_before, url_path_after, **kwargs):
    if not instance.live or not enabled():
        return
    purge = Purge()
    purge.add_page(instance.specific)
    purge.add_items([kwargs["parent_page_before"]])
    if url_path_before != url_path_after:
        _add_old_addresses(purge, instance, url_path_before, url_path_after)
    purge.send()


# --- shared records


@receiver(post_save, dispatch_uid="caching-record-saved")
def record_was_saved(sender, instance, raw=False, created=False, **kwargs):
    # A new record is used nowhere yet; a record with drafts purges when published instead.
    if raw or created or not _is_record(sender) or isinstance(instance, DraftStateMixin):
        return
    if not enabled():
        return
    purge = Purge()
    purge.add_object(instance)
    purge.send()


@receiver(published, dispatch_uid="caching-record-published")
@receiver(unpublished, dispatch_uid="caching-record-unpublished")
def record_was_published(sender, instance, **kwargs):
    if isinstance(instance, Page) or not _is_record(type(instance)) or not enabled():
        return
    purge = Purge()
    purge.add_object(instance)
    purge.send()


@receiver(pre_delete, dispatch_uid="caching-record-deleted")
def record_will_be_deleted(sender, instance, **kwargs):
    """Pages using a record are found before the delete removes what says so."""
    if not _is_record(sender) or not enabled():
        return
    purge = Purge()
    purge.add_object(instance)
    purge.send()


# --- files and redirects


def _media_urls(url: str) -> list[str]:
    """A file's URL as each site serves it (a relative /media/ URL is on every site)."""
    if "://" in url:
        return [url]
    return [urljoin(root.root_url + "/", url) for root in Site.get_site_root_paths()]


@receiver(post_delete, dispatch_uid="caching-file-deleted")
def file_was_deleted(sender, instance, **kwargs):
    """A deleted image or rendition must not stay in the cache (it may have been taken down)."""
    image_model = get_image_model()
    is_image_file = sender is image_model or sender is image_model.get_rendition_model()
    if is_image_file and instance.file and enabled():
        purge = Purge()
        purge.add_urls(_media_urls(instance.file.url))
        purge.send()


@receiver(post_save, sender=Redirect, dispatch_uid="caching-redirect-saved")
@receiver(post_delete, sender=Redirect, dispatch_uid="caching-redirect-deleted")
def redirect_changed(sender, instance, **kwargs):
    """A cached 404 (or the old page) at a redirect's old path would hide the redirect."""
    if not enabled():
        return
    sites = [instance.site] if instance.site_id else Site.objects.all()
    purge = Purge()
    # Redirects keep the path without its final slash; the VCL purges both forms.
    purge.add_urls(site.root_url + instance.old_path for site in sites)
    purge.send()
