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
        let mut out = Vec::with_capacity(64 * 1024);
        emit(&report, format, STYLE, &mut out).unwrap();
        out.len()
    });
}
