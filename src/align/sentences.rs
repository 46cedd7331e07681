//! Sentence alignment of two sequences without paragraph structure.
//!
//! 1. Tokenise both sides; key tokens with the given lexicon, if any.
//! 2. Measure this pair's overlap scale (what neighbours on the diagonal and
//!    what distant pairs reach), and its character ratio.
//! 3. Solve the banded programme.
//! 4. Learn word translations from the confident 1-1 links, re-key, re-measure
//!    the scale on the path found, and solve again in a band around it.
//! 5. Give each link a confidence.

use super::cost::{Overlap, Pricer, Scale, Weights};
use super::dp::{self, Band, Shape, Step};
use super::features::{self, Keyed, TokenCache, Tokenised, Translations, Vocab};
use super::{AlignOptions, Link, band, learn};
use crate::document::BlockShape;
use crate::language::Language;

/// Tables up to this many cells are solved whole.
const FULL_TABLE: usize = 400_000;
/// Whether a table of `n` by `m` units is solved whole, with no band.
fn whole_table(n: usize, m: usize) -> bool {
    (n + 1) * (m + 1) <= FULL_TABLE
}

/// Half-width of the first band around the anchor line (narrow: it widens
/// where the path runs along its edge, and widening is cheap).
const FIRST_WIDTH: usize = 8;
/// Half-width of the band around a known path.
const PATH_WIDTH: usize = 10;
/// Rows beyond a widening's own width that widen with it.
const WIDEN_ROWS: usize = 32;
/// How many times its first size the band may grow to by widening. A
/// band keeps widening only on input where the path runs along any edge
/// (the same text repeated hundreds of times, one side a tiny fraction of
/// the other): there it would approach the whole table, quadratic in time
/// and memory, for no better path.
const BAND_GROWTH: usize = 2;
/// Cells solved in all the widenings of one solve, in largest bands'
/// worth: each re-solve pays again for the rows from its first change on.
const WORK_BANDS: usize = 3;
/// Overlap score ([`Scale::z`]: 0 unrelated, 1 typical) up to which the
/// first or last sentence of a merge is taken for matching nothing of
/// the sentence it was merged against ([`Link::loose`]), and from which
/// the rest of the merge is taken for matching it. Set by hand from the
/// merges of `1984-hu-en` (`eval-faults --dump`): planted dropped
/// sentences absorbed into a neighbour's 2-1 link scored 0 to 0.42
/// against it, the neighbours 0.94 to 1.05.
const LOOSE_PIECE: f32 = 0.5;
/// Overlap score from which the rest of a merge is taken for matching the
/// sentence it was merged against, set with [`LOOSE_PIECE`].
const HELD_REST: f32 = 0.75;
/// Fewest sentences per side worth learning a lexicon from.
const LEARN_MIN: usize = 20;

/// Aligns two sentence sequences.
pub fn align(
    src: &[&str],
    tgt: &[&str],
    languages: [Option<Language>; 2],
    options: &AlignOptions,
    cache: &TokenCache,
) -> Vec<Link> {
    align_with_breaks(
        src,
        tgt,
        languages,
        [Layout::default(); 2],
        None,
        options,
        cache,
    )
}

/// What one side's units say of the document's structure; all empty for
/// plain sentences.
#[derive(Debug, Clone, Copy, Default)]
pub struct Layout<'a> {
    /// `breaks[i]`: unit `i` starts a new paragraph, which links then do
    /// not cross lightly.
    pub breaks: &'a [bool],
    /// `shapes[i]`: the block kind of unit `i` when the units are
    /// paragraphs; links between different kinds then cost more.
    pub shapes: &'a [BlockShape],
}

