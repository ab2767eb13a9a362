"""The sign-in blueprint's views; importing this package registers their routes."""

from kiosk.auth.views import language, signin  # noqa: F401 - importing registers the routes
