//! A report's credits: the sources whose figures it shows, each with the words its publisher or
//! licence asks every output of them to carry. The report works them out from its own facts
//! ([`Credited`]), so that JSON (which gives the same words in the report's own fields) and the
//! formats for people and spreadsheets carry the same; the renderer alone writes them.

/// A source whose outputs must carry words of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CreditedSource {
    /// BLS (OEWS wages, Employment Projections): its notice, on what shows its figures.
    Bls,
    /// O*NET, under CC BY 4.0: its attribution, on what shows its data.
    Onet,
}

/// One source's credit: which source and the words it asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Credit<'a> {
    pub source: CreditedSource,
    pub text: &'a str,
}

/// The credits of one report, each source once, BLS's notice before O*NET's attribution.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Credits<'a> {
    credits: Vec<Credit<'a>>,
}

impl<'a> Credits<'a> {
    /// No source to credit.
    pub fn none() -> Self {
        Credits::default()
    }

    /// With BLS's notice, when the report shows BLS figures (`None`: it shows none); a second
    /// call stands only if the first had none, so that a report may look for it in turn where
    /// its facts carry it.
    pub fn bls(self, notice: Option<&'a str>) -> Self {
        self.with(CreditedSource::Bls, notice)
    }

    /// With O*NET's attribution, when the report shows O*NET data (`None`: it shows none).
    pub fn onet(self, attribution: Option<&'a str>) -> Self {
        self.with(CreditedSource::Onet, attribution)
    }

    /// With `source`'s words, unless it is credited already (the first words stand).
    fn with(mut self, source: CreditedSource, text: Option<&'a str>) -> Self {
        if let Some(text) = text
            && self.of(source).is_none()
        {
            self.credits.push(Credit { source, text });
            self.credits.sort_by_key(|c| c.source);
        }
        self
    }

    /// The words `source` asks for, when the report shows its figures.
    pub fn of(&self, source: CreditedSource) -> Option<&'a str> {
        self.credits
            .iter()
            .find(|c| c.source == source)
            .map(|c| c.text)
    }

    /// Each credit, BLS's first.
    pub fn iter(&self) -> impl Iterator<Item = &Credit<'a>> {
        self.credits.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.credits.is_empty()
    }
}

/// A report that may show figures of a credited source. Implemented beside the report's type,
/// from the facts it holds; the default is a report of no such source.
pub trait Credited {
    fn credits(&self) -> Credits<'_> {
        Credits::none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_are_each_source_once_bls_first() {
        let credits = Credits::none()
            .onet(Some("O*NET words"))
            .bls(None)
            .bls(Some("BLS words"))
            .onet(Some("other O*NET words"));
        let listed: Vec<(CreditedSource, &str)> =
            credits.iter().map(|c| (c.source, c.text)).collect();
        assert_eq!(
            listed,
            [
                (CreditedSource::Bls, "BLS words"),
                (CreditedSource::Onet, "O*NET words")
            ]
        );
        assert_eq!(credits.of(CreditedSource::Bls), Some("BLS words"));
        assert!(!credits.is_empty());
    }

    #[test]
    fn a_source_not_shown_is_not_credited() {
        let credits = Credits::none().bls(None).onet(None);
        assert!(credits.is_empty());
        assert_eq!(credits.of(CreditedSource::Onet), None);
    }
}
