from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cms.two_factor import devices


class Command(BaseCommand):
    help = "Turn off two-factor login for a user who lost both their phone and their recovery codes."

    def add_arguments(self, parser):
        parser.add_argument("username", help="The user name of the admin account.")

    def handle(self, *args, username, **options):
        try:
            user = get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No user {username!r}.") from None
        if not devices.is_enabled(user):
            raise CommandError(f"{username} has no two-factor login.")
        devices.turn_off(user)
        self.stdout.write(self.style.SUCCESS(f"Two-factor login of {username} is off; they may set it up again."))
