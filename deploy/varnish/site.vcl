vcl 4.1;
#
# The front cache of the site (Varnish 7): what it keeps, what it never keeps, and purging.
#
# - The app decides what may be kept: it sends `Cache-Control: public, s-maxage=N` on public
#   pages, listings, feeds, the sitemap and search results, and `private, no-store` on anything
#   personal (caching/middleware.py). A response with no caching headers, `private`, `no-store`,
#   `no-cache` or a Set-Cookie is never stored.
# - Requests carrying the session cookie (logged-in editors, an application in progress) and
#   the admin, and every method but GET and HEAD, go straight to the app servers.
# - Tracking parameters (utm_*, gclid, fbclid...) are removed from the URL, so they neither
#   split the cache nor reach the app.
# - PURGE (from the app servers: Wagtail's HTTP purge backend) marks the copy of that URL
#   expired and drops every copy of the same path with a query string (filtered listings,
#   search terms, page numbers). Expired copies are kept for a day and served if no app server
#   is healthy; while one is, a request for an expired page waits for the fresh one.
# - /media/ is served from the object storage bucket and kept; /media/documents/ is refused
#   (documents go through the app, which checks private collections).
# - If no app server answers, pages the cache holds are still served, and anything else gets an
#   honest error page (a form that was sent is not lost silently).
#
# The machine-specific parts (backends, their health checks, who may purge, the bucket) are in
# backends.vcl beside this file, written per deployment; deploy/stack.py writes it for
# `make stack`. See docs/deployment.md.

import cookie;
import directors;
import purge;
import std;

include "backends.vcl";

sub vcl_recv {
    # Internal headers are ours alone.
    if (req.restarts == 0) {
        unset req.http.X-Serve-Stale;
    }
    unset req.http.X-Cache;
    unset req.http.X-Url;
    unset req.http.X-Path;
    # The cache key's host: without a port, so a purge for the site's host reaches its pages.
    if (req.http.Host) {
        set req.http.X-Host = std.tolower(regsub(req.http.Host, ":[0-9]+$", ""));
    } else {
        set req.http.X-Host = "" + server.ip;
    }

    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (hash);
    }

    # Tracking parameters: removed wherever they are in the query string.
    if (req.url ~ "[?&](utm_[a-z]+|gclid|gbraid|wbraid|dclid|fbclid|msclkid|mc_cid|mc_eid|_ga|_gl)(=|&|$)") {
        set req.url = regsuball(req.url, "([?&])(utm_[a-z]+|gclid|gbraid|wbraid|dclid|fbclid|msclkid|mc_cid|mc_eid|_ga|_gl)(=[^&]*)?(?=&|$)", "\1");
        set req.url = regsuball(req.url, "&{2,}", "&");
        set req.url = regsub(req.url, "\?&", "?");
        set req.url = regsub(req.url, "[?&]$", "");
    }

    if (req.url ~ "^/media/") {
        call media_recv;
    }

    set req.backend_hint = app.backend();
    # While an app server is healthy, an expired page is fetched afresh before it is served (a
    # published change shows on the next request). When none is, or the fetch just failed
    # (before the health checks notice), the stale copy is served.
    if (req.http.X-Serve-Stale) {
        set req.grace = 24h;
    } else if (std.healthy(req.backend_hint)) {
        set req.grace = 0s;
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/admin(/|\?|$)" || req.http.Authorization) {
        return (pass);
    }
    if (req.http.Cookie) {
        cookie.parse(req.http.Cookie);
        # Production's session cookie is "__Host-sessionid"; "sessionid" is Django's default.
        if (cookie.isset("__Host-sessionid") || cookie.isset("sessionid")) {
            return (pass);
        }
    }
    # Other cookies (a CSRF cookie from a form seen earlier) are kept for the app, which makes
    # nothing public that depends on them, and left out of the cache key.
    set req.http.X-Url = req.url;
    call path_key;
    return (hash);
}

# The path a purge matches: without the query string, and without a final slash (Wagtail purges
# a redirect's old path without one).
sub path_key {
    set req.http.X-Path = regsub(regsub(req.url, "\?.*$", ""), "(.)/$", "\1");
}

sub media_recv {
    if (req.method != "GET" && req.method != "HEAD") {
        return (synth(405, "Method Not Allowed"));
    }
    if (req.url ~ "^/media/documents/") {
        return (synth(404, "Not Found"));
    }
    unset req.http.Cookie;
    unset req.http.Authorization;
    set req.url = regsub(req.url, "\?.*$", "");
    set req.backend_hint = media;
    set req.http.X-Url = req.url;
    set req.http.X-Path = req.url;
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    hash_data(req.http.X-Host);
    return (lookup);
}

