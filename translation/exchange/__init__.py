"""
Exchange with translation agencies: export pages for one target locale as XLIFF 2.0 or
PO, import the returned file after a dry run, all or nothing.

Both formats carry the same units: wagtail-localize's string segments of a translation
(context path, source text, current translation). PO files are wagtail-localize's own
(``Translation.export_po`` / ``import_po``); XLIFF 2.0 is built from the same segments.
"""
