//! Shell completion, live: the shell asks `careers` itself for candidates each time (clap_complete's
//! dynamic completion, `COMPLETE=SHELL careers -- WORDS`), so role ids, places and skills come
//! from the data loaded at that moment, bundled, the user's and imported alike. careers matches
//! the word itself (places, skills and industries by the start of any of their words, in any
//! case) and the hooks keep what it offers, quoted as the shell quotes an argument.
//! `careers completions SHELL` prints the small hook a shell needs to ask.

use std::ffi::OsStr;
use std::sync::OnceLock;

use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};

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
    // The authored profiles, then O*NET's occupations by their names alone: making each
    // occupation's profile would cost a TAB more than all the rest.
    let mut roles: Vec<(String, String)> = store
        .authored()
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
                .map(|a| a.name.to_string()),
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
                a.add(ArgValueCompleter::new(move |typed: &OsStr| {
                    described(roles, &typed.to_string_lossy())
                }))
            })
        });
    }
    for &(sub, arg, source) in DYNAMIC_VALUES {
        cmd = cmd.mut_subcommand(sub, |s| {
            s.mut_arg(arg, |a| {
                a.add(ArgValueCompleter::new(move |typed: &OsStr| {
                    candidates(source, &typed.to_string_lossy())
                }))
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

/// The candidates of one source that `typed` picks out ([`Match`]): those it begins, then those
/// one of whose later words it begins, each group sorted, without duplicates, and only those a
/// shell can take as they are (no control characters).
fn candidates(source: Candidates, typed: &str) -> Vec<CompletionCandidate> {
    let Some(store) = completion_store() else {
        return Vec::new();
    };
    let typed = typed.to_lowercase();
    let mut values: Vec<(Match, String)> = source(store)
        .into_iter()
        .filter(|v| !v.is_empty() && !v.chars().any(char::is_control))
        .filter_map(|v| Match::of(&v, &typed).map(|m| (m, v)))
        .collect();
    values.sort();
    values.dedup();
    values
        .into_iter()
        .map(|(_, v)| CompletionCandidate::new(v))
        .collect()
}

/// How a value answers what was typed, in any case: from its start (`sea` → Seattle), or from
/// the start of a later word (`tacoma` → Seattle-Tacoma-Bellevue, WA; `language` → Natural
/// language processing). A word starts after any character that is not a letter or digit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Match {
    Start,
    LaterWord,
}

impl Match {
    /// `typed` must already be lower case.
    pub fn of(value: &str, typed: &str) -> Option<Match> {
        let value = value.to_lowercase();
        if value.starts_with(typed) {
            return Some(Match::Start);
        }
        let mut previous = None;
        for (at, c) in value.char_indices() {
            let starts_word =
                c.is_alphanumeric() && previous.is_some_and(|p: char| !p.is_alphanumeric());
            if starts_word && value[at..].starts_with(typed) {
                return Some(Match::LaterWord);
            }
            previous = Some(c);
        }
        None
    }
}

/// The candidates of a described source that begin with `typed`, in any case, sorted, each once,
/// with its description: the values are ids and codes, whose later words (`engineer`, `2051`)
/// would match too much.
fn described(source: Described, typed: &str) -> Vec<CompletionCandidate> {
    let Some(store) = completion_store() else {
        return Vec::new();
    };
    let typed = typed.to_lowercase();
    let mut values = source(store);
    // Only the matches are sorted: a TAB after `show ` alone sorts every role, one after
    // `show 15-20` a dozen.
    values.retain(|(v, _)| {
        !v.is_empty() && !v.chars().any(char::is_control) && v.to_lowercase().starts_with(&typed)
    });
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
        .shells(SHELLS)
        // The hook calls `careers` as the shell finds any command, on the PATH.
        .completer("careers")
        .complete();
}

pub fn run(_ctx: &Context, args: &CompletionsArgs) -> anyhow::Result<Vec<u8>> {
    let name = args.shell.to_string();
    let shell = SHELLS
        .completer(&name)
        .ok_or_else(|| anyhow::anyhow!("no completion hook for {name}"))?;
    // The hook calls `careers` as the shell finds any command, on the PATH: moving or
    // upgrading the binary leaves it working.
    let mut script = Vec::new();
    shell.write_registration(VAR, "careers", "careers", "careers", &mut script)?;
    Ok(script)
}

/// The shells careers answers: clap's own hooks for fish, PowerShell and elvish, and hooks of
/// its own for bash and zsh, which hand `careers` the word being completed unquoted and quote
/// what they insert, so that a value of several words (`Seattle-Tacoma-Bellevue, WA`) stays one
/// argument, and which keep what `careers` matched by a later word (`tacoma`).
const SHELLS: clap_complete::env::Shells<'static> = clap_complete::env::Shells(&[
    &BASH,
    &ZSH,
    &FISH,
    &clap_complete::env::Powershell,
    &clap_complete::env::Elvish,
]);

/// A shell whose hook is careers' own: clap answers what the shell asks (`write_complete`), and
/// `hook` is the registration, with `VAR`, `BIN` and `COMPLETER` replaced.
struct OwnHook<C: 'static> {
    shell: &'static str,
    hook: &'static str,
    clap: C,
}

impl<C: clap_complete::env::EnvCompleter> clap_complete::env::EnvCompleter for OwnHook<C> {
    fn name(&self) -> &'static str {
        self.shell
    }

    fn is(&self, name: &str) -> bool {
        name == self.shell
    }

    fn write_registration(
        &self,
        var: &str,
        _name: &str,
        bin: &str,
        completer: &str,
        buf: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        writeln!(
            buf,
            "{}",
            self.hook
                .replace("VAR", var)
                .replace("BIN", bin)
                .replace("COMPLETER", completer)
        )
    }

    fn write_complete(
        &self,
        cmd: &mut clap::Command,
        args: Vec<std::ffi::OsString>,
        current_dir: Option<&std::path::Path>,
        buf: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        self.clap.write_complete(cmd, args, current_dir, buf)
    }
}

