"""Tasks whose worker died: reported failed, so that they can be run again.

django-tasks-db records which worker claimed a task (`worker_ids`) but not whether that
worker is still alive: a worker killed in the middle of a task (SIGKILL, a crash, a
power cut) leaves it RUNNING for ever. Its work is not half-saved (a task that writes
does it in one transaction, which the database rolls back when the connection dies),
but nobody would know it stopped.

So every `cnvh worker` registers (WorkerProcess) and says it is alive every HEARTBEAT
seconds, and when a worker starts it first marks failed every RUNNING task whose worker
is dead: a process of this host that no longer exists, or a worker not seen for STALE
seconds (another host, or one that hung), or one that never registered. The failure
says what happened, in Vietnamese and English. `rerun` queues the same task with the
same arguments. Any task run by the worker is covered: estimates today, imports later.
"""

import logging
import os
import socket
import threading
from datetime import timedelta
from typing import Any

from django.db import DatabaseError, close_old_connections, connection, transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.models import DBTaskResult

from cnvh.ops.models import WorkerProcess

logger = logging.getLogger(__name__)
HEARTBEAT = 5.0
STALE = timedelta(seconds=60)
RUNNING = "RUNNING"


class WorkerLost(Exception):
    """The worker running a task stopped before the task finished."""


def new_worker_id() -> str:
    """Host and process in the id (at most 64 characters), so a dead worker can be
    recognised by its process id on the same host."""
    host = socket.gethostname()[:40]
    return f"{host}:{os.getpid()}:{get_random_string(8)}"


def register(worker_id: str) -> WorkerProcess:
    return WorkerProcess.objects.create(
        worker_id=worker_id, host=socket.gethostname(), pid=os.getpid()
    )


def beat(worker_id: str) -> None:
    WorkerProcess.objects.filter(pk=worker_id).update(seen_at=timezone.now())


def forget(worker_id: str) -> None:
    WorkerProcess.objects.filter(pk=worker_id).delete()


def start_heartbeat(worker_id: str) -> threading.Event:
    """Says the worker is alive every HEARTBEAT seconds until the returned event is set."""
    stop = threading.Event()

    def run() -> None:
        while not stop.wait(HEARTBEAT):
            try:
                close_old_connections()
                beat(worker_id)
            except DatabaseError:
                # The database may be restarting; the next beat tries again.
                logger.warning("worker %s: heartbeat failed", worker_id)
        connection.close()

    threading.Thread(target=run, name="cnvh-heartbeat", daemon=True).start()
    return stop


def is_dead(worker: WorkerProcess | None, now: Any) -> bool:
    if worker is None:
        return True
    if worker.host == socket.gethostname() and not _process_exists(worker.pid):
        return True
    return bool(now - worker.seen_at > STALE)


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: it exists
    return True


def recover(except_worker: str = "") -> list[str]:
    """Marks failed every RUNNING task whose worker is dead; returns their ids."""
    failed = []
    now = timezone.now()
    with transaction.atomic():
        running = DBTaskResult.objects.select_for_update(skip_locked=True).filter(status=RUNNING)
        for result in running:
            last = result.worker_ids[-1] if result.worker_ids else ""
            if last == except_worker:
                continue
            worker = WorkerProcess.objects.filter(pk=last).first()
            if is_dead(worker, now):
                result.set_failed(WorkerLost(_reason(last, worker)))
                failed.append(str(result.pk))
        # Dead workers' registrations are of no further use.
        for worker in WorkerProcess.objects.exclude(pk=except_worker):
            if is_dead(worker, now):
                worker.delete()
    return failed


def _reason(worker_id: str, worker: WorkerProcess | None) -> str:
    where = f"{worker.host}, pid {worker.pid}" if worker else "unregistered"
    return (
        f"Tiến trình xử lý {worker_id} ({where}) đã dừng khi đang chạy tác vụ này "
        "(bị tắt hoặc gặp sự cố); không có dữ liệu nào của tác vụ được lưu dở. "
        "Hãy chạy lại tác vụ. / "
        f"The worker {worker_id} ({where}) stopped while running this task (killed or "
        "crashed); nothing the task did was saved in part. Run the task again."
    )


def rerun(result_id: str) -> Any:
    """Queues a failed task again with the same arguments; returns the new result."""
    stored = DBTaskResult.objects.get(pk=result_id, status="FAILED")
    arguments = stored.args_kwargs
    return stored.task.enqueue(*arguments["args"], **arguments["kwargs"])
