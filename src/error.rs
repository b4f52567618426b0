//! The crate's one error type.

use std::path::PathBuf;

/// Everything that can go wrong in copydesk.
///
/// Analysis itself never fails: any `&str` gives a report. Errors come from building
/// configuration (a custom lexicon), from limits the caller set, and from the I/O helpers
/// that read articles from files and JSON lines.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A lexicon entry is unusable: empty, only whitespace, too long, or of an unknown
    /// category. `origin` names where it came from (a file and line, or `"builder"`).
    #[error("lexicon entry {entry:?} at {origin}: {problem}")]
    Lexicon {
        /// The entry as given.
        entry: String,
        /// Where the entry came from.
        origin: String,
        /// What is wrong with it and what to do.
        problem: String,
    },
    /// The text is larger than the limit set with [`crate::ArticleBuilder::max_bytes`].
    #[error("article of {size} bytes is over the limit of {limit} bytes; raise the limit or split the text")]
    TooLarge {
        /// The size of the text in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The bytes are not UTF-8 text.
    #[error(
        "{origin}: not UTF-8 text (invalid byte at offset {offset}); convert it to UTF-8 first"
    )]
    NotUtf8 {
        /// Where the bytes came from (a file name, `"stdin"`, or `"line N"`).
        origin: String,
        /// The offset of the first invalid byte.
        offset: usize,
    },
    /// A user analyzer could not join a report.
    #[error("analyzer {name:?}: {problem}")]
    Analyzer {
        /// The analyzer's name.
        name: String,
        /// What went wrong.
        problem: String,
    },
    /// A file could not be read.
    #[error("cannot read {path}: {message}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The kind of I/O error.
        kind: std::io::ErrorKind,
        /// The operating system's message (kept as text so that `Error` stays
        /// `UnwindSafe` and `Clone`-free of foreign types).
        message: String,
    },
}

impl Error {
    /// An [`Error::Io`] for `path`.
    pub fn io(path: impl Into<PathBuf>, error: &std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            kind: error.kind(),
            message: error.to_string(),
        }
    }
}

/// A `Result` with copydesk's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
