//! `careers man`: the manual page from the clap definition, through clap_mangen. On stdout, the
//! page of `careers` followed by the page of every command; with `--dir`, one file per page.

use std::path::PathBuf;

use clap::CommandFactory;

use crate::cli::{Cli, ManArgs};

pub fn run(args: &ManArgs) -> anyhow::Result<Vec<u8>> {
    let pages = pages()?;
    let Some(dir) = &args.dir else {
        return Ok(pages.into_iter().flat_map(|(_, roff)| roff).collect());
    };
    std::fs::create_dir_all(dir)
        .map_err(|e| anyhow::anyhow!("cannot create {}: {e}; pass another --dir", dir.display()))?;
    let mut written = String::new();
    for (name, roff) in pages {
        let path: PathBuf = dir.join(name);
        crate::fsutil::write_atomically(&path, &roff, crate::fsutil::Overwrite::Yes)?;
        written.push_str(&format!("{}\n", path.display()));
    }
    Ok(crate::render::sanitize::sanitize(&written)
        .into_owned()
        .into_bytes())
}

/// (file name, roff) for `careers` and each visible command, in the order `--help` lists them.
pub fn pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut pages = Vec::new();
    let mut add = |cmd: clap::Command| -> std::io::Result<()> {
        // Every page names the program and its version, not the subcommand, as its source.
        let man = clap_mangen::Man::new(cmd)
            .source(format!("careers {}", env!("CARGO_PKG_VERSION")))
            .manual("careers manual");
        let mut roff = Vec::new();
        man.render(&mut roff)?;
        pages.push((man.get_filename(), roff));
        Ok(())
    };
    add(cmd.clone())?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        add(sub.clone())?;
    }
    Ok(pages)
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_page_per_command_each_with_a_title() {
        let pages = super::pages().unwrap();
        let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names[0], "careers.1");
        assert!(names.contains(&"careers-show.1"), "{names:?}");
        assert!(names.contains(&"careers-man.1"), "{names:?}");
        for (name, roff) in &pages {
            let text = String::from_utf8_lossy(roff);
            assert!(text.lines().any(|l| l.starts_with(".TH ")), "{name}");
        }
    }
}
