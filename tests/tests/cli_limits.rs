//! Limits turn oversized input into clear errors (exit 1), configurable on the command line.

mod cli_support;

use cli_support::{dti, dti_in, scratch};

#[test]
fn too_many_rows_is_an_error_naming_the_limit() {
    let dir = scratch("limits-rows");
    let file = dir.join("rows.csv");
    std::fs::write(&file, "code,I1\n1,0.5\n2,0.5\n3,0.5\n").unwrap();
    let out = dti(&[
        "check",
        file.to_str().unwrap(),
        "--max-rows",
        "2",
        "--lang",
        "en",
    ]);
    assert_eq!(out.code, 1);
    let text = String::from_utf8_lossy(&out.stdout).to_string() + &out.stderr;
    assert!(
        text.contains("rows.csv:3:1: more than the limit of 2 rows"),
        "{text}"
    );
    let out = dti(&[
        "check",
        file.to_str().unwrap(),
        "--max-rows",
        "2",
        "--lang",
        "vi",
    ]);
    let text = String::from_utf8_lossy(&out.stdout).to_string() + &out.stderr;
    assert!(text.contains("vượt giới hạn 2 dòng"), "{text}");
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = scratch("limits-size");
    let file = dir.join("big.csv");
    std::fs::write(&file, "a".repeat((1 << 20) + 10)).unwrap();
    let out = dti(&[
        "score",
        file.to_str().unwrap(),
        "--max-file-mb",
        "1",
        "--lang",
        "en",
    ]);
    assert_eq!(out.code, 1);
    let text = &out.stderr;
    assert!(
        text.contains("more than the limit of 1048576 bytes"),
        "{text}"
    );
}

/// A minimal workbook whose one sheet, `Sheet1`, holds a header (`code`, `I1`), one unit and
/// then whatever `more` adds before the end of the sheet data: written with the `zip` crate
/// so that hostile workbooks are made by the test, not committed as blobs.
fn workbook(more: &[&[u8]]) -> Vec<u8> {
    use std::io::Write;
    let parts: [(&str, &str); 4] = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    zip.write_all(
        br#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c><c r="B1" t="inlineStr"><is><t>I1</t></is></c></row><row r="2"><c r="A2"><v>22</v></c><c r="B2"><v>0.5</v></c></row>"#,
    )
    .unwrap();
    for chunk in more {
        zip.write_all(chunk).unwrap();
    }
    zip.write_all(b"</sheetData></worksheet>").unwrap();
    zip.finish().unwrap().into_inner()
}

