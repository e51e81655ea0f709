"""
The admin's document form (``WAGTAILDOCS_DOCUMENT_FORM_BASE``): Wagtail's, with one clear
error when a file is refused.

The size limit itself is Wagtail's (``WAGTAILDOCS_MAX_UPLOAD_SIZE``, checked by the file
field in the single upload, the multiple upload, the chooser's upload and when a file is
replaced; the limit is the field's help text). But a refused file leaves the document
without one, and ``Document.clean()`` then adds "File extension '' is not allowed" beside
"This file is too big (21.0 MB). Maximum filesize 20.0 MB.": this form keeps the first.
"""

from wagtail.documents.forms import BaseDocumentForm


class DocumentForm(BaseDocumentForm):
    def _post_clean(self):
        refused = self._errors.get("file")
        kept = len(refused) if refused else 0
        super()._post_clean()
        if kept:
            del self._errors["file"][kept:]