/// fish: clap's answer and hook, but for the word being completed, which the hook hands careers
/// unquoted (`Seattle-Tacoma-Bellevue,\ W` as Seattle-Tacoma-Bellevue, W), as it does the
/// words before it.
const FISH: OwnHook<clap_complete::env::Fish> = OwnHook {
    shell: "fish",
    hook: FISH_HOOK,
    clap: clap_complete::env::Fish,
};

const FISH_HOOK: &str = "complete --keep-order --exclusive --command BIN --arguments \"(VAR=fish COMPLETER -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token | string unescape))\"";

/// zsh: clap's answer (`value:description`), with a hook that hands careers the words unquoted
/// and adds what it gets back with a matcher that keeps every value careers matched, for zsh to
/// quote as it inserts.
const ZSH: OwnHook<clap_complete::env::Zsh> = OwnHook {
    shell: "zsh",
    hook: ZSH_HOOK,
    clap: clap_complete::env::Zsh,
};

const ZSH_HOOK: &str = r#"#compdef BIN
function _clap_dynamic_completer_careers() {
    # The words as careers reads them: `Seattle-Tacoma-Bellevue,\ W` is Seattle-Tacoma-Bellevue, W.
    local -a line=("${(@Q)words}")
    line[CURRENT]=${(Q)PREFIX}
    local -a completions=("${(@f)$( \
        _CLAP_IFS=$'\n' \
        _CLAP_COMPLETE_INDEX=$((CURRENT - 1)) \
        VAR="zsh" \
        COMPLETER -- "${line[@]}" 2>/dev/null \
    )}")
    [[ -n $completions ]] || return 1
    local -a dirs=() other=()
    local completion
    for completion in $completions; do
        local value=${completion%%:*}
        if [[ $value == */ && $completion == *:* ]]; then
            dirs+=("${value%/}:${completion#*:}")
        elif [[ $value == */ ]]; then
            dirs+=("${value%/}")
        else
            other+=("$completion")
        fi
    done
    [[ -n $dirs ]] && _describe -V values dirs -U -S / -r /
    # careers has matched the word already, in any case and by any of a value's words: the
    # matcher (any case, anywhere in the value) keeps all it offers, and zsh quotes what it
    # inserts, a value of several words as one.
    [[ -n $other ]] && _describe -V values other -M 'm:{[:lower:][:upper:]}={[:upper:][:lower:]} l:|=* r:|=*'
}

