"""Themes: codebook, dictionary tagger, classifier, evaluation, and tagging with evidence."""
from polytag.themes.classifier import Evidence, Tagged, ThemeClassifier
from polytag.themes.codebook import Codebook, Concept, Theme
from polytag.themes.dictionary import DictionaryTagger, SeedMatch
from polytag.themes.evaluate import ThemeEvaluator, read_gold
from polytag.themes.model_io import load_default_model, load_model, save_model
from polytag.themes.tagging import tag

__all__ = [
    "Codebook", "Concept", "DictionaryTagger", "Evidence", "SeedMatch", "Tagged", "Theme", "ThemeClassifier",
    "ThemeEvaluator", "load_default_model", "load_model", "read_gold", "save_model", "tag",
]
