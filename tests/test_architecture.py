"""Which app may import which (docs/architecture.md, "The import picture").

Every module under ``faelles/`` is parsed with ``ast`` (nothing is imported), and
every ``import faelles.<app>…`` / ``from faelles.<app>… import …`` is checked,
at module level and inside functions alike:

* the ground floor — the foundation apps and the activity ladder
  (``FOUNDATION``) and the pure engines (``ENGINES``) — may be imported by anyone;
* a foundation app never imports a feature app (nor the demo loader);
* a pure engine imports no Django and nothing of Fælles but other engines;
* a feature app imports another feature app only where ``ALLOWED`` names the
  importing module and the imported app, with the reason; an entry no import uses
  any more fails too, so the list stays as small as the code;
* a feature app's ``demo.py`` may read the shared demo content (``faelles.demo``).

Tests (``tests/`` folders) are not checked: they build the neighbouring apps'
objects with their factories. Migrations are not checked: they name apps by label.
Every folder under ``faelles/`` must be placed in one layer, so a new app has to
say where it stands.
"""

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.engine

ROOT = Path(__file__).resolve().parent.parent / "faelles"

# The ground floor: anyone may import these.
FOUNDATION = {
    "core",
    "municipalities",
    "accounts",
    "organisations",
    "notifications",
    "participation",
}
ENGINES = {
    "matching",
    "budgeting.engine",
    "opinionmap",
    "languagecheck",
    "sortition",
    "disclosure",
    "formats",
    "clikit",
}
FEATURES = {
    "resources",
    "initiatives",
    "communities",
    "events",
    "budgeting",
    "committees",
    "sprogtjek",
    "paradigm",
    "reflection",
    "leadership",
    "dialogue",
    "opinions",
    "status",
    "insight",
    "recognition",
    "workplace",
    "competences",
    "teams",
    "pulse",
}
# `faelles demo` / `faelles seed`: discovers every app's demo.py; may import anyone.
TOOLING = {"demo"}
# Above the features: reads what every feature publishes and no one imports it.
# The open API (docs/api.md) serves each feature's public rows through the
# feature's own public querysets, so it may import any app; an app that imported
# the API would tie a feature to one way of publishing it.
OUTER = {"api"}
# Not apps, not checked: static files, templates, the project's catalogue, and the
# settings, which wire every app together (as faelles/urls.py and cli.py do).
NOT_APPS = {"static", "templates", "settings", "locale"}

# The feature → feature imports there are today, by importing module and imported
# app, each with its reason. Keep it short: a new one needs a reason as good.
ALLOWED: dict[tuple[str, str], str] = {
    ("recognition/nominees.py", "initiatives"): (
        "an initiative may be nominated for an award; the nomination form offers "
        "the public ones"
    ),
    ("recognition/nominees.py", "communities"): (
        "a community may be nominated for an award; the nomination form offers "
        "the public ones (an invitation-only one is refused as if it did not exist)"
    ),
    ("events/forms.py", "communities"): (
        "an event may be held by a community or a movement; the form offers those "
        "the person hosts"
    ),
    ("events/forms.py", "initiatives"): (
        "an event may belong to an initiative; the form offers the person's own"
    ),
    ("events/rules.py", "communities"): (
        "a community's hosts manage its events (the predicate is_host)"
    ),
    ("events/views.py", "communities"): (
        "creating an event for a community or movement from its page"
    ),
    ("events/demo.py", "communities"): (
        "the demo's events are held by the demo's communities and movements"
    ),
    ("initiatives/services.py", "resources"): (
        "an initiative's needs are published as listings through resources' services"
    ),
    ("initiatives/views.py", "resources"): (
        "an initiative's page shows the listings published from its needs"
    ),
    ("initiatives/forms.py", "resources"): (
        "a need chooses the kind of listing it will be published as"
    ),
    ("initiatives/story_views.py", "communities"): (
        "a story can be told about a community, from the community's page"
    ),
    ("initiatives/story_views.py", "resources"): (
        "a story can be told about a collaboration, from the collaboration's page"
    ),
    ("initiatives/factories.py", "resources"): (
        "factories for needs that have been published as listings"
    ),
    ("initiatives/demo.py", "resources"): (
        "the demo's initiatives publish some of their needs as listings"
    ),
    ("dialogue/forms.py", "initiatives"): (
        "a hearing may be about an initiative; the form offers the municipality's"
    ),
    ("dialogue/forms.py", "committees"): (
        "a hearing can be a task committee's public input between its meetings: "
        "staff choose among this municipality's committees"
    ),
    ("teams/forms.py", "initiatives"): (
        "a cross-department team may be formed around an initiative; the form "
        "offers the municipality's initiatives being prepared, tried or evaluated"
    ),
    ("teams/forms.py", "committees"): (
        "a cross-department team may be formed around a task committee's "
        "follow-up action; the form offers the open ones"
    ),
    ("teams/demo.py", "initiatives"): (
        "the demo's teams are formed around the demo's initiatives"
    ),
    ("dialogue/forms.py", "budgeting"): (
        "a hearing may be about a borgerbudget round; the form offers the "
        "municipality's rounds"
    ),
}


