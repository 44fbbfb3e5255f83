"""The hub's editorial workflow: Difference Leaders draft and submit, editors approve.

- Group "Difference Leaders": may use the admin, add articles under each hub and edit the ones
  they created (Wagtail's "add" page permission, which the admin labels "Add/edit pages you
  own"; "change" would let them edit each other's work), choose and upload images and documents,
  and pick authors; never publish.
- Task "Hub editorial review": a GroupApprovalTask for the "Editors" and "Moderators" groups,
  who also get "publish" on each hub (approving the last task publishes the article as the
  approver, and Wagtail checks that the approver may publish it).
- Workflow "Knowledge hub review", with that task, assigned to every HubIndexPage: "Submit for
  review" sends an article to the task; approving it publishes it (or schedules it, when the
  article has a "go live" date).

`ensure_editorial_workflow()` sets all of this up and changes nothing that exists already. It
runs after every `migrate`, when a HubIndexPage is created, and from the demo loader, so a new
database, a new hub and the demo site all have it without a manual step.
"""

from contextlib import suppress

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_migrate, post_save
from django.dispatch import receiver

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from hub.models import HubIndexPage

LEADERS = "Difference Leaders"
APPROVERS = ("Editors", "Moderators")
TASK_NAME = "Hub editorial review"
WORKFLOW_NAME = "Knowledge hub review"
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
MODEL_PERMISSIONS = [("wagtailadmin", "access_admin"), ("hub", "view_person")]


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_editorial_workflow(hubs=None) -> list[str]:
    """Create what is missing of the group, task, workflow and permissions; say what was made."""
    made = []
    leaders, created = Group.objects.get_or_create(name=LEADERS)
    if created:
        made.append(f"group {LEADERS}")
    leaders.permissions.add(*(_permission(app, code) for app, code in MODEL_PERMISSIONS))
    root = Collection.get_first_root_node()
    if root is not None:
        for app, code in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=leaders, collection=root, permission=_permission(app, code)
            )

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
        made.append(f"task {TASK_NAME}")
    approvers = [Group.objects.get_or_create(name=name)[0] for name in APPROVERS]
    task.groups.add(*approvers)

    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created:
        made.append(f"workflow {WORKFLOW_NAME}")
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    add_page = _permission("wagtailcore", "add_page")
    publish_page = _permission("wagtailcore", "publish_page")
    for hub in HubIndexPage.objects.all() if hubs is None else hubs:
        # A workflow an editor has chosen for the hub already is left as it is.
        _, created = WorkflowPage.objects.get_or_create(page=hub, defaults={"workflow": workflow})
        if created:
            made.append(f"workflow on {hub.title}")
        GroupPagePermission.objects.get_or_create(group=leaders, page=hub, permission=add_page)
        for group in approvers:
            GroupPagePermission.objects.get_or_create(
                group=group, page=hub, permission=publish_page
            )
    return made


@receiver(post_save, sender=HubIndexPage, dispatch_uid="hub-editorial-new-hub")
def _hub_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_editorial_workflow([instance])


def _after_migrate(sender, app_config=None, **kwargs):
    # Django sends post_migrate once per app, in INSTALLED_APPS order, and each app's
    # permissions are created by its own turn: wait for the last app, when all exist.
    if app_config is not list(apps.get_app_configs())[-1]:
        return
    with suppress(Permission.DoesNotExist):  # a partial migration: nothing to set up yet
        ensure_editorial_workflow()


post_migrate.connect(_after_migrate, dispatch_uid="hub-editorial-migrate")
