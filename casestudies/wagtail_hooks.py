from wagtail import hooks

from casestudies import frontend_cache


@hooks.register("register_log_actions")
def register_safeguarding_log_action(actions):
    actions.register_action(
        "casestudies.safeguarding_confirmed",
        "Safeguarding confirmed",
        "Published with the safeguarding statements confirmed",
    )


@hooks.register("frontend_cache_related")
def case_study_pages_showing(obj):
    """The pages that show a changed case study, or that case studies show (purged with it)."""
    return frontend_cache.pages_showing(obj)
