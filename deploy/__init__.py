"""Running the site as in production: the front cache configuration and `make stack`."""
