//! Writing files the user owns: never half-written, never clobbered by accident.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;

/// Whether a write may replace an existing file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    Yes,
    /// Fail if the file exists by the time the write lands, even if it appeared meanwhile.
    No,
}

/// Writes `bytes` to a temporary file beside `path`, then renames it into place: a reader sees
/// the old file or the new one, never half of either. A Ctrl-C meanwhile removes the temporary
/// file.
pub fn write_atomically(path: &Path, bytes: &[u8], overwrite: Overwrite) -> anyhow::Result<()> {
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
