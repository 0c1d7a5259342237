"""Forms of the people pages."""

from django import forms

from common.forms import SearchField


class NameSearchForm(forms.Form):
    q = SearchField(label="Find a person")
