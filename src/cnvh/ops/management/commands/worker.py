"""`cnvh worker`: runs the queued tasks (imports, estimates, mail) stored in the database.

It is django-tasks-db's `db_worker` under the project's own name, with all its options
(`cnvh worker --help`); run one or more beside `cnvh serve`. It registers itself and says
it is alive while it runs; when it starts, the tasks of workers that died while running
them are marked failed (cnvh.ops.recovery). `--recover-only` does only that.
"""

from argparse import ArgumentParser
from typing import Any

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker

from cnvh.ops import recovery


class Command(DatabaseWorker):
    help = "Run the task worker: the imports and estimates queued by the web app"

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        # host:pid:random, so that the next worker can tell this one died.
        parser.set_defaults(worker_id=recovery.new_worker_id())
        parser.add_argument(
            "--recover-only",
            action="store_true",
            help="mark failed the tasks of workers that died while running them, then exit",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        worker_id = options["worker_id"]
        failed = recovery.recover(except_worker=worker_id)
        for result_id in failed:
            self.stderr.write(f"Task {result_id}: its worker died; marked failed.")
        if options.pop("recover_only"):
            self.stdout.write(f"{len(failed)} interrupted tasks marked failed.")
            return
        recovery.register(worker_id)
        stop = recovery.start_heartbeat(worker_id)
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
            recovery.forget(worker_id)
