"""Free help per region: rules/help/<region>.yaml, Amsterdam by default, urgent = 'vandaag'."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from snapdebrief.explainers.help import HELP_DIR, URGENT_ADVICE, load_help, pick
from snapdebrief.readability import problems

README = (HELP_DIR / "README.md").read_text(encoding="utf-8")
README_IDS = re.findall(r"^\| `([a-z-]+)` \|", README, re.MULTILINE)
REGION_FILES = sorted(HELP_DIR.glob("*.yaml"))


def test_readme_lists_every_amsterdam_id():
    assert set(README_IDS) == set(load_help("amsterdam"))


@pytest.mark.parametrize("path", [pytest.param(p, id=p.stem) for p in REGION_FILES])
def test_region_file_shape(path: Path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["region"] == path.stem
    assert data["valid_from"]
    for hid, item in data["help"].items():
        assert set(item) <= {"name", "phone", "url", "why", "scope", "source"}, hid
        assert item["scope"] in ("national", "local")
        assert item.get("source"), f"{path.stem}/{hid} has no source"
        if item.get("url"):
            assert item["url"].startswith("https://")
        assert problems(item["why"]) == [], f"{path.stem}/{hid}"


@pytest.mark.parametrize(
    ("region", "has_local"),
    [pytest.param("amsterdam", True, id="amsterdam"), pytest.param("AMSTERDAM", True, id="case"),
     pytest.param("", True, id="empty"), pytest.param("maastricht", True, id="unknown-falls-back")],
)
def test_default_and_fallback(region, has_local):
    entries = load_help(region)
    assert entries == load_help("amsterdam")
    assert entries["buurtteam"].name == "Buurtteam Amsterdam"


def test_other_region_keeps_national_and_replaces_local():
    rotterdam = load_help("rotterdam")
    amsterdam = load_help("amsterdam")
    assert rotterdam["geldfit"] == amsterdam["geldfit"]
    assert rotterdam["buurtteam"].name != amsterdam["buurtteam"].name
    assert "formulierenhulp" not in rotterdam  # a local Amsterdam entry never leaks elsewhere
    assert all(e.scope == "national" for k, e in rotterdam.items() if k not in ("buurtteam", "schuldhulp"))


def test_pick_keeps_order_skips_unknown_and_dupes():
    items = pick(("juridisch-loket", "bestaat-niet", "geldfit", "geldfit"), "amsterdam")
    assert [h.name for h in items] == ["Het Juridisch Loket", "Geldfit"]
    assert items[1].phone == "0800-8115"


def test_urgent_adds_today():
    items = pick(("buurtteam", "afzender"), "amsterdam", urgent=True)
    assert items[0].why.endswith(URGENT_ADVICE)
    assert URGENT_ADVICE not in items[1].why


def test_no_unconfirmed_numbers():
    # docs/sources.md [S67][S68][S71][S72]: only Geldfit, Juridisch Loket, BelastingTelefoon and DUO numbers are confirmed.
    phones = {k: e.phone for k, e in load_help("amsterdam").items() if e.phone}
    assert phones == {"geldfit": "0800-8115", "juridisch-loket": "0900-8020",
                      "belastingtelefoon": "0800-0543", "duo": "050-599 77 55"}
