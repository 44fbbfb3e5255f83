"""HTTP caching: what a shared cache may keep, and purging it when content changes.

- `middleware.CacheControlMiddleware` sends `Cache-Control` on every response: public pages get
  `s-maxage`, anything personal (a session, a CSRF token, a cookie, the admin) `private, no-store`.
- `purge` works out which URLs show a changed page or record, and `signals` purges them from the
  front cache (Wagtail's `frontend_cache`) once the change is committed.
- Feature apps say which of their pages show a page or record through the Wagtail hook named in
  `purge.RELATED_HOOK`, registered in their own `wagtail_hooks.py`: this app imports none of them.

The front cache's own configuration (Varnish) lives in `deploy/varnish/`.
"""
