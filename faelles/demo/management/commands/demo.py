from django.core.management import call_command
from django.core.management.base import BaseCommand

from faelles.core import pagecache
from faelles.demo.content.foundation import DEMO_PASSWORD
from faelles.demo.foundation import demo_logins, load_foundation
from faelles.demo.loading import demo_modules


class Command(BaseCommand):
    help = "Migrate the database and load the demo municipalities, people and content."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-migrate", action="store_true", help="Skip running migrations first."
        )

    def handle(self, *args, no_migrate=False, **options):
        if not no_migrate:
            call_command("migrate", interactive=False, verbosity=0)
        # Cached pages are renewed once, for every table the demo wrote.
        with pagecache.batched():
            municipalities = load_foundation()
            for module in demo_modules():
                if hasattr(module, "load_demo"):
                    module.load_demo(municipalities=municipalities, stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS("Demo data loaded for: " + ", ".join(municipalities))
        )
        self.stdout.write(
            f"\nDemo logins — password for all: {DEMO_PASSWORD}\n"
            "Sign-up and password e-mails are printed in this terminal.\n"
        )
        for municipality, role, email in demo_logins():
            self.stdout.write(f"  {municipality:<20} {role:<44} {email}")
