"""
What a moderator decides about a listing: approve, reject with a reason, and what readers'
reports lead to.

Each decision writes every translation at once (``Listing.set_status``, which also tells
the API's response cache through ``offers.signals.listing_changed``) and e-mails the
submitter in their language. Approval also has the listing pre-translated by machine, in
the background worker (``offers.translating.pretranslate_approved``). A listing that
``REPORTS_TO_PENDING`` readers reported (from as many addresses) leaves the public lists by itself, back into
the queue, until a moderator looks at it: three people are more likely right than wrong,
and a fraudulent flat offer must not wait for office hours.
"""

from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from offers import links
from offers.choices import Status
from offers.lifecycle import ends_at
from offers.models import Report
from offers.translating import pretranslate_approved

#: Unresolved reports that take an approved listing back into the queue.
REPORTS_TO_PENDING = 3


class ModerationError(Exception):
    """A decision that does not fit the listing's state; ``code`` is stable, ``message`` for people."""

    def __init__(self, code, message):
        super().__init__(str(message))
        self.code = code
        self.message = message


def _require(listing, *statuses):
    if listing.status not in statuses:
        raise ModerationError(
            "WRONG_STATUS",
            _("This listing is “%(status)s”; it cannot be decided on now.") % {"status": listing.get_status_display()},
        )


def _mail_submitter(listing, template, context):
    from offers import mail  # the submission flow's mail module (rendering, sending as a task)

    submitter = listing.submitter
    if submitter is None:  # deleted on their own request: nobody to tell
        return
    language = submitter.language
    mail.send(
        template,
        submitter.email,
        language,
        {"listing": listing, "title": listing.title, "my_data_url": links.my_data_url(submitter, language), **context},
    )


def approve(listing, user, now=None):
    """
    Make a pending listing public until ``lifecycle.ends_at`` (its valid-until day, at most
    ``OFFERS_LIFETIME_DAYS``), pre-translate it and tell the submitter. A listing that came
    back into the queue through reports keeps its end: approval does not extend it.
    """
    _require(listing, Status.PENDING)
    now = now or timezone.now()
    first_approval = listing.approved_at is None
    expires_at = listing.expires_at if listing.approved_at and listing.expires_at else ends_at(listing.valid_until, now)
    with transaction.atomic():
        listing.set_status(
            Status.APPROVED,
            approved_at=listing.approved_at or now,
            expires_at=expires_at,
            moderated_by=user,
            moderated_at=now,
            rejection_reason="",
        )
        Report.objects.filter(listing__translation_key=listing.translation_key, resolved_at__isnull=True).update(
            resolved_at=now, resolved_by=user
        )
    pretranslate_approved.enqueue(listing.pk, user.pk if user else None)
    if first_approval:
        language = listing.submitter.language if listing.submitter else listing.locale.language_code
        _mail_submitter(
            listing, "listing_approved", {"listing_url": links.listing_url(listing, language), "expires_at": expires_at}
        )
    return listing


def reject(listing, user, reason, now=None):
    """
    Refuse a pending listing, or take down an approved one; the reason is sent to the
    submitter, so it is required.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ModerationError("REASON_REQUIRED", _("Give the submitter a reason."))
    _require(listing, Status.PENDING, Status.APPROVED)
    now = now or timezone.now()
    listing.set_status(
        Status.REJECTED, rejection_reason=reason, moderated_by=user, moderated_at=now, ended_at=now
    )
    _mail_submitter(listing, "listing_rejected", {"reason": reason})
    return listing


def unresolved_reports(listing):
    return Report.objects.filter(listing__translation_key=listing.translation_key, resolved_at__isnull=True)


def reporters(listing):
    """
    How many people reported ``listing`` and are not yet answered: one address reporting
    three times is one person (reports without a reporter, made by staff, count each).
    """
    reports = unresolved_reports(listing)
    return reports.exclude(reporter="").values("reporter").distinct().count() + reports.filter(reporter="").count()


def reports_received(listing):
    """
    After a report: with ``REPORTS_TO_PENDING`` unresolved ones an approved listing goes
    back into the queue. Returns whether it did.
    """
    if listing.status != Status.APPROVED or reporters(listing) < REPORTS_TO_PENDING:
        return False
    listing.set_status(Status.PENDING)
    return True


def _on_report_saved(sender, instance, created, **kwargs):
    if created:
        reports_received(instance.listing)


def connect():
    """Called by ``OffersConfig.ready``: every report counts, whoever stores it."""
    post_save.connect(_on_report_saved, sender=Report, dispatch_uid="offers.moderation.reports")


class ReportAction:
    """What a moderator does with a report."""

    #: The listing is fine: the report is closed; a listing the reports took off goes back online.
    DISMISS = "dismiss"
    #: The report is right: the listing is rejected (taken down) with a reason, and all its reports closed.
    REMOVE = "remove"


def resolve_report(report, user, action, reason="", now=None):
    now = now or timezone.now()
    listing = report.listing
    if action == ReportAction.REMOVE:
        with transaction.atomic():
            reject(listing, user, reason, now=now)
            unresolved_reports(listing).update(resolved_at=now, resolved_by=user)
        return
    if action != ReportAction.DISMISS:
        raise ModerationError("UNKNOWN_ACTION", _("Unknown action."))
    Report.objects.filter(pk=report.pk).update(resolved_at=now, resolved_by=user)
    report.resolved_at, report.resolved_by = now, user
    if listing.status == Status.PENDING and listing.approved_at and not unresolved_reports(listing).exists():
        # Taken off by reports, all of them dismissed now: back online, until its old end.
        listing.set_status(Status.APPROVED, moderated_by=user, moderated_at=now)
