//! The library's error type: every variant names the input it concerns.

use std::path::PathBuf;

/// Everything that can go wrong while reading or checking documents.
///
/// Each message is one line that names the file and the problem, so the
/// binary can print it as it is. New variants may be added.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The file as the user named it.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The path names something that is not a regular file or a pipe.
    #[error("{path}: is a directory, not a file")]
    IsDirectory {
        /// The path as the user named it.
        path: PathBuf,
    },
    /// A named pipe given as a file had no writer within the wait.
    #[error(
        "{path}: is a named pipe with no writer (waited {waited} s); write to it, or give a file"
    )]
    NoWriter {
        /// The path as the user named it.
        path: PathBuf,
        /// Seconds waited.
        waited: u64,
    },
    /// The input is larger than the configured limit.
    #[error(
        "{path}: {size} bytes is more than the limit of {limit} bytes (raise it with --max-bytes)"
    )]
    TooLarge {
        /// The file as the user named it.
        path: PathBuf,
        /// Bytes read before giving up (at least `limit + 1`).
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// The bytes are not text in a supported encoding.
    #[error(
        "{path}: not valid UTF-8 at byte {offset} (transalign reads UTF-8, or UTF-16 with a byte order mark)"
    )]
    Encoding {
        /// The file as the user named it.
        path: PathBuf,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The input looks like a binary file.
    #[error("{path}: looks like a binary file (NUL byte at offset {offset}), not text")]
    Binary {
        /// The file as the user named it.
        path: PathBuf,
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// The document holds no text to check.
    #[error("{path}: contains no text")]
    Empty {
        /// The file as the user named it.
        path: PathBuf,
    },
    /// The language could not be detected reliably and was not given.
    #[error(
        "{path}: cannot tell the language reliably{guess}; name it with {flag} (an ISO 639-1 code such as en or de)"
    )]
    UndetectedLanguage {
        /// The file as the user named it.
        path: PathBuf,
        /// The flag that overrides detection for this side.
        flag: &'static str,
        /// A best guess, already formatted as ` (perhaps xx)`, or empty.
        guess: String,
    },
    /// A language code given by the user is not an ISO 639-1 code.
    #[error(
        "unknown language code {code:?}: expected a two-letter ISO 639-1 code such as en, de or fr (a region may follow: pt-BR)"
    )]
    UnknownLanguage {
        /// The code as given.
        code: String,
    },
    /// A lexicon or other resource file is malformed.
    #[error("{path}:{line}: {problem}")]
    Malformed {
        /// The file as the user named it.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// What is wrong.
        problem: String,
    },
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
