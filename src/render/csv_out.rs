//! Writes [`Records`] as RFC 4180 CSV through the csv crate. Every cell is sanitized, and one
//! that a spreadsheet would run as a formula starts with `'`.

use std::io::{self, Write};

use super::Records;
use super::sanitize::csv_cell;

pub(super) fn write(records: &Records, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(&records.headers).map_err(into_io)?;
    for row in &records.rows {
        writer
            .write_record(row.iter().map(|field| csv_cell(field).into_owned()))
            .map_err(into_io)?;
    }
    writer.flush()
}

fn into_io(err: csv::Error) -> io::Error {
    match err.into_kind() {
        csv::ErrorKind::Io(err) => err,
        other => io::Error::other(format!("{other:?}")),
    }
}
