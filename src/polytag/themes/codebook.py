"""The codebook: themes, their definitions, and seed terms grouped into concepts.

A concept names one idea in several languages (``open_models``: open-weight / 개방형 모델 /
开源模型), so that what a classifier learns about it from English labels carries over to
Korean and Chinese. Codebooks are YAML; quanteda's YAML dictionaries can be imported and
exported so that R users can bring theirs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterator

import yaml

from polytag.errors import CodebookError, CodebookNotFoundError
from polytag.tables import check_theme_names
from polytag.text.detect import detect_language

LANGS = ("en", "ko", "zh")


@dataclass(frozen=True)
class Concept:
    """Seed terms for one idea of a theme, per language, with the weight a match adds."""

    name: str
    theme: str
    terms: dict[str, tuple[str, ...]]
    weight: float = 1.0

    @property
    def id(self) -> str:
        return f"{self.theme}.{self.name}"


@dataclass(frozen=True)
class Theme:
    name: str
    label: dict[str, str]
    definition: dict[str, str]
    concepts: tuple[Concept, ...]
    exclude: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Codebook:
    """An ordered set of themes. ``Codebook.load()`` gives polytag's four shipped themes."""

    name: str
    themes: tuple[Theme, ...]
    version: str = "1"
    #: terms of the domain every theme needs (THEMES.md's Scope rule), per language
    scope: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def theme_names(self) -> list[str]:
        return [t.name for t in self.themes]

    @property
    def concepts(self) -> list[Concept]:
        return [c for t in self.themes for c in t.concepts]

    def theme(self, name: str) -> Theme:
        for theme in self.themes:
            if theme.name == name:
                return theme
        raise KeyError(name)

    # ----- polytag YAML ---------------------------------------------------------------
    @classmethod
    def load(cls, source: str | Path | dict | "Codebook" | None = None) -> "Codebook":
        """A codebook from a YAML file, a dict, or polytag's default when ``source`` is None."""
        if isinstance(source, Codebook):
            return source
        if source is None:
            text = resources.files("polytag.themes.data").joinpath("codebook.yaml").read_text(encoding="utf-8")
            return cls.from_dict(yaml.safe_load(text), origin="polytag default codebook")
        if isinstance(source, dict):
            return cls.from_dict(source, origin="dict")
        path = Path(source)
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
        except CodebookError as error:
            raise CodebookError(f"{path}: {error}") from None
        except FileNotFoundError as error:
            raise CodebookNotFoundError(f"{path}: no such codebook file ({error.strerror})") from error
        except yaml.MarkedYAMLError as error:
            where = f" at line {error.problem_mark.line + 1}, column {error.problem_mark.column + 1}" \
                if error.problem_mark else ""
            raise CodebookError(f"{path}: not valid YAML: {error.problem or error.context}{where}") from error
        except (OSError, yaml.YAMLError, UnicodeDecodeError) as error:
            raise CodebookError(f"{path}: cannot read codebook: {error}") from error
        return cls.from_dict(data, origin=str(path))

    @classmethod
    def from_dict(cls, data: Any, *, origin: str = "codebook") -> "Codebook":
        if not isinstance(data, dict) or not isinstance(data.get("themes"), dict) or not data["themes"]:
            raise CodebookError(f"{origin}: a codebook needs a 'themes' mapping with at least one theme")
        check_theme_names(data["themes"], origin=origin)
        themes = []
        for name, spec in data["themes"].items():
            spec = spec or {}
            if not isinstance(spec, dict) or not isinstance(spec.get("concepts"), dict):
                raise CodebookError(f"{origin}: theme {name!r} needs a 'concepts' mapping of seed terms")
            concepts = []
            for concept_name, terms in spec["concepts"].items():
                if not isinstance(terms or {}, dict):
                    raise CodebookError(f"{origin}: concept {name}.{concept_name} must map languages "
                                        f"({', '.join(LANGS)}) to lists of terms, got {terms!r}")
                terms = dict(terms or {})
                weight = _weight(origin, f"{name}.{concept_name}", terms.pop("weight", 1.0))
                _check_langs(origin, f"{name}.{concept_name}", terms)
                by_lang = {lang: _term_list(origin, name, concept_name, words) for lang, words in terms.items()}
                concepts.append(Concept(str(concept_name), str(name), by_lang, weight))
            _check_langs(origin, f"{name}.exclude", spec.get("exclude") or {})
            exclude = {lang: _term_list(origin, name, "exclude", words) for lang, words in (spec.get("exclude") or {}).items()}
            themes.append(Theme(str(name), dict(spec.get("label") or {}), dict(spec.get("definition") or {}),
                                tuple(concepts), exclude))
        _check_langs(origin, "scope", data.get("scope") or {})
        scope = {lang: _term_list(origin, "scope", "terms", words) for lang, words in (data.get("scope") or {}).items()}
        return cls(str(data.get("name", "codebook")), tuple(themes), str(data.get("version", "1")), scope)

    def to_dict(self) -> dict:
        themes = {}
        for theme in self.themes:
            concepts = {}
            for concept in theme.concepts:
                entry: dict[str, Any] = {lang: list(words) for lang, words in concept.terms.items()}
                if concept.weight != 1.0:
                    entry["weight"] = concept.weight
                concepts[concept.name] = entry
            themes[theme.name] = {"label": dict(theme.label), "definition": dict(theme.definition),
                                  "concepts": concepts, "exclude": {k: list(v) for k, v in theme.exclude.items()}}
        out: dict[str, Any] = {"name": self.name, "version": self.version}
        if self.scope:
            out["scope"] = {lang: list(words) for lang, words in self.scope.items()}
        out["themes"] = themes
        return out

    def to_yaml(self, path: str | Path | None = None) -> str:
        text = yaml.safe_dump(self.to_dict(), allow_unicode=True, sort_keys=False, width=100)
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    # ----- quanteda YAML dictionaries ---------------------------------------------------
    @classmethod
    def from_quanteda(cls, source: str | Path | dict, *, name: str | None = None) -> "Codebook":
        """Import a quanteda dictionary (``dictionary(file = "x.yml")`` format).

        Top-level keys become themes, nested keys concepts; a key ``en``/``ko``/``zh`` sets
        the language of the terms below it, otherwise each term's language is detected from
        its script. Glob wildcards (``export*``) are kept and matched on tokens.
        """
        if isinstance(source, dict):
            data, origin = source, "dict"
        else:
            origin = str(source)
            try:
                data = yaml.safe_load(Path(source).read_text(encoding="utf-8"))
            except (OSError, yaml.YAMLError, UnicodeDecodeError) as error:
                raise CodebookError(f"{origin}: cannot read quanteda dictionary: {error}") from error
        if not isinstance(data, dict) or not data:
            raise CodebookError(f"{origin}: a quanteda dictionary is a mapping of keys to term lists")
        themes = {}
        for theme, body in data.items():
            concepts: dict[str, dict[str, list[str]]] = {}
            for path, lang, words in _quanteda_leaves(origin, [], None, body):
                concept = ".".join(path) or "terms"
                for word in words:
                    word_lang = lang or detect_language(word.replace("*", ""), default="en")
                    concepts.setdefault(concept, {}).setdefault(word_lang, []).append(word)
            themes[str(theme)] = {"concepts": concepts}
        stem = name or (Path(origin).stem if origin != "dict" else "quanteda")
        return cls.from_dict({"name": stem, "themes": themes}, origin=origin)

    def to_quanteda(self, path: str | Path | None = None) -> str:
        """Export as a quanteda YAML dictionary: theme -> concept -> language -> terms."""
        data = {t.name: {c.name: {lang: list(words) for lang, words in c.terms.items()} for c in t.concepts}
                for t in self.themes}
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    def identity(self) -> str:
        """A short content hash, so a report can say which codebook produced it."""
        import hashlib

        return hashlib.sha256(self.to_yaml().encode("utf-8")).hexdigest()[:12]


