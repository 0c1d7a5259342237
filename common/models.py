"""The shared package's one model: the record of forms already posted (common/submissions.py).
The app also has Django's `post_migrate` handler that keeps the newsroom's groups in step with
the code (see apps.py)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class FormSubmission(models.Model):
    """A newsroom form that was saved: its one-time token, so that posting the same form again
    (a double click, a browser retry, a second tab) finds the first save instead of saving
    twice."""

    token = models.UUIDField(unique=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    result_url = models.CharField("what it saved", max_length=500, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["submitted_at"], name="form_submission_age_idx")]

    def __str__(self) -> str:
        return f"form {self.token} saved {self.submitted_at:%Y-%m-%d %H:%M}"
