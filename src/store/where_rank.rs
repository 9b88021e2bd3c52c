//! The areas `careers where --in STATE` ranks: a state's metropolitan and nonmetropolitan areas,
//! a metro that spans states counting for each state its name lists.

use crate::error::CareersError;
use crate::model::place;
use crate::model::wages::{Area, AreaKind};
use crate::oews::storage::StoredWages;
use crate::store::Store;

impl Store {
    /// The state `input` names (a postal code or name, read as `--city` reads places), as a
    /// position in the release's areas; any other place is a usage error that says what it is.
    pub fn resolve_state(&self, input: &str) -> anyhow::Result<usize> {
        let locations = crate::store::bundled_locations()?;
        let place = self.resolve_place(&locations, input)?;
        let areas = self.wages()?.map_or(&[][..], |s| s.tables.areas.as_slice());
        match place.area.and_then(|a| Some((a, areas.get(a)?))) {
            Some((a, area)) if area.kind == AreaKind::State => Ok(a),
            Some((_, area)) => Err(CareersError::Usage(format!(
                "--in takes a state, such as TX or Texas; \"{input}\" is {}",
                area.name
            ))
            .into()),
            None => Err(CareersError::Usage(format!(
                "--in takes a state, such as TX or Texas; \"{input}\" is no BLS area"
            ))
            .into()),
        }
    }
}

/// The metropolitan and nonmetropolitan areas of the state at `state` (a position in the
/// release's areas): those BLS files under the state's code, and metros whose name lists its
/// postal code among their states ("Kansas City, MO-KS" is Missouri's and Kansas's). Positions,
/// in the release's order.
pub fn areas_in_state(stored: &StoredWages, state: usize) -> Vec<usize> {
    let areas = &stored.tables.areas;
    let Some(s) = areas.get(state).filter(|a| a.kind == AreaKind::State) else {
        return Vec::new();
    };
    let postal = place::postal_of(&s.state_code);
    areas
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind == AreaKind::Metro && in_state(a, &s.state_code, postal))
        .map(|(i, _)| i)
        .collect()
}

fn in_state(area: &Area, state_code: &str, postal: Option<&str>) -> bool {
    area.state_code == state_code
        || postal.is_some_and(|p| {
            area.name
                .rsplit_once(", ")
                .is_some_and(|(_, states)| states.split('-').any(|s| s.trim() == p))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(code: &str, kind: AreaKind, state: &str, name: &str) -> Area {
        Area {
            code: code.to_owned().into(),
            kind,
            state_code: state.to_owned().into(),
            name: name.to_owned().into(),
        }
    }

    #[test]
    fn a_metro_spanning_states_counts_for_each_state_it_names() {
        let kc = area("0028140", AreaKind::Metro, "29", "Kansas City, MO-KS");
        assert!(in_state(&kc, "29", Some("MO")));
        assert!(in_state(&kc, "20", Some("KS")));
        assert!(!in_state(&kc, "31", Some("NE")));
        let rural = area(
            "4800003",
            AreaKind::Metro,
            "48",
            "Big Thicket Region of Texas nonmetropolitan area",
        );
        assert!(in_state(&rural, "48", Some("TX")));
        assert!(!in_state(&rural, "40", Some("OK")));
        // "WA" is not read out of "DC-VA-MD-WV".
        let dc = area(
            "0047900",
            AreaKind::Metro,
            "11",
            "Washington-Arlington-Alexandria, DC-VA-MD-WV",
        );
        assert!(in_state(&dc, "51", Some("VA")));
        assert!(!in_state(&dc, "53", Some("WA")));
    }
}
