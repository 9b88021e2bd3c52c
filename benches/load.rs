//! Cost of the work behind `careers show ml-engineer`: parsing the bundled data, resolving a
//! role, and rendering the profile. Run with `cargo bench --bench load`.

use careers::commands::show;
use careers::render::{Format, Style, emit};
use careers::store::Store;

fn main() {
    divan::main();
}

const STYLE: Style = Style {
    width: 100,
    color: false,
};

#[divan::bench]
fn parse_bundled_data() -> Store {
    Store::bundled().unwrap()
}

#[divan::bench]
fn resolve_alias(bencher: divan::Bencher) {
    let store = Store::bundled().unwrap();
    bencher.bench_local(|| {
        store
            .resolve(divan::black_box("Machine Learning Developer"))
            .is_ok()
    });
}

#[divan::bench(args = [Format::Table, Format::Json])]
fn load_resolve_render(bencher: divan::Bencher, format: Format) {
    bencher.bench_local(|| {
        let store = Store::bundled().unwrap();
        let entry = store.resolve("ml-engineer").unwrap();
        let report = show::report(entry, &[], store.vocabulary());
        let view = careers::views::show::ShowView {
            report: &report,
            full: false,
        };
        let mut out = Vec::with_capacity(64 * 1024);
        emit(&view, format, STYLE, &mut out).unwrap();
        out.len()
    });
}

/// A data directory with `n` user profile files, each a copy of a bundled profile under its
/// own id, so that parsing costs what real files cost.
fn user_data_dir(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let profiles = careers::datadir::paths::profiles_dir(dir.path());
    std::fs::create_dir_all(&profiles).unwrap();
    let templates: Vec<serde_json::Value> = careers::store::BUNDLED_FILES
        .iter()
        .map(|(_, text)| serde_json::from_str(text).unwrap())
        .collect();
    for i in 0..n {
        let mut profile = templates[i % templates.len()].clone();
        let id = format!("user-role-{i}");
        profile["id"] = id.clone().into();
        profile["aliases"] = serde_json::json!([]);
        // References between profiles stay valid only within the bundled set.
        profile.as_object_mut().unwrap().remove("career");
        profile.as_object_mut().unwrap().remove("market");
        std::fs::write(profiles.join(format!("{id}.json")), profile.to_string()).unwrap();
    }
    dir
}

/// Loading 1,000 user profile files beside the bundled ones, as every command does.
#[divan::bench(args = [100, 1000], sample_count = 20)]
fn load_user_profiles(bencher: divan::Bencher, n: usize) {
    let dir = user_data_dir(n);
    bencher.bench_local(|| {
        let store = careers::load_store(Some(dir.path()), false, &mut std::io::sink()).unwrap();
        assert_eq!(store.entries().len(), n + 5);
        store
    });
}
