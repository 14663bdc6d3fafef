from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.generator import generate_tasks


class Command(BaseCommand):
    help = "Add synthetic tasks at county scale (for benchmarks): --tasks N over --organisations M units."

    def add_arguments(self, parser):
        parser.add_argument("--tasks", type=int, default=100_000)
        parser.add_argument("--organisations", type=int, default=300)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, tasks, organisations, seed, **options):
        if settings.PRODUCTION:
            raise CommandError("Synthetic data is never generated in production mode.")
        generate_tasks(tasks, organisations=organisations, seed=seed)
        self.stdout.write(f"{tasks} tasks over {organisations} organisations generated.")
