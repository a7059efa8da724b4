import pytest
from django.utils.functional import SimpleLazyObject

from faelles.accounts.selectors import membership_for

pytestmark = pytest.mark.django_db


def test_lazy_request_user_and_real_user_share_one_lookup(
    municipality, citizen, django_assert_num_queries
):
    lazy = SimpleLazyObject(lambda: citizen)
    with django_assert_num_queries(1):
        via_lazy = membership_for(lazy, municipality)
        via_real = membership_for(citizen, municipality)
    assert via_lazy is via_real
    assert via_real.municipality == municipality