/// One cell at `reference` (e.g. `XFD1048576`) in row `row`.
fn far_cell(reference: &str, row: u32) -> Vec<u8> {
    format!(r#"<row r="{row}"><c r="{reference}"><v>1</v></c></row>"#).into_bytes()
}

#[test]
fn a_normal_generated_workbook_checks_clean() {
    // The helper makes readable workbooks: what the tests below refuse is the far cell or the
    // size, not the helper's format.
    let dir = scratch("workbook-ok");
    std::fs::write(dir.join("ok.xlsx"), workbook(&[])).unwrap();
    let run = dti_in(&dir, &["check", "ok.xlsx", "--lang", "en"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.out().contains("ok.xlsx: usable (1 unit, 1 value)"),
        "{}",
        run.transcript()
    );
}

#[test]
fn a_cell_at_the_far_corner_is_refused_before_the_sheet_is_laid_out() {
    // One cell at XFD1048576 made calamine ask for ~550 GB and abort (exit 134).
    let dir = scratch("far-corner");
    std::fs::write(
        dir.join("far-cell.xlsx"),
        workbook(&[&far_cell("XFD1048576", 1_048_576)]),
    )
    .unwrap();
    for lang in ["vi", "en"] {
        let run = dti_in(&dir, &["score", "far-cell.xlsx", "--lang", lang]);
        assert_eq!(run.code, 1, "{}", run.transcript());
        insta::assert_snapshot!(format!("far-cell-xlsx-{lang}"), run.transcript());
    }
}

#[test]
fn cells_at_the_far_row_or_column_alone_are_refused_too() {
    let dir = scratch("far-row-column");
    std::fs::write(
        dir.join("far-row.xlsx"),
        workbook(&[&far_cell("A1048576", 1_048_576)]),
    )
    .unwrap();
    let run = dti_in(&dir, &["check", "far-row.xlsx", "--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stderr.contains(
            "far-row.xlsx: cannot open the workbook: sheet `Sheet1` has a cell at A1048576, beyond the limit of 1000000 rows"
        ),
        "{}",
        run.transcript()
    );
    std::fs::write(
        dir.join("far-column.xlsx"),
        workbook(&[&far_cell("XFD3", 3)]),
    )
    .unwrap();
    let run = dti_in(
        &dir,
        &[
            "check",
            "far-column.xlsx",
            "--max-columns",
            "100",
            "--lang",
            "vi",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stderr
            .contains("trang `Sheet1` có ô XFD3, vượt giới hạn 100 cột"),
        "{}",
        run.transcript()
    );
    // Within the row and column limits, but a used area of 2,000 × 16,384 cells.
    std::fs::write(
        dir.join("far-area.xlsx"),
        workbook(&[&far_cell("XFD2000", 2000)]),
    )
    .unwrap();
    let run = dti_in(&dir, &["check", "far-area.xlsx", "--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stderr.contains(
            "the used area A1:XFD2000 of sheet `Sheet1` holds more than the limit of 25000000 cells"
        ),
        "{}",
        run.transcript()
    );
}

#[test]
fn a_workbook_that_unpacks_beyond_the_limit_is_refused_before_it_is_opened() {
    // A 4 MB workbook unpacking to 4 GiB reached 4.25 GB of memory. The same bomb, scaled to
    // the limit: a sheet of one 2 MiB cell under a 1 MiB limit.
    let dir = scratch("unpacked");
    let big = [
        b"<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>".to_vec(),
        vec![b'a'; 2 << 20],
        b"</t></is></c></row>".to_vec(),
    ];
    let bytes = workbook(&[&big[0], &big[1], &big[2]]);
    assert!(bytes.len() < 64 << 10, "{} bytes", bytes.len());
    std::fs::write(dir.join("bomb.xlsx"), bytes).unwrap();
    for lang in ["vi", "en"] {
        let run = dti_in(
            &dir,
            &[
                "score",
                "bomb.xlsx",
                "--max-unpacked-mb",
                "1",
                "--lang",
                lang,
            ],
        );
        assert_eq!(run.code, 1, "{}", run.transcript());
        insta::assert_snapshot!(format!("unpacked-bomb-xlsx-{lang}"), run.transcript());
    }
    // Under the default limit (256 MiB) the same file is read, and its 2 MiB cell is what
    // the data reader then refuses.
    let run = dti_in(&dir, &["check", "bomb.xlsx", "--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.out()
            .contains("more than the limit of 65536 bytes in a cell"),
        "{}",
        run.transcript()
    );
}

#[test]
fn error_lists_are_capped_and_max_errors_changes_the_cap() {
    let dir = cli_support::fixtures("bad-input");
    let errors = |text: &str, label: &str| text.lines().filter(|l| l.starts_with(label)).count();
    // `score` fails with the errors on standard error: the first 3, then the count of the rest.
    for (lang, label, more) in [
        ("en", "error:", "… and 200 more problems not listed"),
        ("vi", "lỗi:", "… và 200 vấn đề nữa không liệt kê"),
    ] {
        let run = dti_in(
            &dir,
            &[
                "score",
                "many-errors.csv",
                "--max-errors",
                "3",
                "--lang",
                lang,
            ],
        );
        assert_eq!(run.code, 1, "{}", run.transcript());
        assert_eq!(errors(&run.stderr, label), 3, "{}", run.transcript());
        assert!(run.stderr.contains(more), "{}", run.transcript());
    }
    // 0 lists every problem.
    let run = dti_in(
        &dir,
        &[
            "check",
            "many-errors.csv",
            "--max-errors",
            "0",
            "--lang",
            "en",
        ],
    );
    assert_eq!(errors(&run.out(), "error:"), 203);
    assert!(!run.out().contains("more problems"));
    // JSON lists as many, and says how many it left out; the counts stay whole.
    let run = dti_in(
        &dir,
        &[
            "check",
            "many-errors.csv",
            "--format",
            "json",
            "--max-errors",
            "5",
        ],
    );
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(report["errors"], 203);
    assert_eq!(report["issues"].as_array().unwrap().len(), 5);
    assert_eq!(report["omitted"], 198);
}

/// A minimal OpenDocument spreadsheet whose table `Data` holds a header (`code`, `I1`), one
/// unit, then `more` rows, then the empty padding rows LibreOffice writes to the sheet's end.
fn ods(more: &str) -> Vec<u8> {
    use std::io::Write;
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Data"><table:table-row><table:table-cell office:value-type="string"><text:p>code</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>I1</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="float" office:value="22"><text:p>22</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="0.5"><text:p>0.5</text:p></table:table-cell></table:table-row>{more}<table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = stored.compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", deflated).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    zip.start_file("content.xml", deflated).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn repeated_rows_in_an_ods_are_counted_before_the_library_expands_them() {
    // 867 bytes asking for 900,000 rows × 100 filled cells: the library expanded them into
    // a grid of every cell and aborted at 5.9 GB. The padding rows LibreOffice writes after
    // the data (empty, repeated to the sheet's end) do not count, as in the library.
    let dir = scratch("ods-repeats");
    std::fs::write(dir.join("ok.ods"), ods("")).unwrap();
    let run = dti_in(&dir, &["check", "ok.ods", "--lang", "en"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.out().contains("ok.ods: usable (1 unit, 1 value)"),
        "{}",
        run.transcript()
    );
    let bomb = ods(
        r#"<table:table-row table:number-rows-repeated="900000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="100"><text:p>1</text:p></table:table-cell></table:table-row>"#,
    );
    assert!(bomb.len() < 2000, "{} bytes", bomb.len());
    std::fs::write(dir.join("repeats.ods"), bomb).unwrap();
    for lang in ["vi", "en"] {
        let run = dti_in(&dir, &["score", "repeats.ods", "--lang", lang]);
        assert_eq!(run.code, 1, "{}", run.transcript());
        insta::assert_snapshot!(format!("ods-repeats-{lang}"), run.transcript());
    }
    // Two tables of 15 million cells each: within the limit one by one, not together, and the
    // library lays out both.
    let block = r#"<table:table-row table:number-rows-repeated="150000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="100"><text:p>1</text:p></table:table-cell></table:table-row>"#;
    std::fs::write(
        dir.join("two.ods"),
        ods(&format!(
            r#"{block}</table:table><table:table table:name="Second">{block}"#
        )),
    )
    .unwrap();
    let run = dti_in(&dir, &["check", "two.ods", "--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stderr.contains(
            "the workbook's sheets up to `Second` together hold more than the limit of 25000000 cells"
        ),
        "{}",
        run.transcript()
    );
    // A repeated row far down is beyond the row limit.
    std::fs::write(
        dir.join("far.ods"),
        ods(r#"<table:table-row table:number-rows-repeated="999999"><table:table-cell/></table:table-row><table:table-row><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>"#),
    )
    .unwrap();
    let run = dti_in(&dir, &["check", "far.ods", "--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stderr
            .contains("sheet `Data` has a cell at A1000002, beyond the limit of 1000000 rows"),
        "{}",
        run.transcript()
    );
}

/// One BIFF record.
fn record(kind: u16, data: &[u8]) -> Vec<u8> {
    let mut bytes = kind.to_le_bytes().to_vec();
    bytes.extend((data.len() as u16).to_le_bytes());
    bytes.extend(data);
    bytes
}

/// A DIMENSIONS record (BIFF8): first row, row after the last, first column, column after
/// the last.
fn dimensions(rows: (u32, u32), columns: (u16, u16)) -> Vec<u8> {
    let mut data = rows.0.to_le_bytes().to_vec();
    data.extend(rows.1.to_le_bytes());
    data.extend(columns.0.to_le_bytes());
    data.extend(columns.1.to_le_bytes());
    data.extend([0, 0]);
    record(0x0200, &data)
}

/// A NUMBER record: a value at a 0-based row and column.
fn number(row: u16, column: u16, value: f64) -> Vec<u8> {
    let mut data = row.to_le_bytes().to_vec();
    data.extend(column.to_le_bytes());
    data.extend(15u16.to_le_bytes());
    data.extend(value.to_le_bytes());
    record(0x0203, &data)
}

/// An old binary Excel workbook (.xls: BIFF8 in an OLE compound file) with one sheet, `Data`:
/// `dimension`, a header (`code`, `I1`), one unit, then `more` records. The compound file is
/// the smallest the format allows: a header, one FAT sector, one directory sector, and the
/// workbook stream (padded past 4,096 bytes so it needs no mini stream).
fn xls(dimension: &[u8], more: &[Vec<u8>]) -> Vec<u8> {
    let label = |row: u16, column: u16, text: &str| {
        let mut data = row.to_le_bytes().to_vec();
        data.extend(column.to_le_bytes());
        data.extend(15u16.to_le_bytes());
        data.extend((text.len() as u16).to_le_bytes());
        data.push(0);
        data.extend(text.as_bytes());
        record(0x0204, &data)
    };
    let bof = |kind: u16| {
        let mut data = 0x0600u16.to_le_bytes().to_vec();
        data.extend(kind.to_le_bytes());
        data.extend([0; 12]);
        record(0x0809, &data)
    };
    let globals = |offset: u32| {
        let mut sheet = offset.to_le_bytes().to_vec();
        sheet.extend([0, 0, 4, 0]);
        sheet.extend(b"Data");
        [bof(5), record(0x0085, &sheet), record(0x000A, &[])].concat()
    };
    let offset = globals(0).len() as u32;
    let mut stream = [globals(offset), bof(0x10), dimension.to_vec()].concat();
    for part in [
        label(0, 0, "code"),
        label(0, 1, "I1"),
        number(1, 0, 22.0),
        number(1, 1, 0.5),
    ]
    .iter()
    .chain(more)
    {
        stream.extend(part);
    }
    stream.extend(record(0x000A, &[]));
    stream.resize(stream.len().max(4200).next_multiple_of(512), 0);
    let sectors = stream.len() / 512;
    let (end, free, no_stream) = (0xFFFF_FFFEu32, 0xFFFF_FFFFu32, 0xFFFF_FFFFu32);
    let mut file = vec![0u8; 512];
    file[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    let mut put = |at: usize, bytes: &[u8]| file[at..at + bytes.len()].copy_from_slice(bytes);
    put(24, &[0x3E, 0, 3, 0, 0xFE, 0xFF, 9, 0, 6, 0]);
    for (at, value) in [(44, 1), (48, 1), (56, 4096), (60, end), (68, end)] {
        put(at, &u32::to_le_bytes(value));
    }
    put(76, &0u32.to_le_bytes());
    for i in 1..109 {
        put(76 + 4 * i, &free.to_le_bytes());
    }
    // The FAT: itself, the directory, then the stream's chain.
    let mut fat = vec![0xFFFF_FFFDu32, end];
    fat.extend((3..sectors as u32 + 2).chain([end]));
    fat.resize(128, free);
    file.extend(fat.iter().flat_map(|id| id.to_le_bytes()));
    let entry = |name: &str, kind: u8, child: u32, start: u32, size: u32| {
        let mut entry = vec![0u8; 128];
        let name: Vec<u8> = name
            .encode_utf16()
            .chain([0])
            .flat_map(u16::to_le_bytes)
            .collect();
        entry[..name.len()].copy_from_slice(&name);
        entry[64..66].copy_from_slice(&(name.len() as u16).to_le_bytes());
        entry[66] = kind;
        entry[67] = 1;
        for (at, value) in [
            (68, no_stream),
            (72, no_stream),
            (76, child),
            (116, start),
            (120, size),
        ] {
            entry[at..at + 4].copy_from_slice(&value.to_le_bytes());
        }
        entry
    };
    file.extend(entry("Root Entry", 5, 1, end, 0));
    file.extend(entry("Workbook", 2, no_stream, 2, stream.len() as u32));
    file.extend(entry("", 0, no_stream, 0, 0));
    file.extend(entry("", 0, no_stream, 0, 0));
    file.extend(stream);
    file
}

#[test]
fn an_xls_is_checked_before_the_library_lays_it_out() {
    let dir = scratch("xls");
    std::fs::write(dir.join("ok.xls"), xls(&dimensions((0, 2), (0, 2)), &[])).unwrap();
    let run = dti_in(&dir, &["check", "ok.xls", "--lang", "en"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.out().contains("ok.xls: usable (1 unit, 1 value)"),
        "{}",
        run.transcript()
    );
    // Declared dimensions of 4 billion rows: the library reserved room for them and aborted.
    std::fs::write(
        dir.join("dimensions.xls"),
        xls(&dimensions((0, u32::MAX), (0, 256)), &[]),
    )
    .unwrap();
    for lang in ["vi", "en"] {
        let run = dti_in(&dir, &["score", "dimensions.xls", "--lang", lang]);
        assert_eq!(run.code, 1, "{}", run.transcript());
        insta::assert_snapshot!(format!("xls-dimensions-{lang}"), run.transcript());
    }
    // One cell at row and column 65,535: the library built a 4-billion-cell grid and aborted.
    std::fs::write(
        dir.join("far-cell.xls"),
        xls(&dimensions((0, 2), (0, 2)), &[number(65_535, 65_535, 1.0)]),
    )
    .unwrap();
    let run = dti_in(&dir, &["check", "far-cell.xls", "--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stderr
            .contains("sheet `Data` has a cell at CRXP65536, beyond the limit of 20000 columns"),
        "{}",
        run.transcript()
    );
}
