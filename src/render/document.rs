//! The neutral shape every report is drawn in: headings, text, fields, tables, lists and charts.
//! Commands build a [`Document`]; the table and Markdown renderers draw it, so each command's
//! human output works in every human format without code of its own.

/// A report laid out for people.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub blocks: Vec<Block>,
    /// Where a source's credit goes when the document puts it beside what it is about (after
    /// the section of that source's release) rather than last: the source and the number of
    /// blocks before it. The renderer writes the credit there when the report has it.
    pub credit_places: Vec<(crate::model::credits::CreditedSource, usize)>,
}

/// One part of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A section heading; level 1 is the document's title.
    Heading { level: u8, text: String },
    /// A paragraph of running text.
    Paragraph(String),
    /// Label / value pairs.
    Fields(Vec<(String, String)>),
    /// A table with a header row.
    Table(Table),
    /// A bulleted list.
    List(Vec<String>),
    /// Horizontal bars on one shared scale.
    Chart(Chart),
    /// Preformatted text shown as it is (e.g. JSON); fenced in Markdown.
    Code(String),
    /// A remark about the output itself (sources, sort order, attribution), shown dimmed.
    Note(String),
}

/// A table with a header row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// The column of running text that should get the most room, if any.
    pub wide_column: Option<usize>,
    /// What each column holds; columns past the end hold text.
    pub kinds: Vec<ColumnKind>,
    /// (id column, title column): a column of ids that, when the width cannot give it a column
    /// of its own, moves onto its own line above the title in the same row.
    pub id_above: Option<(usize, usize)>,
}

/// What a table's column holds, which decides how it may be laid out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ColumnKind {
    /// Running text: wrapped between words.
    #[default]
    Text,
    /// Ids and codes, one a line: never broken, so that they can be copied.
    Id,
    /// Figures: right-aligned, each word whole.
    Number,
}

/// A table cell: its text and how it may be coloured.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub tone: Tone,
    /// What the cell holds when it is not what its column holds (a sentence in a column of
    /// figures).
    pub holds: Option<ColumnKind>,
    /// The cell's value as typed fields, for records: each `(name, value)` a record of its own
    /// instead of the text (`("low", "96000")`, `("high", "132000")` for `$96,000 – $132,000`).
    pub typed: Vec<(&'static str, String)>,
}

/// Colour hints. The text of a cell must read well without them: markers that carry meaning
/// are part of the text, tones only reinforce them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Strong,
    Muted,
    Good,
    Warn,
    /// One of a few distinct colours, e.g. one per compared role.
    Series(u8),
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            tone: Tone::Plain,
            holds: None,
            typed: Vec::new(),
        }
    }

    pub fn tone(text: impl Into<String>, tone: Tone) -> Self {
        Cell {
            text: text.into(),
            tone,
            holds: None,
            typed: Vec::new(),
        }
    }

    /// Gives the cell's value as typed fields for records; an empty value is left out.
    #[must_use]
    pub fn typed(mut self, fields: impl IntoIterator<Item = (&'static str, String)>) -> Self {
        self.typed = fields.into_iter().filter(|(_, v)| !v.is_empty()).collect();
        self
    }

    /// Says that the cell holds `kind`, whatever its column holds.
    #[must_use]
    pub fn holding(mut self, kind: ColumnKind) -> Self {
        self.holds = Some(kind);
        self
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::new(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::new(text)
    }
}

impl Table {
    pub fn new<I, S>(headers: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Table {
            headers: headers.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
            wide_column: None,
            kinds: Vec::new(),
            id_above: None,
        }
    }

    /// What column `index` holds.
    pub fn kind(&self, index: usize) -> ColumnKind {
        self.kinds.get(index).copied().unwrap_or_default()
    }

    /// Says that the columns at `indices` hold `kind`.
    #[must_use]
    pub fn holding(mut self, kind: ColumnKind, indices: impl IntoIterator<Item = usize>) -> Self {
        for i in indices {
            if self.kinds.len() <= i {
                self.kinds.resize(i + 1, ColumnKind::Text);
            }
            self.kinds[i] = kind;
        }
        self
    }

    /// Says that column `index` holds ids or codes.
    #[must_use]
    pub fn ids(self, index: usize) -> Self {
        self.holding(ColumnKind::Id, [index])
    }

    /// Says that the columns at `indices` hold figures.
    #[must_use]
    pub fn numbers(self, indices: impl IntoIterator<Item = usize>) -> Self {
        self.holding(ColumnKind::Number, indices)
    }

    /// Says that column `id` holds the ids of what column `title` names, so that the id can go
    /// on its own line above the title when it cannot have a column.
    #[must_use]
    pub fn id_above(self, id: usize, title: usize) -> Self {
        let mut table = self.ids(id);
        table.id_above = Some((id, title));
        table
    }

    /// Gives column `index` the most room when the table must wrap.
    #[must_use]
    pub fn wide(mut self, index: usize) -> Self {
        self.wide_column = Some(index);
        self
    }

    pub fn row<I, C>(&mut self, cells: I) -> &mut Self
    where
        I: IntoIterator<Item = C>,
        C: Into<Cell>,
    {
        self.rows.push(cells.into_iter().map(Into::into).collect());
        self
    }
}

/// Bars on one shared scale: each a band from `low` to `high`, open on the right when the band
/// has no upper end.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub title: String,
    pub bars: Vec<Bar>,
}

/// One band of a chart, in whole units (dollars).
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub low: u64,
    pub high: u64,
    /// The band continues past `high` ("$172,654+").
    pub open_high: bool,
    /// The band starts below `low` but the source gives no lower end ("up to $152,601").
    pub open_low: bool,
    /// The figure as the source states it, printed after the bar.
    pub value: String,
    /// A mark on the scale, e.g. the reader's own pay.
    pub marker: Option<u64>,
}

impl Document {
    pub fn heading(&mut self, level: u8, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Heading {
            level,
            text: text.into(),
        });
        self
    }

    pub fn paragraph(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Paragraph(text.into()));
        self
    }

    pub fn fields(&mut self, fields: Vec<(String, String)>) -> &mut Self {
        if !fields.is_empty() {
            self.blocks.push(Block::Fields(fields));
        }
        self
    }

    pub fn table(&mut self, table: Table) -> &mut Self {
        self.blocks.push(Block::Table(table));
        self
    }

    pub fn list<I, S>(&mut self, items: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let items: Vec<String> = items.into_iter().map(Into::into).collect();
        if !items.is_empty() {
            self.blocks.push(Block::List(items));
        }
        self
    }

    pub fn note(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Note(text.into()));
        self
    }

    /// Puts `source`'s credit here, if the report has it, instead of at the end.
    pub fn credit_here(&mut self, source: crate::model::credits::CreditedSource) -> &mut Self {
        self.credit_places.push((source, self.blocks.len()));
        self
    }

    pub fn code(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Code(text.into()));
        self
    }

    pub fn chart(&mut self, chart: Chart) -> &mut Self {
        self.blocks.push(Block::Chart(chart));
        self
    }
}
