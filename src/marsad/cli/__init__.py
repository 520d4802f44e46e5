"""The `marsad` command: one sub-command per verb, each a thin layer over the Python API.

Every module in this package registers its own commands on `main` (via `@main.command()`);
they are imported here, so adding a verb is adding a module.
"""

import importlib
import pkgutil

import click


@click.group()
@click.version_option(package_name="marsad")
def main() -> None:
    """marsad: Arabic conflict news to a geocoded, source-attributed event database."""


for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    if not _module.startswith("_"):
        importlib.import_module(f"{__name__}.{_module}")
