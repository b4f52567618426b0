//! Arbitrary bytes -> UTF-8 (checked; lossy when invalid) -> Article -> Report -> JSON,
//! checking the report's invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match std::str::from_utf8(data) {
        Ok(text) => {
            copydesk_fuzz::check_text(text);
        }
        Err(error) => {
            // What a caller that repairs input gets: U+FFFD for each bad sequence.
            copydesk_fuzz::check_text(&String::from_utf8_lossy(data));
            // What a caller that cuts at the first bad byte gets.
            let valid = std::str::from_utf8(&data[..error.valid_up_to()]).unwrap_or("");
            copydesk_fuzz::check_text(valid);
        }
    }
});
