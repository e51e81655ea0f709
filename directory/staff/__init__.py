"""
Partner self-service: the editorial team invites a partner's staff by e-mail; they set a
password through a one-time link and edit their partner's profile, services and events
in the admin, and every change they make goes through editorial review.

- ``teams``: the group (page permissions add/change on the partner page, no publish), the
  media collection and the review workflow of one partner, made on the first invitation;
- ``invitations``: invite, resend, revoke, the one-time link, accepting it;
- ``views``/``forms``/``urls``: the partner's "Staff" page in the admin and the public
  "set your password" page; ``admin``: the hooks (header button, dashboard panel, the page
  chooser that hides other partners' drafts).
"""
