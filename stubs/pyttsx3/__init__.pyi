"""pyttsx3 ships no types; the kiosk uses only its ctypes binding of espeak-ng."""
