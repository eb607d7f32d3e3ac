"""Draw the segments that were hand-labelled (run once; kept for provenance).

Segments are paragraphs (one non-empty line of the source text; a bullet item is its own
line), and paragraphs of more than five sentences are cut into windows of three sentences,
as THEMES.md prescribes. Sampling is seeded. Short documents are taken whole; long ones are
sampled, half at random and half among paragraphs that mention technology at all (so that
the rare themes have positives to learn from). The labels themselves were assigned by
reading each segment against THEMES.md.
"""
import csv
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SENTENCE_END = re.compile(r"(?<=[。！？!?])|(?<=[.;])\s+(?=[A-Z\"“(])")
TECH = re.compile(r"人工智能|数字|科技|技术|芯片|数据|算力|开源|互联网|平台|创新|"
                  r"인공지능|AI|데이터|기술|반도체|모델|"
                  r"artificial intelligence|\bAI\b|technolog|chip|semiconductor|model|compute|data", re.I)

# file -> how many segments to take (None = all)
PLAN = {
    "en/us_eo_promoting_export_american_ai_stack_2025.txt": None,
    "en/us_factsheet_export_american_ai_2025.txt": None,
    "en/us_wh_unveils_ai_action_plan_pressrelease_2025.txt": None,
    "en/us_factsheet_ai_diffusion_framework_2025-01-13.txt": None,
    "en/us_eo14179_removing_barriers_ai_2025.txt": None,
    "en/us_kratsios_apec_digital_ai_ministerial_2025.txt": None,
    "en/us_eo14365_state_law_preemption_ai_2025.txt": 15,
    "en/us_eo_ai_education_youth_2025.txt": 20,
    "en/us_eo_preventing_woke_ai_2025.txt": 12,
    "en/us_eo_data_center_permitting_2025.txt": 15,
    "en/us_eo14110_safe_secure_trustworthy_ai_2023.txt": 50,
    "en/kr_ai_basic_act_amended_2026_moleg_translation.txt": 20,
    "en/cn_genai_interim_measures_2023_casi_translation.txt": 15,
    "ko/brief_rand_open_models_soft_power_2026.txt": None,
    "ko/kr_ai_basic_act_amended_2026.txt": 130,
    "zh/cn_genai_interim_measures_2023.txt": None,
    "zh/prc_gov_work_report_2021.txt": 60,
    "zh/prc_gov_work_report_2022.txt": 60,
    "zh/prc_gov_work_report_2024.txt": 70,
}
MIN_CHARS = {"en": 40, "ko": 20, "zh": 15}

# Second round, drawn after the first was labelled and showed few positives for some themes:
# unsampled paragraphs, half among those that touch international, access or openness
# matters at all (RELEVANT), half at random.
PLAN_2 = {
    "en/us_eo14110_safe_secure_trustworthy_ai_2023.txt": 50,
    "en/us_eo_ai_education_youth_2025.txt": 15,
    "en/kr_ai_basic_act_amended_2026_moleg_translation.txt": 25,
    "en/cn_genai_interim_measures_2023_casi_translation.txt": 10,
    "en/us_eo14365_state_law_preemption_ai_2025.txt": 10,
    "ko/kr_ai_basic_act_amended_2026.txt": 60,
    "zh/prc_gov_work_report_2021.txt": 35,
    "zh/prc_gov_work_report_2022.txt": 35,
    "zh/prc_gov_work_report_2024.txt": 30,
}
RELEVANT = re.compile(r"open|weight|develop|countr|international|access|small|export|chip|allie|China|foreign|global|"
                      r"开放|开源|国际|合作|发展中|中小|出口|芯片|全球|共享|数据|科技|"
                      r"개방|공개|국제|협력|중소|수출|해외|글로벌|데이터|접근|격차", re.I)


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text) if s and s.strip()]


def segments(path: Path, lang: str) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip().replace("\u3000", "")
        if len(line) < MIN_CHARS[lang]:
            continue
        sents = sentences(line)
        if len(sents) > 5:
            out += ["".join(sents[i:i + 3]).strip() if lang == "zh" else " ".join(s.strip() for s in sents[i:i + 3])
                    for i in range(0, len(sents), 3)]
        else:
            out.append(line)
    return out


def draw(plan: dict, rng: random.Random, pattern: re.Pattern, taken: set[str]) -> list[tuple[str, str, str]]:
    rows = []
    for file, n in plan.items():
        lang = file.split("/")[0]
        segs = [s for s in segments(ROOT / file, lang) if s not in taken]
        if n is not None and n < len(segs):
            tech = [i for i, s in enumerate(segs) if pattern.search(s)]
            picked = set(rng.sample(tech, min(n // 2, len(tech))))
            rest = [i for i in range(len(segs)) if i not in picked]
            picked |= set(rng.sample(rest, n - len(picked)))
            segs = [segs[i] for i in sorted(picked)]
        rows += [(file, lang, s) for s in segs]
    return rows


def main() -> None:
    rng = random.Random(20261127)
    first = draw(PLAN, rng, TECH, set())
    second = draw(PLAN_2, rng, RELEVANT, {text for _, _, text in first})
    with open(ROOT / "labels" / "segments_to_label.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "doc", "lang", "text", "round"])
        for i, (doc, lang, text) in enumerate(first):
            w.writerow([f"s{i:04d}", doc, lang, text, 1])
        for i, (doc, lang, text) in enumerate(second, start=len(first)):
            w.writerow([f"s{i:04d}", doc, lang, text, 2])
    print(len(first), len(second))


if __name__ == "__main__":
    main()
