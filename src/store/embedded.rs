//! The O*NET, OEWS, projections and price-parity releases compiled into the binary, from `data/embedded/`: the files
//! `careers import` writes, made from the official files by `careers dataset` (see the
//! README). Builds without the `embedded` feature have neither, and answer from imports alone.

/// The embedded O*NET release's manifest and files, by name.
#[cfg(feature = "embedded")]
fn onet_files() -> (&'static [u8], [(&'static str, &'static [u8]); 7]) {
    use crate::onet::storage::{DETAILS, INDEX, NAMES, RATINGS, SEARCH, TECHNOLOGY, WORDS};
    macro_rules! file {
        ($name:literal) => {
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/data/embedded/onet/",
                $name
            ))
        };
    }
    (
        file!("manifest.json"),
        [
            (NAMES, file!("names.bin")),
            (INDEX, file!("index.bin")),
            (DETAILS, file!("details.bin")),
            (SEARCH, file!("search.bin")),
            (WORDS, file!("words.bin")),
            (TECHNOLOGY, file!("technology.bin")),
            (RATINGS, file!("ratings.bin")),
        ],
    )
}

/// The embedded O*NET release, opened; `None` in a build without it.
pub fn onet() -> Option<crate::onet::storage::OnetRelease> {
    #[cfg(feature = "embedded")]
    {
        let (manifest, files) = onet_files();
        // The generator checks what it writes and the tests read every record and check every
        // checksum: a failure here is a broken build, which answers as a build without the
        // data would.
        crate::onet::storage::embedded(manifest, &files).ok()
    }
    #[cfg(not(feature = "embedded"))]
    None
}

/// The embedded OEWS release, opened; `None` in a build without it.
pub fn oews() -> Option<crate::oews::storage::StoredWages> {
    #[cfg(feature = "embedded")]
    {
        macro_rules! file {
            ($name:literal) => {
                include_bytes!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/data/embedded/oews/",
                    $name
                ))
            };
        }
        crate::oews::storage::StoredWages::embedded(
            file!("manifest.json"),
            file!("tables.bin"),
            file!("wages.bin"),
            file!("areas.bin"),
        )
        .ok()
    }
    #[cfg(not(feature = "embedded"))]
    None
}

/// The embedded BLS Employment Projections release, opened; `None` in a build without it.
pub fn projections() -> Option<crate::projections::storage::Projections> {
    #[cfg(feature = "embedded")]
    {
        use crate::projections::storage::{DATASET, Projections, ROWS};
        let opened = crate::datadir::release::embedded(
            &DATASET,
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/data/embedded/projections/manifest.json"
            )),
            &[(
                ROWS,
                include_bytes!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/data/embedded/projections/projections.bin"
                )),
            )],
        );
        // The generator checks what it writes: a failure here is a broken build, which
        // answers as a build without the data would.
        opened.and_then(Projections::decode).ok()
    }
    #[cfg(not(feature = "embedded"))]
    None
}

/// The embedded BEA Regional Price Parities release, opened; `None` in a build without it.
pub fn prices() -> Option<crate::prices::storage::Prices> {
    #[cfg(feature = "embedded")]
    {
        use crate::prices::storage::{DATASET, PARITIES, Prices};
        let opened = crate::datadir::release::embedded(
            &DATASET,
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/data/embedded/prices/manifest.json"
            )),
            &[(
                PARITIES,
                include_bytes!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/data/embedded/prices/prices.bin"
                )),
            )],
        );
        // The generator checks what it writes: a failure here is a broken build, which
        // answers as a build without the data would.
        opened.and_then(Prices::decode).ok()
    }
    #[cfg(not(feature = "embedded"))]
    None
}

#[cfg(all(test, feature = "embedded"))]
mod tests {
    /// The binary does not hash its O*NET files on every run; this checks them once.
    #[test]
    fn the_embedded_onet_files_match_their_checksums() {
        let (manifest, files) = super::onet_files();
        let opened = crate::datadir::release::embedded::<crate::onet::storage::Contents>(
            &crate::onet::storage::DATASET,
            manifest,
            &files,
        )
        .unwrap();
        assert_eq!(opened.files.len(), 7);
        assert!(super::onet().is_some());
    }
}
