//! Loading arbitrary bytes as markdown never panics, and every paragraph and
//! sentence span lies inside the decoded text on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use transalign::document::InputFormat;

mod common;

fuzz_target!(|bytes: &[u8]| {
    common::load_and_segment(bytes, InputFormat::Markdown);
});
