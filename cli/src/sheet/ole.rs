//! A look at an old binary Excel workbook (.xls: BIFF records inside an OLE compound file)
//! before the spreadsheet library opens it.
//!
//! The library lays out every sheet of an .xls when it opens the file: it reserves room for the
//! area each sheet's DIMENSIONS record declares and then builds a grid spanning every cell
//! record's row and column. A few hundred bytes can declare 4 billion rows or put one cell at
//! row and column 65,535, and the process aborts. Here the workbook stream is found in the
//! compound file and every sheet is walked as the library walks it (from the offset its
//! BOUNDSHEET record gives, nested substreams skipped), only reading positions. Anything this
//! walk cannot read is left for the library to report.

use dti_core::limits::Limits;

use super::Stop;

const SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// Sector numbers from this one up are markers (end of chain, free, FAT or DIFAT sectors).
const LAST_SECTOR: u32 = 0xFFFF_FFFA;

/// The first sheet whose declared dimensions or cells would pass a limit, and why; or a
/// compound file whose sector chains the library would follow without end.
pub(super) fn beyond(bytes: &[u8], limits: &Limits) -> Option<(String, Stop)> {
    let stream = match workbook_stream(bytes)? {
        Ok(stream) => stream,
        Err(Looping) => return Some((String::new(), Stop::Damaged)),
    };
    // The library lays out every sheet: together they must stay within the cell limit.
    let mut left = limits.max_cells;
    for (number, (offset, name)) in boundsheets(&stream).into_iter().enumerate() {
        let sheet_limits = Limits {
            max_cells: left,
            ..limits.clone()
        };
        let mut area = 0;
        if let Some(stop) = sheet_beyond(&stream, offset, &sheet_limits, &mut area) {
            let name = name.unwrap_or_else(|| format!("#{}", number + 1));
            let alone = area <= limits.max_cells as u64;
            let stop = match stop {
                Stop::Area { .. } if alone => Stop::Together,
                stop => stop,
            };
            return Some((name, stop));
        }
        left = left.saturating_sub(usize::try_from(area).unwrap_or(usize::MAX));
    }
    None
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// A sector chain that loops, leaves the file or ends other than at its end marker: the
/// library reads such a chain until it has read as many bytes as a size field says (the
/// directory's chain: without limit), growing a buffer until memory runs out.
struct Looping;

/// True for a chain that ends at the end marker without passing a sector twice, every
/// sector in the file (`sectors` of them) and in the table.
fn proper(start: u32, next: &[u32], sectors: usize) -> bool {
    const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
    let mut sector = start;
    let mut steps = 0;
    while sector != END_OF_CHAIN {
        if sector as usize >= sectors || steps > next.len() {
            return false;
        }
        let Some(&following) = next.get(sector as usize) else {
            return false;
        };
        sector = following;
        steps += 1;
    }
    true
}

/// The sector numbers of a chain, stopping at its end, at a marker or at a loop.
fn chain(start: u32, next: &[u32]) -> Vec<u32> {
    let mut sectors = Vec::new();
    let mut sector = start;
    while sector < LAST_SECTOR && sectors.len() <= next.len() {
        sectors.push(sector);
        sector = *next.get(sector as usize).unwrap_or(&u32::MAX);
    }
    sectors
}

/// The `Workbook` (or, in Excel 5 files, `Book`) stream of a compound file; `Looping` when a
/// chain the library follows (the directory's, the mini stream's and its table's, and every
/// stream's in the main sectors) is not a proper one.
fn workbook_stream(bytes: &[u8]) -> Option<Result<Vec<u8>, Looping>> {
    if !bytes.starts_with(&SIGNATURE) {
        return None;
    }
    let size = 1usize << u16_at(bytes, 30)?.min(16);
    let mini_size = 1usize << u16_at(bytes, 32)?.min(16);
    let sector = |id: u32| {
        let start = (id as usize).checked_add(1)?.checked_mul(size)?;
        bytes.get(start..start.checked_add(size)?)
    };
    // The sectors holding the allocation table: 109 listed in the header, the rest in a chain
    // of DIFAT sectors.
    let mut fat_sectors: Vec<u32> = (0..109).filter_map(|i| u32_at(bytes, 76 + 4 * i)).collect();
    let mut difat = u32_at(bytes, 68)?;
    let mut seen = 0;
    while difat < LAST_SECTOR && seen <= bytes.len() / size {
        let data = sector(difat)?;
        let entries = size / 4 - 1;
        fat_sectors.extend((0..entries).filter_map(|i| u32_at(data, 4 * i)));
        difat = u32_at(data, 4 * entries)?;
        seen += 1;
    }
    let fat: Vec<u32> = fat_sectors
        .iter()
        .filter(|&&id| id < LAST_SECTOR)
        .filter_map(|&id| sector(id))
        .flat_map(|data| (0..size / 4).filter_map(|i| u32_at(data, 4 * i)))
        .collect();
    let read = |start: u32| -> Vec<u8> {
        chain(start, &fat)
            .into_iter()
            .filter_map(sector)
            .flatten()
            .copied()
            .collect()
    };
    let in_file = (bytes.len() / size).saturating_sub(1);
    let directory_start = u32_at(bytes, 48)?;
    if !proper(directory_start, &fat, in_file) {
        return Some(Err(Looping));
    }
    let directory = read(directory_start);
    let entries: Vec<&[u8]> = directory.chunks_exact(128).collect();
    let mini_fat_start = u32_at(bytes, 60)?;
    let cutoff = u32_at(bytes, 56)? as usize;
    let mini = u32_at(bytes, 64)? > 0;
    let root_start = entries.first().and_then(|root| u32_at(root, 116));
    let main_streams = entries.iter().skip(1).filter_map(|entry| {
        let size = u32_at(entry, 120)? as usize;
        (size >= cutoff).then(|| u32_at(entry, 116)).flatten()
    });
    let mini_chains = [root_start, Some(mini_fat_start)].into_iter().flatten();
    let looping = main_streams
        .chain(mini_chains.filter(|_| mini))
        .any(|start| !proper(start, &fat, in_file));
    if looping {
        return Some(Err(Looping));
    }
    let name = |entry: &[u8]| {
        let length = usize::from(u16_at(entry, 64).unwrap_or(0)).min(64);
        let units: Vec<u16> = (0..length / 2)
            .filter_map(|i| u16_at(entry, 2 * i))
            .take_while(|&u| u != 0)
            .collect();
        String::from_utf16_lossy(&units)
    };
    let named = |wanted: &str| {
        entries
            .iter()
            .find(|e| name(e).eq_ignore_ascii_case(wanted))
    };
    let entry = named("Workbook").or_else(|| named("Book"))?;
    let (start, length) = (u32_at(entry, 116)?, u32_at(entry, 120)? as usize);
    let mut stream = if length < cutoff {
        // A small stream lives in the mini stream, in mini sectors of the root entry's chain.
        let mini_stream = read(root_start?);
        let mini_fat: Vec<u32> = read(mini_fat_start)
            .chunks_exact(4)
            .filter_map(|c| u32_at(c, 0))
            .collect();
        chain(start, &mini_fat)
            .into_iter()
            .filter_map(|id| {
                let at = (id as usize).checked_mul(mini_size)?;
                mini_stream.get(at..at.checked_add(mini_size)?)
            })
            .flatten()
            .copied()
            .collect()
    } else {
        read(start)
    };
    stream.truncate(length);
    Some(Ok(stream))
}

/// The BIFF records from `offset`: `(type, data)`, until the stream ends or breaks off.
fn records(stream: &[u8], offset: usize) -> impl Iterator<Item = (u16, &[u8])> {
    let mut at = offset;
    std::iter::from_fn(move || {
        let kind = u16_at(stream, at)?;
        let length = usize::from(u16_at(stream, at + 2)?);
        let data = stream.get(at + 4..at + 4 + length)?;
        at += 4 + length;
        Some((kind, data))
    })
}

/// Each sheet's offset in the stream and its name, from the BOUNDSHEET records of the
/// workbook's globals (up to their EOF record).
fn boundsheets(stream: &[u8]) -> Vec<(usize, Option<String>)> {
    records(stream, 0)
        .take_while(|&(kind, _)| kind != 0x000A)
        .filter(|&(kind, _)| kind == 0x0085)
        .filter_map(|(_, data)| {
            let offset = u32_at(data, 0)? as usize;
            let length = usize::from(*data.get(6)?);
            let name = match data.get(7) {
                // BIFF8: a flags byte, then Latin-1 or UTF-16 characters.
                Some(1) => data.get(8..8 + 2 * length).map(|bytes| {
                    let units: Vec<u16> =
                        (0..length).filter_map(|i| u16_at(bytes, 2 * i)).collect();
                    String::from_utf16_lossy(&units)
                }),
                Some(0) => data
                    .get(8..8 + length)
                    .map(|bytes| bytes.iter().map(|&b| char::from(b)).collect()),
                _ => None,
            };
            Some((offset, name))
        })
        .collect()
}

/// What stops a sheet: its declared dimensions, or a cell record, past a limit. The walk is
/// the library's: from the sheet's BOF to its EOF, nested substreams (charts) skipped. `area`
/// is kept at the number of cells the library will lay out for the cells seen so far.
fn sheet_beyond(stream: &[u8], offset: usize, limits: &Limits, area: &mut u64) -> Option<Stop> {
    let (max_rows, max_columns, max_cells) = (
        limits.max_rows as u64,
        limits.max_columns as u64,
        limits.max_cells as u64,
    );
    let mut depth = 0usize;
    let mut seen_bof = false;
    let mut extent: Option<((u32, u32), (u32, u32))> = None;
    for (kind, data) in records(stream, offset) {
        if depth > 0 {
            match kind {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        let position = match kind {
            0x0809 if seen_bof => {
                depth += 1;
                None
            }
            0x0809 => {
                seen_bof = true;
                None
            }
            0x000A => return None,
            0x0200 => {
                let (first, last) = dimensions(data)?;
                // As the library computes it (release builds wrap a reversed range).
                let rows = u64::from(last.0.wrapping_sub(first.0).wrapping_add(1));
                let columns = u64::from(last.1.wrapping_sub(first.1).wrapping_add(1));
                if rows > max_rows || u64::from(last.0) >= max_rows {
                    return Some(Stop::Beyond {
                        row: last.0,
                        column: last.1,
                        rows: true,
                    });
                }
                if columns > max_columns || u64::from(last.1) >= max_columns {
                    return Some(Stop::Beyond {
                        row: last.0,
                        column: last.1,
                        rows: false,
                    });
                }
                if rows.saturating_mul(columns) > max_cells {
                    return Some(Stop::Area { first, last });
                }
                None
            }
            // Number, Label, RString, BoolErr, RK, LabelSst, Formula: row and column first.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                Some((u16_at(data, 0)?, u16_at(data, 2)?, None))
            }
            // MulRk: a row, its first column, the values, its last column.
            0x00BD => Some((
                u16_at(data, 0)?,
                u16_at(data, 2)?,
                u16_at(data, data.len().checked_sub(2)?),
            )),
            _ => None,
        };
        let Some((row, column, last_column)) = position else {
            continue;
        };
        for column in [Some(column), last_column].into_iter().flatten() {
            let (row, column) = (u32::from(row), u32::from(column));
            if u64::from(row) >= max_rows {
                return Some(Stop::Beyond {
                    row,
                    column,
                    rows: true,
                });
            }
            if u64::from(column) >= max_columns {
                return Some(Stop::Beyond {
                    row,
                    column,
                    rows: false,
                });
            }
            let (first, last) = extent.get_or_insert(((row, column), (row, column)));
            *first = (first.0.min(row), first.1.min(column));
            *last = (last.0.max(row), last.1.max(column));
            *area = u64::from(last.0 - first.0 + 1) * u64::from(last.1 - first.1 + 1);
            if *area > max_cells {
                return Some(Stop::Area {
                    first: *first,
                    last: *last,
                });
            }
        }
    }
    None
}

/// A DIMENSIONS record as the library reads it: the first and last row and column.
fn dimensions(data: &[u8]) -> Option<((u32, u32), (u32, u32))> {
    let (first_row, end_row, mut first_column, end_column) = match data.len() {
        10 => (
            u32::from(u16_at(data, 0)?),
            u32::from(u16_at(data, 2)?),
            u32::from(u16_at(data, 4)?),
            u32::from(u16_at(data, 6)?),
        ),
        14 | 16 => (
            u32_at(data, 0)?,
            u32_at(data, 4)?,
            u32::from(u16_at(data, 8)?),
            u32::from(u16_at(data, 10)?),
        ),
        _ => return None,
    };
    if first_column > 0xFF || end_column < first_column {
        first_column = 0;
    }
    if end_row >= 1 && end_column >= 1 {
        Some(((first_row, first_column), (end_row - 1, end_column - 1)))
    } else {
        Some(((first_row, first_column), (first_row, first_column)))
    }
}
