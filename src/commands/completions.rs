//! Shell completion, live: the shell asks `careers` itself for candidates each time (clap_complete's
//! dynamic completion, `COMPLETE=SHELL careers -- WORDS`), so role ids, places and skills come
//! from the data loaded at that moment, bundled, the user's and imported alike.
//! `careers completions SHELL` prints the small hook a shell needs to ask.

use std::sync::OnceLock;

use clap_complete::engine::{ArgValueCandidates, CompletionCandidate};

use crate::Context;
use crate::cli::CompletionsArgs;
use crate::model::salary::{CompanyType, Dimension, ExperienceLevel};
use crate::store::Store;

/// The variable through which the shell hook asks for completions.
pub const VAR: &str = "COMPLETE";

/// Where the candidates of one argument come from.
pub type Candidates = fn(&Store) -> Vec<String>;

/// Where the candidates of a role come from: each value with what it names, shown beside it by
/// the shells that show descriptions.
pub type Described = fn(&Store) -> Vec<(String, String)>;

/// The value names of arguments that take a role: every such argument of every subcommand
/// completes the loaded role ids, so a new command whose argument is a `ROLE` needs no line
/// of its own.
pub const ROLE_VALUE_NAMES: &[&str] = &["ROLE", "FROM", "TO"];

/// Every other argument that completes from the loaded data: (subcommand, argument id,
/// candidates). A new kind of data adds its line here; closed sets declared as clap value enums
/// (`--section`, `--format`, `--sort`) complete without one.
pub const DYNAMIC_VALUES: &[(&str, &str, Candidates)] = &[
    ("salary", "city", places),
    ("compare", "city", places),
    ("moves", "city", places),
    ("places", "query", places),
    ("salary", "experience", experience_levels),
    ("salary", "company", company_types),
    ("salary", "industry", industries),
    ("salary", "about", pay_dimensions),
    ("match", "skills", skills),
    ("list", "skill", skills),
    ("list", "hot", skills),
];

/// The role ids of every loaded profile.
pub fn role_ids(store: &Store) -> Vec<String> {
    store.ids().map(str::to_owned).collect()
}

/// Every role a role argument takes, by id and, for an O*NET occupation, by its O*NET-SOC code,
/// each with its title.
pub fn roles(store: &Store) -> Vec<(String, String)> {
    let mut roles: Vec<(String, String)> = store
        .entries()
        .map(|e| (e.profile.id.clone(), e.profile.title.clone()))
        .collect();
    if let Some(onet) = store.onet() {
        for p in 0..onet.names.len() {
            let name = onet.names.get(p);
            roles.push((store.onet_id_at(p).to_owned(), name.title.to_owned()));
            roles.push((name.code.to_owned(), name.title.to_owned()));
        }
    }
    roles
}

/// The places that have pay figures, by their canonical names.
/// The curated cities, then, with BLS OEWS wages, every state and metro area by its name.
pub fn places(store: &Store) -> Vec<String> {
    let mut names: Vec<String> = crate::store::bundled_locations()
        .map(|l| l.all().iter().map(|p| p.name.clone()).collect())
        .unwrap_or_default();
    if let Ok(Some(stored)) = store.wages() {
        names.extend(
            stored
                .tables
                .areas
                .iter()
                .filter(|a| a.kind != crate::model::wages::AreaKind::National)
                .map(|a| a.name.clone()),
        );
    }
    names
}

pub fn experience_levels(_store: &Store) -> Vec<String> {
    ExperienceLevel::ALL
        .iter()
        .map(|l| l.name().to_owned())
        .collect()
}

pub fn company_types(_store: &Store) -> Vec<String> {
    CompanyType::ALL
        .iter()
        .map(|c| c.name().to_owned())
        .collect()
}

pub fn pay_dimensions(_store: &Store) -> Vec<String> {
    Dimension::ALL.iter().map(|d| d.name().to_owned()).collect()
}

/// The industries named by any loaded pay figure, and every industry of BLS's OEWS release
/// by its name without "Sector NN - ".
pub fn industries(store: &Store) -> Vec<String> {
    // Pay figures are curated: O*NET's occupations have none.
    let mut names: Vec<String> = store
        .authored()
        .filter_map(|e| e.profile.salary.as_ref())
        .flat_map(|s| s.figures.iter().filter_map(|f| f.industry.clone()))
        .collect();
    if let Ok(Some(stored)) = store.wages() {
        names.extend(
            stored
                .tables
                .industries
                .iter()
                .filter(|i| i.code != crate::model::wages::Industry::CROSS_INDUSTRY)
                .map(|i| i.short_name().to_owned()),
        );
    }
    names
}

/// The canonical skill names of the vocabulary.
pub fn skills(store: &Store) -> Vec<String> {
    store
        .vocabulary()
        .skills()
        .iter()
        .map(|s| s.name.clone())
        .collect()
}

