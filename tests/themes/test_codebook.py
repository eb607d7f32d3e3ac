"""Codebook loading, validation, and quanteda YAML import/export."""
from __future__ import annotations

import pytest
import yaml

from polytag.errors import CodebookError
from polytag.themes import Codebook


def test_default_codebook_has_the_four_themes_in_three_languages():
    codebook = Codebook.load()
    assert codebook.theme_names == ["openness", "geopolitical", "inclusiveness", "export_control"]
    for theme in codebook.themes:
        assert set(theme.label) == {"en", "ko", "zh"} and set(theme.definition) == {"en", "ko", "zh"}
        for lang in ("en", "ko", "zh"):
            assert sum(len(c.terms.get(lang, ())) for c in theme.concepts if c.weight > 0) >= 8, (theme.name, lang)


def test_polytag_yaml_round_trips(tmp_path):
    codebook = Codebook.load()
    path = tmp_path / "codebook.yaml"
    codebook.to_yaml(path)
    assert Codebook.load(path) == codebook


def test_quanteda_yaml_round_trips(tmp_path):
    codebook = Codebook.load()
    path = tmp_path / "dictionary.yml"
    codebook.to_quanteda(path)
    back = Codebook.from_quanteda(path)
    assert back.theme_names == codebook.theme_names
    for theme, original in zip(back.themes, codebook.themes):
        assert [c.name for c in theme.concepts] == [c.name for c in original.concepts]
        for concept, source in zip(theme.concepts, original.concepts):
            assert concept.terms == source.terms


def test_quanteda_dictionary_from_r_users_detects_term_languages(tmp_path):
    # the shape quanteda's dictionary() writes: keys, optional nesting, glob wildcards
    path = tmp_path / "r_dictionary.yml"
    path.write_text(yaml.safe_dump({
        "export_control": ["export control*", "entity list", "수출 통제", "出口管制"],
        "openness": {"models": ["open-weight", "오픈소스", "开源"]},
    }, allow_unicode=True), encoding="utf-8")
    codebook = Codebook.from_quanteda(path)
    export = codebook.theme("export_control").concepts[0]
    assert export.terms == {"en": ("export control*", "entity list"), "ko": ("수출 통제",), "zh": ("出口管制",)}
    assert codebook.theme("openness").concepts[0].name == "models"


@pytest.mark.parametrize("content", ["themes: []", "name: x", "themes:\n  a:\n    concepts: [1, 2]", ": : :"])
def test_malformed_codebooks_raise_a_named_error(tmp_path, content):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CodebookError) as error:
        Codebook.load(path)
    assert "bad.yaml" in str(error.value)


@pytest.mark.parametrize("content, named", [
    ("themes:\n  a:\n    concepts:\n      c: {en: [x], weight: heavy}\n", r"a\.c: weight must be a number, got 'heavy'"),
    ("themes:\n  a:\n    concepts:\n      c: {en: [x]}\n  a:\n    concepts:\n      d: {en: [y]}\n",
     r"line 5: key 'a' is given twice"),
    ("themes:\n  a:\n    concepts:\n      c: {en: [x], jp: [y]}\n", r"a\.c: unknown language key 'jp'"),
    ("themes:\n  a:\n    concepts:\n      c: {en: [x]}\n    exclude: {fr: [z]}\n", r"a\.exclude: unknown language key 'fr'"),
])
def test_codebook_mistakes_are_named_with_the_file_and_key(tmp_path, content, named):
    path = tmp_path / "mine.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CodebookError, match=rf"mine\.yaml: .*{named}"):
        Codebook.load(path)


@pytest.mark.parametrize("name", ["text", "lang", "evidence", "p_open", "n_tokens"])
def test_a_theme_name_that_collides_with_a_column_is_refused(name) -> None:
    from polytag.errors import CodebookError

    with pytest.raises(CodebookError, match=f"theme name '{name}' collides"):
        Codebook.from_dict({"themes": {name: {"concepts": {"c": {"en": ["open"]}}}}})


def test_malformed_yaml_is_one_line_naming_the_file_and_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("themes: [1, 2\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"bad\.yaml: not valid YAML: .* at line 2") as caught:
        Codebook.load(path)
    assert "\n" not in str(caught.value)
