import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Make sure an administrator account exists. The password comes from "
        "DJANGO_ADMIN_PASSWORD, or is generated and printed once; it is never a constant."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("DJANGO_ADMIN_USERNAME", "admin"))
        parser.add_argument(
            "--email", default=os.environ.get("DJANGO_ADMIN_EMAIL", "admin@example.org")
        )

    def handle(self, *args, username, email, **options):
        User = get_user_model()
        password = os.environ.get("DJANGO_ADMIN_PASSWORD")
        user = User.objects.filter(username=username).first()
        if user is not None:
            if password:
                user.set_password(password)
                user.save(update_fields=["password"])
                self.stdout.write(
                    f"Admin '{username}' exists; password set from DJANGO_ADMIN_PASSWORD."
                )
            else:
                self.stdout.write(
                    f"Admin '{username}' exists. Forgotten the password? "
                    f"Run: .venv/bin/python manage.py changepassword {username}"
                )
            return

        generated = not password
        password = password or secrets.token_urlsafe(12)
        User.objects.create_superuser(
            username=username,
            email=email,
            password=password,
            first_name="Site",
            last_name="Administrator",
        )
        self.stdout.write(self.style.SUCCESS(f"Created admin account '{username}'."))
        if generated:
            self.stdout.write(
                f"  Log in at /admin/ as {username} with password: {password}\n"
                "  (generated now and shown once; set DJANGO_ADMIN_PASSWORD to choose your own)"
            )
        else:
            self.stdout.write(f"  Log in at /admin/ as {username} with DJANGO_ADMIN_PASSWORD.")
