#!/usr/bin/env python3
"""Validate the trilingual trade lexicon (matchmaker/data/lexicon.json).

Standard library only. Usage::

    python3 bench/gen/check_lexicon.py matchmaker/data/lexicon.json

Checks (errors make the exit status 1; warnings do not):

* top level: ``version`` (int), ``sources`` (non-empty list of strings), ``groups`` (id -> names in
  en/ru/az), ``concepts`` (list), optional ``ambiguous`` (list of terms);
* every concept: the keys id, hs, group, en, ru, az, broader and no others; a unique id; a known
  group; ``hs`` null (services, group ``svc_*``) or "NN" / "NNNN" / "NNNN.NN" (goods); chapter 77 is
  reserved; ``broader`` null or a known, different concept id, without cycles;
* terms: lists of non-empty, trimmed, lower-case strings; every concept has en, ru and az terms
  except the reserved chapter ``hs77``; Russian terms are Cyrillic, Azerbaijani and English terms
  are Latin; no term repeated inside a concept;
* chapter concepts ``hs01`` … ``hs97`` are all present and carry their own chapter code;
* no term, after the engine's folding (lower case, ə→e, ş→s, ı/İ→i, ё→е …), belongs to two concepts
  unless it is listed in ``ambiguous``; every ``ambiguous`` entry really is shared.

Then prints counts: concepts, chapters, fine concepts, services, terms per language, per group.
"""
from __future__ import annotations

import collections
import json
import re
import sys
import unicodedata

HS_RE = re.compile(r"^(\d{2}|\d{4}|\d{4}\.\d{2})$")
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
CONCEPT_KEYS = {"id", "hs", "group", "en", "ru", "az", "broader"}
LANGS = ("en", "ru", "az")
RESERVED_CHAPTERS = {"77"}

# Same folding as matchmaker.core.text.fold (kept here so the checker runs alone).
_AZ_CASE = str.maketrans({"İ": "i", "I": "i", "ı": "i", "Ə": "e", "ə": "e"})
_ASCII = str.maketrans({"ş": "s", "ç": "c", "ğ": "g", "ö": "o", "ü": "u", "ä": "a", "é": "e",
                        "â": "a", "ё": "е"})
_PUNCT = re.compile(r"[^\w]+", re.UNICODE)


def fold(s: str) -> str:
    s = unicodedata.normalize("NFC", s).translate(_AZ_CASE).lower().translate(_ASCII)
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", s):
        if unicodedata.combining(ch):
            if ch == "\u0306" and out and out[-1] == "и":
                out[-1] = "й"
            continue
        out.append(ch)
    return " ".join(_PUNCT.sub(" ", "".join(out)).replace("_", " ").split())


