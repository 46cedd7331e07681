//! `transalign.toml`: defaults for every report and policy option.
//!
//! Found by searching from the working directory up to the repository's
//! root (the folder holding `.git`), or named with `--config FILE`. Options
//! given on the command line win; `ignore` patterns from both are used.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde::Deserialize;
use transalign::report::policy::Policy;
use transalign::{Kind, Language, Severity};

use super::values::{self, Named};

/// The file looked for in the working directory and the folders above.
pub const FILE_NAME: &str = "transalign.toml";

/// The configuration that applies in `dir` (an absolute path):
/// `transalign.toml` in it or in the nearest folder above, searching no
/// higher than the repository's root (the folder holding `.git`, a folder
/// or a worktree's file) or the file system's root. The path is relative
/// to `dir`: `transalign.toml`, `../transalign.toml`, …
pub fn discover(dir: &Path) -> Option<PathBuf> {
    let mut up = PathBuf::new();
    for folder in dir.ancestors() {
        if folder.join(FILE_NAME).is_file() {
            return Some(up.join(FILE_NAME));
        }
        if folder.join(".git").exists() {
            return None;
        }
        up.push("..");
    }
    None
}

/// The file's schema (docs/configuration.md). Unknown keys are errors, so a
/// typo does not silently change nothing.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Report format name.
    pub format: Option<String>,
    /// Kinds that fail a run.
    pub fail_on: Option<Vec<String>>,
    /// Lowest severity that fails a run.
    pub min_severity: Option<String>,
    /// Regular expressions of flagged text to drop.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Unchanged paragraph pairs around each change in the terminal.
    pub context: Option<usize>,
    /// Lowest severity listed in reports (`--show`).
    pub show: Option<String>,
    /// auto, always or never.
    pub color: Option<String>,
    /// Language of originals.
    pub source_lang: Option<String>,
    /// Language of translations.
    pub target_lang: Option<String>,
    /// Batch mode: let manifests name files outside their folder.
    pub allow_outside: Option<bool>,
    /// Where the config came from, for error messages.
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

/// Line (1-based) of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

impl Config {
    /// Loads `explicit`, or the `transalign.toml` that applies in the
    /// working directory ([`discover`]), or nothing.
    pub fn load(explicit: Option<&Path>) -> anyhow::Result<Config> {
        let path = match explicit {
            Some(p) => p.to_path_buf(),
            None => match std::env::current_dir().ok().and_then(|d| discover(&d)) {
                Some(p) => p,
                None => return Ok(Config::default()),
            },
        };
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("{}: cannot read the configuration", path.display()))?;
        let mut config: Config = toml::from_str(&text).map_err(|e| {
            let at = e
                .span()
                .map(|s| format!(" line {}:", line_of(&text, s.start)))
                .unwrap_or_default();
            anyhow::anyhow!("{}:{at} {}", path.display(), e.message().trim())
        })?;
        config.path = Some(path);
        config.check()?;
        Ok(config)
    }

    fn name(&self) -> String {
        self.path
            .as_ref()
            .map_or_else(|| FILE_NAME.to_string(), |p| p.display().to_string())
    }

    /// Validates every value now, so errors name the file.
    fn check(&self) -> anyhow::Result<()> {
        self.fail_on()?;
        self.min_severity()?;
        self.show()?;
        self.ignore_patterns(&[])?;
        self.language(&self.source_lang, "source-lang")?;
        self.language(&self.target_lang, "target-lang")?;
        if let Some(c) = &self.color {
            if !matches!(c.as_str(), "auto" | "always" | "never") {
                bail!(
                    "{}: color: expected auto, always or never, found {c:?}",
                    self.name()
                );
            }
        }
        Ok(())
    }

    /// `value` by name; the error names the file and key.
    fn value<T: Named>(&self, key: &str, value: &str) -> anyhow::Result<T> {
        T::from_name(value).ok_or_else(|| {
            anyhow::anyhow!(
                "{}: {key}: unknown value {value:?} (expected one of {})",
                self.name(),
                values::names::<T>()
            )
        })
    }

    /// `fail-on` as kinds.
    pub fn fail_on(&self) -> anyhow::Result<Option<Vec<Kind>>> {
        self.fail_on
            .as_ref()
            .map(|v| v.iter().map(|k| self.value::<Kind>("fail-on", k)).collect())
            .transpose()
    }

    /// `min-severity` as a severity.
    pub fn min_severity(&self) -> anyhow::Result<Option<Severity>> {
        self.min_severity
            .as_deref()
            .map(|s| self.value::<Severity>("min-severity", s))
            .transpose()
    }

    /// `show` as a severity.
    pub fn show(&self) -> anyhow::Result<Option<Severity>> {
        self.show
            .as_deref()
            .map(|s| self.value::<Severity>("show", s))
            .transpose()
    }

    /// A language key.
    pub fn language(&self, value: &Option<String>, key: &str) -> anyhow::Result<Option<Language>> {
        value
            .as_deref()
            .map(|c| {
                Language::from_code(c).map_err(|e| anyhow::anyhow!("{}: {key}: {e}", self.name()))
            })
            .transpose()
    }

    /// The config's patterns and `extra`, compiled.
    pub fn ignore_patterns(&self, extra: &[String]) -> anyhow::Result<Vec<regex::Regex>> {
        let mut out = Vec::new();
        for (p, from_file) in self
            .ignore
            .iter()
            .map(|p| (p, true))
            .chain(extra.iter().map(|p| (p, false)))
        {
            let re = compile_pattern(p).map_err(|first| {
                if from_file {
                    anyhow::anyhow!("{}: ignore: invalid pattern {p:?}: {first}", self.name())
                } else {
                    anyhow::anyhow!("--ignore: invalid pattern {p:?}: {first}")
                }
            })?;
            out.push(re);
        }
        Ok(out)
    }
}

