//! Writing CSV text: the one writer behind every CSV the tools produce (data files written by
//! the COINr import, templates, result tables).

/// Rows of cells as CSV text with the given delimiter, quoting cells that need it; one line
/// per row, each ended by a newline.
///
/// ```
/// let text = dti_core::csv_writer::to_csv(&[vec!["code".into(), "name".into()], vec!["46".into(), "Huế, Thừa Thiên".into()]], b',');
/// assert_eq!(text, "code,name\n46,\"Huế, Thừa Thiên\"\n");
/// ```
pub fn to_csv(rows: &[Vec<String>], delimiter: u8) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_writer(Vec::new());
    for row in rows {
        // Writing to memory cannot fail.
        let _ = writer.write_record(row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
