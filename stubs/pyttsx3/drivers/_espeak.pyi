"""The part of pyttsx3's ctypes binding of espeak-ng that kiosk/speech/engine_worker.py uses.

The signatures are those of espeak-ng's C API (speak_lib.h) as pyttsx3 declares them
with ctypes: every call returns an ``espeak_ERROR`` code (0 is EE_OK), except
``Initialize``, which returns the sample rate or -1.
"""

from collections.abc import Callable
from ctypes import Structure, _Pointer, c_short

AUDIO_OUTPUT_SYNCHRONOUS: int
RATE: int
CHARS_UTF8: int
ENDPAUSE: int

class VOICE(Structure):
    name: bytes
    languages: bytes
    identifier: bytes

def Initialize(output: int = ..., bufflength: int = ..., path: bytes | None = ...,
               option: int = ...) -> int: ...
def ListVoices(voice_spec: VOICE | None = None) -> list[VOICE]: ...
# The callback receives a pointer to the samples (16-bit), their count and a pointer to
# the events; it returns 0 to go on synthesising.
def SetSynthCallback(cb: Callable[[_Pointer[c_short], int, object], int]) -> None: ...
def SetVoiceByName(name: bytes) -> int: ...
def SetParameter(parameter: int, value: int, relative: int = ...) -> int: ...
def Synth(text: str | bytes, position: int = 0, position_type: int = ..., end_position: int = 0,
          flags: int = 0, user_data: object = None) -> int: ...