def is_cyr(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


AZ_LETTERS = set("abcçdeəfgğhxıijkqlmnoöprsştuüvyz")


def check(data: object) -> tuple[list[str], list[str], dict]:
    errors: list[str] = []
    warnings: list[str] = []
    stats: dict = {}
    if not isinstance(data, dict):
        return ["top level: expected an object"], warnings, stats
    allowed_top = {"version", "sources", "groups", "concepts", "ambiguous"}
    for k in data:
        if k not in allowed_top:
            warnings.append(f"top level: unknown key {k!r}")
    for k in ("version", "sources", "groups", "concepts"):
        if k not in data:
            errors.append(f"top level: missing key {k!r}")
    if errors:
        return errors, warnings, stats
    if not isinstance(data["version"], int) or isinstance(data["version"], bool):
        errors.append("version: expected an integer")
    src = data["sources"]
    if not isinstance(src, list) or not src or not all(isinstance(s, str) and s.strip() for s in src):
        errors.append("sources: expected a non-empty list of non-empty strings")

    groups = data["groups"]
    if not isinstance(groups, dict) or not groups:
        errors.append("groups: expected a non-empty object")
        groups = {}
    for gid, names in groups.items():
        if not ID_RE.match(gid):
            errors.append(f"groups.{gid}: bad group id")
        if not isinstance(names, dict) or set(names) != set(LANGS):
            errors.append(f"groups.{gid}: expected exactly the keys en, ru, az")
            continue
        for lang in LANGS:
            if not isinstance(names[lang], str) or not names[lang].strip():
                errors.append(f"groups.{gid}.{lang}: expected a non-empty name")

    concepts = data["concepts"]
    if not isinstance(concepts, list):
        return errors + ["concepts: expected a list"], warnings, stats
    by_id: dict[str, dict] = {}
    for i, c in enumerate(concepts):
        where = f"concepts[{i}]"
        if not isinstance(c, dict):
            errors.append(f"{where}: expected an object")
            continue
        cid = c.get("id")
        if isinstance(cid, str):
            where = f"concept {cid!r}"
        missing = CONCEPT_KEYS - set(c)
        extra = set(c) - CONCEPT_KEYS
        if missing:
            errors.append(f"{where}: missing keys {sorted(missing)}")
            continue
        if extra:
            errors.append(f"{where}: unknown keys {sorted(extra)}")
        if not isinstance(cid, str) or not ID_RE.match(cid):
            errors.append(f"{where}: id must match {ID_RE.pattern}")
            continue
        if cid in by_id:
            errors.append(f"{where}: duplicate id")
            continue
        by_id[cid] = c
        group, hs = c["group"], c["hs"]
        if group not in groups:
            errors.append(f"{where}: unknown group {group!r}")
        is_service = isinstance(group, str) and group.startswith("svc_")
        if hs is None:
            if not is_service:
                errors.append(f"{where}: goods need an hs code (hs null is for svc_* groups)")
        elif not isinstance(hs, str) or not HS_RE.match(hs):
            errors.append(f"{where}: hs {hs!r} is not NN, NNNN or NNNN.NN")
        else:
            if is_service:
                errors.append(f"{where}: a service (group {group}) must have hs null")
            if hs[:2] in RESERVED_CHAPTERS and cid != f"hs{hs[:2]}":
                errors.append(f"{where}: chapter {hs[:2]} is reserved in HS 2022")
            if not 1 <= int(hs[:2]) <= 97:
                errors.append(f"{where}: chapter {hs[:2]} out of range 01-97")
        m = re.fullmatch(r"hs(\d{2})", cid)
        if m and hs != m.group(1):
            errors.append(f"{where}: chapter concept must have hs {m.group(1)!r}")
        reserved = bool(m) and m.group(1) in RESERVED_CHAPTERS
        for lang in LANGS:
            terms = c[lang]
            if not isinstance(terms, list):
                errors.append(f"{where}.{lang}: expected a list")
                continue
            if not terms and not reserved:
                errors.append(f"{where}.{lang}: no terms")
            for t in terms:
                if not isinstance(t, str) or not t.strip():
                    errors.append(f"{where}.{lang}: empty or non-string term {t!r}")
                    continue
                if t != t.strip() or "  " in t:
                    errors.append(f"{where}.{lang}: untrimmed term {t!r}")
                if t != t.lower():
                    errors.append(f"{where}.{lang}: term not lower-case {t!r}")
                letters = [ch for ch in t if ch.isalpha()]
                if lang == "ru" and not any(is_cyr(ch) for ch in letters):
                    errors.append(f"{where}.ru: no Cyrillic in {t!r}")
                if lang in ("en", "az") and any(is_cyr(ch) for ch in letters):
                    errors.append(f"{where}.{lang}: Cyrillic in {t!r}")
                if lang == "az":
                    odd = sorted({ch for ch in t.lower() if ch.isalpha() and ch not in AZ_LETTERS})
                    if odd:
                        warnings.append(f"{where}.az: letters outside the Azerbaijani alphabet {odd} in {t!r}")
                if not fold(t):
                    errors.append(f"{where}.{lang}: term folds to nothing {t!r}")
            folded = [fold(t) for t in terms if isinstance(t, str)]
            dups = [t for t, n in collections.Counter(folded).items() if n > 1]
            if dups:
                errors.append(f"{where}.{lang}: repeated terms {dups}")

    # broader: exists, not self, no cycles
    for cid, c in by_id.items():
        b = c["broader"]
        if b is None:
            continue
        if not isinstance(b, str) or b not in by_id:
            errors.append(f"concept {cid!r}: broader {b!r} is not a concept id")
        elif b == cid:
            errors.append(f"concept {cid!r}: broader is itself")
    for cid in by_id:
        seen, cur = set(), cid
        while cur is not None and cur in by_id:
            if cur in seen:
                errors.append(f"concept {cid!r}: cycle in broader chain")
                break
            seen.add(cur)
            cur = by_id[cur]["broader"]

    # chapters
    for n in range(1, 98):
        ch = f"{n:02d}"
        if f"hs{ch}" not in by_id and ch not in RESERVED_CHAPTERS:
            errors.append(f"chapter concept hs{ch} missing")

    # term collisions across concepts
    owners: dict[str, set[str]] = collections.defaultdict(set)
    for cid, c in by_id.items():
        for lang in LANGS:
            for t in c[lang] if isinstance(c[lang], list) else []:
                if isinstance(t, str) and t.strip():
                    owners[fold(t)].add(cid)
    amb = data.get("ambiguous", [])
    if not isinstance(amb, list) or not all(isinstance(a, str) for a in amb):
        errors.append("ambiguous: expected a list of strings")
        amb = []
    amb_f = {fold(a) for a in amb}
    for term, ids in sorted(owners.items()):
        if len(ids) > 1 and term not in amb_f:
            errors.append(f"term {term!r} belongs to {sorted(ids)}; list it in 'ambiguous' if intended")
    for a in sorted(amb_f):
        if len(owners.get(a, ())) < 2:
            warnings.append(f"ambiguous: {a!r} is not shared by two concepts")

    chapters = [c for cid, c in by_id.items() if re.fullmatch(r"hs\d{2}", cid)]
    services = [c for c in by_id.values() if isinstance(c["group"], str) and c["group"].startswith("svc_")]
    stats = {
        "concepts": len(by_id),
        "chapters": len(chapters),
        "fine": len(by_id) - len(chapters),
        "goods_fine": len(by_id) - len(chapters) - len(services),
        "services": len(services),
        "groups": len(groups),
        "terms": {lang: sum(len(c[lang]) for c in by_id.values() if isinstance(c[lang], list)) for lang in LANGS},
        "distinct_folded_terms": len(owners),
        "ambiguous": len(amb_f),
        "hs_levels": collections.Counter(
            ("null" if c["hs"] is None else {2: "chapter", 4: "heading", 7: "subheading"}.get(len(c["hs"]), "?"))
            for c in by_id.values() if c["hs"] is None or isinstance(c["hs"], str)),
        "per_group": collections.Counter(c["group"] for c in by_id.values()),
    }
    return errors, warnings, stats


def main(argv: list[str]) -> int:
    path = argv[1] if len(argv) > 1 else "matchmaker/data/lexicon.json"
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, json.JSONDecodeError) as exc:
        print(f"ERROR: cannot read {path}: {exc}")
        return 1
    errors, warnings, stats = check(data)
    for w in warnings:
        print("WARNING:", w)
    for e in errors:
        print("ERROR:", e)
    if stats:
        print(f"concepts: {stats['concepts']} (chapters {stats['chapters']}, fine {stats['fine']}: "
              f"goods {stats['goods_fine']}, services {stats['services']}); groups: {stats['groups']}")
        t = stats["terms"]
        print(f"terms: en {t['en']}, ru {t['ru']}, az {t['az']} (total {sum(t.values())}); "
              f"distinct folded terms {stats['distinct_folded_terms']}; ambiguous {stats['ambiguous']}")
        print("hs levels:", ", ".join(f"{k} {v}" for k, v in sorted(stats["hs_levels"].items())))
        print("per group:", ", ".join(f"{k} {v}" for k, v in sorted(stats["per_group"].items())))
    print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
