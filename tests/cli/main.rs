//! Integration tests: every test runs the built `careers` binary.

mod common;
mod compare_gap_match_path;
mod files;
mod formats;
mod generated;
mod list_show;
mod onet;
mod onet_views;
mod readme;
mod salary;
mod terminal;
mod user_profiles;
