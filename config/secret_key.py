"""The secret key of an installation without SECRET_KEY (demo mode): made on first start, then kept.

A key written in the code is known to everyone who reads it, and with it anyone could sign a link that mutes a
recipient's reminders. So each installation makes its own and keeps it under VAR_DIR, readable by its owner only.
"""

import os
import tempfile
from pathlib import Path

from django.core.management.utils import get_random_secret_key

FILE_NAME = "secret_key"


def installation_secret_key(var_dir: Path) -> str:
    path = Path(var_dir) / FILE_NAME
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # mkstemp creates the file with mode 0600; linking it into place is atomic, so the web server and the
        # worker starting together end up with one key, whichever links first.
        handle, draft = tempfile.mkstemp(dir=path.parent, prefix=f".{FILE_NAME}.")
        try:
            with os.fdopen(handle, "w") as file:
                file.write(get_random_secret_key())
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(draft)
    return path.read_text().strip()
