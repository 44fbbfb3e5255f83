"""Production's media storage and front cache, as the environment configures them."""

import json

from django.test import override_settings

from tests.website.test_security import production_env, run_manage
from website.storage import MediaStorage

SHOW = (
    "import json; from django.conf import settings as s; print(json.dumps({"
    "'storage': s.STORAGES['default']['BACKEND'], "
    "'purge': {k: v['BACKEND'].rsplit('.', 1)[-1] for k, v in s.WAGTAILFRONTENDCACHE.items()}, "
    "'docs': s.WAGTAILDOCS_SERVE_METHOD, "
    "'img_src': s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']}))"
)


def settings_with(**env) -> dict:
    result = run_manage("shell", "-c", SHOW, env=production_env(**env))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_a_bucket_or_a_cache_files_stay_local_and_nothing_is_purged():
    shown = settings_with()
    assert shown["storage"] == "django.core.files.storage.FileSystemStorage"
    assert shown["purge"] == {}
    # Documents are streamed by Wagtail's view, which checks private collections.
    assert shown["docs"] == "serve_view"


def test_a_bucket_and_a_varnish_address_turn_both_on():
    shown = settings_with(
        AWS_STORAGE_BUCKET_NAME="media",
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:9",
        FRONTEND_CACHE_URL="http://127.0.0.1:6081",
    )
    assert shown["storage"] == "website.storage.MediaStorage"
    assert shown["purge"] == {"varnish": "HTTPBackend"}
    assert shown["docs"] == "serve_view"
    assert shown["img_src"] == ["'self'", "data:"]


def test_a_cdn_is_a_settings_change():
    shown = settings_with(
        FRONTEND_CACHE_CLOUDFLARE_ZONEID="zone",
        CLOUDFLARE_BEARER_TOKEN="token",
        FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID="E123",
        AWS_STORAGE_BUCKET_NAME="media",
        AWS_S3_CUSTOM_DOMAIN="media.example.org",
    )
    assert shown["purge"] == {"cloudflare": "CloudflareBackend", "cloudfront": "CloudfrontBackend"}
    # Media from the CDN's domain: the pages' policy allows its images.
    assert "https://media.example.org" in shown["img_src"]


@override_settings(MEDIA_URL="/media/")
def test_media_urls_are_on_the_site_itself_unless_a_domain_is_set():
    storage = MediaStorage(bucket_name="media", endpoint_url="http://127.0.0.1:9")
    assert storage.url("images/a picture.fill-100x100.webp") == (
        "/media/images/a%20picture.fill-100x100.webp"
    )
    cdn = MediaStorage(bucket_name="media", custom_domain="media.example.org")
    assert cdn.url("images/a.webp") == "https://media.example.org/images/a.webp"