/// Aligns two sentence sequences with the `layout` of each side. `ratio`
/// is the pair's target characters per source character when measured on
/// more than these sentences: a few sentences with an added or dropped one
/// among them would skew their own ratio towards the wrong links.
pub fn align_with_breaks(
    src: &[&str],
    tgt: &[&str],
    languages: [Option<Language>; 2],
    layout: [Layout<'_>; 2],
    ratio: Option<f64>,
    options: &AlignOptions,
    cache: &TokenCache,
) -> Vec<Link> {
    let units = [Units::Sentences(src), Units::Sentences(tgt)];
    let mut solved = solve_units(
        units,
        languages,
        layout,
        ratio,
        Ratios::Given,
        options,
        cache,
    );
    solved.swap_remove(0).links
}

/// Aligns `units` like [`align_with_breaks`] aligns sentences, where the units' count differs between the
/// sides, and also settles the character ratio: the one under which the
/// alignment costs least, among the pair's `ratio` and the ratios that
/// would hold if one unit were dropped or added ([`unit_ratios`]).
/// Returns the links and the ratio they were found with.
///
/// On a short document, one dropped paragraph skews the pair's ratio
/// enough that the alignment shifts every link after it by one and drops
/// the last paragraph instead of the right one.
pub fn align_units_fitting_ratio(
    units: [Units<'_>; 2],
    languages: [Option<Language>; 2],
    layout: [Layout<'_>; 2],
    ratio: f64,
    options: &AlignOptions,
    cache: &TokenCache,
) -> (Vec<Link>, f64) {
    let fit = Ratios::FitUnits;
    let mut solved = solve_units(units, languages, layout, Some(ratio), fit, options, cache);
    let best = solved.swap_remove(0);
    (best.links, best.ratio)
}

/// Aligns like [`align_with_breaks`] under each of `ratios` (the first is
/// the one the band is found with), reading the sentences once; each
/// alignment comes with its total cost, so that a caller can settle the
/// ratio of a whole document from its parts.
pub fn align_under_ratios(
    [src, tgt]: [&[&str]; 2],
    languages: [Option<Language>; 2],
    layout: [Layout<'_>; 2],
    ratios: &[f64],
    options: &AlignOptions,
    cache: &TokenCache,
) -> Vec<Solved> {
    let units = [Units::Sentences(src), Units::Sentences(tgt)];
    let each = Ratios::Each(ratios);
    let first = ratios.first().copied();
    solve_units(units, languages, layout, first, each, options, cache)
}

/// One alignment and what it was found with.
#[derive(Debug, Clone)]
pub struct Solved {
    /// The links.
    pub links: Vec<Link>,
    /// The character ratio they were found under.
    pub ratio: f64,
    /// Their total cost under that ratio.
    pub cost: f32,
}

/// Which ratios [`solve_units`] aligns under.
#[derive(Clone, Copy)]
enum Ratios<'r> {
    /// The one given (or the pair's own).
    Given,
    /// The given one or, where the sides' unit counts differ, a better
    /// fitting one ([`unit_ratios`]).
    FitUnits,
    /// Each of these, in order.
    Each(&'r [f64]),
}

/// What one side's units are.
#[derive(Debug, Clone, Copy)]
pub enum Units<'a> {
    /// Each unit a sentence.
    Sentences(&'a [&'a str]),
    /// Each unit the run of `sentences` in `groups` (a paragraph), read as
    /// the sentences joined by spaces.
    Joined {
        sentences: &'a [&'a str],
        groups: &'a [std::ops::Range<usize>],
    },
}

impl Units<'_> {
    fn len(&self) -> usize {
        match self {
            Units::Sentences(s) => s.len(),
            Units::Joined { groups, .. } => groups.len(),
        }
    }

    fn tokenise(
        &self,
        language: Option<Language>,
        cache: &TokenCache,
        vocab: &mut Vocab,
    ) -> Tokenised {
        match *self {
            Units::Sentences(s) => features::tokenise(s, language, cache, vocab),
            Units::Joined { sentences, groups } => {
                features::tokenise_joined(sentences, groups, language, cache, vocab)
            }
        }
    }
}

