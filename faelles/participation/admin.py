from django.contrib import admin

from .models import ParticipationAct


@admin.register(ParticipationAct)
class ParticipationActAdmin(admin.ModelAdmin):
    list_display = ["action", "rung", "municipality", "occurred_at"]
    list_filter = ["municipality", "rung"]
    raw_id_fields = ["user"]
