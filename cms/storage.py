"""Static files storage of production: WhiteNoise's compressed manifest storage, for ES modules too."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """
    Hashed, compressed copies of every static file, cached for a year by browsers. The
    kiosk is plain ES modules that import each other (``import … from "./views.js"``):
    Django rewrites those imports to the hashed names too, so a new release never mixes
    old and new modules on a kiosk.
    """

    support_js_module_import_aggregation = True
