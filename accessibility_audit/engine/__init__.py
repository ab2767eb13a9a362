"""Auditing pages in real browsers: launching them, running axe in every frame,
classifying what went wrong, and a pool of workers that keeps going."""
