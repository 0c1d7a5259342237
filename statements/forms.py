"""Forms of the public site that are not filters: the search box and the sort order."""

from django import forms

from common.forms import SearchField


class Sort:
    NEWEST = "newest"
    OLDEST = "oldest"
    RELEVANCE = "relevance"
    CHOICES = [(NEWEST, "Newest first"), (OLDEST, "Oldest first"), (RELEVANCE, "Most relevant")]


class StatementListOptions(forms.Form):
    """What to search for and in which order; an unknown sort falls back to the default."""

    q = SearchField(label="Search statements")
    sort = forms.ChoiceField(choices=Sort.CHOICES, required=False, label="Sort by")

    @property
    def search_text(self) -> str:
        self.is_valid()  # cleans every field; a bad sort must not lose the search text
        return getattr(self, "cleaned_data", {}).get("q", "")

    @property
    def ordering(self) -> str:
        """Relevance when searching and newest otherwise, unless the reader chose another."""
        self.is_valid()
        chosen = getattr(self, "cleaned_data", {}).get("sort")
        if chosen == Sort.RELEVANCE and not self.search_text:
            chosen = None
        return chosen or (Sort.RELEVANCE if self.search_text else Sort.NEWEST)
