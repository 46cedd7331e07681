//! Scoring an alignment against a gold one: strict and lax precision,
//! recall and F1 in the manner of Sennrich & Volk (2011).
//!
//! - strict: a link counts when the very same link is in the gold;
//! - lax: it counts when a gold link shares a source sentence with it and
//!   that gold link's targets share a sentence with its targets;
//! - precision is over all links, recall over links with both sides
//!   non-empty (in both the test and the gold);
//! - counts are summed over all pairs before the ratios are taken.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};

/// A link as sentence id lists.
pub type Unit = (Vec<usize>, Vec<usize>);

/// Reads links in the gold format (`[1, 2]:[3]`, one per line; anything
/// after a second `:` is ignored).
pub fn parse_units(path: &Path, text: &str) -> Result<Vec<Unit>> {
    let mut units = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let malformed = |problem: String| Error::Malformed {
            path: path.to_path_buf(),
            line: index + 1,
            problem,
        };
        let mut parts = line.split(':');
        let (Some(a), Some(b)) = (parts.next(), parts.next()) else {
            return Err(malformed(format!("expected '[ids]:[ids]', got {line:?}")));
        };
        let ids = |s: &str| -> Option<Vec<usize>> {
            let inner = s.trim().strip_prefix('[')?.strip_suffix(']')?.trim();
            if inner.is_empty() {
                return Some(Vec::new());
            }
            inner.split(',').map(|x| x.trim().parse().ok()).collect()
        };
        match (ids(a), ids(b)) {
            (Some(a), Some(b)) => units.push((a, b)),
            _ => return Err(malformed(format!("cannot read ids in {line:?}"))),
        }
    }
    Ok(units)
}

/// Hits and misses, strict and lax.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Strict hits.
    pub strict_hit: usize,
    /// Strict misses.
    pub strict_miss: usize,
    /// Lax hits.
    pub lax_hit: usize,
    /// Lax misses.
    pub lax_miss: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.strict_hit += o.strict_hit;
        self.strict_miss += o.strict_miss;
        self.lax_hit += o.lax_hit;
        self.lax_miss += o.lax_miss;
    }
}

/// Counts `candidate` links found in `reference`.
fn count(reference: &[&Unit], candidate: &[&Unit]) -> Counts {
    let reference: HashSet<&Unit> = reference
        .iter()
        .copied()
        .filter(|u| !u.0.is_empty() || !u.1.is_empty())
        .collect();
    let candidate: HashSet<&Unit> = candidate
        .iter()
        .copied()
        .filter(|u| !u.0.is_empty() || !u.1.is_empty())
        .collect();
    let mut linked: HashMap<usize, HashSet<usize>> = HashMap::new();
    for (src, tgt) in &reference {
        for s in src {
            linked.entry(*s).or_default().extend(tgt.iter().copied());
        }
    }
    let mut c = Counts::default();
    for unit in candidate {
        if reference.contains(unit) {
            c.strict_hit += 1;
            c.lax_hit += 1;
            continue;
        }
        c.strict_miss += 1;
        let reach = unit
            .0
            .iter()
            .filter_map(|s| linked.get(s))
            .any(|set| unit.1.iter().any(|t| set.contains(t)));
        if reach {
            c.lax_hit += 1;
        } else {
            c.lax_miss += 1;
        }
    }
    c
}

/// Precision and recall counts of one test alignment against its gold.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Test links found in the gold.
    pub precision: Counts,
    /// Gold links (both sides non-empty) found in the test.
    pub recall: Counts,
}

impl std::ops::AddAssign for Tally {
    fn add_assign(&mut self, o: Tally) {
        self.precision += o.precision;
        self.recall += o.recall;
    }
}

/// Tallies one test alignment against its gold.
pub fn tally(gold: &[Unit], test: &[Unit]) -> Tally {
    fn all(u: &[Unit]) -> Vec<&Unit> {
        u.iter().collect()
    }
    fn both(u: &[Unit]) -> Vec<&Unit> {
        u.iter()
            .filter(|u| !u.0.is_empty() && !u.1.is_empty())
            .collect()
    }
    Tally {
        precision: count(&all(gold), &all(test)),
        recall: count(&both(test), &both(gold)),
    }
}

/// Precision, recall and F1, strict and lax.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Strict precision.
    pub precision_strict: f64,
    /// Strict recall.
    pub recall_strict: f64,
    /// Strict F1.
    pub f1_strict: f64,
    /// Lax precision.
    pub precision_lax: f64,
    /// Lax recall.
    pub recall_lax: f64,
    /// Lax F1.
    pub f1_lax: f64,
}

impl Tally {
    /// The ratios.
    pub fn scores(&self) -> Scores {
        let ratio = |h: usize, m: usize| {
            if h + m == 0 {
                0.0
            } else {
                h as f64 / (h + m) as f64
            }
        };
        let f1 = |p: f64, r: f64| {
            if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            }
        };
        let p = &self.precision;
        let r = &self.recall;
        let ps = ratio(p.strict_hit, p.strict_miss);
        let pl = ratio(p.lax_hit, p.lax_miss);
        let rs = ratio(r.strict_hit, r.strict_miss);
        let rl = ratio(r.lax_hit, r.lax_miss);
        Scores {
            precision_strict: ps,
            recall_strict: rs,
            f1_strict: f1(ps, rs),
            precision_lax: pl,
            recall_lax: rl,
            f1_lax: f1(pl, rl),
        }
    }
}

/// The alignment's links as units.
pub fn units(alignment: &super::Alignment) -> Vec<Unit> {
    alignment
        .links
        .iter()
        .map(|l| (l.source.clone().collect(), l.target.clone().collect()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Vec<Unit> {
        parse_units(Path::new("t"), text).unwrap()
    }

    #[test]
    fn strict_and_lax() {
        let gold = parse("[0]:[0]\n[1, 2]:[1]\n[3]:[]\n[]:[2]\n");
        let test = parse("[0]:[0]\n[1]:[1]\n[2]:[]\n[3]:[2]\n");
        let t = tally(&gold, &test);
        // Precision: [0]:[0] strict; [1]:[1] lax; [2]:[] miss; [3]:[2] miss.
        assert_eq!((t.precision.strict_hit, t.precision.strict_miss), (1, 3));
        assert_eq!((t.precision.lax_hit, t.precision.lax_miss), (2, 2));
        // Recall over gold 1-1/n-m links: [0]:[0] hit, [1,2]:[1] lax only.
        assert_eq!((t.recall.strict_hit, t.recall.strict_miss), (1, 1));
        assert_eq!((t.recall.lax_hit, t.recall.lax_miss), (2, 0));
        let s = t.scores();
        assert!((s.precision_strict - 0.25).abs() < 1e-9);
        assert!((s.f1_strict - 2.0 * 0.25 * 0.5 / 0.75).abs() < 1e-9);
    }

    #[test]
    fn bad_lines_are_reported() {
        let e = parse_units(Path::new("g.align"), "[0]:[0]\nnonsense\n").unwrap_err();
        assert!(e.to_string().starts_with("g.align:2:"));
        assert!(parse_units(Path::new("g"), "[a]:[0]\n").is_err());
        assert_eq!(parse("[1]:[2]:0.5\n"), vec![(vec![1], vec![2])]);
    }
}
