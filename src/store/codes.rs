//! How a report names the O*NET occupation a role stands for, and the SOC code BLS publishes
//! it under, so that a record of any command can be joined to O*NET's and BLS's files.

use serde::Serialize;

use super::{Entry, Origin, Store};

/// The codes of a role as a record of it carries them (flattened into the record).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RoleCodes {
    /// The O*NET-SOC code (`15-2051.00`): an O*NET occupation's own, or the first a curated
    /// role links, the one whose ratings and figures stand for it where one occupation must.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The SOC code of `code` (`15-2051`), or the BLS code asked for (`15-1250`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub soc: Option<String>,
    /// Every O*NET-SOC code a curated role links, in its profile's order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<String>,
}

/// The SOC code an O*NET-SOC code extends: `15-1299.08` → `15-1299`.
pub fn soc_of(code: &str) -> &str {
    code.split_once('.').map_or(code, |(soc, _)| soc)
}

/// Whether `code` is one of BLS's own codes (`15-1250`) rather than an O*NET-SOC code
/// (`15-1252.00`): JSON gives it as `soc` alone.
#[allow(clippy::ptr_arg)] // serde's `skip_serializing_if` passes the field itself
pub fn is_bls_code(code: &String) -> bool {
    !code.contains('.')
}

impl Entry {
    /// The role's O*NET-SOC code(s) and SOC code.
    pub fn role_codes(&self) -> RoleCodes {
        match self.origin {
            Origin::Bls => RoleCodes {
                code: None,
                soc: Some(self.profile.id.clone()),
                codes: Vec::new(),
            },
            Origin::Onet { .. } => {
                let code = Store::onet_codes(self).into_iter().next();
                RoleCodes {
                    soc: code.as_deref().map(|c| soc_of(c).to_owned()),
                    code,
                    codes: Vec::new(),
                }
            }
            Origin::Bundled { .. } | Origin::User { .. } => {
                let codes = Store::onet_codes(self);
                RoleCodes {
                    code: codes.first().cloned(),
                    soc: codes.first().map(|c| soc_of(c).to_owned()),
                    codes,
                }
            }
        }
    }
}
