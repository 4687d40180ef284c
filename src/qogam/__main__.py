import sys

from qogam.cli import main

sys.exit(main())
