//! The same hostile inputs for every dataset an import reads (O*NET, O*NET's rating files read
//! from another folder, BLS's projections, BEA's price parities): a cut file, a wrong file, an
//! empty file, bad values, a smaller release, and a stored import damaged after it was
//! written. Each must fail with its exact message and exit code, naming the file or folder and
//! the fix, and keep the import that was there; a damaged store must warn and fall back.

use std::path::Path;
use std::time::Duration;

use crate::common::{TestEnv, copy_of, fixture};

/// A data directory with nothing imported, each run bounded in time.
fn bounded() -> TestEnv {
    TestEnv::new().timeout(Duration::from_secs(60))
}

/// Runs `args`, which must fail with exit 1 and `message`, and checks that `dataset`'s
/// import in `env` is what it was.
fn refused(env: &TestEnv, args: &[&str], message: &str, dataset: &str) {
    let manifest = env.data_dir().join(dataset).join("manifest.json");
    let before = std::fs::read(&manifest).ok();
    let out = env.run(args);
    assert_eq!(out.code, Some(1), "{args:?}: {}", out.stdout);
    assert_eq!(
        out.stderr,
        format!("careers: error: {message}\n"),
        "{args:?}"
    );
    assert_eq!(
        std::fs::read(&manifest).ok(),
        before,
        "{args:?}: the import is kept"
    );
}

/// Flips one bit of `file` in the middle.
fn flip(file: &Path) {
    let mut bytes = std::fs::read(file).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 0x04;
    std::fs::write(file, bytes).unwrap();
}

/// The warning of an import whose `file` no longer matches its checksum.
fn damaged(env: &TestEnv, title: &str, folder: &str, file: &str, import: &str) -> String {
    let dir = env.data_dir().join(folder);
    format!(
        "careers: warning: the imported {title} data in {d} cannot be read ({file} does not match its checksum: it was changed or damaged after the import); import it again with `{import}`, or remove it with `rm -r {d}`",
        d = dir.display()
    )
}

// O*NET.

