//! What a request asks for, read from the API's JSON or the page's form,
//! and the check that answers it.

use std::path::Path;

use axum::http::StatusCode;
use serde::Deserialize;
use transalign::document::Document;
use transalign::report::policy::Policy;
use transalign::report::{CheckReport, Render};
use transalign::{InputFormat, Kind, Language, Severity};

use super::Server;
use crate::cli::check::{check_documents, render};
use crate::cli::values::{self, Named};

/// An answer other than a report: the status and the CLI's one-line
/// message.
#[derive(Debug)]
pub struct Failure {
    pub status: StatusCode,
    pub message: String,
}

impl Failure {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Failure {
        Failure {
            status,
            message: message.into(),
        }
    }

    fn bad_request(message: impl Into<String>) -> Failure {
        Failure::new(StatusCode::BAD_REQUEST, message)
    }

    /// A failed check: the status its cause calls for, and the message the
    /// command line prints.
    fn of_check(e: &anyhow::Error) -> Failure {
        use transalign::Error;
        let status = match e.downcast_ref::<Error>() {
            Some(Error::UnknownLanguage { .. }) => StatusCode::BAD_REQUEST,
            Some(Error::TooLarge { .. }) => StatusCode::PAYLOAD_TOO_LARGE,
            Some(
                Error::UndetectedLanguage { .. }
                | Error::Empty { .. }
                | Error::Encoding { .. }
                | Error::Binary { .. },
            ) => StatusCode::UNPROCESSABLE_ENTITY,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        Failure::new(status, crate::one_line(e))
    }
}

/// One text to check and the name it goes by in the report.
#[derive(Debug)]
pub struct Input {
    /// The label of the report's `path` fields; never opened.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A check as a request asks for it. `None` means the server's setting
/// (from `transalign.toml` and its command line), or detection.
#[derive(Debug)]
pub struct CheckRequest {
    pub original: Input,
    pub translation: Input,
    pub source_lang: Option<Language>,
    pub target_lang: Option<Language>,
    pub format: Option<InputFormat>,
    pub fail_on: Option<Vec<Kind>>,
    pub min_severity: Option<Severity>,
    pub show: Option<Severity>,
    /// Patterns added to the server's.
    pub ignore: Vec<String>,
}

/// The name of the original when a request gives none.
pub const ORIGINAL: &str = "original";
/// The name of the translation when a request gives none.
pub const TRANSLATION: &str = "translation";

/// The body of `POST /api/check` (docs/serve.md). Unknown fields are
/// errors, so a misspelt option does not silently change nothing.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ApiRequest {
    original: String,
    translation: String,
    original_name: Option<String>,
    translation_name: Option<String>,
    source_lang: Option<String>,
    target_lang: Option<String>,
    format: Option<String>,
    fail_on: Option<Vec<String>>,
    min_severity: Option<String>,
    show: Option<String>,
    #[serde(default)]
    ignore: Vec<String>,
}

impl CheckRequest {
    /// Reads the API's JSON.
    pub fn from_json(body: &[u8]) -> Result<CheckRequest, Failure> {
        let api: ApiRequest = serde_json::from_slice(body)
            .map_err(|e| Failure::bad_request(format!("request body: {e}")))?;
        Ok(CheckRequest {
            original: Input {
                name: label(api.original_name.as_deref(), ORIGINAL),
                bytes: api.original.into_bytes(),
            },
            translation: Input {
                name: label(api.translation_name.as_deref(), TRANSLATION),
                bytes: api.translation.into_bytes(),
            },
            source_lang: language("source_lang", api.source_lang.as_deref())?,
            target_lang: language("target_lang", api.target_lang.as_deref())?,
            format: named("format", api.format.as_deref())?,
            fail_on: api
                .fail_on
                .map(|kinds| kinds.iter().map(|k| one_of("fail_on", k)).collect())
                .transpose()?,
            min_severity: named("min_severity", api.min_severity.as_deref())?,
            show: named("show", api.show.as_deref())?,
            ignore: api.ignore,
        })
    }
}

/// One part of the page's `multipart/form-data` body.
#[derive(Debug)]
pub struct FormField {
    pub name: String,
    /// The uploaded file's name, for file inputs.
    pub file_name: Option<String>,
    pub bytes: Vec<u8>,
}

impl FormField {
    /// The value of a field that is not a text to check.
    fn value(&self) -> Result<&str, Failure> {
        std::str::from_utf8(&self.bytes)
            .map_err(|_| Failure::bad_request(format!("form: {}: not UTF-8", self.name)))
    }

