from django.core.management.base import BaseCommand

from core.outbox import outbox_pending_count, outbox_relay


class Command(BaseCommand):
    help = "Publish the Celery tasks still waiting in the outbox (the broker was down)."

    def handle(self, *args, **options):
        published = outbox_relay()
        self.stdout.write(f"published {published}, still pending {outbox_pending_count()}")