class _UniqueKeyLoader(yaml.SafeLoader):
    """YAML's safe loader, except that a key given twice in one mapping (two themes of the
    same name, say) is an error with its line instead of the last one silently winning."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise CodebookError(f"line {key_node.start_mark.line + 1}: key {key!r} is given twice")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _weight(origin: str, where: str, value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        raise CodebookError(f"{origin}: {where}: weight must be a number, got {value!r}") from None


def _check_langs(origin: str, where: str, by_lang: Any) -> None:
    if not isinstance(by_lang, dict):
        raise CodebookError(f"{origin}: {where} must map languages ({', '.join(LANGS)}) to terms")
    unknown = [str(key) for key in by_lang if key not in LANGS]
    if unknown:
        raise CodebookError(f"{origin}: {where}: unknown language key {', '.join(map(repr, unknown))} "
                            f"(polytag's languages: {', '.join(LANGS)})")


def _term_list(origin: str, theme: str, concept: str, words: Any) -> tuple[str, ...]:
    if isinstance(words, str):
        words = [words]
    if not isinstance(words, list) or not all(isinstance(w, (str, int, float)) for w in words):
        raise CodebookError(f"{origin}: terms of {theme}.{concept} must be a list of strings")
    return tuple(str(w).strip() for w in words if str(w).strip())


def _quanteda_leaves(origin: str, path: list[str], lang: str | None, node: Any) -> Iterator[tuple[list[str], str | None, list[str]]]:
    if isinstance(node, (list, str)):
        yield path, lang, list(_term_list(origin, "/".join(path) or "?", "terms", node))
    elif isinstance(node, dict):
        for key, child in node.items():
            key = str(key)
            if key in LANGS:
                yield from _quanteda_leaves(origin, path, key, child)
            else:
                yield from _quanteda_leaves(origin, path + [key], lang, child)
    elif node is not None:
        raise CodebookError(f"{origin}: unexpected value under {'/'.join(path)}: {node!r}")