/// A data directory with the O*NET fixture imported.
fn onet_imported() -> TestEnv {
    let env = bounded();
    let out = env.run(&["import", "onet", fixture("onet").to_str().unwrap()]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    env
}

#[test]
fn onet_cut_wrong_empty_bad_and_smaller_files_keep_the_import() {
    let env = onet_imported();
    let args = |dir: &Path| {
        vec![
            "import".to_owned(),
            "onet".to_owned(),
            dir.to_str().unwrap().to_owned(),
        ]
    };
    let run = |dir: &Path, message: &str| {
        let args = args(dir);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        refused(&env, &args, message, "onet");
    };
    // Cut: Task Statements.txt ends inside a row.
    let cut = copy_of(&fixture("onet"));
    let tasks = cut.path().join("Task Statements.txt");
    let whole = std::fs::read(&tasks).unwrap();
    std::fs::write(&tasks, &whole[..whole.len() - 10]).unwrap();
    run(
        cut.path(),
        &format!(
            "\"Task Statements.txt\" ends mid-row (its last line has no line end): it looks cut short; download the database again (it is {})",
            tasks.display()
        ),
    );
    // Wrong: another file under Occupation Data.txt's name.
    let wrong = copy_of(&fixture("onet"));
    std::fs::copy(
        wrong.path().join("Task Statements.txt"),
        wrong.path().join("Occupation Data.txt"),
    )
    .unwrap();
    run(
        wrong.path(),
        "Occupation Data.txt: the header has no column \"Title\"",
    );
    // Empty: a 0-byte Task Statements.txt, and a folder with only Occupation Data.txt.
    let empty = copy_of(&fixture("onet"));
    std::fs::write(empty.path().join("Task Statements.txt"), b"").unwrap();
    run(
        empty.path(),
        &format!(
            "this import would replace 4 tasks with 0 (\"Task Statements.txt\" is empty), losing more than the 5% a new release may (a truncated or incomplete download, or a partial release?); the previous import is kept: check those files in {} (download the database again), or pass --force to replace it anyway",
            empty.path().display()
        ),
    );
    let only = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("onet").join("Occupation Data.txt"),
        only.path().join("Occupation Data.txt"),
    )
    .unwrap();
    let out = env.run(&args(only.path()));
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.starts_with("careers: error: this import would replace 6 alternate titles with 0 (\"Alternate Titles.txt\" is missing), 2 reported titles with 0 (\"Sample of Reported Titles.txt\" is missing), 4 tasks with 0 (\"Task Statements.txt\" is missing), "),
        "{}",
        out.stderr
    );
    // Bad values: NaN in 15-2051.00's first interest high-point.
    let bad = copy_of(&fixture("onet"));
    let interests = bad.path().join("Interests.txt");
    let text = std::fs::read_to_string(&interests).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("15-2051.00") && l.contains("First Interest High-Point"))
        .unwrap();
    let text: Vec<String> = text
        .split_inclusive('\n')
        .enumerate()
        .map(|(i, l)| {
            if i == line {
                let mut fields: Vec<&str> = l.split('\t').collect();
                fields[4] = "NaN";
                fields.join("\t")
            } else {
                l.to_owned()
            }
        })
        .collect();
    std::fs::write(&interests, text.concat()).unwrap();
    run(
        bad.path(),
        &format!(
            "{} has 1 row that cannot be read: Interests.txt line {}, column 5 \"Data Value\": Data Value \"NaN\" is not a finite number; nothing was imported and the previous import is kept (download the database again, or pass --force to import the rest, marking each occupation a left-out row names incomplete)",
            bad.path().display(),
            line + 1
        ),
    );
    assert_eq!(
        env.json(&["show", "15-2051.00"])["onet"]["interest_code"],
        "IC"
    );
    // Smaller: one of the six occupations gone from every file, as a consistent but partial
    // release would have it.
    let smaller = copy_of(&fixture("onet"));
    for entry in std::fs::read_dir(smaller.path()).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read(&path).unwrap();
        let kept: Vec<u8> = text
            .split_inclusive(|&b| b == b'\n')
            .filter(|l| !l.windows(10).any(|w| w == b"13-1111.00"))
            .flatten()
            .copied()
            .collect();
        std::fs::write(&path, kept).unwrap();
    }
    let out = env.run(&args(smaller.path()));
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.starts_with("careers: error: this import would replace 6 occupations with 5 (\"Occupation Data.txt\" holds fewer), "),
        "{}",
        out.stderr
    );
    // Forced, the NaN row is left out and its occupation says so.
    let forced = env.json(
        &[
            &args(bad.path())
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()[..],
            &["--force"],
        ]
        .concat(),
    );
    assert_eq!(forced["counts"]["rows_skipped"], 1);
    let shown = env.json(&["show", "15-2051.00"]);
    assert_eq!(shown["onet"]["interest_code"], "C");
    assert_eq!(
        shown["onet"]["incomplete"],
        serde_json::json!([format!(
            "Interests.txt line {}, column 5 \"Data Value\": Data Value \"NaN\" is not a finite number",
            line + 1
        )])
    );
}

#[test]
fn a_damaged_onet_store_is_a_warning_and_never_an_answer() {
    for file in [
        "names.bin",
        "index.bin",
        "details.bin",
        "ratings.bin",
        "search.bin",
        "words.bin",
        "technology.bin",
    ] {
        let env = onet_imported();
        flip(&env.data_dir().join("onet").join(file));
        let warning = damaged(&env, "O*NET", "onet", file, "careers import onet FOLDER");
        let out = env.run(&["show", "15-2051.00"]);
        assert_eq!(out.code, Some(1), "{file}");
        assert!(
            out.stderr
                .starts_with(&format!("{warning}; no other release is at hand\n")),
            "{file}: {}",
            out.stderr
        );
        assert_eq!(out.stdout, "", "{file}");
    }
}

/// `file` of the O*NET import in `env` replaced by `bytes`, its manifest's length and checksum
/// made to match: damage no checksum finds, as a bug in a writer would leave.
fn replace_onet_file(env: &TestEnv, file: &str, bytes: &[u8]) {
    let dir = env.data_dir().join("onet");
    std::fs::write(dir.join(file), bytes).unwrap();
    let path = dir.join("manifest.json");
    let mut manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    for entry in manifest["files"].as_array_mut().unwrap() {
        if entry["name"] == file {
            entry["bytes"] = bytes.len().into();
            entry["crc32"] = crc32fast::hash(bytes).into();
        }
    }
    std::fs::write(&path, manifest.to_string()).unwrap();
}

