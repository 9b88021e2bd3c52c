//! Holland's six interest areas (RIASEC) as O*NET codes an occupation by them, and how well an
//! occupation's interest code fits a person's. Pure: the store reads the codes, the views word
//! the fit.
//!
//! O*NET gives each occupation up to three "high-point" interests, the areas its interest
//! scores (1-7) rank highest, as a code such as `ICR`. The fit of a person's code to an
//! occupation's is Iachan's M index (Iachan 1984, the congruence index O*NET's own Interest
//! Profiler literature uses): each letter of the person's code found in the occupation's code
//! adds a weight that depends on the two positions, largest when both are first. With three
//! letters each the weights are
//!
//! | person \ occupation | 1st | 2nd | 3rd |
//! | --- | --- | --- | --- |
//! | 1st | 22 | 10 | 4 |
//! | 2nd | 10 | 5 | 2 |
//! | 3rd | 4 | 2 | 1 |
//!
//! so two identical three-letter codes fit 28 (22 + 5 + 1) and codes with no letter in common
//! fit 0.

use serde::Serialize;

/// One of Holland's six interest areas, in RIASEC order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Interest {
    Realistic,
    Investigative,
    Artistic,
    Social,
    Enterprising,
    Conventional,
}

impl Interest {
    pub const ALL: [Interest; 6] = [
        Interest::Realistic,
        Interest::Investigative,
        Interest::Artistic,
        Interest::Social,
        Interest::Enterprising,
        Interest::Conventional,
    ];

    /// Its letter: `R`, `I`, `A`, `S`, `E` or `C`.
    pub fn letter(self) -> char {
        match self {
            Interest::Realistic => 'R',
            Interest::Investigative => 'I',
            Interest::Artistic => 'A',
            Interest::Social => 'S',
            Interest::Enterprising => 'E',
            Interest::Conventional => 'C',
        }
    }

    /// O*NET's name of the area.
    pub fn name(self) -> &'static str {
        match self {
            Interest::Realistic => "Realistic",
            Interest::Investigative => "Investigative",
            Interest::Artistic => "Artistic",
            Interest::Social => "Social",
            Interest::Enterprising => "Enterprising",
            Interest::Conventional => "Conventional",
        }
    }

    /// O*NET's element id of the area (`1.B.1.a` for Realistic).
    pub fn element_id(self) -> &'static str {
        match self {
            Interest::Realistic => "1.B.1.a",
            Interest::Investigative => "1.B.1.b",
            Interest::Artistic => "1.B.1.c",
            Interest::Social => "1.B.1.d",
            Interest::Enterprising => "1.B.1.e",
            Interest::Conventional => "1.B.1.f",
        }
    }

    /// The area of a letter, in either case.
    pub fn of_letter(c: char) -> Option<Interest> {
        Interest::ALL
            .into_iter()
            .find(|i| i.letter() == c.to_ascii_uppercase())
    }
}

/// An interest code: one to three different areas, most important first (`IA`, `ICR`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct InterestCode(Vec<Interest>);

impl InterestCode {
    /// Reads a code as a person gives it: one to three RIASEC letters, in any case, none twice.
    /// The error says what is wrong, in words for a usage error.
    pub fn parse(text: &str) -> Result<InterestCode, String> {
        let mut areas = Vec::new();
        for c in text.trim().chars() {
            let Some(area) = Interest::of_letter(c) else {
                return Err(format!(
                    "\"{c}\" is not a RIASEC letter; an interest code is one to three of R (Realistic), I (Investigative), A (Artistic), S (Social), E (Enterprising) and C (Conventional), such as IA; `careers explain interests` says what each means"
                ));
            };
            if areas.contains(&area) {
                return Err(format!(
                    "\"{}\" is in \"{text}\" twice; an interest code names each area once",
                    area.letter()
                ));
            }
            areas.push(area);
        }
        match areas.len() {
            0 => Err("an interest code is one to three RIASEC letters, such as IA".to_owned()),
            1..=3 => Ok(InterestCode(areas)),
            _ => Err(format!(
                "\"{text}\" has {} letters; an interest code has one to three, such as IA",
                areas.len()
            )),
        }
    }

    /// O*NET's code of an occupation (`ICR`), as the store keeps it; `None` when it holds a
    /// character that is not a RIASEC letter.
    pub fn of_onet(text: &str) -> Option<InterestCode> {
        let areas: Option<Vec<Interest>> = text.chars().take(3).map(Interest::of_letter).collect();
        areas.filter(|a| !a.is_empty()).map(InterestCode)
    }

    pub fn areas(&self) -> &[Interest] {
        &self.0
    }

    /// The code as letters: `IA`.
    pub fn letters(&self) -> String {
        self.0.iter().map(|a| a.letter()).collect()
    }

    /// The first area.
    pub fn first(&self) -> Interest {
        self.0[0]
    }

    /// Iachan's M index of this (a person's) code against an occupation's: 0 to 28.
    pub fn fit(&self, occupation: &InterestCode) -> u32 {
        const WEIGHTS: [[u32; 3]; 3] = [[22, 10, 4], [10, 5, 2], [4, 2, 1]];
        self.0
            .iter()
            .enumerate()
            .filter_map(|(i, area)| {
                let j = occupation.0.iter().position(|o| o == area)?;
                Some(WEIGHTS[i][j])
            })
            .sum()
    }

    /// The highest fit any occupation's code can have with this one.
    pub fn best_fit(&self) -> u32 {
        self.fit(self)
    }
}

impl std::fmt::Display for InterestCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.letters())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> InterestCode {
        InterestCode::parse(s).unwrap()
    }

    #[test]
    fn iachan_weights_each_pair_of_positions() {
        assert_eq!(code("ICR").fit(&code("ICR")), 28);
        assert_eq!(code("IA").fit(&code("IAS")), 27);
        assert_eq!(code("IA").fit(&code("AI")), 20);
        assert_eq!(code("IA").fit(&code("SEC")), 0);
        assert_eq!(code("IA").fit(&code("RCI")), 4);
        assert_eq!(code("I").fit(&code("CRI")), 4);
        assert_eq!(code("IAS").best_fit(), 28);
    }

    #[test]
    fn codes_are_one_to_three_different_letters() {
        assert_eq!(code("ia").letters(), "IA");
        assert!(
            InterestCode::parse("IX")
                .unwrap_err()
                .starts_with("\"X\" is not a RIASEC letter")
        );
        assert!(InterestCode::parse("II").unwrap_err().contains("twice"));
        assert!(
            InterestCode::parse("RIAS")
                .unwrap_err()
                .contains("4 letters")
        );
        assert!(InterestCode::parse("").is_err());
        assert_eq!(
            InterestCode::of_onet("ICR").map(|c| c.letters()),
            Some("ICR".into())
        );
        assert_eq!(InterestCode::of_onet("I?"), None);
    }
}
