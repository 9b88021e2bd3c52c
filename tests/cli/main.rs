//! Integration tests: every test runs the built `careers` binary.

// A figure read back from the output is compared with the source's exactly, as printed.
#![allow(clippy::float_cmp)]

mod common;
// Which BLS code answers for each occupation, of the embedded releases.
#[cfg(feature = "embedded")]
mod bls_codes;
mod compare_gap_match_path;
// Completion of the embedded data's values.
#[cfg(feature = "embedded")]
mod completions;
#[cfg(feature = "embedded")]
mod embedded;
// The examples run on the embedded data.
#[cfg(feature = "embedded")]
mod examples;
mod exit_codes;
mod files;
mod find;
// `find` is of the embedded O*NET, OEWS, projections and price levels.
#[cfg(feature = "embedded")]
mod find_roles;
mod formats;
mod generated;
mod hostile;
mod imports_hostile;
mod json_contract;
mod list_show;
// `match` over the embedded O*NET ratings, OEWS and projections.
#[cfg(feature = "embedded")]
mod match_ranking;
mod oews;
mod onet;
mod onet_views;
// `outlook` is of the embedded O*NET and OEWS releases.
#[cfg(feature = "embedded")]
mod outlook;
mod profile_index;
// Every place a person names, of the embedded OEWS release.
#[cfg(feature = "embedded")]
mod places;
mod prices;
// BLS's projections, embedded.
#[cfg(feature = "embedded")]
mod projections;
mod ratings;
// The README shows what a fresh install prints, which a build without the embedded data cannot.
#[cfg(feature = "embedded")]
mod readme;
mod salary;
// Every command's CSV and plain output as scripts read it, of the embedded data.
#[cfg(feature = "embedded")]
mod script_formats;
// Tables at 80 columns, of the embedded O*NET and OEWS data.
#[cfg(feature = "embedded")]
mod tables;
mod terminal;
mod user_profiles;
// What pay buys where, of the embedded OEWS and BEA releases.
#[cfg(feature = "embedded")]
mod worth;
