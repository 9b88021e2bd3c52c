//! Integration tests: every test runs the built `careers` binary.

mod common;
mod list_show;
mod onet;
mod readme;
