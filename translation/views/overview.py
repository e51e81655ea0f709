"""
The translators' overview: per locale, how many items are missing, outdated, unreviewed
…, and a sortable, paginated list of the work to do with links into wagtail-localize.
"""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from taxonomy.models import Topic
from translation import locales as locale_info
from translation.choices import OPEN_STATUSES, TranslationStatus
from translation.models import GlossaryTerm
from translation.status import content_models, compute_statuses, counts_by_locale, source_pages, target_locales

PAGE_SIZE = 50

SORTS = {
    "title": (lambda row: row["title"].lower(), False),
    "-title": (lambda row: row["title"].lower(), True),
    "status": (lambda row: OPEN_STATUSES.index(row["item"].status), False),
    "changed": (lambda row: row["changed_sort"], False),
    "-changed": (lambda row: row["changed_sort"], True),
    "locale": (lambda row: row["locale_order"], False),
}


def can_see_overview(user):
    return user.is_superuser or user.has_perm("wagtail_localize.submit_translation")


def translatable_page_types():
    """Content types of the page models translators work on (guides, events, partners, services)."""
    from pages.models import ContentPage

    models = sorted(content_models(ContentPage), key=lambda model: str(model._meta.verbose_name))
    return ContentType.objects.get_for_models(*models, for_concrete_models=False).values()


class OverviewFilterForm(forms.Form):
    locale = forms.ChoiceField(label=_("Language"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=Topic.objects.none(), required=False)
    content_type = forms.ModelChoiceField(label=_("Content type"), queryset=ContentType.objects.none(), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("status", _("Status")),
            ("title", _("Title (A–Z)")),
            ("-title", _("Title (Z–A)")),
            ("-changed", _("Source changed (newest first)")),
            ("changed", _("Source changed (oldest first)")),
            ("locale", _("Language")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locale"].choices = [("", _("All languages"))] + [
            (info.code, info.name) for info in locale_info.all_locales() if info.code != locale_info.source_code()
        ]
        self.fields["status"].choices = [("", _("Everything to do"))] + [
            (status.value, status.label) for status in OPEN_STATUSES
        ]
        self.fields["topic"].queryset = Topic.objects.filter(locale__language_code=locale_info.source_code())
        type_ids = [content_type.pk for content_type in translatable_page_types()]
        self.fields["content_type"].queryset = ContentType.objects.filter(pk__in=type_ids)
        self.fields["content_type"].label_from_instance = lambda ct: ct.model_class()._meta.verbose_name


def filtered_source_pages(topic=None, content_type=None):
    pages = source_pages()
    if content_type is not None:
        pages = pages.filter(content_type=content_type)
    if topic is not None:
        from pages.models import ContentPage

        ids = set()
        for model in content_models(ContentPage):
            field = model._meta.get_field("topics")
            own = field.m2m_field_name()
            ids.update(field.remote_field.through.objects.filter(topic=topic).values_list(f"{own}_id", flat=True))
        pages = pages.filter(pk__in=ids)
    return pages


def overview_view(request):
    if not can_see_overview(request.user):
        raise PermissionDenied
    form = OverviewFilterForm(request.GET or None)
    choices = form.cleaned_data if form.is_valid() else {}
    locales = target_locales()
    by_id = {locale.pk: locale for locale in locales}
    pages = filtered_source_pages(choices.get("topic"), choices.get("content_type"))
    statuses = compute_statuses(pages, locales)
    counts = counts_by_locale(statuses)

    wanted_locale = choices.get("locale")
    wanted_status = choices.get("status")
    page_info = {
        row["id"]: row for row in pages.values("id", "title", "content_type_id", "last_published_at")
    }
    order = {locale.pk: index for index, locale in enumerate(locales)}
    rows = []
    for item in statuses:
        locale = by_id[item.locale_id]
        if item.status not in OPEN_STATUSES:
            continue
        if wanted_locale and locale.language_code != wanted_locale:
            continue
        if wanted_status and item.status != wanted_status:
            continue
        info = page_info[item.page_id]
        rows.append(
            {
                "item": item,
                "title": info["title"],
                "locale": locale,
                "locale_order": order[item.locale_id],
                "content_type": ContentType.objects.get_for_id(info["content_type_id"]),
                "changed_sort": info["last_published_at"].timestamp() if info["last_published_at"] else 0,
                "links": row_links(item),
            }
        )
    key, reverse_order = SORTS.get(choices.get("sort") or "status")
    rows.sort(key=key, reverse=reverse_order)
    paginator = Paginator(rows, PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)

    glossary = GlossaryTerm.objects.select_related("target_locale").order_by("target_locale__language_code", "source_term")
    if wanted_locale:
        glossary = glossary.filter(target_locale__language_code=wanted_locale)

    return TemplateResponse(
        request,
        "translation/overview.html",
        {
            "form": form,
            "summary": [
                {
                    "locale": locale,
                    "name": locale_info.native_name(locale.language_code),
                    "counts": [(status, counts.get(locale.pk, {}).get(status.value, 0)) for status in TranslationStatus],
                }
                for locale in locales
            ],
            "statuses": list(TranslationStatus),
            "page_obj": page_obj,
            "paginator": paginator,
            "query": query.urlencode(),
            "glossary": glossary[:200],
            "total_pages": len(page_info),
        },
    )


def row_links(item):
    """Where a translator goes from one row: the editor, the submit form, the review action."""
    links = {}
    if item.status == TranslationStatus.MISSING:
        links["translate"] = reverse("wagtail_localize:submit_page_translation", args=[item.page_id])
    if item.target_page_id:
        links["edit"] = reverse("wagtailadmin_pages:edit", args=[item.target_page_id])
    if item.translation_id and item.status in (TranslationStatus.IN_PROGRESS, TranslationStatus.MACHINE_TRANSLATED):
        links["submit_for_review"] = reverse("translation:submit_for_review", args=[item.translation_id])
    if item.status == TranslationStatus.OUTDATED:
        links["source"] = reverse("wagtailadmin_pages:edit", args=[item.page_id])
        if item.source_id:
            links["sync"] = reverse("wagtail_localize:update_translations", args=[item.source_id])
        links["mark_minor"] = reverse("translation:mark_minor", args=[item.page_id])
    return links
