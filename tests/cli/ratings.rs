//! O*NET's importance and level ratings of skills and knowledge: their import (from the
//! release's own folder or another release's beside it), and what `show`, `compare` and `gap`
//! make of them, against the fixture (`tests/fixtures/onet`: Data Scientists, Computer and
//! Information Research Scientists and one of the two Analysts rated; the other occupations
//! not) and, when it is there, the real O*NET 29.0 files in `../shared/onet-29.0-skills`.

use std::path::Path;

use crate::common::{TestEnv, copy_files, fixture};

/// O*NET's attribution of an output that shows 29.2's data and 29.0's ratings.
pub(crate) const ATTRIBUTION_WITH_RATINGS: &str = "This product includes information from the O*NET 29.2 Database and, for the importance and level ratings, the O*NET 29.0 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.";

/// A folder of the fixture's rating files alone, as O*NET 29.0's: its `Read Me.txt` names the
/// release.
fn ratings_of_29_0() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for file in ["Skills.txt", "Knowledge.txt"] {
        std::fs::copy(fixture("onet").join(file), dir.path().join(file)).unwrap();
    }
    std::fs::write(
        dir.path().join("Read Me.txt"),
        "O*NET 29.0 Database\r\nAugust 2024 Release\r\n",
    )
    .unwrap();
    dir
}

/// The fixture without its rating files, so that they can only come from elsewhere.
fn release_without_ratings() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_files(&fixture("onet"), dir.path());
    for file in ["Skills.txt", "Knowledge.txt"] {
        std::fs::remove_file(dir.path().join(file)).unwrap();
    }
    dir
}

fn import_with_ratings(env: &TestEnv, release: &Path, ratings: &Path) -> serde_json::Value {
    env.json(&[
        "import",
        "onet",
        release.to_str().unwrap(),
        "--ratings",
        ratings.to_str().unwrap(),
    ])
}

#[test]
fn ratings_of_another_release_are_imported_beside_it_and_name_their_release() {
    let (release, ratings) = (release_without_ratings(), ratings_of_29_0());
    let env = TestEnv::new();
    let report = import_with_ratings(&env, release.path(), ratings.path());
    assert_eq!(report["version"], "29.2");
    assert_eq!(report["counts"]["rated_occupations"], 3);
    assert_eq!(
        report["ratings"],
        serde_json::json!({"version": "29.0", "source": std::path::absolute(ratings.path()).unwrap()})
    );
    // The release's own folder has no rating files, and is not asked for them.
    assert_eq!(
        report["missing_files"],
        serde_json::json!(["Abilities.txt"])
    );
    assert_eq!(report["attribution"], ATTRIBUTION_WITH_RATINGS);
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(env.data_dir().join("onet/manifest.json")).unwrap())
            .unwrap();
    assert_eq!(manifest["ratings"]["version"], "29.0");

    let shown = env.json(&["show", "15-2051.00", "--section", "ratings"]);
    assert_eq!(shown["onet"]["ratings_release"], "29.0");
    assert_eq!(shown["attribution"], ATTRIBUTION_WITH_RATINGS);
}

#[test]
fn a_ratings_folder_that_is_not_there_fails_before_anything_is_read() {
    let env = TestEnv::new();
    let err = env.fails(
        &[
            "import",
            "onet",
            fixture("onet").to_str().unwrap(),
            "--ratings",
            fixture("no-such-folder").to_str().unwrap(),
        ],
        1,
    );
    assert!(err.ends_with("no-such-folder does not exist\n"), "{err}");
}
