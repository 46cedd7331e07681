//! Small file and process helpers shared by the command-line tests,
//! which all run the binary through [`transalign`].
// Each test binary compiles this module on its own and uses a part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// The `transalign` binary of this build, as every command-line test runs
/// it: without the variables that change its output (`NO_COLOR`,
/// `COLUMNS`).
pub fn transalign() -> Command {
    let mut cmd = Command::new(binary());
    cmd.env_remove("NO_COLOR").env_remove("COLUMNS");
    // No installed dictionary changes what the tests see.
    cmd.env("TRANSALIGN_DICT_DIR", NO_DICTIONARIES);
    cmd
}

/// A dictionary folder that does not exist: tests run without the
/// machine's dictionaries unless they give their own.
pub const NO_DICTIONARIES: &str = "/nonexistent/transalign-test-dictionaries";

/// [`transalign`] run in `dir`.
pub fn transalign_in(dir: &Path) -> Command {
    let mut cmd = transalign();
    cmd.current_dir(dir);
    cmd
}

/// The binary's path, for command lines run through a shell.
pub fn binary() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_transalign"))
}

/// Writes `bytes` to `dir/name`, creating folders on the way.
pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The files of a folder with their contents, sorted by name.
pub fn listing(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

/// Asserts that a run ended clean or with findings (exit 0 or 1), showing
/// its standard error otherwise.
pub fn assert_ran(out: &Output) {
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
