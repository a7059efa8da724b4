from django.contrib import admin

from .models import (
    ChildCertificateVerification,
    Collaboration,
    DeclinedPair,
    Listing,
    Proposal,
)


@admin.register(Listing)
class ListingAdmin(admin.ModelAdmin):
    list_display = ["title", "side", "kind", "municipality", "visibility", "is_active"]
    list_filter = ["municipality", "side", "kind", "visibility", "is_active"]
    search_fields = ["title"]
    raw_id_fields = ["owner", "created_by", "organisation"]


@admin.register(ChildCertificateVerification)
class ChildCertificateVerificationAdmin(admin.ModelAdmin):
    list_display = ["person", "organisation", "verified_on", "valid_until"]
    raw_id_fields = ["person", "organisation", "verified_by"]


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["__str__", "municipality", "status", "created_at"]
    list_filter = ["municipality", "status"]
    raw_id_fields = ["need", "offer", "proposed_by", "facilitator"]


@admin.register(Collaboration)
class CollaborationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "municipality", "status", "started_at"]
    list_filter = ["municipality", "status"]
    raw_id_fields = ["proposal", "need", "offer", "need_owner", "offer_owner"]


admin.site.register(DeclinedPair)
