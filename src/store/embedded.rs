//! The O*NET, OEWS, projections and price-parity releases compiled into the binary, from `data/embedded/`: the files
//! `careers import` writes, made from the official files by `careers dataset` (see the
//! README). Builds without the `embedded` feature have neither, and answer from imports alone.

/// The embedded O*NET release, opened; `None` in a build without it.
pub fn onet() -> Option<crate::onet::storage::Stored> {
    #[cfg(feature = "embedded")]
    {
        use crate::datadir::blob::Blob;
        use crate::onet::storage::{Files, Location, Stored};
        macro_rules! file {
            ($name:literal) => {
                include_bytes!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/data/embedded/onet/",
                    $name
                ))
            };
        }
        let files = Files {
            manifest: file!("manifest.json").to_vec(),
            names: file!("names.bin"),
            index: Blob::Embedded(file!("index.bin")),
            details: Blob::Embedded(file!("details.bin")),
            search: Blob::Embedded(file!("search.bin")),
            words: Blob::Embedded(file!("words.bin")),
            ratings: Blob::Embedded(file!("ratings.bin")),
        };
        // The generator checks what it writes and the tests read every record: a failure
        // here is a broken build, which answers as a build without the data would.
        Stored::decode(files, Location::Embedded).ok()
    }
    #[cfg(not(feature = "embedded"))]
    None
}

/// The embedded OEWS release, opened; `None` in a build without it.
pub fn oews() -> Option<crate::oews::storage::Stored> {
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
        crate::oews::storage::Stored::embedded(
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
