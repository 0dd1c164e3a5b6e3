"""A task for the fault drills: slow enough to be killed in the middle, with one visible effect.

Every run appends a line to ``DRILL_RUNS_FILE`` before it works (so re-runs are counted); the
effect is an email (Django's file backend, one file per message), guarded by
``core.effects.effect_once`` exactly like the platform's own email tasks.
"""

import os
import time

from celery import shared_task
from django.core.mail import send_mail

from core.effects import effect_once, task_effect_key


@shared_task(bind=True, acks_late=True, time_limit=60, soft_time_limit=50)
def drill_effect_task(self, number: int) -> None:
    with open(os.environ["DRILL_RUNS_FILE"], "a") as runs:
        runs.write(f"{number}\n")
    time.sleep(float(os.environ.get("DRILL_TASK_SECONDS", "0.3")))
    with effect_once(task_effect_key(self, "email")) as first:
        if first:
            send_mail(f"drill-{number}", "effect", None, ["drill@example.org"])