/// The alignments of `units` that `ratios` asks for.
fn solve_units(
    units: [Units<'_>; 2],
    languages: [Option<Language>; 2],
    layout: [Layout<'_>; 2],
    ratio: Option<f64>,
    ratios: Ratios<'_>,
    options: &AlignOptions,
    cache: &TokenCache,
) -> Vec<Solved> {
    let [src, tgt] = units;
    let [slayout, tlayout] = layout;
    // Kinds count only when both sides have them, one per unit.
    let shaped = slayout.shapes.len() == src.len() && tlayout.shapes.len() == tgt.len();
    let sshapes = if shaped { slayout.shapes } else { &[] };
    let tshapes = if shaped { tlayout.shapes } else { &[] };
    let (n, m) = (src.len(), tgt.len());
    if n == 0 || m == 0 {
        let one = |ratio| Solved {
            links: skips(0..n, 0..m, 1.0),
            ratio,
            cost: 0.0,
        };
        return match ratios {
            Ratios::Each(each) => each.iter().map(|&r| one(r)).collect(),
            _ => vec![one(ratio.unwrap_or(1.0))],
        };
    }
    let mut vocab = Vocab::over(cache);
    let stoks = src.tokenise(languages[0], cache, &mut vocab);
    let ttoks = tgt.tokenise(languages[1], cache, &mut vocab);
    let given = given_translations([&stoks, &ttoks], languages, options, &vocab, cache);
    let mut skeys = features::key(&stoks, &given.forward());
    let mut tkeys = features::key(&ttoks, &given.backward());
    skeys.prune_against(&tkeys);
    tkeys.prune_against(&skeys);
    skeys.breaks = slayout.breaks.to_vec();
    tkeys.breaks = tlayout.breaks.to_vec();
    skeys.shapes = sshapes.to_vec();
    tkeys.shapes = tshapes.to_vec();
    let ratio =
        ratio.unwrap_or_else(|| ratio_of(stoks.lengths.iter().sum(), ttoks.lengths.iter().sum()));
    let shapes = options.shapes();
    // The first pass only needs the common shapes; it is cheaper so.
    let simple: Vec<Shape> = shapes.iter().copied().filter(|(a, b)| a + b <= 3).collect();
    let learning = options.learn && n.min(m) >= LEARN_MIN;
    let first = Solver {
        src: &skeys,
        tgt: &tkeys,
        shapes: &simple,
        max_link: options.max_link,
        // Overlaps a learning first pass needs reach no further than its
        // own links; otherwise its overlaps also price the confidences.
        reach: if learning {
            simple.iter().map(|&(a, b)| a.max(b)).max().unwrap_or(1)
        } else {
            options.max_link
        },
        ratio,
        weights: options.weights,
        scale: initial_scale(&skeys, &tkeys),
    };
    // The anchor chain only places a band: a table solved whole needs none.
    let centre = if whole_table(n, m) {
        Vec::new()
    } else {
        band::centre(&band::chain(&stoks, &ttoks), n, m)
    };
    let (path, overlap) = first.solve(Start::Centre(&centre), None);
    if !learning {
        return finish(&first, path, overlap, ratios);
    }
    // Last in the order of sources: what the pair itself teaches.
    let learned = learn_from(&stoks, &ttoks, &first, &path, &overlap);
    let mut all = given;
    all.extend(&learned);
    let mut skeys = features::key(&stoks, &all.forward());
    let mut tkeys = features::key(&ttoks, &all.backward());
    skeys.prune_against(&tkeys);
    tkeys.prune_against(&skeys);
    skeys.breaks = slayout.breaks.to_vec();
    tkeys.breaks = tlayout.breaks.to_vec();
    skeys.shapes = sshapes.to_vec();
    tkeys.shapes = tshapes.to_vec();
    let second = Solver {
        src: &skeys,
        tgt: &tkeys,
        scale: path_scale(&skeys, &tkeys, &path),
        shapes: &shapes,
        reach: options.max_link,
        ..first
    };
    let (path, overlap) = second.solve(Start::Path(&path), None);
    finish(&second, path, overlap, ratios)
}

/// The word translations known before the pair is aligned, from its
/// sources in order: the `--lexicon` files in the order given (a lexicon
/// made by hand first, then one `transalign learn` made from an archive),
/// then the dictionaries of the pair's languages. What the pair itself
/// teaches joins after the first pass ([`learn_from`]). Every source
/// weighs the same, 1: a token matched through a translation from any of
/// them counts its full weight, as a token matched by its own form does,
/// and no source removes another's translations; so the order decides
/// only which translation comes first in a word's list (docs/benchmarks.md,
/// "Learning from an archive", for the weights tried).
fn given_translations(
    sides: [&Tokenised; 2],
    languages: [Option<Language>; 2],
    options: &AlignOptions,
    vocab: &Vocab,
    cache: &TokenCache,
) -> Translations {
    let mut given = Translations::default();
    if let Some(lexicon) = &options.lexicon {
        given.merge(&features::lexicon_translations(
            sides, languages, lexicon, vocab, cache,
        ));
    }
    let dictionaries = features::dictionary_translations(
        sides,
        languages,
        &options.dictionaries,
        options.morphology,
        vocab,
        cache,
    );
    // Without a lexicon the dictionaries' pairs are all there is: a merge
    // into nothing would copy the same pairs, listing each word's
    // translations in another order, which matching ignores (a token
    // matches when any of its keys does).
    if given.is_empty() {
        return dictionaries;
    }
    given.merge(&dictionaries);
    given
}

/// The alignments `ratios` asks for, from the path found under the first.
fn finish(
    solver: &Solver<'_>,
    path: Vec<Step>,
    overlap: Overlap,
    ratios: Ratios<'_>,
) -> Vec<Solved> {
    match ratios {
        Ratios::Given => under_each(solver, &path, &overlap, &[solver.ratio]),
        Ratios::FitUnits => {
            let ratios = unit_ratios(solver);
            let mut all = under_each(solver, &path, &overlap, &ratios);
            let costs: Vec<f32> = all.iter().map(|s| s.cost).collect();
            // Units here are paragraphs ([`align_units_fitting_ratio`]):
            // they keep the wide prior. Under the pair's, a page whose
            // paragraphs read shorter than its languages' mean took a
            // wrong paragraph for the dropped one (GNOME de dropped
            // paragraphs 0.95 -> 0.91 without dictionaries).
            vec![all.swap_remove(cheapest(&costs, &ratios, RatioPrior::wide()))]
        }
        Ratios::Each(each) => under_each(solver, &path, &overlap, each),
    }
}

/// The alignment under each of `ratios`: `path` itself under the solver's
/// own ratio, solved again around it under the others.
fn under_each(
    solver: &Solver<'_>,
    path: &[Step],
    overlap: &Overlap,
    ratios: &[f64],
) -> Vec<Solved> {
    let solved = |s: &Solver<'_>, path: &[Step], overlap: &Overlap| Solved {
        links: s.links(path, overlap),
        ratio: s.ratio,
        cost: total_cost(s, path, overlap),
    };
    ratios
        .iter()
        .map(|&ratio| {
            if ratio == solver.ratio {
                return solved(solver, path, overlap);
            }
            // The keys are the same under every ratio: the overlaps
            // already computed are copied, not computed again.
            let s = Solver { ratio, ..*solver };
            let (p, o) = s.solve(Start::Path(path), Some(overlap));
            solved(&s, &p, &o)
        })
        .collect()
}

/// What a path costs in all.
fn total_cost(solver: &Solver<'_>, path: &[Step], overlap: &Overlap) -> f32 {
    let pricer = solver.pricer(overlap);
    path.iter()
        .map(|&step| pricer.cost_within(step, f32::INFINITY))
        .sum()
}

/// Grid on which candidate ratios are told apart: ratios within 4% of
/// each other (in log terms) are one candidate.
const RATIO_GRID: f64 = 0.04;
/// Most candidate ratios solved for one pair, nearest to the pair's own
/// first.
const RATIO_CANDIDATES: usize = 12;
/// How much less (with the [`RatioPrior`]) a path under another ratio must
/// cost before that ratio replaces the pair's own. Calibrated on
/// `eval-faults --max-articles 25` (real section) and `eval-real`: at 1.0,
/// dropped / added sentences are found 0.804 / 0.795, at 0.5 0.822 /
/// 0.810 for one more false alarm in 9,900 faithful paragraphs (es).
const RATIO_FIT_MARGIN: f32 = 0.5;

/// Where the sides have different numbers of units, something was dropped
/// or added, and the pair's character ratio counts it: the ratio the
/// translation really has is the one without the unit that has no
/// counterpart. The pair's own ratio first, then one candidate for each
/// unit of the side with more units (it holds what has no counterpart),
/// taken away; the path is solved again under each, and [`cheapest`]
/// decides. Pairs with as many units on both sides keep their ratio.
fn unit_ratios(solver: &Solver<'_>) -> Vec<f64> {
    let (n, m) = (solver.src.len(), solver.tgt.len());
    let mut ratios = vec![solver.ratio];
    if n == m || n == 0 || m == 0 {
        return ratios;
    }
    let longer = if n > m { solver.src } else { solver.tgt };
    let lengths = [
        solver.src.lengths.iter().sum(),
        solver.tgt.lengths.iter().sum(),
    ];
    ratios.extend(candidate_ratios(
        solver.ratio,
        lengths,
        n > m,
        &longer.lengths,
    ));
    ratios
}

/// Spread (standard deviation of the logarithm) of the character ratios
/// of translations, as the aligner measures lengths ([`crate::text::length`]
/// counts a Chinese or Japanese character three, so scripts compare).
/// Measured on the faithful GNOME Help pages of 200 characters or more:
/// the logarithm of the ratio is 0.13 (es, pt-br) to 0.23 (de) with a
/// spread of 0.05–0.07 within each language. The prior is kept much wider
/// than that, for language pairs and genres whose ratio sits further from
/// 1: at 0.25 a German sentence split in two was taken for one sentence
/// and an addition (`eval-real` de 0.98 → 1.01 per 100 with the FreeDict
/// dictionaries); at 0.35 it is not, and planted-fault recall moves by
/// less than 0.005 either way (`eval-faults --max-articles 25`).
const RATIO_SPREAD: f64 = 0.35;

/// Spread of the prior on a pair's ratio where both languages' lengths
/// against English are known ([`RatioPrior::of`]): the ratio is then
/// expected at their quotient. Within one language of the faithful GNOME
/// Help pages the logarithm of the page ratio spreads 0.054 (pt-BR) to
/// 0.073 (fr) around its mean; the prior is kept wider, for other genres.
/// Calibrated on `eval-faults --max-articles 25` and `eval-real`, both
/// modes (docs/benchmarks.md, "Dropped and added sentences, fourteenth
/// session").
const PAIR_RATIO_SPREAD: f64 = 0.15;

/// What a pair's character ratio is expected to be before any length is
/// seen: a log-normal density around `centre` with a spread of `spread`
/// (standard deviation of the logarithm).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RatioPrior {
    centre: f64,
    spread: f64,
}

