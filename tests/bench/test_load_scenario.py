"""The load scenario's locust file loads, with every kind of user of the mix. Run in a
child process: importing locust patches the standard library (gevent) for good."""

import subprocess
import sys
from pathlib import Path

LOCUSTFILE = Path(__file__).resolve().parents[2] / "bench" / "load" / "locustfile.py"


def test_the_locust_file_lists_the_mix() -> None:
    locust = Path(sys.executable).parent / "locust"
    done = subprocess.run(
        [str(locust), "-f", str(LOCUSTFILE), "--list"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    listed = set(done.stdout.split())
    assert {"PublicVisitor", "DataReader", "Officer", "Approver"} <= listed
