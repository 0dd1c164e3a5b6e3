"""Django's PostgreSQL backend, which starts the embedded server on the first connection.

Only the embedded default uses it (``config/embedded_database.py``): whatever asks for the
database first (``manage.py``, pytest's workers, the Celery worker, a bench) finds it running,
and nothing starts it that never connects (compiling translations, linting).
"""

import psycopg
from django.db.backends.postgresql import base

from config import embedded_database


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        try:
            return super().get_new_connection(conn_params)
        except psycopg.OperationalError:
            if embedded_database.is_running():
                raise
        embedded_database.start()
        return super().get_new_connection(conn_params)
