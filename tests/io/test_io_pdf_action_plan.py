"""The real Action Plan PDF comes out as whole, clean paragraphs (parsed once per session)."""
from __future__ import annotations

import re
from pathlib import Path

from polytag.io import Document, read_document

SECTION = [
    "Encourage Open-Source and Open-Weight AI",
    "Open-source and open-weight AI models are made freely available by developers for anyone in the "
    "world to download and modify. Models distributed this way have unique value for innovation because "
    "startups can use them flexibly without being dependent on a closed model provider. They also benefit "
    "commercial and government adoption of AI because many businesses and governments have sensitive data "
    "that they cannot send to closed model vendors. And they are essential for academic research, which "
    "often relies on access to the weights and training data of a model to perform scientifically "
    "rigorous experiments.",
    "We need to ensure America has leading open models founded on American values. Open-source and "
    "open-weight models could become global standards in some areas of business and in academic research "
    "worldwide. For that reason, they also have geostrategic value. While the decision of whether and how "
    "to release an open or closed model is fundamentally up to the developer, the Federal government "
    "should create a supportive environment for open models.",
    "Recommended Policy Actions",
    # This bullet runs over a page break, across the running header and the page number.
    "\u2022 Ensure access to large-scale computing power for startups and academics by improving the "
    "financial market for compute. Currently, a company seeking to use large-scale compute must often "
    "sign long-term contracts with hyperscalers\u2014far beyond the budgetary reach of most academics and "
    "many startups. America has solved this problem before with other goods through financial markets, "
    "such as spot and forward markets for commodities. Through collaboration with industry, NIST at DOC, "
    "OSTP, and the National Science Foundation\u2019s (NSF) National AI Research Resource (NAIRR) pilot, "
    "the Federal government can accelerate the maturation of a healthy financial market for compute.",
    "\u2022 Partner with leading technology companies to increase the research community\u2019s access to "
    "world-class private sector computing, models, data, and software resources as part of the NAIRR pilot.",
    "\u2022 Build the foundations for a lean and sustainable NAIRR operations capability that can connect "
    "an increasing number of researchers and educators across the country to critical AI resources.",
    "\u2022 Continue to foster the next generation of AI breakthroughs by publishing a new National AI "
    "Research and Development (R&D) Strategic Plan, led by OSTP, to guide Federal AI research investments.",
    "\u2022 Led by DOC through the National Telecommunications and Information Administration (NTIA), "
    "convene stakeholders to help drive adoption of open-source and open-weight models by small and "
    "medium-sized businesses.",
    "Enable AI Adoption",
]
HEADER = "AMERICA\u2019S AI ACTION PLAN"


def test_open_weight_section_is_whole_clean_paragraphs(action_plan_paragraphs: list[str]) -> None:
    start = action_plan_paragraphs.index(SECTION[0])
    assert action_plan_paragraphs[start : start + len(SECTION)] == SECTION


def test_every_paragraph_is_one_line(action_plan: Document, action_plan_paragraphs: list[str]) -> None:
    assert "\n\n\n" not in action_plan.text
    assert all(paragraph and "\n" not in paragraph and paragraph == paragraph.strip()
               for paragraph in action_plan_paragraphs)


def test_running_header_and_page_numbers_are_gone(action_plan_paragraphs: list[str]) -> None:
    # The header text survives only once: as the cover page's own title.
    assert [p for p in action_plan_paragraphs if HEADER in p] == [HEADER]
    page_number = re.compile(r"(?:^|\s)(?:\d{1,2}|[ivx]{1,4})$")
    assert [p for p in action_plan_paragraphs if page_number.search(p)] == []


def test_no_hyphenation_breaks_remain(action_plan: Document) -> None:
    assert re.findall(r"\w+- \w+", action_plan.text) == []
    # Real compounds broken at a line end keep their hyphen.
    for compound in ("like-minded nations", "large-scale compute", "multi-tiered"):
        assert compound in action_plan.text


def test_footnotes_and_note_markers_are_out_of_the_body(action_plan: Document) -> None:
    assert "www." not in action_plan.text
    assert "Federal Register 90" not in action_plan.text
    assert "directing the creation of an AI Action Plan.\n\n" in action_plan.text  # marker "1" removed
    assert "in generations.\u201d That is why" in action_plan.text  # marker "2" removed


def test_bullets_are_their_own_paragraphs(action_plan_paragraphs: list[str]) -> None:
    bullets = [p for p in action_plan_paragraphs if p.startswith("\u2022 ")]
    assert len(bullets) >= 90
    assert all("\u2022" not in p[1:] for p in action_plan_paragraphs)


def test_table_of_contents_is_dropped(action_plan: Document) -> None:
    assert "....." not in action_plan.text


def test_metadata_and_format(action_plan: Document) -> None:
    assert action_plan.format == "pdf"
    assert action_plan.encoding is None
    assert action_plan.id == "americas_ai_action_plan_2025.pdf"
    assert action_plan.meta["title"] == "Winning the Race: America's AI Action Plan"  # the corpus manifest's


def test_title_from_the_info_dictionary_without_a_manifest(action_plan_pdf: Path, tmp_path: Path) -> None:
    copy = tmp_path / action_plan_pdf.name
    copy.write_bytes(action_plan_pdf.read_bytes())
    assert read_document(copy).meta["title"] == "America\u2019s AI Action Plan"
