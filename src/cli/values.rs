//! Command-line values of the library's enums.
//!
//! The library names its values (`name()`, `from_name()`) and knows nothing
//! of clap; here they become value parsers, with the help line each value
//! shows in `--help`.

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use transalign::{InputFormat, Kind, Severity};

/// A parser that accepts exactly the `(name, help)` values and maps a name
/// back with `from_name`.
fn parser<T: Clone + Send + Sync + 'static>(
    values: impl IntoIterator<Item = (&'static str, &'static str)>,
    from_name: fn(&str) -> Option<T>,
) -> impl TypedValueParser<Value = T> {
    PossibleValuesParser::new(
        values
            .into_iter()
            .map(|(name, help)| PossibleValue::new(name).help(help)),
    )
    .map(move |name| from_name(&name).expect("clap accepts only the listed names"))
}

/// The help line of a kind.
fn kind_help(kind: Kind) -> &'static str {
    match kind {
        Kind::Omission => "Original content with no counterpart in the translation",
        Kind::Addition => "Translation content with no counterpart in the original",
        Kind::AlteredQuote => "A quotation that was changed, cut, extended, or lost its marks",
        Kind::NumberMismatch => "Numbers that differ between aligned segments",
        Kind::NameMismatch => "Names that differ between aligned segments",
        _ => "",
    }
}

/// The help line of a severity.
fn severity_help(severity: Severity) -> &'static str {
    match severity {
        Severity::Info => "Worth a look; never fails a run by default",
        Severity::Warning => "Probably a problem",
        Severity::Error => "Almost certainly a problem",
    }
}

/// The help line of an input format.
fn format_help(format: InputFormat) -> &'static str {
    match format {
        InputFormat::Text => "Plain text: blank lines separate paragraphs",
        InputFormat::Markdown => "Markdown (CommonMark)",
        InputFormat::Html => {
            "HTML: the text of block elements; scripts, styles and navigation dropped"
        }
    }
}

/// `--fail-on` and the like: a finding kind by its name.
pub fn kind() -> impl TypedValueParser<Value = Kind> {
    parser(Kind::ALL.map(|k| (k.name(), kind_help(k))), Kind::from_name)
}

/// `--min-severity`: a severity by its name.
pub fn severity() -> impl TypedValueParser<Value = Severity> {
    parser(
        Severity::ALL.map(|s| (s.name(), severity_help(s))),
        Severity::from_name,
    )
}

/// `--input-format`: an input format by its name.
pub fn input_format() -> impl TypedValueParser<Value = InputFormat> {
    parser(
        InputFormat::ALL.map(|f| (f.name(), format_help(f))),
        InputFormat::from_name,
    )
}

/// The names of `values`, for error messages: `a, b, c`.
pub fn names<T: Copy>(values: &[T], name: fn(T) -> &'static str) -> String {
    values
        .iter()
        .map(|&v| name(v))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_help() {
        for k in Kind::ALL {
            assert!(!kind_help(k).is_empty(), "{}", k.name());
        }
    }

    /// What `parser` makes of `arg`, if it accepts it.
    fn parse<P: TypedValueParser>(parser: &P, arg: &str) -> Option<P::Value> {
        let cmd = clap::Command::new("transalign");
        parser.parse_ref(&cmd, None, std::ffi::OsStr::new(arg)).ok()
    }

    #[test]
    fn parsers_accept_the_library_names_only() {
        for k in Kind::ALL {
            assert_eq!(parse(&kind(), k.name()), Some(k));
        }
        assert_eq!(parse(&kind(), "AlteredQuote"), None);
        for s in Severity::ALL {
            assert_eq!(parse(&severity(), s.name()), Some(s));
        }
        assert_eq!(parse(&severity(), "Error"), None);
        for f in InputFormat::ALL {
            assert_eq!(parse(&input_format(), f.name()), Some(f));
        }
        assert_eq!(parse(&input_format(), "htm"), None);
    }
}
