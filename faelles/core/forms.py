from django.forms.renderers import TemplatesSetting


class FaellesFormRenderer(TemplatesSetting):
    """Renders every Django form with DKFDS markup (labels, hints, error messages)."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
