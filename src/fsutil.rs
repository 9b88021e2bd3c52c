//! Writing files the user owns: never half-written, never clobbered by accident.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;

/// Whether a write may replace an existing file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Overwrite {
    Yes,
    /// Fail if the file exists by the time the write lands, even if it appeared meanwhile.
    No,
}

/// Writes `bytes` to a temporary file beside `path`, then renames it into place: a reader sees
/// the old file or the new one, never half of either. A Ctrl-C meanwhile removes the temporary
/// file.
pub(crate) fn write_atomically(
    path: &Path,
    bytes: &[u8],
    overwrite: Overwrite,
) -> anyhow::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    // A temporary file is private (0600) by default; the file the user gets is theirs, made
    // with their umask (0644 under umask 022) like any file they would write themselves.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    let _in_flight = crate::interrupt::InFlight::new(file.path());
    file.write_all(bytes)
        .and_then(|()| file.as_file().sync_all())
        .with_context(|| format!("cannot write {}", path.display()))?;
    match overwrite {
        Overwrite::Yes => file.persist(path).map(drop),
        Overwrite::No => file.persist_noclobber(path).map(drop),
    }
    .map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            anyhow::anyhow!(
                "{} already exists; pass --force to overwrite it",
                path.display()
            )
        } else {
            anyhow::anyhow!(
                "cannot write {}: {}",
                path.display(),
                crate::store::user::io_reason(&e.error)
            )
        }
    })
}

/// The error for a file that could not be written: the file, and on a full disk the folder
/// and how much room the file needs.
pub(crate) fn write_error(path: &Path, len: u64, err: &std::io::Error) -> anyhow::Error {
    if err.kind() == std::io::ErrorKind::StorageFull {
        let dir = path.parent().unwrap_or(Path::new("."));
        return anyhow::anyhow!(
            "cannot write {}: the disk is full; free at least {} bytes in {} and try again",
            path.display(),
            crate::model::salary::thousands(len),
            dir.display()
        );
    }
    anyhow::anyhow!(
        "cannot write {}: {}",
        path.display(),
        crate::store::user::io_reason(err)
    )
}

/// The error for a file of an import that could not be written into its temporary folder (a
/// folder of the data directory, swapped into place once every file is written). On a full
/// disk it names the data directory and the room the import needs at least: what is written
/// already, which goes when the import fails, and this file.
pub(crate) fn import_write_error(path: &Path, len: u64, err: &std::io::Error) -> anyhow::Error {
    let temp = path.parent().unwrap_or(Path::new("."));
    let Some(data_dir) = temp
        .parent()
        .filter(|_| err.kind() == std::io::ErrorKind::StorageFull)
    else {
        return write_error(path, len, err);
    };
    let written: u64 = std::fs::read_dir(temp)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter(|e| e.path() != path)
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum();
    anyhow::anyhow!(
        "cannot write the import into {}: the disk is full; free at least {} bytes there and import again (the previous import is kept)",
        data_dir.display(),
        crate::model::salary::thousands(written + len)
    )
}

/// Why a file was not read: it is not a regular file, it is larger than the caller allows, or
/// the system refused.
#[derive(Debug)]
pub enum ReadError {
    Directory,
    Fifo,
    Device,
    Socket,
    /// Neither a regular file nor any kind above.
    NotRegular,
    /// `len` bytes by the file's size; `None` when the size said less and reading found more.
    TooLarge {
        len: Option<u64>,
        max: u64,
    },
    Io(std::io::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::model::salary::thousands;
        match self {
            ReadError::Directory => f.write_str("is a directory, not a file"),
            ReadError::Fifo => f.write_str("is a named pipe (FIFO), not a regular file"),
            ReadError::Device => f.write_str("is a device, not a regular file"),
            ReadError::Socket => f.write_str("is a socket, not a regular file"),
            ReadError::NotRegular => f.write_str("is not a regular file"),
            ReadError::TooLarge {
                len: Some(len),
                max,
            } => write!(
                f,
                "is {} bytes; at most {} are read",
                thousands(*len),
                thousands(*max)
            ),
            ReadError::TooLarge { len: None, max } => write!(
                f,
                "holds more than {} bytes, the most that is read",
                thousands(*max)
            ),
            ReadError::Io(e) => write!(f, "cannot read: {}", crate::store::user::io_reason(e)),
        }
    }
}

impl std::error::Error for ReadError {}

/// Opens `path` for reading only if it is a regular file of at most `max` bytes, and returns it
/// wrapped so that it yields an error instead of more than `max` bytes (a file that grows, or
/// one of `/proc`'s, whose size says 0). A FIFO is opened without waiting for a writer and a
/// device is never read: both are refused at once.
pub(crate) fn open_bounded(path: &Path, max: u64) -> Result<Bounded<std::fs::File>, ReadError> {
    open_bounded_with_metadata(path, max).map(|(file, _)| file)
}

/// [`open_bounded`], with the metadata of the file it opened.
fn open_bounded_with_metadata(
    path: &Path,
    max: u64,
) -> Result<(Bounded<std::fs::File>, std::fs::Metadata), ReadError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // Opening a FIFO waits for a writer unless it is non-blocking; on a regular file the
        // flag does nothing.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::IsADirectory => ReadError::Directory,
        _ => ReadError::Io(e),
    })?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    check_kind(&meta)?;
    if meta.len() > max {
        return Err(ReadError::TooLarge {
            len: Some(meta.len()),
            max,
        });
    }
    Ok((
        Bounded {
            inner: file,
            left: max,
            max,
        },
        meta,
    ))
}

