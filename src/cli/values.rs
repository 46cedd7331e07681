//! Command-line values of the library's enums.
//!
//! The library names its values (`ALL`, `name()`, `from_name()`) and knows
//! nothing of clap; here they become value parsers, with the help line each
//! value shows in `--help`.

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use transalign::{InputFormat, Kind, Severity};

/// A library enum that the command line and the configuration file name by
/// its library names.
pub trait Named: Copy + Send + Sync + 'static {
    /// Every value, in the order help lists them.
    const ALL: &'static [Self];
    /// The value's name.
    fn name(self) -> &'static str;
    /// The value named `name`.
    fn from_name(name: &str) -> Option<Self>;
    /// The value's line in `--help`.
    fn help(self) -> &'static str;
}

impl Named for Kind {
    const ALL: &'static [Kind] = &Kind::ALL;

    fn name(self) -> &'static str {
        Kind::name(self)
    }

    fn from_name(name: &str) -> Option<Kind> {
        Kind::from_name(name)
    }

    fn help(self) -> &'static str {
        match self {
            Kind::Omission => "Original content with no counterpart in the translation",
            Kind::Addition => "Translation content with no counterpart in the original",
            Kind::AlteredQuote => "A quotation that was changed, cut, extended, or lost its marks",
            Kind::NumberMismatch => "Numbers that differ between aligned segments",
            Kind::NameMismatch => "Names that differ between aligned segments",
            Kind::Untranslated => "Text left in the original's language",
            Kind::Moved => "Original content told at another place",
            _ => "",
        }
    }
}

impl Named for Severity {
    const ALL: &'static [Severity] = &Severity::ALL;

    fn name(self) -> &'static str {
        Severity::name(self)
    }

    fn from_name(name: &str) -> Option<Severity> {
        Severity::from_name(name)
    }

    fn help(self) -> &'static str {
        match self {
            Severity::Info => "Worth a look; never fails a run by default",
            Severity::Warning => "Probably a problem",
            Severity::Error => "Almost certainly a problem",
        }
    }
}

impl Named for InputFormat {
    const ALL: &'static [InputFormat] = &InputFormat::ALL;

    fn name(self) -> &'static str {
        InputFormat::name(self)
    }

    fn from_name(name: &str) -> Option<InputFormat> {
        InputFormat::from_name(name)
    }

    fn help(self) -> &'static str {
        match self {
            InputFormat::Text => "Plain text: blank lines separate paragraphs",
            InputFormat::Markdown => "Markdown (CommonMark)",
            InputFormat::Html => {
                "HTML: the text of block elements; scripts, styles and navigation dropped"
            }
        }
    }
}

/// A clap value parser that accepts exactly the names of `T`'s values.
pub fn parser<T: Named>() -> impl TypedValueParser<Value = T> {
    PossibleValuesParser::new(
        T::ALL
            .iter()
            .map(|&v| PossibleValue::new(v.name()).help(v.help())),
    )
    .map(|name| T::from_name(&name).expect("clap accepts only the listed names"))
}

/// The names of `T`'s values, for error messages: `a, b, c`.
pub fn names<T: Named>() -> String {
    T::ALL
        .iter()
        .map(|&v| v.name())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_help() {
        for &k in <Kind as Named>::ALL {
            assert!(!Named::help(k).is_empty(), "{}", k.name());
        }
    }

    /// What the parser of `T` makes of `arg`, if it accepts it.
    fn parse<T: Named>(arg: &str) -> Option<T> {
        let cmd = clap::Command::new("transalign");
        parser::<T>()
            .parse_ref(&cmd, None, std::ffi::OsStr::new(arg))
            .ok()
    }

    #[test]
    fn parsers_accept_the_library_names_only() {
        for k in Kind::ALL {
            assert_eq!(parse::<Kind>(k.name()), Some(k));
        }
        assert_eq!(parse::<Kind>("AlteredQuote"), None);
        for s in Severity::ALL {
            assert_eq!(parse::<Severity>(s.name()), Some(s));
        }
        assert_eq!(parse::<Severity>("Error"), None);
        for f in InputFormat::ALL {
            assert_eq!(parse::<InputFormat>(f.name()), Some(f));
        }
        assert_eq!(parse::<InputFormat>("htm"), None);
    }

    #[test]
    fn names_are_listed_in_order() {
        assert_eq!(names::<Severity>(), "info, warning, error");
    }
}
