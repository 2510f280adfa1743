"""`make run`'s steps on an empty SQLite file: migrate, then load the content."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_migrate_and_load_content_work_on_an_empty_sqlite_file(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    loaded = subprocess.run(
        [*manage, "load_content"], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert loaded.returncode == 0, loaded.stderr
    assert "roles: 10 created" in loaded.stdout
    shell = subprocess.run(
        [
            *manage,
            "shell",
            "-v0",
            "-c",
            "from roles.models import Role; print(Role.objects.count())",
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert shell.stdout.strip() == "10"
