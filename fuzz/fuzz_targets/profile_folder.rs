//! A profiles folder built from the input: up to four entries, each a regular file with the
//! input's bytes, an empty or sparse file of any size up to 4 GiB, a directory, a named pipe, a
//! link to `/dev/zero` or `/dev/urandom`, a dangling link or a link loop, under names that may
//! hold spaces, quotes and newlines. Loading the folder the way every command does, and checking
//! it the way `validate` does, must finish without a panic, a hang or a read of the device, and
//! must say something about every entry that is not a sound profile.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

mod scratch;
use scratch::scratch;

fn take<'a>(data: &mut &'a [u8], n: usize) -> &'a [u8] {
    let n = n.min(data.len());
    let (head, rest) = data.split_at(n);
    *data = rest;
    head
}

fn byte(data: &mut &[u8]) -> u8 {
    take(data, 1).first().copied().unwrap_or(0)
}

fn make(path: &Path, kind: u8, data: &mut &[u8]) {
    match kind % 8 {
        0 | 1 => {
            let len = usize::from(u16::from_le_bytes([byte(data), byte(data)]));
            std::fs::write(path, take(data, len)).unwrap();
        }
        2 => {
            let len = u32::from_le_bytes([byte(data), byte(data), byte(data), byte(data)]);
            std::fs::File::create(path)
                .unwrap()
                .set_len(u64::from(len))
                .unwrap();
        }
        3 => std::fs::create_dir(path).unwrap(),
        4 => {
            let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
            // SAFETY: `name` is a NUL-terminated path that lives across the call.
            let made = unsafe { libc::mkfifo(name.as_ptr(), 0o644) };
            assert_eq!(made, 0, "mkfifo");
        }
        5 => {
            let device = if byte(data) % 2 == 0 {
                "/dev/zero"
            } else {
                "/dev/urandom"
            };
            std::os::unix::fs::symlink(device, path).unwrap();
        }
        6 => std::os::unix::fs::symlink(path.with_extension("missing"), path).unwrap(),
        _ => std::os::unix::fs::symlink(path, path).unwrap(),
    }
}

fuzz_target!(|input: &[u8]| {
    let mut data = input;
    let dir = tempfile::tempdir_in(scratch()).unwrap();
    let profiles = dir.path().join("profiles");
    std::fs::create_dir(&profiles).unwrap();
    let count = byte(&mut data) % 4 + 1;
    let mut made = Vec::new();
    for i in 0..count {
        let kind = byte(&mut data);
        let name = match byte(&mut data) % 4 {
            0 => format!("p{i}.json"),
            1 => format!("my role {i}.json"),
            2 => format!("it's\n{i}.json"),
            _ => format!("\u{1b}[31m{i}\u{202e}.json"),
        };
        let path = profiles.join(name);
        make(&path, kind, &mut data);
        made.push(path);
    }
    let mut warnings = Vec::new();
    let store = careers::load_store(Some(dir.path()), false, &mut warnings)
        .expect("a profiles folder never fails the whole load");
    let warnings = String::from_utf8(warnings).expect("warnings are UTF-8");
    // One line per warning: no file name may break a line.
    for line in warnings.lines() {
        assert!(line.starts_with("careers: warning: "), "{line:?}");
        assert!(!line.contains('\u{1b}'), "{line:?}");
    }
    let paths = careers::store::user::profile_paths(&profiles).unwrap();
    assert_eq!(paths.len(), made.len());
    let vocabulary = careers::store::bundled_vocabulary().unwrap();
    let report = careers::commands::validate::check_files(&paths, &vocabulary);
    for file in &report.files {
        assert!(file.valid || !file.problems.is_empty(), "{file:?}");
    }
    drop(store);
});
