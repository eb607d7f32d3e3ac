"""Draw round 3 of the hand-labelled segments (run once; kept for provenance).

Round 3 widens the labelled data to the 53 documents added to ``corpora/`` and the Action Plan
PDF. Segments are the units ``polytag read`` produces (paragraphs, bullets, windows of three
sentences in long paragraphs), so labels and tagging share one unit. Segments already
labelled in rounds 1-2 (same text) and very short ones are skipped.

Each document gives at most ``CAP[lang]`` segments (all of them when it has fewer): about two
thirds drawn among segments that touch one of the four themes' subject matter at all (one word
list per theme, so every theme gets candidates in every document), the rest at random, so that
negatives, including hard ones, stay plentiful. Sampling is seeded.

Sampling used word lists; **labels never did**: every label is assigned by annotators who read
each segment against THEMES.md and see neither the document name nor these lists.
"""
import csv
import json
import random
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ACTION_PLAN = ROOT.parent / "shared" / "corpora" / "en" / "americas_ai_action_plan_2025.pdf"
MIN_CHARS = {"en": 40, "ko": 20, "zh": 15}
CAP = {"en": 100, "ko": 60, "zh": 55}
# documents with a larger or smaller share (rich in rare themes, or near-duplicates)
CAP_OVERRIDE = {
    "en/americas_ai_action_plan_2025.pdf": 240,
    "en/us_eo14110_safe_secure_trustworthy_ai_2023.txt": 60,
    "en/kr_ai_basic_act_amended_2026_moleg_translation.txt": 50,
    "ko/kakao_oss_guide_opensource_news.md": 130,
    "ko/kr_ai_basic_act_2025.md": 0,  # the 2026 consolidation of the same act is labelled
    "ko/kr_ai_basic_act_amended_2026.txt": 30,
    "ko/kr_digital_inclusion_act_2026.md": 70,
    "ko/kr_foreign_trade_act_decree_2026.md": 70,
    "zh/kaiyuanshe_2023_china_oss_report_commercialization.md": 45,
    "zh/kaiyuanshe_2023_china_oss_report_milestones.md": 40,
    "zh/kaiyuanshe_2024_china_oss_report_milestones.md": 40,
    "zh/kaiyuanshe_2025_china_oss_report_milestones.md": 40,
    "zh/prc_gov_work_report_2021.txt": 20,
    "zh/prc_gov_work_report_2022.txt": 50,
    "zh/prc_gov_work_report_2024.txt": 20,
    "zh/cn_science_technology_progress_law_2021.md": 70,
    "zh/cn_dual_use_export_control_regulations_2024.md": 75,
    "zh/cn_export_control_law_2020.md": 75,
    "zh/tw_strategic_hightech_commodities_export_import_regulations_2023.txt": 75,
}
RELEVANT_SHARE = 2 / 3
THEME_WORDS = {
    "openness": r"open|licen[cs]e|weights|github|hugging|share|sharing|"
                r"开源|开放|共享|许可|社区|公开|開放|開源|"
                r"오픈|개방|공개|공유|라이선스|커뮤니티",
    "geopolitical": r"china|chinese|russia|allies|allied|partner|global|international|leader|compet|race|"
                    r"adversar|diplomac|influence|sovereign|security|standards|"
                    r"国际|全球|合作|竞争|霸权|主权|安全|外国|美国|国家|標準|标准|國際|"
                    r"국제|글로벌|경쟁|외교|동맹|안보|주권|미국|중국|해외|표준",
    "inclusiveness": r"developing|global south|divide|access|afford|small business|startup|student|"
                     r"capacity|inclusi|equit|underserved|rural|disabilit|worker|"
                     r"发展中|鸿沟|普惠|包容|中小|弱势|残疾|老年|农村|人才|普及|"
                     r"격차|포용|취약|장애|고령|중소|소상공인|교육|접근|개발도상|역량",
    "export_control": r"export|import|entity list|licen[cs]e|sanction|restrict|smuggl|diversion|"
                      r"chip|semiconductor|dual-use|end[- ]use|foreign adversar|"
                      r"出口|进口|進口|出口管制|管制|两用|兩用|物项|制裁|限制|禁止|芯片|晶片|半导体|半導體|"
                      r"수출|수입|통제|전략물자|제재|반도체|기술유출|기술보호|해외",
}
PATTERNS = {t: re.compile(p, re.I) for t, p in THEME_WORDS.items()}


def read_segments() -> list[dict]:
    """Every segment of the bundled corpora and the Action Plan PDF, as ``polytag read`` gives them."""
    rows = []
    for target in (ROOT / "corpora", ACTION_PLAN):
        out = subprocess.run(["polytag", "read", str(target)], capture_output=True, text=True, check=True)
        for line in out.stdout.splitlines():
            seg = json.loads(line)
            if target == ACTION_PLAN:
                seg["doc"] = "en/americas_ai_action_plan_2025.pdf"
            rows.append(seg)
    return rows


def main() -> None:
    labelled = {" ".join(r["text"].split()) for r in csv.DictReader(open(ROOT / "corpora/labels/segments.csv", encoding="utf-8"))}
    manifest = {r["file"]: r for r in csv.DictReader(open(ROOT / "corpora/manifest.csv", encoding="utf-8"))}
    by_doc: dict[str, list[dict]] = {}
    for seg in read_segments():
        lang = manifest[seg["doc"]]["lang"]
        text = " ".join(seg["text"].split())
        if len(text) < MIN_CHARS[lang] or text in labelled:
            continue
        by_doc.setdefault(seg["doc"], []).append(seg)
    rng = random.Random(20261203)
    drawn = []
    for doc in sorted(by_doc):
        segs = by_doc[doc]
        lang = manifest[doc]["lang"]
        cap = CAP_OVERRIDE.get(doc, CAP[lang])
        if len(segs) <= cap:
            picked = list(segs)
        else:
            picked, seen = [], set()
            relevant_quota = round(cap * RELEVANT_SHARE)
            per_theme = relevant_quota // len(PATTERNS)
            for theme, pattern in PATTERNS.items():
                pool = [s for s in segs if pattern.search(s["text"]) and id(s) not in seen]
                for s in rng.sample(pool, min(per_theme, len(pool))):
                    picked.append(s); seen.add(id(s))
            rest = [s for s in segs if id(s) not in seen]
            for s in rng.sample(rest, min(cap - len(picked), len(rest))):
                picked.append(s); seen.add(id(s))
        picked.sort(key=lambda s: s["start"])
        for s in picked:
            drawn.append({"doc": doc, "lang": lang, "start": s["start"], "end": s["end"], "text": s["text"]})
    out = ROOT / "corpora/labels/round3_drawn.csv"
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["id", "doc", "lang", "start", "end", "text", "round"], lineterminator="\n")
        w.writeheader()
        for i, row in enumerate(drawn):
            w.writerow({"id": f"t{i:04d}", **row, "round": 3})
    print(f"{len(drawn)} segments from {len({d['doc'] for d in drawn})} documents -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
