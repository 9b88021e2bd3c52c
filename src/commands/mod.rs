//! One module per subcommand. Each takes the context and its arguments and returns a report;
//! none prints.

pub mod compare;
pub mod completions;
pub mod dataset;
pub mod gap;
pub mod import;
pub mod list;
pub mod man;
pub mod r#match;
pub mod new;
pub mod outlook;
pub mod path;
pub mod salary;
pub mod schema;
pub mod search;
pub mod show;
pub mod sources;
pub mod trends;
pub mod validate;
pub mod r#where;

/// "no salary figures for a and b in bundled profiles": names roles that lack `what` and where
/// each comes from, so a role read from a user file is not said to be bundled.
pub fn missing_in(what: &str, entries: &[&crate::store::Entry]) -> String {
    use crate::store::Origin;
    let ids = |keep: fn(&Origin) -> bool| -> Vec<String> {
        entries
            .iter()
            .filter(|e| keep(&e.origin))
            .map(|e| e.profile.id.clone())
            .collect()
    };
    let mut parts = Vec::new();
    let bundled = ids(|o| matches!(o, Origin::Bundled { .. }));
    if !bundled.is_empty() {
        parts.push(format!("{} in bundled profiles", name_some(&bundled)));
    }
    let user: Vec<&&crate::store::Entry> = entries
        .iter()
        .filter(|e| matches!(e.origin, Origin::User { .. }))
        .collect();
    match user.as_slice() {
        [] => {}
        [one] => parts.push(format!(
            "{} in its profile ({})",
            one.profile.id,
            one.origin.describe()
        )),
        _ => parts.push(format!(
            "{} in user profiles",
            name_some(&ids(|o| matches!(o, Origin::User { .. })))
        )),
    }
    let onet = ids(|o| matches!(o, Origin::Onet { .. }));
    if !onet.is_empty() {
        parts.push(format!("{} in O*NET profiles", name_some(&onet)));
    }
    format!("no {what} for {}", parts.join(", nor for "))
}

/// "a, b and c", or for a long list "1,019 roles, among them a, b and c": an import brings
/// hundreds of roles, which no sentence should list one by one (JSON lists them all).
pub fn name_some(ids: &[String]) -> String {
    const NAMED: usize = 8;
    if ids.len() <= NAMED {
        join_and(ids)
    } else {
        format!(
            "{} roles, among them {}",
            crate::model::salary::thousands(ids.len() as u64),
            join_and(&ids[..3])
        )
    }
}

/// "a, b and c".
pub fn join_and(items: &[String]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lists_of_roles_are_counted_not_listed() {
        let few: Vec<String> = ["a", "b", "c"].map(String::from).into();
        assert_eq!(name_some(&few), "a, b and c");
        let many: Vec<String> = (0..1_016).map(|i| format!("role-{i}")).collect();
        assert_eq!(
            name_some(&many),
            "1,016 roles, among them role-0, role-1 and role-2"
        );
    }
}
