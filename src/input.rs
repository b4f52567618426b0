//! Reading articles: UTF-8 text from a file, from stdin or from bytes, with errors that
//! name the input and the place of the problem. The only I/O in the library besides
//! [`crate::LexiconBuilder::add_file`], and only when called.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};

/// Bytes as UTF-8 text, or [`Error::NotUtf8`] naming `origin` and the first invalid byte.
///
/// ```
/// let err = copydesk::input::text_from_bytes(b"caf\xff".to_vec(), "page.html").unwrap_err();
/// assert_eq!(err.to_string(), "page.html: not UTF-8 text (invalid byte at offset 3); convert it to UTF-8 first");
/// ```
pub fn text_from_bytes(bytes: Vec<u8>, origin: &str) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        origin: origin.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Reads a whole input as UTF-8 text: the file at `path`, or stdin when `path` is `-`.
pub fn read_text(path: &str) -> Result<String> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io("stdin", &e))?;
        return text_from_bytes(bytes, "stdin");
    }
    let bytes = std::fs::read(Path::new(path)).map_err(|e| Error::io(path, &e))?;
    text_from_bytes(bytes, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_names_the_file() {
        let err = read_text("/no/such/article.txt").unwrap_err();
        assert!(matches!(
            err,
            Error::Io {
                kind: std::io::ErrorKind::NotFound,
                ..
            }
        ));
        assert!(
            err.to_string()
                .starts_with("cannot read /no/such/article.txt:"),
            "{err}"
        );
    }
}