compdef _clap_dynamic_completer_careers BIN"#;

/// bash: clap's answer (values separated by `_CLAP_IFS`), with a hook that unquotes the word
/// being completed before asking and escapes each value it gets back with `printf %q`, unless
/// the word opens a quote, inside which a value goes as it is.
const BASH: OwnHook<clap_complete::env::Bash> = OwnHook {
    shell: "bash",
    hook: BASH_HOOK,
    clap: clap_complete::env::Bash,
};

const BASH_HOOK: &str = r#"
_clap_complete_careers() {
    local IFS=$'\013'
    local word=${COMP_WORDS[COMP_CWORD]} current=$2 quote=
    # The word as careers reads it: without the quote it opens, or without its backslashes.
    case $word in
        \'*|\"*) quote=${word:0:1}; current=${current#"$quote"} ;;
        *) current=$(printf '%s' "$current" | sed 's/\\\(.\)/\1/g') ;;
    esac
    local words=("${COMP_WORDS[@]}")
    words[COMP_CWORD]=$current
    COMPREPLY=( $( \
        _CLAP_IFS="$IFS" \
        _CLAP_COMPLETE_INDEX="$COMP_CWORD" \
        _CLAP_COMPLETE_COMP_TYPE="$COMP_TYPE" \
        VAR="bash" \
        COMPLETER -- "${words[@]}" \
    ) )
    if [[ $? != 0 ]]; then
        unset COMPREPLY
        return
    fi
    # Each value one word: Seattle-Tacoma-Bellevue,\ WA.
    if [[ -z $quote ]]; then
        local i
        for i in "${!COMPREPLY[@]}"; do
            printf -v "COMPREPLY[i]" '%q' "${COMPREPLY[i]}"
        done
    fi
    # A space after a whole value, none after a folder or an option's `=`.
    if compopt +o nospace 2>/dev/null && [[ ${#COMPREPLY[@]} == 1 && $COMPREPLY == *[=/:] ]]; then
        compopt -o nospace
    fi
}
# Keep careers' order (values that begin with the word first) where bash can (4.4 and later).
if ((BASH_VERSINFO[0] > 4 || BASH_VERSINFO[0] == 4 && BASH_VERSINFO[1] >= 4)); then
    complete -o nospace -o bashdefault -o nosort -F _clap_complete_careers BIN
else
    complete -o nospace -o bashdefault -F _clap_complete_careers BIN
fi
"#;
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
    fn values_match_by_their_start_or_a_later_word_in_any_case() {
        let metro = "Seattle-Tacoma-Bellevue, WA";
        assert_eq!(Match::of("Seattle", "sea"), Some(Match::Start));
        assert_eq!(Match::of(metro, "sea"), Some(Match::Start));
        assert_eq!(
            Match::of(metro, "seattle-tacoma-bellevue, w"),
            Some(Match::Start)
        );
        assert_eq!(Match::of(metro, "tacoma"), Some(Match::LaterWord));
        assert_eq!(Match::of(metro, "bellevue, wa"), Some(Match::LaterWord));
        assert_eq!(Match::of(metro, "wa"), Some(Match::LaterWord));
        assert_eq!(Match::of(metro, "acoma"), None);
        assert_eq!(Match::of(metro, "a"), None);
        assert_eq!(Match::of("Python", "py"), Some(Match::Start));
        assert_eq!(Match::of("Python", ""), Some(Match::Start));
        assert_eq!(Match::of("Zürich", "zü"), Some(Match::Start));
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
