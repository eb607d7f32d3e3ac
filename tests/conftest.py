"""Shared fixtures: the shipped corpora, the one PDF kept outside the project, and the small
test corpus tagged once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO / "corpora"
SHARED_CORPORA = REPO.parent / "shared" / "corpora"
ACTION_PLAN_PDF = SHARED_CORPORA / "en" / "americas_ai_action_plan_2025.pdf"
#: one US document, one with markup and Excel-formula text, one Chinese, one Korean, a broken PDF
SMALL_CORPUS = REPO / "tests" / "report" / "data" / "corpus"


@pytest.fixture(scope="session")
def corpora() -> Path:
    return CORPORA


@pytest.fixture(scope="session")
def action_plan_pdf() -> Path:
    if not ACTION_PLAN_PDF.exists():
        pytest.skip(f"the Action Plan PDF is not redistributed; expected it at {ACTION_PLAN_PDF}")
    return ACTION_PLAN_PDF


@pytest.fixture(scope="session")
def outdir(tmp_path_factory) -> Path:
    """A results folder made by ``polytag.batch.tag_folder`` from the small test corpus."""
    from polytag.batch import tag_folder

    out = tmp_path_factory.mktemp("results")
    tag_folder(SMALL_CORPUS, out)
    return out


def build_docx_bomb(path: Path, expanded_bytes: int) -> Path:
    """A small .docx whose ``word/document.xml`` expands to ``expanded_bytes`` (one huge run of
    text), written in chunks so that building it needs little memory."""
    import zipfile

    main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'))
        archive.writestr("_rels/.rels", (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>'))
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(f'<?xml version="1.0"?><w:document xmlns:w="{main}"><w:body><w:p><w:r><w:t>'.encode())
            chunk = b"policy " * (1 << 17)
            for _ in range(expanded_bytes // len(chunk)):
                part.write(chunk)
            part.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return path


@pytest.fixture(scope="session")
def docx_bomb(tmp_path_factory) -> Path:
    """A 1.4 MB .docx whose document part expands to 300 MB."""
    return build_docx_bomb(tmp_path_factory.mktemp("bomb") / "bomb.docx", 300 * 1024**2)
