//! Anchors: the parts of a sentence that survive translation unchanged in
//! meaning and are cheap to compare without a dictionary — numbers (read
//! per locale), names (folded for case, diacritics and transliteration) and
//! negation cues.
//!
//! Findings use them to tell a faithful segment from one that lost or
//! changed a fact.

pub mod cues;
pub mod names;
pub mod numbers;
pub mod persons;
pub mod spelled;

pub use cues::{is_ad_marker, is_boilerplate_opener, negated_clauses, negations};
pub use names::{FoldedWords, Name, fold, name_in, names, same_name};
pub use numbers::{Number, NumberKind, digit_numbers, digit_numbers_in, numbers, same_number};
