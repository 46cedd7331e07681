//! The dynamic programme, restricted to a band.
//!
//! Cell `(i, j)` is "the first `i` source and `j` target sentences are
//! aligned". Each row keeps only columns `lo[i]..=hi[i]`, so time and memory
//! are proportional to the band's area, not to `n × m`. The band starts on
//! the diagonal (or covers everything for small inputs); after each solve it
//! is rebuilt around the path found, and widened while the path runs along
//! its edge, since there the best path may lie outside.

/// A link shape: `a` source and `b` target sentences.
pub type Shape = (usize, usize);

/// Columns allowed per row, `lo[i]..=hi[i]`, both non-decreasing.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// First allowed column of each row.
    pub lo: Vec<usize>,
    /// Last allowed column of each row.
    pub hi: Vec<usize>,
}

/// One link of a path: source and target sentence ranges as start/end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// First source sentence.
    pub s0: usize,
    /// One past the last source sentence.
    pub s1: usize,
    /// First target sentence.
    pub t0: usize,
    /// One past the last target sentence.
    pub t1: usize,
}

impl Band {
    /// Every cell.
    pub fn full(n: usize, m: usize) -> Band {
        Band {
            lo: vec![0; n + 1],
            hi: vec![m; n + 1],
        }
    }

    /// Columns within `w` of the diagonal.
    #[cfg(test)]
    pub fn diagonal(n: usize, m: usize, w: usize) -> Band {
        let centre: Vec<usize> = (0..=n)
            .map(|i| (i * m).checked_div(n).unwrap_or(0))
            .collect();
        Band::around_columns(&centre, &centre, m, &vec![w; n + 1])
    }

    /// Columns within `widths[i]` of a path in each row `i`.
    pub fn around(path: &[Step], m: usize, widths: &[usize]) -> Band {
        let (first, last) = path_columns(path, widths.len() - 1);
        Band::around_columns(&first, &last, m, widths)
    }

    /// Columns within `w` of a centre line (one column per row).
    pub fn around_centre(centre: &[usize], m: usize, widths: &[usize]) -> Band {
        Band::around_columns(centre, centre, m, widths)
    }

    fn around_columns(first: &[usize], last: &[usize], m: usize, widths: &[usize]) -> Band {
        let n = first.len() - 1;
        let mut lo: Vec<usize> = first
            .iter()
            .zip(widths)
            .map(|(&c, &w)| c.saturating_sub(w))
            .collect();
        let mut hi: Vec<usize> = last
            .iter()
            .zip(widths)
            .map(|(&c, &w)| (c + w).min(m))
            .collect();
        lo[0] = 0;
        hi[n] = m;
        for i in (0..n).rev() {
            lo[i] = lo[i].min(lo[i + 1]);
        }
        for i in 1..=n {
            hi[i] = hi[i].max(hi[i - 1]);
        }
        // Consecutive rows must overlap so that every cell stays reachable.
        for i in 1..=n {
            lo[i] = lo[i].min(hi[i - 1]);
        }
        Band { lo, hi }
    }

    /// The cells of either band (still a valid band: both bounds stay
    /// non-decreasing and consecutive rows overlap).
    pub fn union(&self, other: &Band) -> Band {
        Band {
            lo: self
                .lo
                .iter()
                .zip(&other.lo)
                .map(|(a, b)| *a.min(b))
                .collect(),
            hi: self
                .hi
                .iter()
                .zip(&other.hi)
                .map(|(a, b)| *a.max(b))
                .collect(),
        }
    }

    /// Rows where the path comes within `margin` of an edge that is not
    /// the table's own edge.
    pub fn touched_by(&self, path: &[Step], m: usize, margin: usize) -> Vec<usize> {
        let n = self.lo.len() - 1;
        let (first, last) = path_columns(path, n);
        (0..=n)
            .filter(|&i| {
                (self.lo[i] > 0 && first[i] < self.lo[i] + margin)
                    || (self.hi[i] < m && last[i] + margin > self.hi[i])
            })
            .collect()
    }