    /// An uploaded file, unless none was chosen.
    fn upload(self, default: &str) -> Option<Input> {
        (!self.bytes.is_empty()).then(|| Input {
            name: label(self.file_name.as_deref(), default),
            bytes: self.bytes,
        })
    }
}

impl CheckRequest {
    /// Reads the page's form (`GET /` lists its fields). An uploaded file
    /// replaces the text pasted for the same side.
    pub fn from_form(fields: Vec<FormField>) -> Result<CheckRequest, Failure> {
        let (mut original, mut translation) = (Vec::new(), Vec::new());
        let (mut original_file, mut translation_file) = (None, None);
        let mut request = CheckRequest {
            original: Input {
                name: ORIGINAL.into(),
                bytes: Vec::new(),
            },
            translation: Input {
                name: TRANSLATION.into(),
                bytes: Vec::new(),
            },
            source_lang: None,
            target_lang: None,
            format: None,
            fail_on: None,
            min_severity: None,
            show: None,
            ignore: Vec::new(),
        };
        for field in fields {
            match field.name.as_str() {
                "original" => original = field.bytes,
                "translation" => translation = field.bytes,
                "original_file" => original_file = field.upload(ORIGINAL),
                "translation_file" => translation_file = field.upload(TRANSLATION),
                "source_lang" => {
                    request.source_lang = language("source_lang", Some(field.value()?))?
                }
                "target_lang" => {
                    request.target_lang = language("target_lang", Some(field.value()?))?
                }
                "format" => request.format = named("format", Some(field.value()?))?,
                "min_severity" => {
                    request.min_severity = named("min_severity", Some(field.value()?))?
                }
                "show" => request.show = named("show", Some(field.value()?))?,
                "fail_on" => request
                    .fail_on
                    .get_or_insert_with(Vec::new)
                    .push(one_of("fail_on", field.value()?)?),
                "ignore" => request.ignore.extend(
                    field
                        .value()?
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(str::to_string),
                ),
                other => {
                    return Err(Failure::bad_request(format!(
                        "form: unknown field {other:?}"
                    )));
                }
            }
        }
        request.original.bytes = original;
        request.translation.bytes = translation;
        if let Some(file) = original_file {
            request.original = file;
        }
        if let Some(file) = translation_file {
            request.translation = file;
        }
        Ok(request)
    }
}

/// A name for the report: the one given, reduced to its last path
/// component (it is only ever a label), or `default`.
pub fn label(given: Option<&str>, default: &str) -> String {
    let name = given
        .unwrap_or_default()
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .trim();
    if name.is_empty() {
        default.to_string()
    } else {
        name.chars().filter(|c| !c.is_control()).collect()
    }
}

/// A language field: absent, `auto` or empty for detection, else an ISO
/// 639-1 code.
pub fn language(field: &str, value: Option<&str>) -> Result<Option<Language>, Failure> {
    match value.map(str::trim) {
        None | Some("" | "auto") => Ok(None),
        Some(code) => Language::from_code(code)
            .map(Some)
            .map_err(|e| Failure::bad_request(format!("{field}: {e}"))),
    }
}

/// A field naming a value of `T`: absent, `auto` or empty for the
/// default, else one of `T`'s names.
pub fn named<T: Named>(field: &str, value: Option<&str>) -> Result<Option<T>, Failure> {
    match value.map(str::trim) {
        None | Some("" | "auto") => Ok(None),
        Some(name) => one_of(field, name).map(Some),
    }
}

/// One of `T`'s names.
pub fn one_of<T: Named>(field: &str, name: &str) -> Result<T, Failure> {
    T::from_name(name.trim()).ok_or_else(|| {
        Failure::bad_request(format!(
            "{field}: unknown value {name:?} (expected one of {})",
            values::names::<T>()
        ))
    })
}

/// A checked pair, rendered.
pub struct Answer {
    /// The report in the asked format.
    pub bytes: Vec<u8>,
    /// What `check` would exit with: 1 when a finding fails the policy.
    pub exit_code: u8,
}

impl Server {
    /// The policy of one request: the server's, with the request's changes.
    fn policy(&self, request: &CheckRequest) -> Result<Policy, Failure> {
        let mut policy = self.policy.clone();
        if let Some(kinds) = &request.fail_on {
            policy.fail_on = kinds.clone();
        }
        if let Some(level) = request.min_severity {
            policy.min_severity = level;
        }
        for pattern in &request.ignore {
            let re = crate::cli::config::compile_pattern(pattern).map_err(|first| {
                Failure::bad_request(format!("ignore: invalid pattern {pattern:?}: {first}"))
            })?;
            policy.ignore.push(re);
        }
        Ok(policy)
    }