impl RatioPrior {
    /// The prior of a pair written in `languages` (original,
    /// translation): around the quotient of their lengths against English
    /// where both languages' files give one, else around 1 with
    /// [`RATIO_SPREAD`].
    pub fn of(languages: [Option<Language>; 2]) -> RatioPrior {
        match crate::language::expected_length_ratio(languages) {
            Some(centre) => RatioPrior {
                centre,
                spread: PAIR_RATIO_SPREAD,
            },
            None => RatioPrior::wide(),
        }
    }

    /// The prior of a pair whose languages say nothing: around 1, with
    /// [`RATIO_SPREAD`].
    pub fn wide() -> RatioPrior {
        RatioPrior {
            centre: 1.0,
            spread: RATIO_SPREAD,
        }
    }

    /// What `ratio` costs: `-ln` of the density, up to a constant. It
    /// only ranks candidate ratios: a page with a dropped sentence has a
    /// ratio further from the pair's than the page without it.
    fn cost(self, ratio: f64) -> f32 {
        let l = (ratio / self.centre).ln();
        (l * l / (2.0 * self.spread * self.spread)) as f32
    }
}

/// Which of the alignments under several `ratios` wins, from their
/// `costs`: the least cost plus the `prior`'s, if it beats the first (the
/// pair's own ratio) by [`RATIO_FIT_MARGIN`]; else the first.
pub fn cheapest(costs: &[f32], ratios: &[f64], prior: RatioPrior) -> usize {
    let total = |i: usize| costs[i] + prior.cost(ratios[i]);
    if costs.is_empty() || costs.len() != ratios.len() {
        return 0;
    }
    let mut best = (0, total(0) - RATIO_FIT_MARGIN);
    for i in 1..costs.len() {
        if total(i) < best.1 {
            best = (i, total(i));
        }
    }
    best.0
}

/// Candidate ratios around `base`: the target characters per source
/// character that the pair (`lengths`: source, target) would have without
/// each unit of its longer side (`units`; `source_longer` says which side
/// that is), on a grid of [`RATIO_GRID`], nearest first, at most
/// [`RATIO_CANDIDATES`], and none within half a grid step of `base`.
pub fn candidate_ratios(
    base: f64,
    [ls, lt]: [f64; 2],
    source_longer: bool,
    units: &[f64],
) -> Vec<f64> {
    let without = |l: f64| {
        if source_longer {
            lt / (ls - l)
        } else {
            (lt - l) / ls
        }
    };
    let mut candidates: Vec<f64> = units
        .iter()
        .map(|&l| without(l))
        .filter(|r| r.is_finite() && *r > 0.0)
        .map(|r| (r / base).ln() / RATIO_GRID)
        .filter(|k| k.abs() >= 0.5)
        .map(|k| k.round() as i64)
        .collect::<std::collections::BTreeSet<i64>>()
        .into_iter()
        .map(|k| base * (k as f64 * RATIO_GRID).exp())
        .collect();
    candidates.sort_by(|a, b| (a / base).ln().abs().total_cmp(&(b / base).ln().abs()));
    candidates.truncate(RATIO_CANDIDATES);
    candidates
}

/// Target characters per source character, as the aligner counts them.
pub fn length_ratio(src: &[&str], tgt: &[&str]) -> f64 {
    let sum = |side: &[&str]| -> f64 { side.iter().map(|s| crate::text::length(s) as f64).sum() };
    ratio_of(sum(src), sum(tgt))
}

/// `lt / ls`, or 1 when either side is empty.
pub(crate) fn ratio_of(ls: f64, lt: f64) -> f64 {
    if ls > 0.0 && lt > 0.0 { lt / ls } else { 1.0 }
}