sub vcl_hit {
    if (req.method == "PURGE") {
        call purge_path;
    }
    if (obj.ttl <= 0s) {
        set req.http.X-Cache = "hit-stale";
    } else {
        set req.http.X-Cache = "hit";
    }
}

sub vcl_miss {
    if (req.method == "PURGE") {
        call purge_path;
    }
    set req.http.X-Cache = "miss";
}

sub vcl_pass {
    set req.http.X-Cache = "pass";
}

# The copy of this exact URL is marked expired (kept, to serve while no app server is healthy);
# copies of the same path with a query string are dropped. Media files are dropped at once.
sub purge_path {
    call path_key;
    # A ban's arguments cannot be quoted: only URLs and hosts without spaces or quotes.
    if (req.url ~ "^/[^\x22\x5c\s]*$" && req.http.X-Host ~ "^[a-z0-9.:\[\]-]+$") {
        if (req.http.X-Path ~ "^/media/") {
            if (!std.ban("obj.http.X-Host == " + req.http.X-Host + " && obj.http.X-Path == " + req.http.X-Path)) {
                std.log("ban failed: " + std.ban_error());
            }
            return (synth(200, "Purged"));
        }
        if (!std.ban("obj.http.X-Host == " + req.http.X-Host + " && obj.http.X-Path == " + req.http.X-Path + " && obj.http.X-Url != " + req.url)) {
            std.log("ban failed: " + std.ban_error());
        }
    }
    purge.soft(0s);
    return (synth(200, "Purged"));
}

sub vcl_backend_fetch {
    if (bereq.http.X-Path ~ "^/media/") {
        call media_fetch;
    }
}

sub vcl_backend_response {
    # Kept on each copy, for purges (bans match on them); removed before delivery.
    set beresp.http.X-Url = bereq.http.X-Url;
    set beresp.http.X-Path = bereq.http.X-Path;
    set beresp.http.X-Host = bereq.http.X-Host;

    if (bereq.http.X-Path ~ "^/media/") {
        unset beresp.http.Set-Cookie;
        if (beresp.status != 200) {
            set beresp.ttl = 10s;
        }
    } else if (!beresp.http.Cache-Control && !beresp.http.Expires) {
        # The app says what may be kept; a response without a word on it is not.
        set beresp.ttl = 0s;
    }
    # An app server error while refreshing in the background keeps the stale copy.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    set beresp.grace = 24h;
    if (beresp.http.Content-Type ~ "^(text/|application/(json|xml|rss\+xml|atom\+xml|javascript)|image/svg\+xml)") {
        set beresp.do_gzip = true;
    }
    # Varnish's built-in rules follow: nothing with ttl <= 0, Set-Cookie, private, no-cache or
    # no-store is stored.
}

sub vcl_deliver {
    # The app failed to answer for a page: look again, for a stale copy this time.
    if (resp.status >= 500 && req.restarts == 0 && req.http.X-Cache == "miss"
        && (req.method == "GET" || req.method == "HEAD")) {
        set req.http.X-Serve-Stale = "1";
        return (restart);
    }
    unset resp.http.X-Url;
    unset resp.http.X-Path;
    unset resp.http.X-Host;
    unset resp.http.x-amz-request-id;
    unset resp.http.x-amz-id-2;
    set resp.http.X-Cache = req.http.X-Cache;
    # A response that was never in the cache has no age.
    if (req.http.X-Cache == "pass" || obj.uncacheable) {
        unset resp.http.Age;
    }
}

sub vcl_backend_error {
    set beresp.ttl = 0s;
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Cache-Control = "no-store";
    set beresp.http.Retry-After = "120";
    synthetic({"<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sorry, the site is not available right now - The Difference</title>
</head>
<body>
<main>
<h1>Sorry, the site is not available right now</h1>
<p>We could not reach our website. Please try again in a few minutes.</p>
<p>If you were sending a form, it has <strong>not</strong> been sent and nothing you typed
has been stored. Go back, and your answers should still be in the form: send it again in a
few minutes.</p>
</main>
</body>
</html>
"});
    return (deliver);
}

sub vcl_synth {
    if (resp.status == 404 || resp.status == 405) {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        synthetic(resp.reason);
        return (deliver);
    }
}
