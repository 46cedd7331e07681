#!/usr/bin/env python3
"""Untranslated-text figures on GNOME help (../shared/real/gnome-help; the data is not in the repository).

Usage: python3 scripts/eval-untranslated.py [BINARY] [GNOME_HELP_DIR]
(defaults: target/release/transalign, ../shared/real/gnome-help). Python 3 standard library only.

Runs `BINARY check --source-lang en --target-lang XX en/P.md XX/P.md --format json` on every page of the
manifest and prints:
- per language: the pages left entirely in English (untranslated_share = 1) with an untranslated finding
  (at error or warning, and at any severity); error/warning findings of other kinds on those pages; the
  faithful pages (same_structure = 1, untranslated_share = 0) with an untranslated error or warning (false
  alarms), and the untranslated info findings on them;
- for Italian pages that mix English and Italian: every translation block, by word count, whether it is
  byte-identical to a block of the English page ("copied") or not, against the severity reported for its line.
"""
import collections, csv, json, os, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/transalign"
root = sys.argv[2] if len(sys.argv) > 2 else "../shared/real/gnome-help"
rows = list(csv.DictReader(open(os.path.join(root, "manifest.tsv")), delimiter="\t"))
langs = ["it", "de", "fr", "es", "pt-br"]


def check(r):
    code = "pt" if r["lang"] == "pt-br" else r["lang"]
    out = subprocess.run([binary, "check", "--source-lang", "en", "--target-lang", code,
                          os.path.join(root, "en", r["page"] + ".md"),
                          os.path.join(root, r["lang"], r["page"] + ".md"), "--format", "json"],
                         capture_output=True, text=True)
    return r, json.loads(out.stdout)["findings"]


with ThreadPoolExecutor(2) as ex:
    results = list(ex.map(check, rows))

full = {l: collections.Counter() for l in langs}
faithful = {l: collections.Counter() for l in langs}
notes = []
blocks = collections.Counter()
for r, fs in results:
    l = r["lang"]
    u = [f for f in fs if f["kind"] == "untranslated"]
    serious = [f for f in u if f["severity"] in ("error", "warning")]
    share = float(r["untranslated_share"])
    if share == 1.0:
        full[l]["pages"] += 1
        full[l]["error/warning"] += bool(serious)
        full[l]["any"] += bool(u)
        full[l]["other"] += sum(f["kind"] != "untranslated" and f["severity"] != "info" for f in fs)
        if not serious:
            notes.append(f"entirely English, not at error/warning: {l}/{r['page']} ({'info' if u else 'none'})")
    if r["same_structure"] == "1" and share == 0.0:
        faithful[l]["pages"] += 1
        faithful[l]["pages with false alarm"] += bool(serious)
        faithful[l]["false alarms"] += len(serious)
        faithful[l]["info"] += len(u) - len(serious)
        for f in serious:
            notes.append(f"false alarm: {l}/{r['page']} line {f['target']['lines'][0]}: {f['target']['text'][:80]}")
    if l == "it" and 0 < share < 1:
        en = set(x for x in open(os.path.join(root, "en", r["page"] + ".md")).read().split("\n") if x.strip())
        flagged = {}
        for f in u:
            for n in range(f["target"]["lines"][0], f["target"]["lines"][1] + 1):
                flagged[n] = f["severity"]
        tr = open(os.path.join(root, l, r["page"] + ".md")).read().split("\n")
        for n, line in enumerate(tr, 1):
            if line.strip():
                w = len(line.split())
                size = "1-3 words" if w < 4 else "4-5 words" if w < 6 else "6+ words"
                blocks[(size, "copied" if line in en else "translated", flagged.get(n, "none"))] += 1

for l in langs:
    a, b = full[l], faithful[l]
    print(f"{l}: entirely English {a['error/warning']}/{a['pages']} at error/warning, {a['any']}/{a['pages']} at any "
          f"severity (other error/warning findings on them: {a['other']}); faithful {b['pages']}: "
          f"{b['pages with false alarm']} with an untranslated error/warning ({b['false alarms']}), {b['info']} info")
print("Italian mixed pages, blocks:")
for k in sorted(blocks):
    print("  ", *k, blocks[k])
for n in notes:
    print(n)