/// Links leaving every sentence of both ranges unaligned.
pub fn skips(
    source: std::ops::Range<usize>,
    target: std::ops::Range<usize>,
    confidence: f64,
) -> Vec<Link> {
    let end_s = source.end;
    let t0 = target.start;
    source
        .map(|i| Link {
            source: i..i + 1,
            target: t0..t0,
            confidence,
            loose: None,
        })
        .chain(target.map(|j| Link {
            source: end_s..end_s,
            target: j..j + 1,
            confidence,
            loose: None,
        }))
        .collect()
}

/// Learns from links the first pass is fairly sure of.
fn learn_from(
    stoks: &Tokenised,
    ttoks: &Tokenised,
    solver: &Solver<'_>,
    path: &[Step],
    overlap: &Overlap,
) -> Translations {
    let pricer = solver.pricer(overlap);
    let sure: Vec<Step> = path
        .iter()
        .filter(|s| s.s1 > s.s0 && s.t1 > s.t0)
        .filter(|&&s| {
            let sim =
                super::cost::similarity(solver.src, solver.tgt, overlap, s, pricer.scale.random);
            pricer.scale.z(sim) > 0.3
        })
        .copied()
        .collect();
    // Languages that share no words (English and Japanese without a
    // dictionary) give no link a lexical score: the 1-1 links the lengths
    // chose are then the best evidence there is.
    let one_to_one = |s: &&Step| s.s1 == s.s0 + 1 && s.t1 == s.t0 + 1;
    if sure.len() * FEW_SURE_LINKS < path.iter().filter(one_to_one).count() {
        let all: Vec<Step> = path.iter().filter(one_to_one).copied().collect();
        return learn::learn(stoks, ttoks, &all);
    }
    learn::learn(stoks, ttoks, &sure)
}

/// A first pass with fewer lexically sure links than one in this many of
/// its 1-1 links learns from all its 1-1 links instead. Set when the
/// learning was opened to pairs without shared words (an English help page
/// and its Japanese translation had no sure link at all); pairs in one
/// script have far more sure links (see docs/benchmarks.md).
const FEW_SURE_LINKS: usize = 4;

/// A step, or each sentence of a run of unaligned ones on its own.
fn one_by_one(s: Step) -> impl Iterator<Item = Step> {
    // No allocation: a check makes a link of nearly every step.
    let joined = s.s1 > s.s0 && s.t1 > s.t0;
    let (sources, targets) = if joined {
        (0..0, 0..0)
    } else {
        (s.s0..s.s1, s.t0..s.t1)
    };
    joined
        .then_some(s)
        .into_iter()
        .chain(sources.map(move |i| Step {
            s0: i,
            s1: i + 1,
            t0: s.t0,
            t1: s.t0,
        }))
        .chain(targets.map(move |j| Step {
            s0: s.s1,
            s1: s.s1,
            t0: j,
            t1: j + 1,
        }))
}

/// Where the band starts.
enum Start<'a> {
    /// Around a rough centre line, one column per row.
    Centre(&'a [usize]),
    /// Around a path from an earlier pass.
    Path(&'a [Step]),
}

struct Solver<'a> {
    src: &'a Keyed,
    tgt: &'a Keyed,
    shapes: &'a [Shape],
    max_link: usize,
    /// How far beyond the band overlaps are computed: the most sentences
    /// on one side of a link that may be priced or scored.
    reach: usize,
    ratio: f64,
    weights: Weights,
    scale: Scale,
}

