from .base import BasePage
from .pages import HomePage, StandardPage
from .settings import SiteSettings, SocialLinkBlock

__all__ = ["BasePage", "HomePage", "SiteSettings", "SocialLinkBlock", "StandardPage"]
