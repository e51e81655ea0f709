"""
The forms through which the public submits: an offer or a request, an answer, a report,
a room request; and the pages their e-mails link to (confirmation, conversation).

Each form POSTs to itself and runs the API's own mutation in-process (``website.api.mutate``,
documents in ``website/queries/``), so the website accepts exactly what the API accepts.
A refusal shows the form again with what was typed and each message beside its field, in
the reader's language; success redirects to a "check your e-mail" page (POST-redirect-GET).
The pages carry personal data or a one-person token: never cached, never indexed
(``personal``). CSRF protects every form; the honeypot field is hidden from people and
screen readers by the stylesheet and ``aria-hidden``.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_safe

from offers.choices import Direction, District, Kind, ReportReason, Sender
from offers.errors import SubmissionError
from offers.relay import conversation_for
from website import api
from website.languages import in_language
from website.rendering import render_page
from website.views.my_data import PERSONAL, personal

#: What a failed POST keeps of the form token: a forged or expired one is replaced.
TOKEN_REFUSALS = {"SPAM_SUSPECTED", "FORM_EXPIRED"}


def enum_name(value):
    """A choice's value as the API's enum names it: ``alt-west`` → ``ALT_WEST``."""
    return value.upper().replace("-", "_") if value else None


def form_page(request, template, refused=None, **context):
    """Render a form: a fresh form token unless the POSTed one is still good, the values typed, the errors."""
    token = request.POST.get("formToken", "")
    if request.method != "POST" or not token or (refused is not None and refused.code in TOKEN_REFUSALS):
        token = api.mutate(request, "start_submission")["startSubmission"]["token"]
    return render_page(
        request,
        template,
        {
            **PERSONAL,
            "values": request.POST if request.method == "POST" else {},
            "errors": refused.fields if refused is not None else {},
            "refused": refused.message if refused is not None else None,
            "form_token": token,
            **context,
        },
        url_name=context.pop("url_name", "website:home"),
        url_kwargs=context.pop("url_kwargs", None),
        status=400 if refused is not None else 200,
    )


def sent(request, what="confirm"):
    return redirect(reverse("website:offer_sent", kwargs={"lang": request.language.code}) + f"?what={what}")


def common(post, language):
    return {
        "language": language,
        "acceptPrivacy": post.get("acceptPrivacy") == "on",
        "formToken": post.get("formToken", ""),
        "website": post.get("website", ""),
    }


@require_http_methods(["GET", "POST"])
@in_language
@personal
def new_listing(request):
    language = request.language.code
    direction = request.POST.get("direction") or request.GET.get("direction") or Direction.OFFER
    direction = direction if direction in Direction.values else Direction.OFFER
    refused = None
    if request.method == "POST":
        post = request.POST
        listing = {
            "direction": enum_name(direction),
            "kind": enum_name(post.get("kind", "")),
            "title": post.get("title", ""),
            "description": post.get("description", ""),
            "topics": post.getlist("topics"),
            "district": enum_name(post.get("district", "")),
            "languages": post.getlist("languages"),
            "validUntil": post.get("validUntil") or None,
            "name": post.get("name", ""),
            "email": post.get("email", ""),
            "phone": post.get("phone", ""),
            "organisation": post.get("organisation", ""),
            **common(post, language),
        }
        try:
            bad = [name for name, choices in (("kind", Kind), ("district", District)) if post.get(name) and post.get(name) not in choices.values]
            if not post.get("kind"):
                bad.append("kind")
            if bad:
                refuse_choice(*bad)
            api.mutate(request, "submit_listing", input=listing)
        except api.Refused as error:
            refused = error
        else:
            return sent(request)
    options = api.run(request, "offer_form", locale=language)
    return form_page(
        request, "website/offer_form.html", refused,
        direction=direction, kinds=Kind.choices, districts=District.choices, topics=options["topics"],
        spoken_languages=options["spokenLanguages"], retention_days=settings.OFFERS_RETENTION_DAYS,
        url_name="website:offer_new",
    )


def refuse_choice(*fields):
    """Refuse a value the form never offered (the API's enums would refuse it in English)."""
    message = gettext("Please choose one of the offered values.")
    raise api.Refused("INVALID_INPUT", message, dict.fromkeys(fields, message))


def listing_or_404(request, listing_id):
    listing = api.run(request, "listing_title", id=str(listing_id), locale=request.language.code)["listing"]
    if listing is None:
        raise Http404("No such public listing.")
    return listing


@require_http_methods(["GET", "POST"])
@in_language
@personal
def answer(request, listing_id):
    listing = listing_or_404(request, listing_id)
    refused = None
    if request.method == "POST":
        post = request.POST
        answer_input = {
            "listingId": str(listing_id), "text": post.get("text", ""), "email": post.get("email", ""),
            **common(post, request.language.code),
        }
        try:
            api.mutate(request, "answer_listing", input=answer_input)
        except api.Refused as error:
            refused = error
        else:
            return sent(request)
    return form_page(
        request, "website/offer_answer.html", refused, listing=listing,
        retention_days=settings.OFFERS_RETENTION_DAYS,
        url_name="website:offer_answer", url_kwargs={"listing_id": listing_id},
    )


@require_http_methods(["GET", "POST"])
@in_language
@personal
def report(request, listing_id):
    listing = listing_or_404(request, listing_id)
    refused = None
    if request.method == "POST":
        post = request.POST
        reason = post.get("reason", "")
        report_input = {
            "listingId": str(listing_id), "reason": enum_name(reason) if reason in ReportReason.values else None,
            "text": post.get("text", ""), "formToken": post.get("formToken", ""), "website": post.get("website", ""),
            "language": request.language.code,
        }
        try:
            if report_input["reason"] is None:
                refuse_choice("reason")
            api.mutate(request, "report_listing", input=report_input)
        except api.Refused as error:
            refused = error
        else:
            return sent(request, "report")
    return form_page(
        request, "website/offer_report.html", refused, listing=listing, reasons=ReportReason.choices,
        url_name="website:offer_report", url_kwargs={"listing_id": listing_id},
    )


@require_http_methods(["GET", "POST"])
@in_language
@personal
def room_request(request):
    refused = None
    if request.method == "POST":
        post = request.POST
        room_input = {
            "roomId": post.get("roomId", ""), "groupName": post.get("groupName", ""), "title": post.get("title", ""),
            "description": post.get("description", ""), "start": post.get("start", ""), "end": post.get("end", ""),
            "attendees": _number(post.get("attendees")), "name": post.get("name", ""), "email": post.get("email", ""),
            "phone": post.get("phone", ""), "organisation": post.get("organisation", ""),
            **common(post, request.language.code),
        }
        try:
            missing = [name for name in ("start", "end") if not room_input[name]]
            if missing:
                message = gettext("Please give a date and time.")
                raise api.Refused("INVALID_INPUT", message, dict.fromkeys(missing, message))
            api.mutate(request, "request_room", input=room_input)
        except api.Refused as error:
            refused = error
        else:
            return sent(request)
    rooms = api.run(request, "bookable_rooms")["bookableRooms"]
    return form_page(
        request, "website/room_request.html", refused, rooms=rooms, retention_days=settings.OFFERS_RETENTION_DAYS,
        url_name="website:room_request",
    )


def _number(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


@require_safe
@in_language
def sent_page(request):
    return render_page(
        request, "website/offer_sent.html", {**PERSONAL, "what": request.GET.get("what", "confirm")},
        url_name="website:offer_sent",
    )


@require_http_methods(["GET", "POST"])
@in_language
@personal
def confirm(request, token):
    """
    The link of a confirmation e-mail. Opening it shows a button; only pressing it (a POST)
    confirms, so a mail scanner that opens every link confirms nothing in a person's name.
    """
    confirmed, refused = None, None
    if request.method == "POST":
        try:
            confirmed = api.mutate(request, "confirm_submission", token=token, language=request.language.code)[
                "confirmSubmission"
            ]
        except api.Refused as error:
            refused = error.message
    return render_page(
        request, "website/offer_confirm.html", {**PERSONAL, "confirmed": confirmed, "refused": refused},
        url_name="website:offer_confirm", url_kwargs={"token": token}, status=400 if refused else 200,
    )


@require_http_methods(["GET", "POST"])
@in_language
@personal
def conversation(request, token):
    """One side's page of a relayed conversation: the messages so far, and the next one."""
    try:
        chat, side = conversation_for(token)
    except SubmissionError:
        raise Http404("No such conversation.") from None
    refused = None
    if request.method == "POST":
        message = {"token": token, "text": request.POST.get("text", ""), "language": request.language.code}
        try:
            api.mutate(request, "send_message", input=message)
        except api.Refused as error:
            refused = error
        else:
            url = reverse("website:offer_conversation", kwargs={"lang": request.language.code, "token": token})
            return redirect(url + "?sent=1")
    messages = [
        {"mine": message.sender == side, "text": message.text, "created_at": message.created_at}
        for message in chat.messages.order_by("created_at")
    ]
    return render_page(
        request, "website/offer_conversation.html",
        {
            **PERSONAL, "listing": chat.listing, "messages": messages, "is_owner": side == Sender.OWNER,
            "values": request.POST if refused else {}, "errors": refused.fields if refused else {},
            "refused": refused.message if refused else None, "sent": request.GET.get("sent") == "1",
        },
        url_name="website:offer_conversation", url_kwargs={"token": token}, status=400 if refused else 200,
    )