#[test]
fn a_technology_index_damaged_inside_a_chunk_is_a_damaged_import_when_it_is_read() {
    use careers::onet::names::Bytes;
    use careers::onet::technology::Layout;

    let env = onet_imported();
    let file = env.data_dir().join("onet/technology.bin");
    let stored = std::fs::read(&file).unwrap();
    let layout: Layout = postcard::from_bytes(&stored).unwrap();
    // The names' token numbers, no longer zstd: the file's tables still hold.
    let garbage = vec![7u8; layout.sequences.0.len()];
    let damaged = postcard::to_stdvec(&Layout {
        sequences: Bytes(&garbage),
        ..layout
    })
    .unwrap();
    replace_onet_file(&env, "technology.bin", &damaged);
    // A vocabulary skill does not read the index; "analytics" (an example's word) does.
    assert_eq!(env.run(&["match", "--skills", "excel"]).code, Some(0));
    let out = env.run(&["match", "--skills", "analytics"]);
    let dir = env.data_dir().join("onet");
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stderr,
        format!(
            "careers: error: the imported O*NET data in {d} cannot be read (technology.bin is damaged (its sequences cannot be read)); import it again with `careers import onet FOLDER`, or remove it with `rm -r {d}`\n",
            d = dir.display()
        )
    );
    assert_eq!(out.stdout, "");
}

// O*NET's rating files, read from another folder.

/// The fixture release without its rating files, and its Skills.txt and Knowledge.txt in a
/// folder of their own.
fn release_and_ratings() -> (tempfile::TempDir, tempfile::TempDir) {
    let release = copy_of(&fixture("onet"));
    let ratings = tempfile::tempdir().unwrap();
    for file in ["Skills.txt", "Knowledge.txt"] {
        std::fs::rename(release.path().join(file), ratings.path().join(file)).unwrap();
    }
    (release, ratings)
}

