"""The forms on a page as a browser would send them, for the load scenario.

No locust here, so the test suite can check the scenario's form lookups against
the real pages (tests/test_load_scenario.py).
"""

from html.parser import HTMLParser


class _Forms(HTMLParser):
    """The forms on a page with the values a browser would send unchanged."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self._form = {
                "action": a.get("action", ""),
                "fields": [],
                "checkboxes": {},
            }
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text").lower()
            name, value = a["name"], a.get("value", "")
            if kind in ("checkbox", "radio"):
                self._form["checkboxes"].setdefault(name, []).append(value or "on")
                if "checked" in a:
                    self._form["fields"].append((name, value or "on"))
            elif kind not in ("submit", "button", "file", "image", "reset"):
                self._form["fields"].append((name, value))
        elif tag == "select" and a.get("name"):
            self._select, self._options = a["name"], []
        elif tag == "option" and self._select is not None:
            self._options.append((a.get("value", ""), "selected" in a))
        elif tag == "textarea" and a.get("name"):
            self._textarea, self._text = a["name"], []

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select is not None and self._form is not None:
            chosen = [v for v, selected in self._options if selected]
            if chosen or self._options:
                self._form["fields"].append(
                    (self._select, (chosen or [self._options[0][0]])[0])
                )
            self._select = None
        elif tag == "textarea" and self._textarea is not None and self._form:
            self._form["fields"].append((self._textarea, "".join(self._text)))
            self._textarea = None


def find_form(html: str, action: str, page: str = "") -> dict | None:
    """The form that posts to ``action`` on a page at ``page`` (a form without
    an action posts to its own page)."""
    parser = _Forms()
    parser.feed(html)
    for form in parser.forms:
        if (form["action"] or page) == action:
            return form
    return None


# --- what the scenario sends and what it reads back ----------------------------

# The page a 503 carries while the database is away (faelles/templates/503.html).
UNAVAILABLE_PAGE = "Fælles er væk et øjeblik"
# The message on the page after the redirect that tells a person it is saved.
SUCCESS = {
    "signup": ("Du er tilmeldt.", "sat på ventelisten"),
    "vote": ("Tak! Din stemme er registreret.", "Din stemme er ændret."),
    "support": ("Tak for din støtte.",),
    "unsupport": ("Din støtte er trukket tilbage.",),
    "pledge": ("Tak for dit løfte!",),
    "need": ("Dit opslag er oprettet.",),
}


def unchanged(form: dict) -> list[tuple[str, str]]:
    return list(form["fields"])


def _without(form: dict, *names: str) -> list[tuple[str, str]]:
    return [(k, v) for k, v in form["fields"] if k not in names]


def fill_login(form: dict, *, email: str, password: str) -> list[tuple[str, str]]:
    return [
        *_without(form, "login", "password"),
        ("login", email),
        ("password", password),
    ]


def fill_pledge(form: dict, *, amount: int) -> list[tuple[str, str]]:
    return [
        *_without(form, "amount", "text"),
        ("amount", str(amount)),
        ("text", "Cykler til arbejde"),
    ]


def fill_vote(
    form: dict, *, projects: int, birth_year: int, postcode: str, rng
) -> list[tuple[str, str]] | None:
    """Up to ``projects`` of the ballot's projects ticked, and the eligibility
    questions a round asks answered."""
    offered = form["checkboxes"].get("projects", [])
    if not offered:
        return None
    chosen = rng.sample(offered, k=min(len(offered), projects))
    data = _without(form, "projects", "birth_year", "postcode", "age_confirmed")
    data += [("projects", p) for p in chosen]
    names = {k for k, _ in form["fields"]} | set(form["checkboxes"])
    if "birth_year" in names:
        data.append(("birth_year", str(birth_year)))
    if "age_confirmed" in names:
        data.append(("age_confirmed", "on"))
    if "postcode" in names:
        data.append(("postcode", postcode))
    return data


def fill_need(form: dict, *, title: str, postcode: str) -> list[tuple[str, str]]:
    kinds = [v for k, v in form["fields"] if k == "kind"]
    return [
        *_without(form, "title", "text", "postcode", "kind"),
        ("title", title),
        ("text", "Vi søger en, der kan hjælpe med indkøb en gang om ugen."),
        ("postcode", postcode),
        ("kind", kinds[0] if kinds else "time"),
    ]


def said(kind: str, page: str) -> bool:
    return any(message in page for message in SUCCESS[kind])
