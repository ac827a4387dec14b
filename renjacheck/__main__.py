"""`python -m renjacheck` runs the command-line interface."""

from renjacheck.cli import main

main()
