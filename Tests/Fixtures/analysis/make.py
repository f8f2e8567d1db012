#!/usr/bin/env python3
"""Writes answers.csv: 160 invented answers for the analysis tests (fixed seed, standard library only).

Every sentence was written for this fixture. Codebook: Tests/Fixtures/small/dict.yaml.
Run from anywhere: python3 Tests/Fixtures/analysis/make.py
"""
import csv, os, random

SENTENCES = {
    "sys": ["Modia henger seg opp flere ganger om dagen.", "Gosys og Arena snakker ikke sammen.",
            "Fagsystemene er trege, særlig på mandager.", "Me må logge inn i Modia og Gosys for kvar sak."],
    "gen": ["Det digitale førstevalget passer ikke for alle brukere.", "IKT-støtten svarer først etter tre dager.",
            "Vi trenger bedre digitale løsninger for kommunale tjenester."],
    "maa": ["Må-oppgavene styrer hele arbeidsdagen.", "Fristene er umulige å holde.",
            "Svartiden på meldinger blir målt hver uke.", "Måoppgåvene tek all tida vår."],
    "tiltak": ["Vi har for få tiltaksplasser.", "Lønnstilskudd virker godt for mange.",
               "Arbeidsmarkedstiltak er kuttet i år.", "KVP gir gode resultater hos oss."],
    "komp": ["Opplæringen kommer alltid for sent.", "E-læring erstatter ikke ordentlige kurs.",
             "Kompetansen på regelverk forsvinner når folk slutter.", "Me treng meir opplæring i AAP."],
    "tid": ["Det blir ikke tid til oppfølging av brukerne.", "Saksbehandlingen er tidkrevende.",
            "Det er ikkje tid til å snakke med folk.", "Alle tidstyvene gjør dagen kort."],
    "none": ["Takk for at dere spør oss.", "Personalmøtet er en god arena for fagprat.", "Ellers trives jeg godt på kontoret.", "Lykke til med arbeidet!"],
}
WEIGHTS = {  # (role, employer) → theme weights
    "veileder": {"maa": 4, "tiltak": 3, "tid": 4, "sys": 2, "gen": 1, "komp": 2},
    "kontorleder": {"maa": 1, "tiltak": 2, "tid": 1, "sys": 1, "gen": 2, "komp": 4},
    "merkantil": {"maa": 1, "tiltak": 1, "tid": 1, "sys": 4, "gen": 3, "komp": 1},
}

# The manual code of each sentence group (what a careful coder would assign).
GOLD = {"sys": "digitalisering", "gen": "digitalisering", "maa": "ma_oppgaver", "tiltak": "tiltak",
        "komp": "kompetanse", "tid": "tid", "none": None}
MANUAL = ["digitalisering", "ma_oppgaver", "tiltak", "kompetanse", "tid"]

def main():
    rng = random.Random(20240611)
    rows = []
    roles = ["veileder"] * 9 + ["kontorleder"] * 4 + ["merkantil"] * 3
    for i in range(1, 161):
        role = rng.choice(roles)
        employer = "statlig" if rng.random() < 0.6 else "kommunal"
        wave = "2019" if i <= 90 else "2023"
        w = dict(WEIGHTS[role])
        if wave == "2023":
            w["sys"] += 3
            w["maa"] = max(1, w["maa"] - 2)
        if employer == "kommunal":
            w["gen"] += 2
        if rng.random() < 0.25:
            text = "" if rng.random() < 0.8 else "  "
            themes = []
        else:
            k = rng.choice([1, 1, 2, 2, 3])
            themes = rng.sample(list(w), k=k, counts=list(w.values())) if hasattr(rng, "sample") else []
            themes = list(dict.fromkeys(themes))
            parts = [rng.choice(SENTENCES[t]) for t in themes]
            if rng.random() < 0.3:
                parts.append(rng.choice(SENTENCES["none"]))
            text = " ".join(parts)
        def item(base):
            if rng.random() < 0.05:
                return ""
            return str(min(5, max(1, base + rng.choice([-1, 0, 0, 1]))))
        q_tid = item(2 if "tid" in themes or "maa" in themes else 3)
        q_dig = item(2 if "sys" in themes else 4)
        manual = [""] * len(MANUAL)
        if text.strip() and i % 2 == 0:
            manual = ["1" if any(GOLD[t] == m for t in themes) else "0" for m in MANUAL]
        rows.append([f"A{i:03d}", role, employer, wave, q_tid, q_dig, text] + manual)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "answers.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["id", "role", "employer", "wave", "q_tid_oppfolging", "q_digitale_verktoy", "text"]
                     + ["manual_" + m for m in MANUAL])
        out.writerows(rows)

main()
