//! Any bytes as a user profile file: check them, and when they pass, load the profile beside the
//! bundled ones and run every command that reads profiles on it, in every format, at a narrow
//! and a wide width. Nothing may panic, overflow or wrap.

#![no_main]

use std::path::PathBuf;

use careers::cli::Cli;
use careers::render::{Format, Style};
use careers::store::{Entry, Origin, Store, bundled_profiles, bundled_vocabulary};
use careers::{Context, dispatch};
use clap::Parser;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(profile) = careers::validate::check_bytes(data) else {
        return;
    };
    let id = profile.id.clone();
    let mut entries = bundled_profiles().expect("bundled profiles load");
    entries.push(Entry {
        profile,
        origin: Origin::User {
            path: PathBuf::from("fuzz.json"),
        },
    });
    let store = Store::new(
        entries,
        bundled_vocabulary().expect("bundled vocabulary loads"),
    );
    let _ = store.problems();
    let commands: [&[&str]; 9] = [
        &["show", &id],
        &["salary", &id, "--my-pay", "150k", "--sort", "mid"],
        &["trends", &id],
        &["compare", &id, "ml-engineer"],
        &["gap", &id, "data-engineer"],
        &["gap", "ml-engineer", &id],
        &["match", "--from", &id],
        &["path", &id],
        &["list"],
    ];
    let mut ctx = Context {
        store,
        data_dir: None,
        format: Format::Table,
        style: Style {
            width: 40,
            color: true,
        },
        hints: Default::default(),
    };
    for args in commands {
        for format in [Format::Table, Format::Json, Format::Csv, Format::Markdown] {
            for width in [40, 120] {
                let argv = std::iter::once("careers").chain(args.iter().copied());
                let Ok(cli) = Cli::try_parse_from(argv) else {
                    continue;
                };
                ctx.format = format;
                ctx.style.width = width;
                let mut out = Vec::new();
                // Errors (a role compared with itself, say) are fine; panics are not.
                let _ = dispatch(&ctx, cli.command, &mut out);
            }
        }
    }
});
