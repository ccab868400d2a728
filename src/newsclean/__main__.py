"""``python -m newsclean``: the same as the ``newsclean`` command."""

from newsclean.cli import main

if __name__ == "__main__":
    main()
