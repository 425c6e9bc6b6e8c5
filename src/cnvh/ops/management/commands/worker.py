"""`cnvh worker`: runs the queued tasks (imports, estimates, mail) stored in the database.

It is django-tasks-db's `db_worker` under the project's own name, with all its options
(`cnvh worker --help`); run one or more beside `cnvh serve`.
"""

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker


class Command(DatabaseWorker):
    help = "Run the task worker: the imports and estimates queued by the web app"