    /// Number of cells in the band.
    pub fn cells(&self) -> usize {
        self.lo.iter().zip(&self.hi).map(|(l, h)| h - l + 1).sum()
    }

    /// Whether the band is the whole table.
    pub fn is_full(&self, m: usize) -> bool {
        self.lo.iter().all(|&l| l == 0) && self.hi.iter().all(|&h| h == m)
    }
}

/// For each row, the first and last column the path occupies (rows inside
/// a many-sentence link take the columns of the link's start and end).
fn path_columns(path: &[Step], n: usize) -> (Vec<usize>, Vec<usize>) {
    let mut first = vec![usize::MAX; n + 1];
    let mut last = vec![0; n + 1];
    let mut mark = |i: usize, j: usize| {
        first[i] = first[i].min(j);
        last[i] = last[i].max(j);
    };
    mark(0, 0);
    for s in path {
        for i in s.s0..=s.s1 {
            mark(i, s.t0);
            mark(i, s.t1);
        }
    }
    for i in 1..=n {
        if first[i] == usize::MAX {
            first[i] = first[i - 1];
            last[i] = last[i - 1];
        }
    }
    (first, last)
}

/// The filled table of one solve, kept so that a solve in a wider band can
/// start where the bands first differ.
#[derive(Debug, Clone, Default)]
pub struct Table {
    band: Option<Band>,
    best: Vec<f32>,
    back: Vec<u8>,
}

/// Finds the cheapest monotone path through the band from `(0, 0)` to
/// `(n, m)` using the given shapes; `cost(step, budget)` prices one link
/// and never falls below `floors[k]` for shape `k`, which lets hopeless
/// links go unpriced. It may return any value of at least `budget` once it
/// knows the link costs that much (the link then cannot improve the cell).
#[cfg(test)]
pub fn solve(
    n: usize,
    m: usize,
    band: &Band,
    shapes: &[Shape],
    floors: &[f32],
    cost: impl FnMut(Step, f32) -> f32,
) -> Vec<Step> {
    solve_from(n, m, band, shapes, floors, cost, Table::default()).0
}

