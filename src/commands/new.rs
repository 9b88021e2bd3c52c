//! `careers new ID`: a starter profile in the user's profiles folder, written atomically.

use std::path::PathBuf;

use serde::Serialize;

use crate::Context;
use crate::cli::NewArgs;
use crate::error::CareersError;
use crate::fsutil::{Overwrite, write_atomically};
use crate::model::{Profile, is_reserved_name, is_slug, slugify};

#[derive(Debug, Serialize)]
pub struct NewReport {
    pub id: String,
    pub path: PathBuf,
    /// The schema file the profile points editors at.
    pub schema: PathBuf,
}

/// It shows no credited source's figures.
impl crate::model::credits::Credited for NewReport {}

pub fn run(ctx: &Context, args: &NewArgs) -> anyhow::Result<NewReport> {
    check_id(&args.id)?;
    let Some(data_dir) = &ctx.data_dir else {
        anyhow::bail!("no data directory could be named; pass --data-dir or set CAREERS_DATA_DIR")
    };
    let dir = crate::datadir::paths::profiles_dir(data_dir);
    let path = dir.join(format!("{}.json", args.id));
    if path.exists() && !args.force {
        anyhow::bail!(
            "{} already exists; pass --force to overwrite it",
            path.display()
        );
    }
    let summary = required_text(
        args.summary.as_deref(),
        "--summary",
        "Builds the models analysts query.",
    )?;
    let title = match args.title.as_deref() {
        Some(title) => required_text(Some(title), "--title", "Analytics Engineer")?,
        None => title_from_id(&args.id),
    };
    std::fs::create_dir_all(&dir).map_err(|e| {
        anyhow::anyhow!(
            "cannot create {}: {}; pass --data-dir to use another folder",
            dir.display(),
            crate::store::user::io_reason(&e)
        )
    })?;

    let schema_path = data_dir.join("profile.schema.json");
    let schema = serde_json::to_string_pretty(&crate::validate::editor_schema())?;
    write_atomically(&schema_path, schema.as_bytes(), Overwrite::Yes)?;

    let profile: Profile = serde_json::from_value(serde_json::json!({
        "$schema": "../profile.schema.json",
        "id": args.id,
        "title": title,
        "summary": summary,
    }))?;
    let mut text = serde_json::to_string_pretty(&profile)?;
    text.push('\n');
    let overwrite = if args.force {
        Overwrite::Yes
    } else {
        Overwrite::No
    };
    write_atomically(&path, text.as_bytes(), overwrite)?;

    Ok(NewReport {
        id: args.id.clone(),
        path,
        schema: schema_path,
    })
}

/// A profile loads only with a title and a summary, so `new` asks for them rather than write a
/// file that `show` would refuse.
fn required_text(value: Option<&str>, flag: &str, example: &str) -> Result<String, CareersError> {
    match value.map(str::trim) {
        Some(text) if !text.is_empty() => Ok(text.to_owned()),
        Some(_) => Err(CareersError::Usage(format!(
            "{flag} must not be empty: a profile loads only with one, e.g. {flag} \"{example}\""
        ))),
        None => Err(CareersError::Usage(format!(
            "{flag} is required: a profile loads only with one, e.g. {flag} \"{example}\""
        ))),
    }
}

/// An id becomes a file name, so only a plain slug that no platform reserves will do.
fn check_id(id: &str) -> Result<(), CareersError> {
    if !is_slug(id) {
        let hint = slugify(id);
        let example = if hint.is_empty() {
            "analytics-engineer".into()
        } else {
            hint
        };
        return Err(CareersError::Usage(format!(
            "invalid id \"{id}\": an id is a lowercase slug of letters a-z, digits and single hyphens, e.g. \"{example}\""
        )));
    }
    if is_reserved_name(id) {
        return Err(CareersError::Usage(format!(
            "invalid id \"{id}\": it is a reserved file name on some systems; choose another"
        )));
    }
    Ok(())
}

fn title_from_id(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_that_could_escape_the_folder_are_refused() {
        for id in ["../../x", "a/b", "a\\b", ".hidden", "", "Con"] {
            assert!(check_id(id).is_err(), "{id}");
        }
        assert!(check_id("con").is_err());
        assert!(check_id("lpt1").is_err());
        assert!(check_id("analytics-engineer").is_ok());
        assert_eq!(title_from_id("analytics-engineer"), "Analytics Engineer");
    }
}
