"""Is a speech audio file there, does it decode, and can it be heard? Pure judgement of
the bytes (``verdict``) and of the answer to a request for them (``problem``)."""

from __future__ import annotations

import io
from collections.abc import Callable

import numpy as np
import requests
import soundfile

# Shorter than any spoken word, and quieter than speech at the lowest volume step
# (-46 dBFS RMS): such a file says nothing a visitor could hear.
MIN_SECONDS = 0.15
MIN_RMS = 0.005


def verdict(data: bytes) -> str | None:
    """None for audible speech, else what is wrong with the file."""
    try:
        samples, rate = soundfile.read(io.BytesIO(data), dtype="float32", always_2d=True)
    except (soundfile.LibsndfileError, RuntimeError, TypeError) as error:
        return f"does not decode as audio ({error})"
    seconds = len(samples) / rate if rate else 0.0
    if seconds < MIN_SECONDS:
        return f"lasts {seconds:.2f} s, too short to be speech"
    rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64))))
    if rms < MIN_RMS:
        return f"is silent (RMS level {rms:.4f}, below {MIN_RMS})"
    return None


def problem(get: Callable[[str], requests.Response], url: str) -> str | None:
    """What is wrong with the audio at ``url``, fetched with ``get``; None if nothing."""
    try:
        response = get(url)
    except requests.RequestException as error:
        return f"could not be fetched ({type(error).__name__})"
    if response.status_code != 200:
        return f"is missing (HTTP {response.status_code})"
    return verdict(response.content)
