//! Pairing benchmark: precision, recall and time of `pair` on collections
//! built from parallel text.
//!
//! Uses ../shared/gold (sentence-aligned bitexts) when present: each bitext
//! is cut into "articles" of 20–50 aligned sentences; one in ten originals
//! loses its translation and one in ten translations loses its original, so
//! both kinds of distractor are present. Without ../shared it says so and
//! exits cleanly. Run: `cargo bench --bench pairing`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use transalign::pair::{Fingerprint, PairOptions, pair};

/// One collection: originals, translations, and the true pairs.
#[derive(Default)]
struct Collection {
    originals: Vec<String>,
    translations: Vec<String>,
    truth: Vec<(usize, usize)>,
}

fn read_lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(str::to_string)
        .collect()
}

/// Gold units as (source ids, target ids).
fn read_gold(path: &Path) -> Vec<(Vec<usize>, Vec<usize>)> {
    let ids = |s: &str| -> Vec<usize> {
        s.trim()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .split(',')
            .filter_map(|x| x.trim().parse().ok())
            .collect()
    };
    read_lines(path)
        .iter()
        .filter_map(|l| {
            l.split_once(':')
                .map(|(a, b)| (ids(a), ids(b.split(':').next().unwrap_or(""))))
        })
        .collect()
}

/// A small deterministic generator, so runs are repeatable.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// Cuts a bitext into articles of `min..=max` source sentences.
fn chunk(dir: &Path, min: u64, max: u64, rng: &mut Lcg, into: &mut Collection) {
    let find = |prefix: &str| -> PathBuf {
        std::fs::read_dir(dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
            .unwrap()
    };
    let source = read_lines(&find("source."));
    let target = read_lines(&find("target."));
    let gold = read_gold(&dir.join("gold.align"));
    let mut units = gold.iter().peekable();
    while units.peek().is_some() {
        let size = min + rng.below(max - min + 1);
        let (mut src, mut tgt) = (Vec::new(), Vec::new());
        while (src.len() as u64) < size {
            let Some((s, t)) = units.next() else { break };
            src.extend(s.iter().map(|&i| source[i].as_str()));
            tgt.extend(t.iter().map(|&i| target[i].as_str()));
        }
        if src.len() < min.min(5) as usize || tgt.is_empty() {
            continue;
        }
        let n = into.originals.len() + into.translations.len();
        let (has_original, has_translation) = match rng.below(10) {
            0 if n > 0 => (true, false),
            1 if n > 0 => (false, true),
            _ => (true, true),
        };
        if has_original {
            into.originals.push(src.join(" "));
        }
        if has_translation {
            into.translations.push(tgt.join(" "));
        }
        if has_original && has_translation {
            into.truth
                .push((into.originals.len() - 1, into.translations.len() - 1));
        }
    }
}

fn run(name: &str, c: &Collection) {
    let start = Instant::now();
    let originals: Vec<Fingerprint> = c.originals.iter().map(|t| Fingerprint::of(t)).collect();
    let translations: Vec<Fingerprint> =
        c.translations.iter().map(|t| Fingerprint::of(t)).collect();
    let result = pair(&originals, &translations, &PairOptions::default());
    let elapsed = start.elapsed();
    let made: Vec<(usize, usize)> = result
        .pairs
        .iter()
        .map(|p| (p.original, p.translation))
        .collect();
    let correct = made.iter().filter(|p| c.truth.contains(p)).count();
    let precision = correct as f64 / made.len().max(1) as f64;
    let recall = correct as f64 / c.truth.len().max(1) as f64;
    println!(
        "{name:<34} originals {:>5}  translations {:>5}  true pairs {:>5}  precision {precision:.3}  recall {recall:.3}  time {:.3} s",
        c.originals.len(),
        c.translations.len(),
        c.truth.len(),
        elapsed.as_secs_f64()
    );
}

fn main() {
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/gold");
    if !gold.is_dir() {
        println!("pairing benchmark skipped: {} is absent", gold.display());
        return;
    }
    let sets = ["dtm-hu-en", "textberg-de-fr-dev", "1984-hu-en"];
    let mut rng = Lcg(2024);
    let mut articles = Collection::default();
    for set in sets {
        chunk(&gold.join(set), 20, 50, &mut rng, &mut articles);
    }
    run("articles of 20-50 sentences", &articles);

    for (label, min, max) in [("100 per side", 9, 15), ("1000 per side", 1, 2)] {
        let mut c = Collection::default();
        for set in sets {
            chunk(&gold.join(set), min, max, &mut rng, &mut c);
        }
        let want = if label.starts_with("100 ") { 100 } else { 1000 };
        c.originals.truncate(want);
        c.translations.truncate(want);
        c.truth.retain(|&(o, t)| o < want && t < want);
        run(label, &c);
    }
}
