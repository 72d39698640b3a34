"""The frozen player's entry script: ``rvibe-player`` with the same commands as from a checkout."""

import sys

from rvibe_player.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
