"""Discovery of per-app demo loaders and scale seeders.

An app takes part by defining, in ``faelles/<app>/demo.py``:

* ``load_demo(*, municipalities: dict[str, Municipality], stdout) -> None`` — writes
  its hand-written demo content; called in INSTALLED_APPS order after the foundation;
* ``seed(*, municipality, scale: str, rng: random.Random, progress) -> None`` — bulk
  scale data; ``progress(total, description)`` returns a tqdm-like bar.

So later features extend ``faelles demo`` and ``faelles seed`` without editing them.
"""

import importlib
from collections.abc import Iterator
from types import ModuleType

from django.apps import apps


def demo_modules() -> Iterator[ModuleType]:
    for config in apps.get_app_configs():
        if not config.name.startswith("faelles.") or config.name == "faelles.demo":
            continue
        try:
            yield importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.demo":
                raise
