"""`python -m flinklite`: the same as the `flinklite` command.

Delegates to flinklite.cli.main so both entry points behave identically."""

from flinklite.cli.main import main

raise SystemExit(main())
