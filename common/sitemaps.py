from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class NamedPagesSitemap(Sitemap):
    """Pages that are not records (the home page, the lists), given by URL name."""

    changefreq = "daily"
    priority = 0.8

    def __init__(self, url_names: list[str]):
        self.url_names = url_names

    def items(self) -> list[str]:
        return self.url_names

    def location(self, item: str) -> str:
        return reverse(item)
