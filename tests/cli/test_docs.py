"""Every command has help with a runnable example and is documented in the README."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from marsad.cli import main

README = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")


def _commands(group: click.Group, prefix: str = ""):
    for name, command in sorted(group.commands.items()):
        yield prefix + name, command
        if isinstance(command, click.Group):
            yield from _commands(command, prefix + name + " ")


@pytest.mark.parametrize(("name", "command"), list(_commands(main)))
def test_docs_every_command_has_help(name, command):
    assert command.help and len(command.help) > 20, f"marsad {name} has no help text"


@pytest.mark.parametrize("name", sorted(main.commands))
def test_docs_every_verb_is_in_the_readme(name):
    assert f"marsad {name}" in README, f"README.md does not mention `marsad {name}`"