/// The command line as completion sees it: the real one, with candidates attached to every
/// argument that takes a role ([`ROLE_VALUE_NAMES`]) and every argument in [`DYNAMIC_VALUES`].
pub fn command() -> clap::Command {
    let mut cmd = crate::cli::command_tree();
    for (sub, arg) in role_arguments(&cmd) {
        cmd = cmd.mut_subcommand(sub, |s| {
            s.mut_arg(arg, |a| {
                a.add(ArgValueCandidates::new(move || described(roles)))
            })
        });
    }
    for &(sub, arg, source) in DYNAMIC_VALUES {
        cmd = cmd.mut_subcommand(sub, |s| {
            s.mut_arg(arg, |a| {
                a.add(ArgValueCandidates::new(move || candidates(source)))
            })
        });
    }
    cmd
}

/// (subcommand, argument id) of every argument whose value is a role.
fn role_arguments(cmd: &clap::Command) -> Vec<(String, String)> {
    cmd.get_subcommands()
        .flat_map(|sub| {
            sub.get_arguments()
                .filter(|a| {
                    a.get_value_names().is_some_and(|names| {
                        names.iter().any(|n| ROLE_VALUE_NAMES.contains(&n.as_str()))
                    })
                })
                .map(|a| (sub.get_name().to_owned(), a.get_id().to_string()))
        })
        .collect()
}

/// The candidates of one source, sorted, without duplicates, and only those a shell can take
/// as they are (no control characters).
fn candidates(source: Candidates) -> Vec<CompletionCandidate> {
    let Some(store) = completion_store() else {
        return Vec::new();
    };
    let mut values = source(store);
    values.retain(|v| !v.is_empty() && !v.chars().any(char::is_control));
    values.sort();
    values.dedup();
    values.into_iter().map(CompletionCandidate::new).collect()
}

/// The candidates of a described source, likewise, each with its description.
fn described(source: Described) -> Vec<CompletionCandidate> {
    let Some(store) = completion_store() else {
        return Vec::new();
    };
    let mut values = source(store);
    values.retain(|(v, _)| !v.is_empty() && !v.chars().any(char::is_control));
    values.sort();
    values.dedup_by(|a, b| a.0 == b.0);
    values
        .into_iter()
        .map(|(value, help)| {
            let help = (!help.chars().any(char::is_control)).then(|| help.into());
            CompletionCandidate::new(value).help(help)
        })
        .collect()
}

/// The store completion reads: the user's data directory from the environment (the line being
/// completed is not parsed yet), loaded once, quietly.
fn completion_store() -> Option<&'static Store> {
    static STORE: OnceLock<Option<Store>> = OnceLock::new();
    STORE
        .get_or_init(|| {
            let dir = crate::datadir::paths::data_dir(None);
            let store = crate::load_store(dir.as_deref(), false, &mut std::io::sink()).ok()?;
            Some(
                store
                    .with_onet(dir.as_deref(), Store::embedded_enabled())
                    .with_imports_dir(dir.as_deref()),
            )
        })
        .as_ref()
}

/// Answers the shell when it asks (`COMPLETE` is set), and ends the process; otherwise returns.
pub fn answer_the_shell() {
    clap_complete::CompleteEnv::with_factory(command)
        .var(VAR)
        // The hook calls `careers` as the shell finds any command, on the PATH.
        .completer("careers")
        .complete();
}

pub fn run(_ctx: &Context, args: &CompletionsArgs) -> anyhow::Result<Vec<u8>> {
    let name = args.shell.to_string();
    let shells = clap_complete::env::Shells::builtins();
    let shell = shells
        .completer(&name)
        .ok_or_else(|| anyhow::anyhow!("no completion hook for {name}"))?;
    // The hook calls `careers` as the shell finds any command, on the PATH: moving or
    // upgrading the binary leaves it working.
    let mut script = Vec::new();
    shell.write_registration(VAR, "careers", "careers", "careers", &mut script)?;
    Ok(script)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dynamic_argument_exists() {
        let cmd = crate::cli::command_tree();
        for &(sub, arg, _) in DYNAMIC_VALUES {
            let sub = cmd.find_subcommand(sub).expect("subcommand exists");
            assert!(
                sub.get_arguments().any(|a| a.get_id() == arg),
                "{}: {arg}",
                sub.get_name()
            );
        }
    }

    #[test]
    fn every_argument_that_takes_a_role_completes_role_ids() {
        let found = role_arguments(&crate::cli::command_tree());
        let found: Vec<(&str, &str)> = found
            .iter()
            .map(|(s, a)| (s.as_str(), a.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("show", "role"),
                ("salary", "roles"),
                ("where", "role"),
                ("worth", "role"),
                ("trends", "role"),
                ("outlook", "role"),
                ("compare", "roles"),
                ("gap", "from"),
                ("gap", "to"),
                ("moves", "role"),
                ("match", "from"),
                ("path", "role"),
            ]
        );
    }

    #[test]
    fn sources_read_the_store() {
        let store = Store::bundled().unwrap();
        assert!(role_ids(&store).contains(&"ml-engineer".to_owned()));
        assert!(roles(&store).contains(&(
            "ml-engineer".to_owned(),
            "Machine Learning Engineer".to_owned()
        )));
        assert!(places(&store).contains(&"Seattle".to_owned()));
        assert_eq!(experience_levels(&store), ["entry", "mid", "senior"]);
        assert!(skills(&store).contains(&"Python".to_owned()));
    }
}