    /// Checks the pair as `check` does and renders the report: runs on the
    /// pool.
    pub fn answer(&self, request: CheckRequest, renderer: &dyn Render) -> Result<Answer, Failure> {
        let policy = self.policy(&request)?;
        let load = |input: &Input| {
            Document::from_input(Path::new(&input.name), &input.bytes, request.format)
                .map_err(|e| Failure::of_check(&e.into()))
        };
        let (source, target) = (load(&request.original)?, load(&request.translation)?);
        let options = transalign::CheckOptions {
            source_language: request.source_lang.or(self.source_lang),
            target_language: request.target_lang.or(self.target_lang),
            ..self.check.clone()
        };
        let mut report: CheckReport = check_documents(source, target, &options, &policy)
            .map_err(|e| Failure::of_check(&e))?;
        let exit_code = if policy.fails(&report) {
            crate::EXIT_FINDINGS
        } else {
            crate::EXIT_CLEAN
        };
        if let Some(level) = request.show.or(self.show) {
            report.hide_below(level);
        }
        let bytes = render(&report, renderer).map_err(|e| Failure::of_check(&e))?;
        Ok(Answer { bytes, exit_code })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_last_components_without_control_characters() {
        assert_eq!(label(None, "original"), "original");
        assert_eq!(label(Some("  "), "original"), "original");
        assert_eq!(label(Some("C:\\texts\\en.md"), "x"), "en.md");
        assert_eq!(label(Some("../../etc/passwd"), "x"), "passwd");
        assert_eq!(label(Some("a\u{7}b.md"), "x"), "ab.md");
    }

    #[test]
    fn auto_and_absent_mean_detection() {
        assert_eq!(language("source_lang", None).unwrap(), None);
        assert_eq!(language("source_lang", Some("auto")).unwrap(), None);
        assert_eq!(
            language("source_lang", Some("DE")).unwrap(),
            Some(Language::DE)
        );
        let e = language("target_lang", Some("german")).unwrap_err();
        assert_eq!(e.status, StatusCode::BAD_REQUEST);
        assert!(
            e.message.starts_with("target_lang: unknown language code"),
            "{}",
            e.message
        );
    }

    #[test]
    fn json_names_every_option() {
        let r = CheckRequest::from_json(
            br#"{"original": "a", "translation": "b", "original_name": "dir/en.md",
                 "source_lang": "en", "target_lang": "auto", "format": "html",
                 "fail_on": ["omission", "moved"], "min_severity": "error",
                 "show": "warning", "ignore": ["^Anzeige"]}"#,
        )
        .unwrap();
        assert_eq!(r.original.name, "en.md");
        assert_eq!(r.translation.name, TRANSLATION);
        assert_eq!(r.source_lang, Some(Language::EN));
        assert_eq!(r.target_lang, None);
        assert_eq!(r.format, Some(InputFormat::Html));
        assert_eq!(r.fail_on, Some(vec![Kind::Omission, Kind::Moved]));
        assert_eq!(r.min_severity, Some(Severity::Error));
        assert_eq!(r.show, Some(Severity::Warning));
        assert_eq!(r.ignore, vec!["^Anzeige".to_string()]);
    }

    #[test]
    fn json_errors_are_bad_requests() {
        for body in [
            &b"{"[..],
            br#"{"original": "a"}"#,
            br#"{"original": "a", "translation": "b", "colour": 1}"#,
            br#"{"original": "a", "translation": "b", "fail_on": ["omision"]}"#,
            br#"{"original": "a", "translation": "b", "format": "md"}"#,
        ] {
            let e = CheckRequest::from_json(body).unwrap_err();
            assert_eq!(e.status, StatusCode::BAD_REQUEST, "{}", e.message);
            assert!(!e.message.contains('\n'), "{}", e.message);
        }
    }
}
