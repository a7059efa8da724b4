"""What the municipalities' audit verbs mean (see faelles/core/audit.py)."""

from django.utils.translation import gettext_lazy as _

from faelles.core.audit import Verb

VERBS = {
    "municipality.settings": Verb(_("ændrede kommunens indstillinger")),
    "municipality.create": Verb(_("oprettede kommunen")),
    "municipality.theme_create": Verb(_("oprettede et tema")),
    "municipality.theme_update": Verb(_("ændrede et tema")),
    "municipality.theme_reorder": Verb(_("ændrede rækkefølgen af temaerne")),
    "municipality.theme_delete": Verb(_("slettede et tema")),
    "municipality.focus_area_create": Verb(_("oprettede et indsatsområde")),
    "municipality.focus_area_update": Verb(_("ændrede et indsatsområde")),
}
