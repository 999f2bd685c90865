"""``python -m belnews``: the command line."""

import sys

from belnews.cli import main

sys.exit(main())