impl Solver<'_> {
    fn pricer<'b>(&'b self, overlap: &'b Overlap) -> Pricer<'b> {
        Pricer {
            src: self.src,
            tgt: self.tgt,
            overlap,
            scale: self.scale,
            ratio: self.ratio,
            weights: self.weights,
        }
    }

    /// Solves in a band that starts around `start` (or the diagonal) and
    /// widens while the path runs along its edge. `known` holds overlaps
    /// of this solver's keys already computed (under another ratio).
    fn solve(&self, start: Start<'_>, known: Option<&Overlap>) -> (Vec<Step>, Overlap) {
        let (n, m) = (self.src.len(), self.tgt.len());
        let base = match start {
            Start::Path(_) => PATH_WIDTH,
            Start::Centre(_) => FIRST_WIDTH,
        };
        let mut widths = vec![base; n + 1];
        let mut band = if whole_table(n, m) {
            Band::full(n, m)
        } else {
            match start {
                Start::Path(path) => Band::around(path, m, &widths),
                Start::Centre(centre) => Band::around_centre(centre, m, &widths),
            }
        };
        let mut previous: Option<Overlap> = None;
        let mut table = dp::Table::default();
        let mut budget = Budget::new(&band);
        loop {
            let reuse = previous.as_ref().or(known);
            let overlap = Overlap::new(self.src, self.tgt, &band, self.reach, reuse);
            let pricer = self.pricer(&overlap);
            let floors: Vec<f32> = self.shapes.iter().map(|&k| pricer.floor(k)).collect();
            let (path, solved) = dp::solve_from(
                n,
                m,
                &band,
                self.shapes,
                &floors,
                |s, budget| pricer.cost_within(s, budget),
                std::mem::take(&mut table),
            );
            table = solved;
            let touched = band.touched_by(&path, m, self.max_link + 1);
            if !budget.spend(&band) || touched.is_empty() || band.is_full(m) {
                return (path, overlap);
            }
            // Where the path ran along the edge, the best path may lie
            // outside: follow the path and double the width around there.
            let mut grow = vec![false; n + 1];
            for &r in &touched {
                let reach = 2 * widths[r] + WIDEN_ROWS;
                grow[r.saturating_sub(reach)..=(r + reach).min(n)].fill(true);
            }
            // The band only grows: elsewhere it stays as it was, so the
            // DP rows before the first change can be kept.
            let mut extra = vec![0; n + 1];
            for ((w, e), g) in widths.iter_mut().zip(&mut extra).zip(grow) {
                if g {
                    *w = (*w * 2).min(n.max(m));
                    *e = *w;
                }
            }
            let wider = band.union(&Band::around(&path, m, &extra));
            if !budget.allows(&wider) {
                return (path, overlap);
            }
            band = wider;
            previous = Some(overlap);
        }
    }

    /// Links with confidences; a run of unaligned sentences becomes one
    /// link per sentence, as the gold format and the findings expect.
    fn links(&self, path: &[Step], overlap: &Overlap) -> Vec<Link> {
        let pricer = self.pricer(overlap);
        // At least one link per step: reserved at once, not grown.
        let mut links = Vec::with_capacity(path.len());
        links.extend(path.iter().flat_map(|&s| one_by_one(s)).map(|s| Link {
            source: s.s0..s.s1,
            target: s.t0..s.t1,
            confidence: self.confidence(&pricer, s),
            // Most links are 1-1: the shape is tested here, where it
            // costs least, before any merge is judged.
            loose: if (s.s1 == s.s0 + 1) != (s.t1 == s.t0 + 1) && s.s1 > s.s0 && s.t1 > s.t0 {
                self.loose_end(overlap, s)
            } else {
                None
            },
        }));
        links
    }

    /// In a merge of sentences against one (the caller tests the shape),
    /// the place of the first or last of them (the lower scoring) when it
    /// matches nothing of the one ([`LOOSE_PIECE`]) while the others match
    /// it well ([`HELD_REST`]). Paragraph units are judged too; their
    /// links only group sentences, whose own links are judged again.
    #[inline(never)]
    fn loose_end(&self, overlap: &Overlap, s: Step) -> Option<usize> {
        let (a, b) = (s.s1 - s.s0, s.t1 - s.t0);
        let z = |step: Step| {
            self.scale.z(super::cost::similarity(
                self.src,
                self.tgt,
                overlap,
                step,
                self.scale.random,
            ))
        };
        let last = a.max(b) - 1;
        // The end pieces against the one sentence, then the rest of the
        // lower scoring one's merge against it.
        let (first, end) = if b == 1 {
            (Step { s1: s.s0 + 1, ..s }, Step { s0: s.s1 - 1, ..s })
        } else {
            (Step { t1: s.t0 + 1, ..s }, Step { t0: s.t1 - 1, ..s })
        };
        let (zf, ze) = (z(first), z(end));
        let (at, piece) = if zf <= ze { (0, zf) } else { (last, ze) };
        if piece > LOOSE_PIECE {
            return None;
        }
        let rest = match (b == 1, at == 0) {
            (true, true) => Step { s0: s.s0 + 1, ..s },
            (true, false) => Step { s1: s.s1 - 1, ..s },
            (false, true) => Step { t0: s.t0 + 1, ..s },
            (false, false) => Step { t1: s.t1 - 1, ..s },
        };
        (z(rest) >= HELD_REST).then_some(at)
    }

    /// For a link, how well its sides match (overlap and length); for a
    /// skip, how clearly nothing nearby matches the lone sentence.
    fn confidence(&self, pricer: &Pricer<'_>, s: Step) -> f64 {
        let z = |step: Step| {
            let sim = super::cost::similarity(
                self.src,
                self.tgt,
                pricer.overlap,
                step,
                self.scale.random,
            );
            self.scale.z(sim).clamp(0.0, 1.0) as f64
        };
        if s.s1 > s.s0 && s.t1 > s.t0 {
            let ls: f64 = self.src.lengths[s.s0..s.s1].iter().sum();
            let lt: f64 = self.tgt.lengths[s.t0..s.t1].iter().sum();
            let length =
                (-super::cost::length_cost(ls, lt, self.ratio, self.weights.variance) as f64).exp();
            return 0.75 * z(s) + 0.25 * length;
        }
        // A lone sentence: compare with the neighbours on the other side.
        let (n, m) = (self.src.len(), self.tgt.len());
        let mut best: f64 = 0.0;
        let weight;
        if s.s1 > s.s0 {
            weight = self.src.weights[s.s0] as f64;
            for t in s.t0.saturating_sub(2)..(s.t0 + 2).min(m) {
                best = best.max(z(Step {
                    t0: t,
                    t1: t + 1,
                    ..s
                }));
            }
        } else {
            weight = self.tgt.weights[s.t0] as f64;
            for i in s.s0.saturating_sub(2)..(s.s0 + 2).min(n) {
                best = best.max(z(Step {
                    s0: i,
                    s1: i + 1,
                    ..s
                }));
            }
        }
        (1.0 - best) * weight / (weight + 1.0)
    }
}

/// Bounds on one solve's widening, linear in its first band, so that no
/// input drives the band towards the whole table. A table small enough to
/// be solved whole is never held back.
struct Budget {
    /// Most cells a band may hold.
    limit: usize,
    /// Cells left to solve in all re-solves together.
    left: usize,
}

impl Budget {
    fn new(first: &Band) -> Budget {
        let limit = FULL_TABLE.max(BAND_GROWTH * first.cells());
        Budget {
            limit,
            left: WORK_BANDS * limit,
        }
    }

    /// Counts a solve of `band`; false once the work is used up.
    fn spend(&mut self, band: &Band) -> bool {
        self.left = self.left.saturating_sub(band.cells());
        self.left > 0
    }

