"""
An agency's file kept between the dry run and the import.

The preview page used to send the whole file back in a hidden form field, which broke
above Django's ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (2.5 MB of form data, about 1.9 MB of file
once base64-encoded). Now the upload is stored in Django's default storage (the media
folder, or whatever storage the site uses, which every app server shares) under a random
name, and the form carries only a signed token naming that file, the person who uploaded
it and when. The import applies exactly the file that was checked.

A token is good for ``MAX_AGE`` and only for the person it was issued to; a forged,
altered, expired or foreign token, or one whose file is gone, is ``UploadMissing``: the
form asks for the file again. Applied files are deleted at once; ``remove_stale`` (run
on every import request) deletes any older than ``MAX_AGE``. The folder is not among the
public ones of ``cms.media``: these files are never served.
"""

import re
import secrets
from datetime import timedelta

from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

FOLDER = "translation-imports"
MAX_AGE = timedelta(days=1)
SALT = "translation.exchange.uploads"
#: How a name this module made looks; anything else is never opened or deleted.
NAME = re.compile(r"^[A-Za-z0-9_-]{32,64}\.upload$")


class UploadMissing(Exception):
    """The token does not name a kept upload of this user (forged, expired, or deleted)."""


def keep(content, user, filename=""):
    """Store ``content`` (bytes) for ``user``; returns the token for the form."""
    name = default_storage.save(f"{FOLDER}/{secrets.token_urlsafe(32)}.upload", ContentFile(content))
    stored = name.rsplit("/", 1)[-1]
    if not NAME.match(stored):  # a storage that renamed the file beyond what we accept
        default_storage.delete(name)
        raise OSError(f"the storage stored the upload as {name!r}")
    return signing.dumps({"file": stored, "user": user.pk, "name": str(filename)[:200]}, salt=SALT, compress=False)


def _payload(token, user):
    try:
        payload = signing.loads(str(token), salt=SALT, max_age=MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError) as error:  # SignatureExpired is a BadSignature
        raise UploadMissing(str(error)) from error
    if not isinstance(payload, dict) or not NAME.match(str(payload.get("file", ""))):
        raise UploadMissing("malformed token")
    if payload.get("user") != getattr(user, "pk", None):
        raise UploadMissing("issued to someone else")
    return payload


def load(token, user, max_bytes):
    """``(content, original file name)`` of the upload the token names."""
    payload = _payload(token, user)
    path = f"{FOLDER}/{payload['file']}"
    try:
        if default_storage.size(path) > max_bytes:
            raise UploadMissing("too large")
        with default_storage.open(path, "rb") as stored:
            return stored.read(), payload.get("name", "")
    except OSError as error:
        raise UploadMissing("file is gone") from error


def discard(token, user):
    """Delete the upload the token names (after it was applied); a bad token is ignored."""
    try:
        payload = _payload(token, user)
    except UploadMissing:
        return
    _delete(f"{FOLDER}/{payload['file']}")


def remove_stale(now=None):
    """Delete kept uploads older than ``MAX_AGE``; returns how many."""
    limit = (now or timezone.now()) - MAX_AGE
    try:
        _folders, files = default_storage.listdir(FOLDER)
    except OSError:  # no folder yet (nothing kept so far), or unreadable: the next request tries again
        return 0
    removed = 0
    for name in files:
        if not NAME.match(name):
            continue
        path = f"{FOLDER}/{name}"
        try:
            stale = default_storage.get_modified_time(path) < limit
        except (OSError, NotImplementedError, TypeError):
            continue  # removed meanwhile by another server, or a storage without times
        if stale:
            removed += _delete(path)
    return removed


def _delete(path):
    try:
        default_storage.delete(path)
    except OSError:
        return 0
    return 1
