from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from graphql_api.persisted import digest, remember
from graphql_api.response_cache import normalise


class Command(BaseCommand):
    help = (
        "Register GraphQL documents (one per .graphql file) that anonymous readers may run when "
        "GRAPHQL_ANONYMOUS_DOCUMENTS is 'registered'; prints each document's SHA-256, which "
        "clients send as their persisted query's sha256Hash."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path, help=".graphql files; each file's exact text is one document.")

    def handle(self, *args, files, **options):
        for path in files:
            try:
                document = path.read_text(encoding="utf-8")
            except OSError as error:
                raise CommandError(f"{path}: {error.strerror}") from error
            if normalise(document) is None:
                raise CommandError(f"{path}: not a GraphQL document.")
            sha = digest(document)
            remember(sha, document, register=True, name=path.stem)
            self.stdout.write(f"{sha}  {path}")
