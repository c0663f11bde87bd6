from django.contrib import admin

from .models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["id", "kind", "status", "owner", "created_at", "finished_at"]
    list_filter = ["kind", "status"]
    search_fields = ["id"]
    readonly_fields = [f.name for f in Job._meta.fields]
