from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.second_factor import remove_all


class Command(BaseCommand):
    help = (
        "Remove an account's authenticator app and recovery codes (a lost phone). If the "
        "account must use two-step verification, it sets it up again at its next sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as error:
            raise CommandError(f"No account {username!r}") from error
        remove_all(user)
        self.stdout.write(f"Two-step verification reset for {username}.")
