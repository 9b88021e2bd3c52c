//! How `careers dataset` reads: where the embedded dataset was written, how many O*NET
//! occupations and OEWS estimates it holds, and each file written with its size.

use crate::commands::dataset::DatasetReport;
use crate::render::{Document, Report};

impl Report for DatasetReport {
    /// One text, not records: plain shows it as it is.
    fn plain_records(&self) -> bool {
        false
    }

    /// A record per value of the account.
    fn records(&self) -> crate::render::Records {
        crate::render::sectioned_records("dataset", &self.document())
    }

    fn document(&self) -> Document {
        let mut doc = Document::default();
        let mut fields = vec![
            ("Written to".to_owned(), self.out.display().to_string()),
            (
                "O*NET".to_owned(),
                format!("{} occupations", self.onet_occupations),
            ),
            (
                "OEWS".to_owned(),
                format!("{} estimates", self.oews_estimates),
            ),
            (
                "Projections".to_owned(),
                format!("{} occupations", self.projected_occupations),
            ),
            (
                "Price parities".to_owned(),
                format!("{} metropolitan areas", self.priced_metros),
            ),
            (
                "Principal cities".to_owned(),
                format!("{} names", self.principal_cities),
            ),
        ];
        for (name, len) in &self.files {
            fields.push((
                name.clone(),
                format!("{} bytes", crate::model::salary::thousands(*len)),
            ));
        }
        doc.fields(fields);
        doc
    }
}
