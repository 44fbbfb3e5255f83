from wagtail import hooks


@hooks.register("register_log_actions")
def register_safeguarding_log_action(actions):
    actions.register_action(
        "casestudies.safeguarding_confirmed",
        "Safeguarding confirmed",
        "Published with the safeguarding statements confirmed",
    )
