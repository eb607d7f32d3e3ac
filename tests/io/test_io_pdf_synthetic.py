"""PDF cleaning rules on small PDFs written by the tests themselves (Helvetica, known layout)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from polytag.io import read_document

BODY = 11.0
PITCH = 13.4        # baseline-to-baseline distance inside a paragraph
PARAGRAPH = 22.0    # distance from one paragraph's last line to the next paragraph


class Flow:
    """Lays out lines top to bottom on pages that all carry a running header and footer."""

    def __init__(self, pages: int) -> None:
        self.pages: list[list[tuple]] = [
            [(72, 40, 9, "ACME POLICY REVIEW"), (280, 750, 9, f"Page {number} of {pages}")]
            for number in range(1, pages + 1)
        ]
        self.page = 0
        self.top = 80.0

    def next_page(self) -> None:
        self.page += 1
        self.top = 80.0

    def block(self, lines: list[str | tuple], size: float = BODY, x: float = 72, after: float = PARAGRAPH) -> None:
        for index, line in enumerate(lines):
            if isinstance(line, str):
                line = (x, self.top, size, line)
            else:
                line = (line[0], self.top, *line[2:])
            self.pages[self.page].append(line)
            self.top += PITCH * size / BODY if index < len(lines) - 1 else 0
        self.top += after * size / BODY

    def at(self, top: float, lines: list[tuple]) -> None:
        self.pages[self.page].extend((line[0], top + PITCH * index, *line[2:]) for index, line in enumerate(lines))


def report_pdf(tmp_path: Path, make_pdf: Callable[..., bytes]) -> Path:
    """Three pages: header/footer on each, a TOC, footnotes (small font and same size with a URL),
    hyphenated line ends, a paragraph over a page break, bullets, numbered items, a signature."""
    flow = Flow(pages=3)
    flow.block(["Cleaning Test Report"], size=18)
    flow.block(["Introduction ............................................................. 1",
                "Infrastructure Goals ..................................................... 2"])
    flow.block(["Introduction"], size=14)
    flow.block([
        "Public infrastructure is the backbone of the digital economy, and the agency plans",
        "to invest in shared computing, secure data exchanges and resilient network infra-",
        (72, 0, [(BODY, 0, "structure over the next five years, in close partnership with industry and states."),
                 (6, 4, "1")]),
        "The programme will be reviewed every year by an independent panel of experts.",
    ])
    flow.block([
        "Regional centres will receive dedicated funding for training, testing and the safe",
        "deployment of new tools, and every centre will publish an annual account of its",
    ])
    flow.at(700, [(72, 0, [(5, 3, "1"), (8, 0, " Example Agency, Annual Report 2024, https://example.org/report.")]),
                  (80, 0, 8, "The report is summarised in the annex.")])
    flow.next_page()
    flow.block(["spending and results so that citizens can follow the progress of each project."])
    flow.block(["Infrastructure Goals"], size=14)
    flow.block([
        "The agency funds open-weight models and shared compute for researchers who run large-",
        "scale experiments, and it expects each regional centre to report to the local govern-",
        "ment every quarter on how many open models it hosts, including several new open-",
        "weight releases that were trained on public data.",
    ])
    flow.block(["Recommended Actions"])
    flow.block(["\u2022 Build a national testbed for evaluating AI systems before they are deployed in",
                (86, 0, BODY, "public services, and publish the results.")], after=PITCH + 2)
    flow.block(["- Train ten thousand public servants in the safe use of AI tools each year."], after=PITCH + 2)
    flow.block(["1. Review every rule that slows the approval of new data centres."], after=PITCH + 2)
    flow.block(["2. Report progress to the legislature."])
    flow.block(["3 regional pilots will start next year."])
    flow.at(650, [(72, 0, BODY, "2 See https://example.org/annex for the full data tables.")])
    flow.next_page()
    flow.block(["Signed in the capital on 1 March 2025."])
    flow.block(["Jane Doe", "Director of Policy"])
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(flow.pages))
    return path


def test_synthetic_report_is_cleaned_into_paragraphs(tmp_path: Path, make_pdf: Callable[..., bytes]) -> None:
    document = read_document(report_pdf(tmp_path, make_pdf))
    assert document.format == "pdf"
    assert document.encoding is None
    assert document.text.split("\n\n") == [
        "Cleaning Test Report",
        "Introduction",
        "Public infrastructure is the backbone of the digital economy, and the agency plans to invest in "
        "shared computing, secure data exchanges and resilient network infrastructure over the next five "
        "years, in close partnership with industry and states. The programme will be reviewed every year "
        "by an independent panel of experts.",
        "Regional centres will receive dedicated funding for training, testing and the safe deployment of "
        "new tools, and every centre will publish an annual account of its spending and results so that "
        "citizens can follow the progress of each project.",
        "Infrastructure Goals",
        "The agency funds open-weight models and shared compute for researchers who run large-scale "
        "experiments, and it expects each regional centre to report to the local government every quarter "
        "on how many open models it hosts, including several new open-weight releases that were trained on "
        "public data.",
        "Recommended Actions",
        "\u2022 Build a national testbed for evaluating AI systems before they are deployed in public services, "
        "and publish the results.",
        "\u2022 Train ten thousand public servants in the safe use of AI tools each year.",
        "1. Review every rule that slows the approval of new data centres.",
        "2. Report progress to the legislature.",
        "3 regional pilots will start next year.",
        "Signed in the capital on 1 March 2025.",
        "Jane Doe",
        "Director of Policy",
    ]
    assert document.meta["title"] == "Cleaning Test Report"


def test_bare_page_number_is_dropped_on_a_single_page(tmp_path: Path, make_pdf: Callable[..., bytes]) -> None:
    path = tmp_path / "one.pdf"
    path.write_bytes(make_pdf([[(72, 80, 11, "A single page of text."), (300, 750, 11, "iv")]]))
    assert read_document(path).text == "A single page of text."


def test_pdf_info_title_is_metadata(tmp_path: Path, make_pdf: Callable[..., bytes]) -> None:
    data = make_pdf([[(72, 80, 11, "Body text.")]])
    data = data.replace(b"/Root 1 0 R >>", b"/Root 1 0 R /Info << /Title (Info Title) /Author (Agency) >> >>")
    path = tmp_path / "info.pdf"
    path.write_bytes(data)
    assert read_document(path).meta == {"title": "Info Title", "author": "Agency"}


def test_chinese_lines_join_without_spaces(tmp_path: Path, make_pdf: Callable[..., bytes]) -> None:
    lines = [
        "第一条　为了促进生成式人工智能健康发展和规范应用，维护国家安全和社会公共利益，保护公",
        "民、法人和其他组织的合法权益，制定本办法。",
        "第二条　利用生成式人工智能技术向中华人民共和国境内公众提供生成文本、图片、音频、视频",
        "等内容的服务，适用本办法。本办法第三条规定的服务提供者应当依法开展活动，并遵守第四",
        "条的要求。",
    ]
    path = tmp_path / "measures.pdf"
    path.write_bytes(make_pdf([[(72, 80 + 16 * index, 12, line) for index, line in enumerate(lines)]]))
    assert read_document(path).text.split("\n\n") == [
        "第一条 为了促进生成式人工智能健康发展和规范应用，维护国家安全和社会公共利益，保护公民、法人和其他组织的合法权益，"
        "制定本办法。",
        "第二条 利用生成式人工智能技术向中华人民共和国境内公众提供生成文本、图片、音频、视频等内容的服务，适用本办法。"
        "本办法第三条规定的服务提供者应当依法开展活动，并遵守第四条的要求。",
    ]