/// An ignore pattern compiled, or the last line of regex's explanation
/// (the one that says what is wrong) when it is invalid.
pub fn compile_pattern(pattern: &str) -> Result<regex::Regex, String> {
    regex::Regex::new(pattern).map_err(|e| {
        e.to_string()
            .lines()
            .last()
            .unwrap_or_default()
            .trim()
            .to_string()
    })
}

/// Policy options shared by `check` and `batch`.
#[derive(Debug, Clone, clap::Args)]
pub struct PolicyArgs {
    /// Only findings of these kinds fail the run (comma-separated; default: all).
    #[arg(long, value_parser = values::parser::<Kind>(), value_delimiter = ',')]
    fail_on: Vec<Kind>,
    /// Fail (exit 1) on findings of at least this severity [default: warning].
    #[arg(long, value_parser = values::parser::<Severity>())]
    min_severity: Option<Severity>,
    /// Drop findings whose flagged text matches this regular expression
    /// (repeatable; adds to the configuration's patterns).
    #[arg(long, value_name = "REGEX")]
    ignore: Vec<String>,
    /// Read options from this file instead of the transalign.toml found in
    /// the working directory or a folder above it (up to the repository's root).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Say on standard error which configuration file is used, and how each
    /// input's format and language were settled.
    #[arg(long, short = 'v')]
    pub verbose: bool,
}

impl PolicyArgs {
    /// The configuration: `--config`, or the one found; with `--verbose`,
    /// says which on standard error.
    pub fn load_config(&self) -> anyhow::Result<Config> {
        let config = Config::load(self.config.as_deref())?;
        if self.verbose {
            let used = match &config.path {
                Some(p) => p.display().to_string(),
                None => format!("none (no {FILE_NAME} here or above, up to the repository's root)"),
            };
            eprintln!("transalign: configuration: {used}");
        }
        Ok(config)
    }

