"""Make the effect of a task happen once although the task may run more than once.

Tasks are acknowledged late and re-delivered when their worker dies, so a task can run again
after its effect (an email sent, a file stored). ``effect_once(key)`` holds a row lock on the
effect's key while the effect runs and records it in the same transaction: a second run waits,
then finds the key and skips. A worker killed during the effect rolls the record back, so the
effect is tried again: at least once, and once unless the process dies in the instant between
the mail server accepting a message and the commit.
"""

from contextlib import contextmanager

from django.db import IntegrityError, transaction

from .models import TaskEffect


@contextmanager
def effect_once(key: str | None):
    """``with effect_once(key) as first:`` do the effect only ``if first``.

    A ``None`` key (a task called directly, not through a broker) always runs the effect.
    """
    if key is None:
        yield True
        return
    with transaction.atomic():
        try:
            with transaction.atomic():
                TaskEffect.objects.create(key=key)
        except IntegrityError:
            yield False
            return
        yield True


def task_effect_key(task, name: str) -> str | None:
    """The key of effect ``name`` of this run of a bound task (stable across re-deliveries)."""
    if not task.request.id:
        return None
    return f"{task.name}:{task.request.id}:{name}"
