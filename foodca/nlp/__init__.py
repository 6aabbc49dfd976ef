"""Turning meal text into items: the offline parser, the model splitter and the one OpenAI client wrapper."""
