"""Uploaded files in S3-compatible object storage (django-storages), addressed on the site itself.

With `AWS_STORAGE_BUCKET_NAME` set, production keeps images, renditions and documents in the
bucket, so every app server reads and writes the same files. Their URLs are `MEDIA_URL` + the
object's key (`/media/images/...`), on the site's own host: the front cache serves `/media/` from
the bucket (deploy/varnish/site.vcl), keeps the files, and the pages' Content-Security-Policy
(`img-src 'self'`) holds. With `AWS_S3_CUSTOM_DOMAIN` set (a CDN or the bucket's public
domain), django-storages' own absolute URLs are used instead.

Documents never go straight from the bucket: Wagtail's serve view streams them, after checking
a private collection's restrictions (`WAGTAILDOCS_SERVE_METHOD = "serve_view"`), and the VCL
refuses `/media/documents/`.
"""

from django.conf import settings
from django.utils.encoding import filepath_to_uri

from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class MediaStorage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        if self.custom_domain:
            return super().url(name, parameters, expire, http_method)
        return settings.MEDIA_URL + filepath_to_uri(clean_name(name)).lstrip("/")