    /// The policy: command line first, then the configuration, then defaults.
    pub fn policy(&self, config: &Config) -> anyhow::Result<Policy> {
        let fail_on = if self.fail_on.is_empty() {
            config.fail_on()?.unwrap_or_default()
        } else {
            self.fail_on.clone()
        };
        Ok(Policy {
            fail_on,
            min_severity: self
                .min_severity
                .or(config.min_severity()?)
                .unwrap_or(Severity::Warning),
            ignore: config.ignore_patterns(&self.ignore)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> anyhow::Result<Config> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.toml");
        std::fs::write(&path, text).unwrap();
        Config::load(Some(&path))
    }

    #[test]
    fn reads_every_key() {
        let c = parse(
            "format = \"sarif\"\nfail-on = [\"omission\"]\nmin-severity = \"error\"\nignore = [\"^Anzeige\"]\ncontext = 2\nshow = \"warning\"\ncolor = \"never\"\nsource-lang = \"en\"\ntarget-lang = \"de\"\nallow-outside = true\n",
        )
        .unwrap();
        assert_eq!(c.fail_on().unwrap(), Some(vec![Kind::Omission]));
        assert_eq!(c.min_severity().unwrap(), Some(Severity::Error));
        assert_eq!(c.context, Some(2));
        assert_eq!(c.show().unwrap(), Some(Severity::Warning));
        assert_eq!(c.ignore_patterns(&[]).unwrap().len(), 1);
    }

    #[test]
    fn errors_are_one_line_and_name_the_file() {
        for bad in [
            "fail-on = [\"omision\"]",
            "colour = \"never\"",
            "context = -1",
            "ignore = [\"(\"]",
            "min-severity = 3",
            "x =",
        ] {
            let e = parse(bad).unwrap_err().to_string();
            assert!(e.contains("t.toml"), "{bad}: {e}");
            assert!(!e.contains('\n'), "{bad}: {e}");
        }
    }

    #[test]
    fn unknown_values_list_the_known_ones() {
        let e = parse("fail-on = [\"omision\"]").unwrap_err().to_string();
        let kinds: Vec<&str> = transalign::Kind::ALL.iter().map(|k| k.name()).collect();
        assert!(
            e.ends_with(&format!(
                "fail-on: unknown value \"omision\" (expected one of {})",
                kinds.join(", ")
            )),
            "{e}"
        );
        let e = parse("min-severity = \"fatal\"").unwrap_err().to_string();
        assert!(e.ends_with("(expected one of info, warning, error)"), "{e}");
    }

    #[test]
    fn discovery_searches_up_to_the_repository_root() {
        let root = tempfile::tempdir().unwrap();
        let repo = root.path().join("repo");
        let deep = repo.join("articles/de");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::create_dir(repo.join(".git")).unwrap();
        // Above the repository: never read.
        std::fs::write(root.path().join(FILE_NAME), "").unwrap();
        assert_eq!(discover(&deep), None);
        std::fs::write(repo.join(FILE_NAME), "").unwrap();
        assert_eq!(
            discover(&deep),
            Some(PathBuf::from("../../transalign.toml"))
        );
        assert_eq!(discover(&repo), Some(PathBuf::from(FILE_NAME)));
        // The nearest wins.
        std::fs::write(deep.join(FILE_NAME), "").unwrap();
        assert_eq!(discover(&deep), Some(PathBuf::from(FILE_NAME)));
        // A worktree's `.git` is a file; it ends the search as well.
        let tree = root.path().join("tree/sub");
        std::fs::create_dir_all(&tree).unwrap();
        std::fs::write(root.path().join("tree/.git"), "gitdir: x").unwrap();
        assert_eq!(discover(&tree), None);
        // Without a repository, up to the file system's root.
        let plain = root.path().join("plain/a/b");
        std::fs::create_dir_all(&plain).unwrap();
        assert_eq!(
            discover(&plain),
            Some(PathBuf::from("../../../transalign.toml"))
        );
    }

    #[test]
    fn command_line_wins() {
        let c = parse("min-severity = \"error\"\nfail-on = [\"addition\"]\n").unwrap();
        let args = PolicyArgs {
            fail_on: vec![Kind::Omission],
            min_severity: Some(Severity::Info),
            ignore: vec!["x".into()],
            config: None,
            verbose: false,
        };
        let p = args.policy(&c).unwrap();
        assert_eq!(p.fail_on, vec![Kind::Omission]);
        assert_eq!(p.min_severity, Severity::Info);
        assert_eq!(p.ignore.len(), 1);
    }
}
