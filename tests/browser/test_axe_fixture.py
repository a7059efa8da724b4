"""The accessibility check itself must be able to fail."""

import pytest

pytestmark = [pytest.mark.browser]


def test_axe_reports_a_real_violation(browser, axe):
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.set_content(
        '<html lang="da"><head><title>t</title></head><body><main><img src="x.png"></main></body></html>'
    )
    with pytest.raises(AssertionError, match="image-alt"):
        axe(page, "deliberately broken page")
    context.close()