/// Reads the whole of `path` if it is a regular file of at most `max` bytes.
pub(crate) fn read_bounded(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    read_bounded_with_metadata(path, max).map(|(bytes, _)| bytes)
}

/// [`read_bounded`], with the metadata of the file it read (not of whatever `path` names by
/// the time the read ends).
pub(crate) fn read_bounded_with_metadata(
    path: &Path,
    max: u64,
) -> Result<(Vec<u8>, std::fs::Metadata), ReadError> {
    let (mut reader, meta) = open_bounded_with_metadata(path, max)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    std::io::Read::read_to_end(&mut reader, &mut bytes).map_err(ReadError::from_io)?;
    Ok((bytes, meta))
}

fn check_kind(meta: &std::fs::Metadata) -> Result<(), ReadError> {
    if meta.is_file() {
        return Ok(());
    }
    if meta.is_dir() {
        return Err(ReadError::Directory);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return Err(ReadError::Fifo);
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Err(ReadError::Device);
        }
        if kind.is_socket() {
            return Err(ReadError::Socket);
        }
    }
    Err(ReadError::NotRegular)
}

/// A reader that fails rather than yield more than its bound.
#[derive(Debug)]
pub struct Bounded<R> {
    inner: R,
    left: u64,
    max: u64,
}

/// The marker a [`Bounded`] reader's error carries, so that [`ReadError::from_io`] can tell it
/// from the system's own errors.
#[derive(Debug)]
struct OverBound {
    max: u64,
}

impl std::fmt::Display for OverBound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "is larger than {} bytes",
            crate::model::salary::thousands(self.max)
        )
    }
}

impl std::error::Error for OverBound {}

impl ReadError {
    /// The error a [`Bounded`] reader's I/O error stands for.
    pub fn from_io(err: std::io::Error) -> ReadError {
        match err.get_ref().and_then(|e| e.downcast_ref::<OverBound>()) {
            Some(over) => ReadError::TooLarge {
                len: None,
                max: over.max,
            },
            None => ReadError::Io(err),
        }
    }
}

/// Whether `err` is a [`Bounded`] reader's refusal to go past its bound.
pub(crate) fn is_over_bound(err: &std::io::Error) -> bool {
    matches!(err.get_ref(), Some(e) if e.is::<OverBound>())
}

impl<R: std::io::Read> std::io::Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        // One byte past the bound tells a file of exactly `max` bytes from a longer one.
        let want = buf
            .len()
            .min(usize::try_from(self.left + 1).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..want])?;
        if n as u64 > self.left {
            return Err(std::io::Error::other(OverBound { max: self.max }));
        }
        self.left -= n as u64;
        Ok(n)
    }
}

impl Bounded<std::fs::File> {
    /// The open file, for positioned reads within a size already checked.
    pub fn file(&self) -> &std::fs::File {
        &self.inner
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_names_the_folder_and_the_room_needed() {
        let data = tempfile::tempdir().unwrap();
        let temp = data.path().join(".oews-import-x");
        std::fs::create_dir(&temp).unwrap();
        std::fs::write(temp.join("wages.bin"), vec![0; 1_500]).unwrap();
        let tables = temp.join("tables.bin");
        std::fs::write(&tables, b"part").unwrap();
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        assert_eq!(
            import_write_error(&tables, 2_000, &full).to_string(),
            format!(
                "cannot write the import into {}: the disk is full; free at least 3,500 bytes there and import again (the previous import is kept)",
                data.path().display()
            )
        );
        assert_eq!(
            write_error(&tables, 2_000, &full).to_string(),
            format!(
                "cannot write {}: the disk is full; free at least 2,000 bytes in {} and try again",
                tables.display(),
                temp.display()
            )
        );
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(
            import_write_error(&tables, 2_000, &denied).to_string(),
            format!("cannot write {}: permission denied", tables.display())
        );
    }

    #[test]
    fn sizes_up_to_the_bound_are_read_and_one_byte_more_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, b"12345").unwrap();
        assert_eq!(read_bounded(&path, 5).unwrap(), b"12345");
        assert_eq!(
            read_bounded(&path, 4).unwrap_err().to_string(),
            "is 5 bytes; at most 4 are read"
        );
    }

    #[test]
    fn a_reader_past_its_bound_fails_even_when_the_size_said_less() {
        let mut reader = Bounded {
            inner: std::io::repeat(0),
            left: 1_048_576,
            max: 1_048_576,
        };
        let err = std::io::Read::read_to_end(&mut reader, &mut Vec::new()).unwrap_err();
        assert_eq!(
            ReadError::from_io(err).to_string(),
            "holds more than 1,048,576 bytes, the most that is read"
        );
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_folders_are_refused_unread() {
        assert_eq!(
            read_bounded(Path::new("/dev/zero"), 10)
                .unwrap_err()
                .to_string(),
            "is a device, not a regular file"
        );
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read_bounded(dir.path(), 10),
            Err(ReadError::Directory)
        ));
    }
}
