#![no_main]
mod check;

use libfuzzer_sys::fuzz_target;
use slant::{analyze, InputKind, Options};

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else { return };
    let options = Options { input: Some(InputKind::Text), ..Options::default() };
    check::check(&analyze(input, &options).expect("plain text is always analysed"));
});
