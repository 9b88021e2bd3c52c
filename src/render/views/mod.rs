//! The views of the commands, a module each named after its command, and the views several
//! commands share (`sections`, `wages`): facts in, document blocks and CSV rows out. The only
//! place that words facts for people.

pub mod compare;
pub mod dataset;
pub mod gap;
pub mod import;
pub mod list;
pub mod r#match;
pub mod new;
pub mod outlook;
pub mod path;
pub mod salary;
pub mod schema;
pub mod search;
pub mod sections;
pub mod show;
pub mod sources;
pub mod trends;
pub mod validate;
pub mod wages;
pub mod r#where;
