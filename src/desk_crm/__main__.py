"""``python -m desk_crm`` and the ``desk-crm`` entry point."""

from __future__ import annotations

import sys


def main() -> int:
    from desk_crm.app import main as app_main

    return app_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
