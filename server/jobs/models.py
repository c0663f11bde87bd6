import uuid

from django.conf import settings
from django.db import models

from .states import JobStatus


class Job(models.Model):
    """One asynchronous unit of work. Change `status` only through jobs.services."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)  # unguessable
    kind = models.CharField(max_length=32, db_index=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="jobs"
    )
    status = models.CharField(
        max_length=16, choices=[(s.value, s.value) for s in JobStatus], default=JobStatus.QUEUED, db_index=True
    )
    input = models.JSONField()
    diagnostics = models.JSONField(default=list)
    result_ref = models.CharField(max_length=128, blank=True)  # key in the result store
    timings = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "started_at"])]

    def __str__(self) -> str:
        return f"{self.kind} job {self.id} ({self.status})"


class StoredResult(models.Model):
    """The relational result store's row: a job's result, zlib-compressed JSON."""

    key = models.CharField(max_length=128, primary_key=True)
    data = models.BinaryField()
    size = models.PositiveBigIntegerField()  # stored (compressed) bytes
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"result {self.key} ({self.size} bytes)"
