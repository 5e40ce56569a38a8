"""``python -m cleantext``: the same as the ``cleantext`` command."""

from cleantext.cli import main

if __name__ == "__main__":
    main()
