"""Extraction: Arabic news text to events (see pipeline.py for the stages)."""
