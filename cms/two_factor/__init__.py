"""
Optional two-factor login for the Wagtail admin (django-otp): after the password, a code
from an authenticator app (TOTP) or a single-use recovery code.

- ``devices``: the TOTP device and the recovery codes of one user, and the one rule of who
  still owes a second step;
- ``middleware``: sends a user who owes it to the verify (or setup) page before any other
  admin page, and treats such a session as anonymous outside the admin;
- ``views``/``forms``/``templates``: setup with a QR code, verify, turn off, new recovery
  codes; ``wagtail_hooks``: the admin URLs and the entry on the account page.

wagtail-2fa is not used: it does not run on Wagtail 8 (it imports ``wagtail.users.widgets``).
"""
