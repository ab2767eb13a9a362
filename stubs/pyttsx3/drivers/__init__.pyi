"""pyttsx3's speech drivers; only the espeak-ng binding is typed here."""
