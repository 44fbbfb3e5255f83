"""The production WSGI app behind a stand-in for the TLS proxy, for Lighthouse runs only.

In production a reverse proxy terminates TLS and sets X-Forwarded-Proto: https on every request.
Chromium talks plain http to 127.0.0.1, and Lighthouse sends its extra headers with page loads but
not with its own robots.txt fetch, which would get the production redirect to https. So this
wrapper plays the proxy's part and marks every request https. (Uploaded images are served by the
site itself: the Lighthouse run sets SERVE_MEDIA=1.) The load test uses website.wsgi unchanged.
"""

from website.wsgi import application as site


def application(environ, start_response):
    environ["HTTP_X_FORWARDED_PROTO"] = "https"
    return site(environ, start_response)
