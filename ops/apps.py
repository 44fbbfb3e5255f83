from django.apps import AppConfig
from django.core.signals import request_finished


class OpsConfig(AppConfig):
    name = "ops"
    verbose_name = "Operations"

    def ready(self):
        from .request_id import clear_request_id

        request_finished.connect(clear_request_id, dispatch_uid="ops.clear_request_id")
