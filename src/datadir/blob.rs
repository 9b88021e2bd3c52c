//! The bytes of one stored file: a file of an import, opened once so that a later import cannot
//! change it under a reader, or a file compiled into the binary.

use std::borrow::Cow;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use crate::fsutil::{Bounded, ReadError};

/// A stored file, read by range.
#[derive(Debug)]
pub enum Blob {
    File { file: Bounded<File>, len: u64 },
    Embedded(&'static [u8]),
}

impl Blob {
    /// Opens `path` if it is a regular file of at most `max` bytes.
    pub fn open(path: &Path, max: u64) -> Result<Blob, ReadError> {
        let file = crate::fsutil::open_bounded(path, max)?;
        let len = file.file().metadata().map_err(ReadError::Io)?.len();
        Ok(Blob::File { file, len })
    }

    /// How many bytes the file holds.
    pub fn len(&self) -> u64 {
        match self {
            Blob::File { len, .. } => *len,
            Blob::Embedded(bytes) => bytes.len() as u64,
        }
    }

    /// Whether the file is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `len` bytes from `offset`, or an error when the file is shorter: the range comes from
    /// another of the import's files, and is checked before anything is allocated for it.
    pub fn range(&self, offset: u64, len: u64) -> std::io::Result<Cow<'_, [u8]>> {
        let end = offset
            .checked_add(len)
            .filter(|&end| end <= self.len())
            .ok_or_else(|| {
                std::io::Error::new(
                    std::io::ErrorKind::UnexpectedEof,
                    "it is shorter than the index says",
                )
            })?;
        match self {
            Blob::Embedded(bytes) => Ok(Cow::Borrowed(&bytes[offset as usize..end as usize])),
            Blob::File { file, .. } => {
                let mut file = file.file();
                file.seek(SeekFrom::Start(offset))?;
                let mut buf = vec![0; len as usize];
                file.read_exact(&mut buf)?;
                Ok(Cow::Owned(buf))
            }
        }
    }

    /// The whole file.
    pub fn all(&self) -> std::io::Result<Cow<'_, [u8]>> {
        self.range(0, self.len())
    }
}

/// Bytes a stored file keeps as bytes (postcard writes a length, then the bytes), read in place
/// where the file is.
#[derive(Debug, Clone, Copy)]
pub struct Bytes<'a>(pub &'a [u8]);

impl serde::Serialize for Bytes<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(self.0)
    }
}

impl<'de: 'a, 'a> serde::Deserialize<'de> for Bytes<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        <&'de [u8]>::deserialize(d).map(Bytes)
    }
}
