import random
import time

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from faelles.demo.loading import demo_modules
from faelles.municipalities.models import Municipality
from faelles.municipalities.services import municipality_create

SCALES = ("small", "large")


class Command(BaseCommand):
    help = (
        "Bulk scale data for one municipality. 'large' is Copenhagen-size "
        "(100,000 people, 1,000 organisations, and every feature's share). "
        "Deterministic for a given --seed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--municipality", required=True, help="slug; created if it does not exist"
        )
        parser.add_argument("--scale", choices=SCALES, default="small")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--only",
            default="",
            help="comma-separated app labels to seed (default: all)",
        )

    def handle(self, *args, municipality, scale, seed, only, **options):
        slug = municipality.strip().lower()
        m = Municipality.objects.filter(slug=slug).first()
        created = m is None
        if m is None:
            try:
                # The service gives it its strategy's default themes.
                m = municipality_create(
                    slug=slug,
                    name=f"{slug.capitalize()} Kommune",
                    programme_name=f"Sammen i {slug.capitalize()}",
                    programme_text="Skaleringsdata til test og måling.",
                )
            except ValidationError as exc:
                raise CommandError("; ".join(exc.messages)) from exc
        if (
            not created
            and m.memberships.filter(user__email__startswith="seed-").exists()
            and not only
        ):
            raise CommandError(
                f"{slug} already holds seed data; seed a fresh municipality slug instead."
            )
        wanted = {label.strip() for label in only.split(",") if label.strip()}
        started = time.monotonic()

        def progress(total: int, description: str):
            return tqdm(
                total=total,
                desc=description,
                unit="rows",
                file=self.stderr._out,
                leave=True,
            )

        for module in demo_modules():
            label = module.__name__.split(".")[1]
            if wanted and label not in wanted:
                continue
            if hasattr(module, "seed"):
                # Each app gets its own random stream so adding an app never changes
                # what the others generate for the same seed.
                rng = random.Random(f"{seed}:{label}")
                with transaction.atomic():
                    module.seed(municipality=m, scale=scale, rng=rng, progress=progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"Seeded {slug} at scale {scale} in {time.monotonic() - started:.1f} s"
            )
        )
