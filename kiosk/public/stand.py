"""What every stand page needs: the location's content, language, mode and the moment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Response, abort, current_app, make_response, render_template, request, url_for
from markupsafe import Markup

from kiosk.clock import now_utc
from kiosk.content.model import Content, Hours, Location, Text
from kiosk.content.rich_text import links
from kiosk.content.scheduled import later_hours
from kiosk.hours import Status, holiday_calendar, status_at
from kiosk.i18n import CODES
from kiosk.public.modes import Mode
from kiosk.public.response_cache import (
    MARKER,
    RENDER_AT,
    RENDER_REVISION,
    ResponseCache,
    cache_marker,
)
from kiosk.public.speech_markup import rich_markup, say_markup, speech_key
from kiosk.store import reader
from kiosk.store.reading import Published


@dataclass(frozen=True)
class StandPage:
    location_id: str
    lang: str
    mode: Mode
    published: Published
    now: dt.datetime  # local time of the organisation
    preview: bool = False  # a draft shown in the admin area, not a stand
    preview_at: str = ""  # a preview of a later moment (local, ISO), kept by its links

    @property
    def content(self) -> Content:
        return self.published.content

    @property
    def location(self) -> Location:
        """The location as it stands at the page's moment, scheduled changes applied."""
        return self.published.location_at(self.location_id, self.now)

    @property
    def later_hours(self) -> list[tuple[dt.date, Hours]]:
        """Business hours scheduled to apply later, by the first day they apply to."""
        return later_hours(self.location)

    def status(self) -> Status:
        """Open or closed at the page's moment, and when that changes, scheduled new hours
        included: what the start page, the hours page and the live poll say."""
        return status_at(self.location.hours, self.now, self.content.zone,
                         holiday_calendar(current_app), self.later_hours)

    def urgent_news(self) -> list[str]:
        """The urgent announcements shown today: a stand offers a new one to a visitor
        already using it (docs/stand.md, New information)."""
        return [a.id for a in self.location.announcements if a.urgent and a.shown_on(self.today)]

    @property
    def version(self) -> int:
        """Changes exactly when what this location's stands show changes."""
        return self.published.version(self.location_id, self.now)

    @property
    def published_at(self) -> dt.date:
        return self.published.published_at.astimezone(self.content.zone).date()

    @property
    def today(self) -> dt.date:
        return self.now.date()

    def text(self, value: Text | None) -> Markup:
        """A content text in the page's language, marked up when it falls back to another."""
        if value is None:
            return Markup("")
        text, lang = value.get(self.lang)
        return say_markup(text, lang, self.lang)

    def rich(self, value: Text | None) -> Markup:
        """A longer content text: paragraphs, lists and emphasis, each sentence spoken."""
        if value is None:
            return Markup("")
        text, lang = value.get(self.lang)
        return rich_markup(text, lang, self.lang)

    def rich_links(self, value: Text | None) -> list[str]:
        """The addresses a rich text links to: a stand shows them as QR codes."""
        return [] if value is None else links(value.get(self.lang)[0])

    def say(self, text: str) -> Markup:
        """An interface text in the page's language, marked up to be spoken."""
        return say_markup(str(text), self.lang, self.lang)

    def say_as(self, text: str, lang: str) -> Markup:
        """A text in a given language, e.g. an address or e-mail read by the English voice."""
        return say_markup(str(text), lang, self.lang)

    def key(self, text: str, lang: str | None = None) -> str:
        """The utterance key of a control's name (spoken in ``lang``, default the page's)."""
        return speech_key(str(text), lang or self.lang)

    def url(self, endpoint: str = "home", *, lang: str | None = None,
            mode: Mode | None = None, **values: Any) -> str:
        mode = self.mode if mode is None else mode
        if self.preview:
            # A preview's links stay in the preview, so the whole draft can be walked.
            if self.preview_at:
                values = {**values, "at": self.preview_at}
            return url_for("admin.preview", location=self.location_id, page=endpoint,
                           lang=lang or self.lang, mode=mode.param, **values)
        return url_for(f"public.{endpoint}", location=self.location_id,
                       lang=lang or self.lang, mode=mode.param, **values)

    def qr_target(self, endpoint: str) -> tuple[str, bool]:
        """Where the page's QR code points, and whether that is this very page.

        With PUBLIC_URL set, it is this page on the public server; otherwise the
        organisation's website, since a stand's own address is rarely reachable
        from a visitor's phone."""
        path = url_for(f"public.{endpoint}", location=self.location_id, lang=self.lang)
        if current_app.config["PUBLIC_URL"]:
            return current_app.config["PUBLIC_URL"].rstrip("/") + path, True
        if self.content.organisation.website:
            return self.content.organisation.website, False
        return request.host_url.rstrip("/") + path, True


def live_revision(location: str) -> Published | None:
    """What stands of ``location`` are shown: the newest revision once its pages are
    rendered (:meth:`~kiosk.public.response_cache.ResponseCache.live`)."""
    cache: ResponseCache | None = current_app.extensions.get("kiosk.response_cache")
    if cache is None:
        return reader(current_app).for_location(location)
    return cache.live(location)


def stand_page(location: str, lang: str) -> StandPage:
    if lang not in CODES:
        abort(404)
    published = request.environ.get(RENDER_REVISION) or live_revision(location)
    if published is None:
        abort(404)
    zone = published.content.zone
    # A page rendered ahead describes the minute it will be shown in.
    now: dt.datetime = request.environ.get(RENDER_AT) or now_utc()
    return StandPage(location, lang, Mode.parse(request.args.get("mode")), published,
                     now.astimezone(zone))


@dataclass(frozen=True)
class PageView:
    template: str
    build: Callable[[StandPage], dict[str, Any]]


# Every stand page by endpoint: the stand and the admin preview render them alike.
PAGE_VIEWS: dict[str, PageView] = {}


def page_data(endpoint: str, template: str
              ) -> Callable[[Callable[[StandPage], dict[str, Any]]],
                            Callable[[StandPage], dict[str, Any]]]:
    """Register the function that computes a stand page's template data."""
    def register(build: Callable[[StandPage], dict[str, Any]]
                 ) -> Callable[[StandPage], dict[str, Any]]:
        PAGE_VIEWS[endpoint] = PageView(template, build)
        return build
    return register


def render_page(page: StandPage, endpoint: str) -> str:
    view = PAGE_VIEWS[endpoint]
    return render_template(view.template, page=page, endpoint=endpoint, **view.build(page))


def render_stand(page: StandPage, endpoint: str) -> Response:
    """Render a stand page and mark it cacheable until the minute it shows is over.

    The whole response is then kept by
    :class:`~kiosk.public.response_cache.ResponseCache` for the rest of the minute."""
    return cacheable(make_response(render_page(page, endpoint)), page)


def cacheable(response: Response, page: StandPage) -> Response:
    """Mark ``response``, which shows ``page`` and depends on nothing else of the
    request (no cookie, no visitor), as kept until the minute it shows is over."""
    seconds_left = 60 - page.now.second - page.now.microsecond / 1_000_000
    # With the clock pinned (the NOW setting) the next minute never comes: nothing is
    # rendered ahead for it.
    pinned = current_app.config.get("NOW") is not None
    boundary = None if pinned else page.now + dt.timedelta(seconds=seconds_left)
    response.headers[MARKER] = cache_marker(page.location_id, page.version,
                                             seconds_left, boundary)
    return response
