"""
The demo content as plain data, one module per content type.

Only data lives here (German source text, a few translations, references by key); the
steps in ``demo.steps`` turn it into rows. Translations are given per field for the
items that are translated in the demo; everything else stays German, the way a real
install starts out.
"""
