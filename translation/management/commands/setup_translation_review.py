"""Put every target locale's tree under the "Translation review" workflow."""

from django.core.management.base import BaseCommand, CommandError

from translation.review import assign_review_workflow, locale_roots, review_workflow


class Command(BaseCommand):
    help = (
        "Assign the 'Translation review' workflow to the root page of every target locale and give "
        "'Translators' edit and 'Translation reviewers' publish permission there. Idempotent."
    )

    def handle(self, *args, **options):
        workflow = review_workflow()
        if workflow is None:
            raise CommandError("The 'Translation review' workflow is missing; run migrate first.")
        roots = list(locale_roots())
        for root in roots:
            assign_review_workflow(root, workflow)
            self.stdout.write(f"{root.locale.language_code}: {root.title} (page {root.pk})")
        self.stdout.write(self.style.SUCCESS(f"{len(roots)} locale trees under review."))
