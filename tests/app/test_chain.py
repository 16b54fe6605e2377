"""Where a letter stands on its ladder: the route from the kind's rule file, the step from the stage."""

from __future__ import annotations

import pytest

from snapdebrief.phrasings.letter_facts import find_facts, load_letter_facts
from snapdebrief.ui.chain import ladder as ladder_of_route
from snapdebrief.ui.chain import route_of


def ladder(kind: str, stage: str | None, text: str = ""):
    """The ladder as the app draws it: the route from the kind's rule file, the letter facts
    as the classify stage finds them (the Result's `facts`)."""
    facts = [fid for fid, _ in find_facts([text], load_letter_facts())] if text else []
    return ladder_of_route(route_of(kind), stage, facts)

CJIB_2 = "CJIB\nDatum: 1 mei 2026\nBetreft: Tweede aanmaning verkeersboete\n"
CJIB_1_MENTIONS_2 = ("CJIB\nBetreft: Eerste aanmaning\nBetaalt u niet op tijd? Dan volgt een "
                     "tweede aanmaning.\n")
DWANGBEVEL = "Gemeente Amsterdam\nDWANGBEVEL\nBetaal binnen twee dagen.\n"
AANMANING_WARNS = "Belastingdienst\nAanmaning\nBetaal vóór 1 mei om een dwangbevel te voorkomen.\n"


@pytest.mark.parametrize(
    ("kind", "stage", "text", "route", "here"),
    [
        pytest.param("incasso-aanmaning", "reminder", "", "private", "herinnering", id="herinnering"),
        pytest.param("incasso-aanmaning", "14-dagenbrief", "", "private", "aanmaning", id="14-dagen"),
        pytest.param("incasso-aanmaning", "aanmaning", "", "private", "incassokosten", id="costs"),
        pytest.param("deurwaarder", "dagvaarding", "", "private", "deurwaarder", id="dagvaarding"),
        pytest.param("deurwaarder", "beslag", "", "private", "beslag", id="beslag"),
        pytest.param("huurachterstand", "reminder", "", "private", "herinnering", id="huur"),
        pytest.param("belasting-aanslag", "decision", "", "public", "aanslag", id="aanslag"),
        pytest.param("belasting-aanmaning", "aanmaning", AANMANING_WARNS, "public", "aanmaning",
                     id="tax-aanmaning-mentions-dwangbevel"),
        pytest.param("gemeente-belastingaanslag", "aanmaning", DWANGBEVEL, "public", "dwangbevel",
                     id="dwangbevel-title"),
        pytest.param("toeslag-terugvordering", "decision", "", "toeslag", "terugvordering",
                     id="toeslag"),
        pytest.param("cjib-boete", "decision", "", "cjib", "beschikking", id="cjib-beschikking"),
        pytest.param("cjib-aanmaning", "aanmaning", "", "cjib", "aanmaning-1", id="cjib-1"),
        pytest.param("cjib-aanmaning", "aanmaning", CJIB_2, "cjib", "aanmaning-2", id="cjib-2"),
        pytest.param("cjib-aanmaning", "aanmaning", CJIB_1_MENTIONS_2, "cjib", "aanmaning-1",
                     id="cjib-1-announces-2nd"),
        pytest.param("duo-studieschuld", "reminder", "", "duo", "herinnering", id="duo"),
        pytest.param("nieuwe-incasso-soort", "sommatie", "", "private", "deurwaarder",
                     id="unknown-kind-bailiff-stage"),
    ],
)
def test_position(kind: str, stage: str, text: str, route: str, here: str) -> None:
    lad = ladder(kind, stage, text)
    assert lad is not None
    assert lad.route == route
    assert lad.here.key == here
    states = [lad.state(i) for i in range(len(lad.steps))]
    assert states.count("here") == 1
    assert states == sorted(states, key=["done", "here", "next"].index)


@pytest.mark.parametrize(
    ("kind", "stage"),
    [
        pytest.param("afspraak-uitnodiging", "info", id="appointment"),
        pytest.param("uitkering-besluit", "decision", id="benefit-decision"),
        pytest.param("overig", "info", id="other"),
        pytest.param("cjib-aanmaning", None, id="no-stage"),
        pytest.param("nieuwe-soort", "aanmaning", id="unknown-kind-ambiguous-stage"),
    ],
)
def test_no_ladder(kind: str, stage: str | None) -> None:
    assert ladder(kind, stage) is None


def test_private_route_steps() -> None:
    lad = ladder("incasso-aanmaning", "reminder")
    assert [s.label for s in lad.steps] == [
        "Herinnering", "Aanmaning", "Incassokosten", "Deurwaarder", "Beslag"]


def test_cjib_route_steps() -> None:
    lad = ladder("cjib-boete", "decision")
    assert [s.label for s in lad.steps] == [
        "Beschikking", "1e aanmaning", "2e aanmaning", "Dwangbevel"]


def test_a_new_kind_gets_its_ladder_from_its_rule_file(tmp_path) -> None:
    """A rule team's own kind with `route: public` stands on the tax ladder, no code change."""
    from pathlib import Path

    shipped = (Path(__file__).resolve().parents[2] / "rules" / "belasting-aanmaning.yaml").read_text()
    new = shipped.replace("id: belasting-aanmaning", "id: waterschap-aanmaning", 1)
    (tmp_path / "waterschap-aanmaning.yaml").write_text(new.replace("route: public", "route: public"))
    route = route_of("waterschap-aanmaning", (tmp_path,))
    assert route == "public"
    assert ladder_of_route(route, "aanmaning").here.key == "aanmaning"
    (tmp_path / "waterschap-aanmaning.yaml").write_text(new.replace("route: public", "route: cjib"))
    assert route_of("waterschap-aanmaning", (tmp_path,)) == "cjib"