def layer(app: str) -> str:
    for name, members in (
        ("foundation", FOUNDATION),
        ("engine", ENGINES),
        ("feature", FEATURES),
        ("tooling", TOOLING),
        ("outer", OUTER),
    ):
        if app in members:
            return name
    raise KeyError(app)


@dataclass(frozen=True)
class Import:
    module: str  # path below faelles/, e.g. "events/forms.py"
    line: int
    target: str  # "django" or the imported Fælles app ("budgeting.engine" counts apart)


def _app_of(module: str) -> str:
    parts = module.split("/")
    if parts[0] == "budgeting" and len(parts) > 1 and parts[1] == "engine":
        return "budgeting.engine"
    return parts[0]


def _target(dotted: str) -> str | None:
    parts = dotted.split(".")
    if parts[0] == "django":
        return "django"
    if parts[0] != "faelles" or len(parts) < 2:
        return None
    if parts[1] == "budgeting" and len(parts) > 2 and parts[2] == "engine":
        return "budgeting.engine"
    return parts[1]


def imports(root: Path) -> list[Import]:
    """Every import of Django or of a Fælles app by a module of an app under root."""
    found = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        if len(rel.parts) < 2 or rel.parts[0] in NOT_APPS:
            continue
        if {"tests", "migrations"} & set(rel.parts[:-1]):
            continue
        module = rel.as_posix()
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
                if node.module == "faelles":
                    names = [f"faelles.{alias.name}" for alias in node.names]
            else:
                continue
            for name in names:
                target = _target(name)
                if target is not None:
                    found.append(Import(module, node.lineno, target))
    return found


def violations(root: Path, allowed: dict[tuple[str, str], str]) -> list[str]:
    problems = []
    used = set()
    for imp in imports(root):
        source = _app_of(imp.module)
        where = f"faelles/{imp.module}:{imp.line}"
        if imp.target == source:
            continue
        kind = layer(source)
        if imp.target == "django":
            if kind == "engine":
                problems.append(f"{where}: the pure engine {source} imports Django")
            continue
        target_kind = layer(imp.target)
        if target_kind == "outer" and kind != "outer":
            problems.append(
                f"{where}: the {kind} app {source} imports the outer app "
                f"{imp.target} (nothing imports the open API)"
            )
        elif kind == "engine" and target_kind != "engine":
            problems.append(
                f"{where}: the pure engine {source} imports {imp.target} "
                "(engines import only other engines)"
            )
        elif kind == "foundation" and target_kind in ("feature", "tooling"):
            problems.append(
                f"{where}: the foundation app {source} imports the {target_kind} "
                f"app {imp.target} (features plug in through registries)"
            )
        elif kind == "feature" and target_kind == "tooling":
            if imp.module != f"{source}/demo.py":
                problems.append(
                    f"{where}: only {source}/demo.py may import the demo loader"
                )
        elif kind == "feature" and target_kind == "feature":
            key = (imp.module, imp.target)
            if key in allowed:
                used.add(key)
            else:
                problems.append(
                    f"{where}: the feature app {source} imports the feature app "
                    f"{imp.target}; move what both need to the ground floor, or "
                    "add the import to ALLOWED in tests/test_architecture.py with "
                    "its reason"
                )
    for key in sorted(set(allowed) - used):
        problems.append(f"ALLOWED names {key}, which no longer imports it: remove it")
    return problems


