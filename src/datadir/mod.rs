//! The user's data directory: where it is ([`paths`]), how an import is put in place in it
//! safely against other imports and readers ([`imports`]), and how a stored file, imported or
//! compiled in, is read ([`blob`]); the one shape every dataset is stored in ([`release`]), and
//! what an import under `--force` left out ([`skipped`]). The store and the dataset readers
//! both build on it.

pub mod blob;
pub mod imports;
pub mod paths;
pub mod release;
pub mod skipped;
