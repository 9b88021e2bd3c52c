//! Every `console` example in the README is the real output of the current binary on a fresh
//! install (the embedded data, an empty data folder), taken at the width the README states (80
//! columns).

use crate::common::TestEnv;

#[test]
fn readme_examples_are_real_output() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let env = TestEnv::new().embedded().width(80);
    let mut checked = 0;
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        if line.trim() != "```console" {
            continue;
        }
        let mut block: Vec<&str> = Vec::new();
        for l in lines.by_ref() {
            if l.trim() == "```" {
                break;
            }
            block.push(l);
        }
        // Every console block is a command and its output: none goes unchecked.
        let command = block
            .first()
            .and_then(|c| c.strip_prefix("$ careers "))
            .unwrap_or_else(|| panic!("a console block that is not `$ careers ...`: {block:?}"));
        let args = shell_words::split(command).expect("README command parses");
        let out = env.run(&args);
        let mut actual = out.stdout;
        actual.push_str(&out.stderr);
        let expected: String = block[1..].iter().map(|l| format!("{l}\n")).collect();
        assert_eq!(
            actual, expected,
            "README example `careers {command}` is out of date"
        );
        checked += 1;
    }
    assert!(
        checked >= 3,
        "the README shows at least three examples, found {checked}"
    );
}