#[test]
fn rating_files_cut_wrong_empty_bad_or_smaller_keep_the_import() {
    let (release, ratings) = release_and_ratings();
    let env = bounded();
    let args = |folder: &Path| {
        vec![
            "import".to_owned(),
            "onet".to_owned(),
            release.path().to_str().unwrap().to_owned(),
            "--ratings".to_owned(),
            folder.to_str().unwrap().to_owned(),
        ]
    };
    let run = |folder: &Path| {
        let a = args(folder);
        env.run(&a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let out = run(ratings.path());
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let before = env.json(&["show", "15-2051.00", "--section", "ratings"]);
    let refuse = |folder: &Path, message: &str| {
        let a = args(folder);
        refused(
            &env,
            &a.iter().map(String::as_str).collect::<Vec<_>>(),
            message,
            "onet",
        );
    };
    let variant = |change: &dyn Fn(&Path)| {
        let copy = copy_of(ratings.path());
        change(&copy.path().join("Skills.txt"));
        copy
    };
    let cut = variant(&|skills| {
        let whole = std::fs::read(skills).unwrap();
        std::fs::write(skills, &whole[..whole.len() / 2]).unwrap();
    });
    refuse(
        cut.path(),
        &format!(
            "\"Skills.txt\" ends mid-row (its last line has no line end): it looks cut short; download the database again (it is {})",
            cut.path().join("Skills.txt").display()
        ),
    );
    let wrong = variant(&|skills| {
        std::fs::copy(fixture("onet").join("Interests.txt"), skills).unwrap();
    });
    refuse(
        wrong.path(),
        "Skills.txt: the header has no column \"Recommend Suppress\"",
    );
    let empty = variant(&|skills| std::fs::write(skills, b"").unwrap());
    refuse(
        empty.path(),
        &format!(
            "this import would replace 3 occupations with skill ratings with 0 (\"Skills.txt\" is empty), losing more than the 5% a new release may (a truncated or incomplete download, or a partial release?); the previous import is kept: check those files in {} (download the database again), or pass --force to replace it anyway",
            empty.path().display()
        ),
    );
    let bad = variant(&|skills| {
        let text = std::fs::read_to_string(skills).unwrap();
        std::fs::write(skills, text.replacen("\tIM\t4.00\t", "\tIM\tNaN\t", 1)).unwrap();
    });
    refuse(
        bad.path(),
        &format!(
            "{} and {} have 1 row that cannot be read: Skills.txt line 2, column 5 \"Data Value\": Data Value \"NaN\" is not a finite number; nothing was imported and the previous import is kept (download the database again, or pass --force to import the rest, marking each occupation a left-out row names incomplete)",
            release.path().display(),
            bad.path().display()
        ),
    );
    // Smaller: the ratings of one of the three rated occupations gone from both files.
    let smaller = copy_of(ratings.path());
    for file in ["Skills.txt", "Knowledge.txt"] {
        let path = smaller.path().join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let kept: String = text
            .split_inclusive('\n')
            .filter(|l| !l.starts_with("13-1111.00"))
            .collect();
        std::fs::write(&path, kept).unwrap();
    }
    refuse(
        smaller.path(),
        &format!(
            "this import would replace 3 rated occupations with 2 (\"Skills.txt\" holds fewer), 3 occupations with skill ratings with 2 (\"Skills.txt\" holds fewer), 3 occupations with knowledge ratings with 2 (\"Knowledge.txt\" holds fewer), losing more than the 5% a new release may (a truncated or incomplete download, or a partial release?); the previous import is kept: check those files in {} (download the database again), or pass --force to replace it anyway",
            smaller.path().display()
        ),
    );
    // The ratings as they were.
    let after = env.json(&["show", "15-2051.00", "--section", "ratings"]);
    assert_eq!(after["onet"]["skills"], before["onet"]["skills"]);
    assert_eq!(after["onet"]["knowledge"], before["onet"]["knowledge"]);
    assert!(!before["onet"]["skills"].as_array().unwrap().is_empty());
}

// BLS's projections.

#[cfg(feature = "embedded")]
#[test]
fn projections_cut_wrong_empty_or_damaged_keep_or_fall_back() {
    let env = bounded().embedded();
    let good = env.root().join("occupation.xlsx");
    crate::common::projections_workbook(&good);
    env.json(&["import", "projections", good.to_str().unwrap()]);
    let bytes = std::fs::read(&good).unwrap();
    let cut = env.root().join("cut.xlsx");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let wrong = env.root().join("wrong.xlsx");
    std::fs::copy(fixture("prices").join("MARPP_MSA_2014_2024.csv"), &wrong).unwrap();
    let empty = env.root().join("empty.xlsx");
    std::fs::write(&empty, b"").unwrap();
    let unreadable = |file: &Path| {
        format!(
            "cannot read {} as an Excel workbook (.xlsx): Zip error: invalid Zip archive: Could not find EOCD; it is cut short or not BLS's occupation.xlsx: download that again",
            file.display()
        )
    };
    let empty_message = format!(
        "{} is empty (0 bytes; a truncated download?); download BLS's occupation.xlsx again",
        empty.display()
    );
    for (file, message) in [
        (&cut, unreadable(&cut)),
        (&wrong, unreadable(&wrong)),
        (&empty, empty_message),
    ] {
        refused(
            &env,
            &["import", "projections", file.to_str().unwrap()],
            &message,
            "projections",
        );
    }
    // Damaged after the import: a warning, and the embedded release answers.
    flip(&env.data_dir().join("projections/projections.bin"));
    let out = env.run(&["outlook", "data-scientists", "--format", "json"]);
    assert_eq!(out.code, Some(0));
    assert_eq!(
        out.stderr,
        format!(
            "{}; answering from the embedded BLS Employment Projections 2024-34 meanwhile\n",
            damaged(
                &env,
                "BLS Employment Projections",
                "projections",
                "projections.bin",
                "careers import projections FILE"
            )
        )
    );
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        json["projections"][0]["projection"]["employment_base"],
        245_900
    );
}

#[test]
#[ignore = "needs ../shared/bls-ep-2024-34 (run by .ci/run when it is there)"]
fn a_smaller_projections_release_is_refused_unless_forced() {
    let env = bounded();
    let real = crate::common::shared("bls-ep-2024-34/occupation.xlsx");
    env.json(&["import", "projections", real.to_str().unwrap()]);
    let small = env.root().join("occupation.xlsx");
    crate::common::projections_workbook(&small);
    refused(
        &env,
        &["import", "projections", small.to_str().unwrap()],
        &format!(
            "{} holds much less than the current BLS Employment Projections 2024-34 (occupations 832 → 1, groups 281 → 1); the current import is kept (pass --force to replace it anyway)",
            small.display()
        ),
        "projections",
    );
}

// BEA's price parities.

#[cfg(feature = "embedded")]
#[test]
fn price_files_cut_wrong_empty_bad_smaller_or_damaged() {
    const MARPP: &str = "MARPP_MSA_2014_2024.csv";
    let env = bounded().embedded();
    env.json(&["import", "prices", fixture("prices").to_str().unwrap()]);
    let variant = |change: &dyn Fn(&Path)| {
        let copy = copy_of(&fixture("prices"));
        change(&copy.path().join(MARPP));
        copy
    };
    let cut = variant(&|f| {
        let whole = std::fs::read(f).unwrap();
        std::fs::write(f, &whole[..whole.len() / 2]).unwrap();
    });
    let wrong = variant(&|f| {
        std::fs::copy(fixture("prices").join("SARPP_STATE_2014_2024.csv"), f).unwrap();
    });
    let empty = variant(&|f| std::fs::write(f, b"").unwrap());
    let bad = variant(&|f| {
        let text = std::fs::read_to_string(f).unwrap();
        std::fs::write(f, text.replacen("112.458", "NaN", 1)).unwrap();
    });
    let smaller = variant(&|f| {
        let text = std::fs::read_to_string(f).unwrap();
        let kept: String = text
            .split_inclusive('\n')
            .filter(|l| !l.contains("\"42660\""))
            .collect();
        std::fs::write(f, kept).unwrap();
    });
    for (dir, message) in [
        (
            &cut,
            "DIR has 1 row that cannot be read (MARPP_MSA_2014_2024.csv line 22: has 11 fields, the header 19); nothing was imported and the current import is kept (fix them, or pass --force to import the rest)",
        ),
        (
            &wrong,
            "DIR has 25 rows that cannot be read (MARPP_MSA_2014_2024.csv line 2, column 4 (TableName): a row of table \"SARPP\" in the MARPP file; MARPP_MSA_2014_2024.csv line 3, column 4 (TableName): a row of table \"SARPP\" in the MARPP file; MARPP_MSA_2014_2024.csv line 4, column 4 (TableName): a row of table \"SARPP\" in the MARPP file; MARPP_MSA_2014_2024.csv line 5, column 4 (TableName): a row of table \"SARPP\" in the MARPP file; MARPP_MSA_2014_2024.csv line 6, column 4 (TableName): a row of table \"SARPP\" in the MARPP file; MARPP_MSA_2014_2024.csv line 7, column 4 (TableName): a row of table \"SARPP\" in the MARPP file; MARPP_MSA_2014_2024.csv line 8, column 4 (TableName): a row of table \"SARPP\" in the MARPP file; MARPP_MSA_2014_2024.csv line 9, column 4 (TableName): a row of table \"SARPP\" in the MARPP file; MARPP_MSA_2014_2024.csv line 10, column 4 (TableName): a row of table \"SARPP\" in the MARPP file; MARPP_MSA_2014_2024.csv line 11, column 4 (TableName): a row of table \"SARPP\" in the MARPP file; and 15 more); nothing was imported and the current import is kept (fix them, or pass --force to import the rest)",
        ),
        (
            &empty,
            "DIR/MARPP_MSA_2014_2024.csv is empty (0 bytes; a truncated download?); nothing was imported and the current import is kept: download BEA's files again",
        ),
        (
            &bad,
            "DIR has 1 row that cannot be read (MARPP_MSA_2014_2024.csv line 7, column 14 (2019): \"NaN\" is neither a number nor (NA)); nothing was imported and the current import is kept (fix them, or pass --force to import the rest)",
        ),
        (
            &smaller,
            "DIR holds much less than the current BEA Regional Price Parities 2014-2024 (metropolitan areas 6 → 5); the current import is kept (pass --force to replace it anyway)",
        ),
    ] {
        let message = message.replace("DIR", dir.path().to_str().unwrap());
        refused(
            &env,
            &["import", "prices", dir.path().to_str().unwrap()],
            &message,
            "prices",
        );
    }
    flip(&env.data_dir().join("prices/prices.bin"));
    let out = env.run(&["places", "Austin", "--format", "json"]);
    assert_eq!(out.code, Some(0));
    assert_eq!(
        out.stderr,
        format!(
            "{}; answering from the embedded BEA Regional Price Parities 2008-2024 meanwhile\n",
            damaged(
                &env,
                "BEA Regional Price Parities",
                "prices",
                "prices.bin",
                "careers import prices DIR"
            )
        )
    );
}
