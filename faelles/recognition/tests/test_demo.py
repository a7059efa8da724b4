"""The demo: Faxe celebrates (a presented award with a named winner, an open one
with a jury and nominations, public and private thanks), the same on a second run."""

import io

import pytest

from faelles.demo.foundation import load_foundation
from faelles.recognition import demo, selectors
from faelles.recognition.models import Award, Juror, Thanks

pytestmark = pytest.mark.django_db


def test_the_demo_celebrates_in_faxe_twice_the_same(client):
    municipalities = load_foundation()
    from faelles.initiatives import demo as initiatives_demo

    initiatives_demo.load_demo(municipalities=municipalities, stdout=io.StringIO())
    for _ in range(2):
        demo.load_demo(municipalities=municipalities, stdout=io.StringIO())
    faxe = municipalities["faxe"]
    assert Award.objects.filter(municipality=faxe).count() == 2
    (presented,) = selectors.announced_awards(municipality=faxe)
    assert [w.nominee_name for w in presented.shown_winners] == [
        "Shelter og bålplads ved Vemmetofte Strand"
    ]
    (open_award,) = selectors.open_awards(municipality=faxe)
    assert open_award.nominations.count() == 3
    seats = Juror.objects.filter(award=open_award)
    assert seats.get(is_chair=True).user.email == "politiker@faxe.faelles.example"
    assert seats.filter(user__email="medarbejder@faxe.faelles.example").exists()
    assert selectors.public_thanks(municipality=faxe).count() == 3
    assert Thanks.objects.filter(municipality=faxe).count() == 5
    page = client.get("/faxe/fejring/").content.decode()
    assert "Vemmetofte" in page and "Snerydningen på Skolevej" in page
    assert "Nu kan jeg se billeder" not in page  # private
    assert (
        selectors.public_thanks(municipality=municipalities["kerteminde"]).count() == 2
    )
