"""Expression typing, implicit casts and built-in functions."""
