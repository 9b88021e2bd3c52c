//! Views shared by several commands: facts in, document blocks and CSV rows out. The only place,
//! with the commands' own views, that words facts for people.

pub mod compare;
pub mod gap;
pub mod outlook;
pub mod salary;
pub mod sections;
pub mod show;
pub mod wages;
pub mod r#where;
