"""
Making and checking API keys.

A key reads ``wk_<prefix>_<secret>``. Only the prefix (to find the row) and a SHA-256
hash of the whole key are stored: the secret has 192 random bits, so a fast hash is
enough (no password stretching needed), and a leaked database does not leak usable keys.
"""

import hashlib
import hmac
import secrets

KEY_SCHEME = "wk"
PREFIX_LENGTH = 8


def hash_key(raw_key):
    return hashlib.sha256(raw_key.encode("utf-8")).hexdigest()


def generate_key():
    """A new key as ``(raw_key, prefix, key_hash)``; the raw key is shown once, never stored."""
    prefix = secrets.token_hex(PREFIX_LENGTH // 2)
    raw_key = f"{KEY_SCHEME}_{prefix}_{secrets.token_urlsafe(24)}"
    return raw_key, prefix, hash_key(raw_key)


def split_prefix(raw_key):
    """The lookup prefix of a key as sent by a client, or ``None`` if it is malformed."""
    parts = (raw_key or "").split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_SCHEME or len(parts[1]) != PREFIX_LENGTH:
        return None
    return parts[1]


def key_matches(raw_key, key_hash):
    return hmac.compare_digest(hash_key(raw_key), key_hash)