/// Like `solve`, but rows that `earlier` (a table over the same shapes
/// and costs) solved in an identical band are copied, not recomputed: a
/// cell depends only on rows above it.
pub fn solve_from(
    n: usize,
    m: usize,
    band: &Band,
    shapes: &[Shape],
    floors: &[f32],
    mut cost: impl FnMut(Step, f32) -> f32,
    earlier: Table,
) -> (Vec<Step>, Table) {
    let mut start = Vec::with_capacity(n + 2);
    let mut total = 0;
    for i in 0..=n {
        start.push(total);
        total += band.hi[i] - band.lo[i] + 1;
    }
    // Rows before the first one whose columns changed are unchanged.
    let same = match &earlier.band {
        Some(b) if b.lo.len() == n + 1 => (0..=n)
            .find(|&i| b.lo[i] != band.lo[i] || b.hi[i] != band.hi[i])
            .unwrap_or(n + 1),
        _ => 0,
    };
    let (mut best, mut back) = (earlier.best, earlier.back);
    let kept = if same > n { total } else { start[same] };
    best.truncate(kept);
    back.truncate(kept);
    best.resize(total, f32::INFINITY);
    back.resize(total, u8::MAX);
    best[0] = 0.0;
    for i in same..=n {
        for j in band.lo[i]..=band.hi[i] {
            let cell = start[i] + j - band.lo[i];
            for (k, &(a, b)) in shapes.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                let (pi, pj) = (i - a, j - b);
                if pj < band.lo[pi] || pj > band.hi[pi] {
                    continue;
                }
                let prev = best[start[pi] + pj - band.lo[pi]];
                if !prev.is_finite() || prev + floors[k] >= best[cell] {
                    continue;
                }
                let step = Step {
                    s0: pi,
                    s1: i,
                    t0: pj,
                    t1: j,
                };
                let c = prev + cost(step, best[cell] - prev);
                if c < best[cell] {
                    best[cell] = c;
                    back[cell] = k as u8;
                }
            }
        }
    }
    let mut path = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let k = back[start[i] + j - band.lo[i]];
        let (a, b) = shapes[k as usize];
        path.push(Step {
            s0: i - a,
            s1: i,
            t0: j - b,
            t1: j,
        });
        i -= a;
        j -= b;
    }
    path.reverse();
    let table = Table {
        band: Some(band.clone()),
        best,
        back,
    };
    (path, table)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHAPES: [Shape; 4] = [(1, 1), (1, 0), (0, 1), (2, 1)];

    #[test]
    fn finds_cheapest_path_in_full_band() {
        // Cost favours pairing source i with target i / 2 (2-1 links).
        let path = solve(4, 2, &Band::full(4, 2), &SHAPES, &[0.0; 4], |s, _| {
            if s.s1 - s.s0 == 2 && s.t1 - s.t0 == 1 && s.t0 * 2 == s.s0 {
                0.0
            } else {
                5.0
            }
        });
        assert_eq!(path.len(), 2);
        assert_eq!(
            (path[1].s0, path[1].s1, path[1].t0, path[1].t1),
            (2, 4, 1, 2)
        );
    }

    #[test]
    fn band_around_path_stays_reachable() {
        let path = [
            Step {
                s0: 0,
                s1: 1,
                t0: 0,
                t1: 5,
            },
            Step {
                s0: 1,
                s1: 3,
                t0: 5,
                t1: 6,
            },
        ];
        let band = Band::around(&path, 6, &[1; 4]);
        for i in 1..=3 {
            assert!(band.lo[i] <= band.hi[i - 1]);
            assert!(band.lo[i] >= band.lo[i - 1]);
        }
        assert_eq!(band.hi[3], 6);
        let p = solve(3, 6, &band, &SHAPES, &[0.0; 4], |_, _| 1.0);
        assert_eq!(p.last().map(|s| (s.s1, s.t1)), Some((3, 6)));
    }

    #[test]
    fn detects_path_on_band_edge() {
        let band = Band::diagonal(10, 10, 2);
        let straight: Vec<Step> = (0..10)
            .map(|i| Step {
                s0: i,
                s1: i + 1,
                t0: i,
                t1: i + 1,
            })
            .collect();
        assert!(band.touched_by(&straight, 10, 1).is_empty());
        let mut skewed = vec![Step {
            s0: 0,
            s1: 0,
            t0: 0,
            t1: 2,
        }];
        skewed.extend((0..8).map(|i| Step {
            s0: i,
            s1: i + 1,
            t0: i + 2,
            t1: i + 3,
        }));
        skewed.push(Step {
            s0: 8,
            s1: 10,
            t0: 10,
            t1: 10,
        });
        assert!(!band.touched_by(&skewed, 10, 1).is_empty());
    }

    #[test]
    fn widened_solve_reuses_rows_and_matches_a_fresh_solve() {
        // A cost with a detour that only a wider band can take.
        let cost = |s: Step, _: f32| {
            let (a, b) = (s.s1 - s.s0, s.t1 - s.t0);
            let off = (s.t0 as i64 - s.s0 as i64).unsigned_abs() as f32;
            if a == 1 && b == 1 {
                1.0 + 0.1 * off
            } else {
                3.0
            }
        };
        let narrow = Band::diagonal(30, 30, 1);
        let (_, table) = solve_from(30, 30, &narrow, &SHAPES, &[0.0; 4], cost, Table::default());
        let mut wide = narrow.clone();
        for i in 20..=30 {
            wide.lo[i] = wide.lo[i].saturating_sub(3);
        }
        let wide = narrow.union(&wide);
        assert_eq!(wide.lo[..20], narrow.lo[..20]);
        let (reused, _) = solve_from(30, 30, &wide, &SHAPES, &[0.0; 4], cost, table);
        let fresh = solve(30, 30, &wide, &SHAPES, &[0.0; 4], cost);
        assert_eq!(reused, fresh);
    }
}