    /// Whether a band of this size may be solved.
    fn allows(&self, band: &Band) -> bool {
        band.cells() <= self.limit
    }
}

/// Raw similarity of one sentence pair.
fn pair_similarity(src: &Keyed, tgt: &Keyed, s: usize, t: usize) -> Option<f32> {
    let weight = src.weights[s] + tgt.weights[t];
    (weight > 0.0)
        .then(|| (src.matched(s, &tgt.keysets[t]) + tgt.matched(t, &src.keysets[s])) / weight)
}

fn median(mut v: Vec<f32>) -> f32 {
    if v.is_empty() {
        return 0.0;
    }
    let k = v.len() / 2;
    *v.select_nth_unstable_by(k, |a, b| a.total_cmp(b)).1
}

/// Sentences to sample for measuring the scale.
fn sample(n: usize) -> impl Iterator<Item = usize> {
    let step = (n / 1000).max(1);
    (0..n).step_by(step)
}

/// The scale before any alignment: the best neighbour near the diagonal
/// stands for a translation, a distant sentence for an unrelated one.
fn initial_scale(src: &Keyed, tgt: &Keyed) -> Scale {
    let (n, m) = (src.len(), tgt.len());
    let mut pairs = Stamped::new(src, tgt);
    let mut typical = Vec::new();
    let mut random = Vec::new();
    for s in sample(n) {
        let d = s * m / n;
        let best = (d.saturating_sub(6)..(d + 7).min(m))
            .filter_map(|t| pairs.similarity(s, t))
            .fold(f32::NEG_INFINITY, f32::max);
        if best.is_finite() {
            typical.push(best);
        }
        random.extend(distant(m, d, |t| pairs.similarity(s, t)));
    }
    Scale {
        random: median(random),
        typical: median(typical),
    }
}

/// [`pair_similarity`] for many pairs: each sentence's keys marked once
/// in a table, so a key is matched in constant time (the same sums, in
/// the same order).
struct Stamped<'k> {
    src: &'k Keyed,
    tgt: &'k Keyed,
    /// Keys of source sentence `at.0`, marked `marks.0`.
    src_stamp: Vec<u32>,
    /// Keys of target sentence `at.1`, marked `marks.1`.
    tgt_stamp: Vec<u32>,
    at: (usize, usize),
    marks: (u32, u32),
}

impl<'k> Stamped<'k> {
    fn new(src: &'k Keyed, tgt: &'k Keyed) -> Stamped<'k> {
        Stamped {
            src,
            tgt,
            src_stamp: vec![0; src.key_space],
            tgt_stamp: vec![0; tgt.key_space],
            at: (usize::MAX, usize::MAX),
            marks: (0, 0),
        }
    }

    fn similarity(&mut self, s: usize, t: usize) -> Option<f32> {
        let weight = self.src.weights[s] + self.tgt.weights[t];
        if weight <= 0.0 {
            return None;
        }
        if self.at.0 != s {
            self.at.0 = s;
            self.marks.0 += 1;
            self.src.stamp(s, &mut self.src_stamp, self.marks.0);
        }
        if self.at.1 != t {
            self.at.1 = t;
            self.marks.1 += 1;
            self.tgt.stamp(t, &mut self.tgt_stamp, self.marks.1);
        }
        let forward = self.src.matched_stamped(s, &self.tgt_stamp, self.marks.1);
        let backward = self.tgt.matched_stamped(t, &self.src_stamp, self.marks.0);
        Some((forward + backward) / weight)
    }
}

/// Similarities (`similarity` of a target sentence) with target sentences
/// far from `d`, of `m`.
fn distant(m: usize, d: usize, mut similarity: impl FnMut(usize) -> Option<f32>) -> Vec<f32> {
    if m < 8 {
        return Vec::new();
    }
    [m / 3, m / 2, 2 * m / 3]
        .iter()
        .filter_map(|&off| similarity((d + off) % m))
        .collect()
}

