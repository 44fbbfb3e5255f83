"""`manage.py check --deploy` refuses a production without two-step verification."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def second_factor_required(app_configs, **kwargs):
    if settings.ADMIN_SECOND_FACTOR_REQUIRED:
        return []
    return [
        Error(
            "ADMIN_SECOND_FACTOR_REQUIRED is off: staff who can see personal data could sign "
            "in with a password alone.",
            hint="Only development may switch it off; production settings always turn it on.",
            id="accounts.E001",
        )
    ]
