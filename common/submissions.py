"""Forms that save once, however often they are posted.

Each newsroom form carries a one-time token in a hidden field, made when the form is shown.
Saving claims the token in the same transaction as the save: a row in `FormSubmission`, unique
on the token. A second post of the same form (a double click, a retry on a slow connection)
tries the same insert; the database makes it wait until the first save commits, then refuses
it, and the second post is told what the first one saved. If the first save fails and rolls
back, its claim goes with it and the form can be posted again.

A post without a token (a script, an old form left open across a deploy) saves as before.
"""

import datetime
import uuid
from typing import Any

from django import forms
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.html import format_html
from django.utils.safestring import SafeString

from .models import FormSubmission

# Tokens are kept this long: long enough for any retry, short enough that the table stays small.
KEPT_FOR = datetime.timedelta(days=7)
FIELD_NAME = "submission_token"


class SubmissionTokenField(forms.UUIDField):
    """The hidden one-time token; a fresh one each time the form is shown empty."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("initial", uuid.uuid4)
        super().__init__(**kwargs)


class AlreadySubmitted(Exception):
    """The form was saved already: `submission` says when, by whom, and what it saved."""

    def __init__(self, submission: FormSubmission) -> None:
        super().__init__(str(submission))
        self.submission = submission

    def message(self) -> SafeString:
        when = time_format(timezone.localtime(self.submission.submitted_at), "H:i:s")
        if self.submission.result_url:
            return format_html(
                'This form was sent twice. It was saved once, at {}: <a href="{}">see what it '
                "saved</a>. Nothing was saved a second time.",
                when,
                self.submission.result_url,
            )
        return format_html(
            "This form was sent twice. It was saved once, at {}; nothing was saved a second time.",
            when,
        )


def claim(token: uuid.UUID | None, user: Any) -> FormSubmission | None:
    """Claim `token` for the save about to run, inside the caller's transaction; None when the
    form carried no token. Raises AlreadySubmitted when another save claimed it (waiting, on
    PostgreSQL, until that save commits or rolls back). Queries: one insert, and one delete of
    this user's expired tokens."""
    if token is None:
        return None
    submitted_by = user if getattr(user, "is_authenticated", False) else None
    try:
        with transaction.atomic():
            submission = FormSubmission.objects.create(token=token, submitted_by=submitted_by)
    except IntegrityError:
        raise AlreadySubmitted(FormSubmission.objects.get(token=token)) from None
    if submitted_by is not None:
        FormSubmission.objects.filter(
            submitted_by=submitted_by, submitted_at__lt=timezone.now() - KEPT_FOR
        ).delete()
    return submission


def earlier_submission(raw_token: str | None) -> FormSubmission | None:
    """The save that already claimed this posted token, if one did and has committed."""
    try:
        token = uuid.UUID(str(raw_token))
    except ValueError:
        return None
    return FormSubmission.objects.filter(token=token).first()


def record_result(submission: FormSubmission | None, url: str) -> None:
    """Say what the claimed save saved, for the message a second post gets."""
    if submission is not None:
        submission.result_url = url
        submission.save(update_fields=["result_url"])


def told_already_submitted(
    request: HttpRequest, done: AlreadySubmitted, fallback: str
) -> HttpResponse:
    """The answer to a second post: a warning, and a redirect to what the first one saved."""
    messages.warning(request, done.message())
    return redirect(done.submission.result_url or fallback)


class SubmitOnceAdminMixin:
    """For ModelAdmins: the add form carries a one-time token, so posting it twice adds once.
    Put it first among the bases, so the ModelAdmin's own `save_model` runs before the claim
    (it writes nothing itself) and the claim runs just before the row is saved."""

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        if obj is None:
            base: type = kwargs.get("form") or self.form  # type: ignore[attr-defined]
            kwargs["form"] = type(base.__name__, (base,), {FIELD_NAME: SubmissionTokenField()})
        return super().get_form(request, obj, change, **kwargs)  # type: ignore[misc]

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        fieldsets = list(super().get_fieldsets(request, obj))  # type: ignore[misc]
        if obj is None and fieldsets:
            name, options = fieldsets[0]
            fields = list(options.get("fields", ()))
            if FIELD_NAME not in fields:
                fieldsets[0] = (name, {**options, "fields": [*fields, FIELD_NAME]})
        return fieldsets

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        token = None if change or form is None else form.cleaned_data.get(FIELD_NAME)
        submission = claim(token, request.user)
        super().save_model(request, obj, form, change)  # type: ignore[misc]
        opts = obj._meta
        record_result(
            submission, reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        )

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        opts = self.model._meta  # type: ignore[attr-defined]
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        try:
            # Posted again after the first save finished: say so before the form is checked
            # (its checks would only find the first save's row a duplicate of itself).
            earlier = earlier_submission(request.POST.get(FIELD_NAME))
            if request.method == "POST" and object_id is None and earlier is not None:
                raise AlreadySubmitted(earlier)
            return super().changeform_view(request, object_id, form_url, extra_context)  # type: ignore[misc]
        except AlreadySubmitted as done:
            return told_already_submitted(request, done, changelist)
