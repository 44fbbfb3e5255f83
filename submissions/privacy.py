"""The short privacy notice each public form shows before its first question.

The GOV.UK pattern: say, before asking anything, who holds the answers, why, on what lawful
basis, for how long, what rights the person has and how to complain to the Information
Commissioner's Office, and link to the full notice. Each form describes its own use
(`PrivacySummary`); `templates/components/forms/privacy_summary.html` says the rest the same
way for both, with the contact address from the site settings. Editors may replace the wording
with a page's own `privacy_summary`.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class PrivacySummary:
    purpose: str  # what the answers are used for, and who sees them
    lawful_basis: str  # the UK GDPR basis, in plain words
    kept_for: str  # how long the answers are kept, in plain words


def duration(days: int) -> str:
    """A retention period as people say it: "2 years" for 730 days, else "60 days"."""
    if days >= 365 and days % 365 == 0:
        years = days // 365
        return f"{years} year{'s' if years != 1 else ''}"
    return f"{days} day{'s' if days != 1 else ''}"
