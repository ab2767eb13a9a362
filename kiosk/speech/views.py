"""The audio endpoint: /speech/<rate>/<key>.ogg, only for utterances this server made."""

from __future__ import annotations

from typing import cast

from flask import Blueprint, Response, abort, current_app, jsonify, request, send_file
from flask.typing import ResponseReturnValue

from kiosk.speech.service import KEY_LENGTH, SpeechService, UnknownUtterance, is_rate
from kiosk.speech.synth import VOICES, SpeechUnavailable

bp = Blueprint("speech", __name__, url_prefix="/speech")
ONE_YEAR = 365 * 24 * 3600


def service() -> SpeechService:
    return cast(SpeechService, current_app.extensions["kiosk.speech"])


def _valid_key(key: str) -> bool:
    return len(key) == KEY_LENGTH and all(c in "0123456789abcdef" for c in key)


@bp.get("/<rate>/<key>.ogg")
def audio(rate: str, key: str) -> ResponseReturnValue:
    if not is_rate(rate) or not _valid_key(key) or request.query_string:
        abort(404)
    etag = f"{key}-{rate}"
    if request.if_none_match.contains(etag):
        response = Response(status=304)
    else:
        try:
            path = service().audio_path(key, rate)
        except UnknownUtterance:
            abort(404)
        except (SpeechUnavailable, TimeoutError):
            return jsonify(error="speech is unavailable; the stand will retry"), 503
        response = send_file(path, mimetype="audio/ogg", etag=False, conditional=False,
                             max_age=ONE_YEAR)
    # The name is a hash of the spoken text and voice: the same URL never changes.
    response.set_etag(etag)
    response.cache_control.public = True
    response.cache_control.max_age = ONE_YEAR
    response.cache_control.immutable = True
    return response


@bp.get("/status.json")
def status() -> ResponseReturnValue:
    speech = service()
    response = jsonify(available={lang: speech.available(lang) for lang in VOICES},
                       cache_bytes=speech.audio.size)
    response.headers["Cache-Control"] = "no-store"
    return response
