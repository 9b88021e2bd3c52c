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
