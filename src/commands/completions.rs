//! `careers completions SHELL`: a completion script from the clap definition, with the ids of the
//! loaded roles (bundled and the user's) as the values of every role argument.

use clap::CommandFactory;
use clap::builder::PossibleValuesParser;

use crate::Context;
use crate::cli::{Cli, CompletionsArgs};
use crate::model::is_slug;

/// Every argument that names a role: (subcommand, argument id). Add a command's here when it
/// takes a role.
pub const ROLE_ARGUMENTS: &[(&str, &str)] = &[
    ("show", "role"),
    ("salary", "roles"),
    ("trends", "role"),
    ("compare", "roles"),
    ("gap", "from"),
    ("gap", "to"),
    ("match", "from"),
    ("path", "role"),
];

pub fn run(ctx: &Context, args: &CompletionsArgs) -> anyhow::Result<Vec<u8>> {
    // Only slugs go into a shell script: an id is always one, and the filter keeps it so.
    let ids: Vec<String> = ctx
        .store
        .entries()
        .iter()
        .map(|e| e.profile.id.clone())
        .filter(|id| is_slug(id))
        .collect();
    let mut cmd = completion_command(&ids);
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "careers", &mut script);
    Ok(script)
}

/// A copy of the command line in which role arguments list `ids` as their possible values. It
/// is only for generating scripts: parsing still accepts aliases and titles.
pub fn completion_command(ids: &[String]) -> clap::Command {
    let mut cmd = Cli::command();
    for &(sub, arg) in ROLE_ARGUMENTS {
        let ids = ids.to_vec();
        cmd = cmd.mut_subcommand(sub, |s| {
            s.mut_arg(arg, |a| a.value_parser(PossibleValuesParser::new(ids)))
        });
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_argument_exists_and_lists_the_ids() {
        let ids = vec!["ml-engineer".to_owned(), "data-engineer".to_owned()];
        let cmd = completion_command(&ids);
        for &(sub, arg) in ROLE_ARGUMENTS {
            let sub = cmd.find_subcommand(sub).expect("subcommand exists");
            let arg = sub
                .get_arguments()
                .find(|a| a.get_id() == arg)
                .expect("argument exists");
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .map(|v| v.get_name().to_owned())
                .collect();
            assert_eq!(values, ids);
        }
    }
}