def test_every_folder_under_faelles_is_placed_in_a_layer():
    folders = {
        path.name
        for path in ROOT.iterdir()
        if path.is_dir() and not path.name.startswith(("_", "."))
    }
    unplaced = folders - FOUNDATION - ENGINES - FEATURES - TOOLING - OUTER - NOT_APPS
    assert not unplaced, (
        f"put these in a layer of tests/test_architecture.py: {unplaced}"
    )


def test_every_allowed_import_has_a_reason():
    for key, reason in ALLOWED.items():
        assert layer(_app_of(key[0])) == "feature" and layer(key[1]) == "feature"
        assert len(reason) > 20, key


def test_apps_import_only_what_their_layer_may():
    problems = violations(ROOT, ALLOWED)
    assert not problems, "\n".join(problems)


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


@pytest.mark.parametrize(
    ("module", "text", "expected"),
    [
        (
            "communities/services.py",
            "from faelles.initiatives.models import Initiative\n",
            "the feature app communities imports the feature app initiatives",
        ),
        (
            "resources/views.py",
            "def f():\n    from faelles import events\n",
            "the feature app resources imports the feature app events",
        ),
        (
            "organisations/services.py",
            "def f():\n    import faelles.initiatives.models\n",
            "the foundation app organisations imports the feature app initiatives",
        ),
        (
            "participation/services.py",
            "from faelles.resources.models import Listing\n",
            "the foundation app participation imports the feature app resources",
        ),
        (
            "matching/scoring.py",
            "from django.db import models\n",
            "the pure engine matching imports Django",
        ),
        (
            "budgeting/engine/mes.py",
            "from faelles.budgeting.models import Round\n",
            "the pure engine budgeting.engine imports budgeting",
        ),
        (
            "events/views.py",
            "from faelles.demo.content.foundation import MUNICIPALITIES\n",
            "only events/demo.py may import the demo loader",
        ),
        (
            "initiatives/views.py",
            "from faelles.api.resources import INITIATIVES\n",
            "the feature app initiatives imports the outer app api",
        ),
        (
            "core/views.py",
            "from faelles.api import views\n",
            "the foundation app core imports the outer app api",
        ),
    ],
)
def test_a_forbidden_import_is_found(tmp_path, module, text, expected):
    root = _tree(tmp_path, {module: text})
    problems = violations(root, {})
    assert len(problems) == 1 and expected in problems[0], problems


def test_what_the_layers_allow_passes_and_stale_entries_fail(tmp_path):
    root = _tree(
        tmp_path,
        {
            "events/forms.py": "from faelles.communities.models import Community\n",
            "events/services.py": (
                "from faelles.participation.services import record_participation\n"
                "from faelles.core.audit import audit\n"
                "from django.db import transaction\n"
            ),
            "events/demo.py": "from faelles.demo.content import foundation\n",
            "budgeting/services.py": "from faelles.budgeting.engine import mes\n",
            "events/tests/test_x.py": "from faelles.initiatives import models\n",
            "languagecheck/engine.py": "from faelles.matching.text import words\n",
            "api/resources.py": "from faelles.initiatives.models import Initiative\n",
        },
    )
    allowed = {
        ("events/forms.py", "communities"): "an event may be held by a community",
        ("events/views.py", "initiatives"): "gone since",
    }
    assert violations(root, allowed) == [
        "ALLOWED names ('events/views.py', 'initiatives'), which no longer "
        "imports it: remove it"
    ]