/// The scale measured on an alignment: its 1-1 links are translations.
fn path_scale(src: &Keyed, tgt: &Keyed, path: &[Step]) -> Scale {
    let ones: Vec<&Step> = path
        .iter()
        .filter(|s| s.s1 - s.s0 == 1 && s.t1 - s.t0 == 1)
        .collect();
    let step = (ones.len() / 1000).max(1);
    let mut typical = Vec::new();
    let mut random = Vec::new();
    for s in ones.iter().step_by(step) {
        typical.extend(pair_similarity(src, tgt, s.s0, s.t0));
        random.extend(distant(tgt.len(), s.t0, |t| {
            pair_similarity(src, tgt, s.s0, t)
        }));
    }
    if typical.len() < 5 {
        return initial_scale(src, tgt);
    }
    Scale {
        random: median(random),
        typical: median(typical),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budget_bounds_band_and_work_but_not_small_tables() {
        // A small table may always be solved whole.
        let small = Budget::new(&Band::full(100, 100));
        assert!(small.allows(&Band::full(600, 600)));
        // A big one grows to twice its first band, no further.
        let first = Band::diagonal(100_000, 100_000, 8);
        let budget = Budget::new(&first);
        assert!(budget.allows(&Band::diagonal(100_000, 100_000, 16)));
        assert!(!budget.allows(&Band::diagonal(100_000, 100_000, 20)));
        // Re-solving even the first band runs out after a few rounds.
        let mut budget = budget;
        let rounds = (0..100).take_while(|_| budget.spend(&first)).count();
        assert!((1..=2 * WORK_BANDS).contains(&rounds), "{rounds}");
    }

    #[test]
    fn lopsided_repetitive_pair_is_covered() {
        let src: Vec<String> = (0..30)
            .map(|i| format!("Sentence number {i} talks about topic {}.", i * 7))
            .collect();
        let src: Vec<&str> = src.iter().map(String::as_str).collect();
        let tgt = vec!["The bridge opened in March after four years of work."; 20_000];
        let links = align(
            &src,
            &tgt,
            [None, None],
            &AlignOptions::default(),
            &TokenCache::default(),
        );
        let (mut i, mut j) = (0, 0);
        for l in &links {
            assert_eq!((l.source.start, l.target.start), (i, j));
            (i, j) = (l.source.end, l.target.end);
        }
        assert_eq!((i, j), (30, 20_000));
    }

    /// Words of about `len` characters from `letters`, none shared with
    /// text from other letters: only lengths can align them.
    fn filler(len: usize, letters: &[u8], seed: usize) -> String {
        let mut out = String::new();
        let mut k = seed;
        while out.len() < len {
            if !out.is_empty() {
                out.push(' ');
            }
            for _ in 0..5 {
                k = k.wrapping_mul(31).wrapping_add(17);
                out.push(letters[k % letters.len()] as char);
            }
        }
        out
    }

    #[test]
    fn a_dropped_long_unit_is_found_under_the_fitted_ratio() {
        // Target units run 10% longer than their originals; the source's
        // last and longest unit has no counterpart. The pair's own ratio
        // (0.55) counts the dropped unit and favours a path shifted by one
        // that drops the short second unit.
        let (a, b) = (b"abcde".as_slice(), b"pqrst".as_slice());
        let src: Vec<String> = [18, 107, 160, 300]
            .iter()
            .enumerate()
            .map(|(i, &l)| filler(l, a, i))
            .collect();
        let tgt: Vec<String> = [20, 118, 176]
            .iter()
            .enumerate()
            .map(|(i, &l)| filler(l, b, i + 9))
            .collect();
        let src: Vec<&str> = src.iter().map(String::as_str).collect();
        let tgt: Vec<&str> = tgt.iter().map(String::as_str).collect();
        let ratio = length_ratio(&src, &tgt);
        assert!(ratio < 0.6, "{ratio}");
        let layout = [Layout::default(); 2];
        // Paragraph-level merge cost, as `paragraphs::align` sets it.
        let mut options = AlignOptions::default();
        options.weights.merge *= 2.0;
        let cache = TokenCache::default();
        let plain = align_with_breaks(
            &src,
            &tgt,
            [None, None],
            layout,
            Some(ratio),
            &options,
            &cache,
        );
        let dropped = |links: &[Link]| -> Vec<usize> {
            links
                .iter()
                .filter(|l| l.target.is_empty())
                .flat_map(|l| l.source.clone())
                .collect()
        };
        assert_eq!(
            dropped(&plain),
            vec![1],
            "the skewed ratio shifts the links"
        );
        let units = [Units::Sentences(&src), Units::Sentences(&tgt)];
        let (fitted, fit) =
            align_units_fitting_ratio(units, [None, None], layout, ratio, &options, &cache);
        assert_eq!(dropped(&fitted), vec![3], "{fitted:?}");
        assert!((1.0..1.25).contains(&fit), "{fit}");
        // As many units on both sides: the ratio stays the pair's own.
        let units = [Units::Sentences(&src[..3]), Units::Sentences(&tgt)];
        let (_, same) =
            align_units_fitting_ratio(units, [None, None], layout, 0.7, &options, &cache);
        assert_eq!(same, 0.7);
    }

    #[test]
    fn another_ratio_wins_only_by_the_margin_and_the_prior() {
        let wide = RatioPrior::wide();
        // Equal costs: the pair's own ratio stays.
        assert_eq!(cheapest(&[10.0, 10.0], &[1.0, 1.0], wide), 0);
        // Less cost by more than the margin wins.
        assert_eq!(cheapest(&[10.0, 9.0], &[1.0, 1.0], wide), 1);
        // An implausible ratio pays its prior: a page that shrinks to half
        // its length in translation has most likely lost something.
        assert_eq!(cheapest(&[10.0, 10.0], &[0.5, 1.0], wide), 1);
        assert_eq!(cheapest(&[10.0, 9.0], &[1.0, 0.4], wide), 0);
        assert_eq!(cheapest(&[], &[], wide), 0);
    }

    #[test]
    fn a_pair_whose_lengths_are_known_expects_their_quotient() {
        // Test data, not the files' figures: a language written a quarter
        // longer than English.
        let prior = RatioPrior {
            centre: 1.25,
            spread: PAIR_RATIO_SPREAD,
        };
        // A page that lost a sentence reads 1.05; without that sentence it
        // reads 1.25. Under the wide prior around 1 the page's own ratio
        // stays; under the pair's prior the ratio without the sentence
        // wins at the same cost.
        let wide = RatioPrior::wide();
        assert_eq!(cheapest(&[10.0, 10.0], &[1.05, 1.25], wide), 0);
        assert_eq!(cheapest(&[10.0, 10.0], &[1.05, 1.25], prior), 1);
        // A language without a measure keeps the wide prior.
        let unknown = Language::from_code("fi").expect("a language code");
        assert_eq!(RatioPrior::of([Some(Language::EN), Some(unknown)]), wide);
        let known = RatioPrior::of([Some(Language::EN), Some(Language::DE)]);
        assert_eq!(known.spread, PAIR_RATIO_SPREAD);
        assert!(known.centre > 1.0);
        let back = RatioPrior::of([Some(Language::DE), Some(Language::EN)]);
        assert!((back.centre * known.centre - 1.0).abs() < 1e-9);
    }
}
