from django import forms
from django.utils.translation import gettext_lazy as _

from .cube import ALL
from .models import BirthYear
from .selectors import InsightFilter, age_labels


class FilterForm(forms.Form):
    periode = forms.ChoiceField(label=_("Periode"), required=False)
    omraade = forms.ChoiceField(label=_("Område"), required=False)
    alder = forms.ChoiceField(label=_("Aldersgruppe"), required=False)
    tema = forms.ChoiceField(label=_("Tema"), required=False)

    def __init__(self, *args, periods: dict, areas: dict, themes: dict, **kwargs):
        super().__init__(*args, **kwargs)
        choices = {
            "periode": [(ALL, _("Hele perioden")), *periods.items()],
            "omraade": [(ALL, _("Alle områder")), *areas.items()],
            "alder": [(ALL, _("Alle aldre")), *age_labels().items()],
            "tema": [(ALL, _("Alle temaer")), *themes.items()],
        }
        for name, options in choices.items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = options

    def insight_filter(self) -> InsightFilter:
        if not self.is_valid():
            return InsightFilter()
        data = self.cleaned_data
        return InsightFilter(
            period=data["periode"] or ALL,
            area=data["omraade"] or ALL,
            age=data["alder"] or ALL,
            theme=data["tema"] or ALL,
        ).normalised()


class PopulationForm(forms.Form):
    file = forms.FileField(
        label=_("Befolkningstal (CSV)"),
        help_text=_(
            "Semikolonsepareret som Danmarks Statistiks tabeller: område "
            "(postnummer), alder og antal."
        ),
    )


class BirthYearForm(forms.ModelForm):
    class Meta:
        model = BirthYear
        fields = ["year"]
        help_texts = {
            "year": _(
                "Bruges kun til at tælle, hvor mange i hver aldersgruppe der deltager. "
                "Det vises aldrig for nogen, og små grupper vises ikke."
            )
        }
