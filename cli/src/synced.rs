//! A file made durable while it is written: every output file is synced before it replaces
//! the old one (the atomic write of [`crate::output`]), and for a long output (a million
//! units' CSV, over a gigabyte) that one sync at the end waited for the whole file to reach
//! the disk. [`SyncedFile`] asks a thread of its own to sync what has been written each time
//! another [`STEP`] bytes have gone in, so the disk works while the rest is computed and the
//! last sync has little left to wait for. Small files never start the thread.
//!
//! On Linux, a file opened with [`SyncedFile::direct`] is written around the page cache
//! (`O_DIRECT`) in whole aligned blocks of [`STAGE`] bytes: a file that is synced before it is
//! used gains nothing from being copied into the cache first, and on a million units that
//! copy and the cache's writeback were a third of the run's CPU time. The bytes that do not
//! fill a block at the end go through the cache, and the sync at the end covers both. A file
//! system that refuses such writes (`EINVAL`) gets the rest of the file the ordinary way.
use std::fs::File;
use std::io::{self, Seek, SeekFrom, Write};
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::thread::JoinHandle;

/// Bytes written between two requests to sync (a megabyte in the tests, which write past it).
const STEP: u64 = if cfg!(test) { 1 << 20 } else { 64 << 20 };

/// Bytes in one write around the page cache (64 KiB in the tests, which write past it).
const STAGE: usize = if cfg!(test) { 1 << 16 } else { 1 << 20 };

/// The alignment of the memory, offsets and lengths of writes around the page cache: a page,
/// which covers the logical block size of the usual disks (512 or 4,096 bytes).
const ALIGN: usize = 4096;

/// A file being written, synced in the background every [`STEP`] bytes; [`SyncedFile::finish`]
/// syncs the rest and reports any failure of the background syncs.
pub(crate) struct SyncedFile {
    file: File,
    /// Bytes written since the last request to sync.
    unsynced: u64,
    syncer: Option<Syncer>,
    /// The writes around the page cache, while they work.
    direct: Option<Direct>,
}

/// The thread that syncs, and how to ask it to.
struct Syncer {
    /// Holds at most one request: a request still waiting covers every write before it.
    ask: SyncSender<()>,
    done: JoinHandle<io::Result<()>>,
}

/// A second handle on the file, opened with `O_DIRECT`, and the block being put together for
/// it.
struct Direct {
    file: File,
    /// [`STAGE`] bytes from `start` on, at an address that is a multiple of [`ALIGN`].
    stage: Vec<u8>,
    start: usize,
    /// Bytes of the block filled so far.
    filled: usize,
    /// Where in the file the block goes.
    offset: u64,
}

impl SyncedFile {
    pub(crate) fn new(file: File) -> SyncedFile {
        SyncedFile {
            file,
            unsynced: 0,
            syncer: None,
            direct: None,
        }
    }

    /// The file `file`, just created empty at `path`, written around the page cache where the
    /// system allows it (Linux), else as [`SyncedFile::new`] writes it.
    pub(crate) fn direct(file: File, path: &Path) -> SyncedFile {
        let mut synced = SyncedFile::new(file);
        synced.direct = open_direct(path).ok().map(|file| {
            let stage = vec![0; STAGE + ALIGN];
            let start = stage.as_ptr().align_offset(ALIGN);
            Direct {
                file,
                stage,
                start,
                filled: 0,
                offset: 0,
            }
        });
        synced
    }

    /// Waits for the background syncs, then syncs the file's data and metadata: when this
    /// returns `Ok`, everything written is on the disk, as after [`File::sync_all`].
    pub(crate) fn finish(mut self) -> io::Result<()> {
        if let Some(direct) = self.direct.take() {
            // The last, partial block, through the page cache: the sync below writes it.
            let tail = &direct.stage[direct.start..direct.start + direct.filled];
            self.file.write_all_at(tail, direct.offset)?;
        }
        self.stop()?;
        self.file.sync_all()
    }

    /// Writes the block put together, whole, around the page cache; if the file system
    /// refuses, through the cache, and everything after it the same way.
    fn write_stage(&mut self) -> io::Result<()> {
        let Some(direct) = &mut self.direct else {
            return Ok(());
        };
        let block = &direct.stage[direct.start..direct.start + direct.filled];
        match direct.file.write_all_at(block, direct.offset) {
            Ok(()) => {
                direct.offset += block.len() as u64;
                direct.filled = 0;
                Ok(())
            }
            Err(error) if error.kind() == io::ErrorKind::InvalidInput => self.give_up_direct(),
            Err(error) => Err(error),
        }
    }

    /// Writes what is put together but not written through the page cache, and goes on
    /// writing that way (some of the block may have been written already: the same bytes
    /// again).
    fn give_up_direct(&mut self) -> io::Result<()> {
        if let Some(direct) = self.direct.take() {
            let block = &direct.stage[direct.start..direct.start + direct.filled];
            self.file.write_all_at(block, direct.offset)?;
            let end = direct.offset + block.len() as u64;
            self.file.seek(SeekFrom::Start(end))?;
        }
        Ok(())
    }

    /// Asks the thread (started on the first request) to sync what has been written.
    fn ask(&mut self) -> io::Result<()> {
        if self.syncer.is_none() {
            let file = self.file.try_clone()?;
            let (ask, asked) = sync_channel(1);
            let done = std::thread::spawn(move || sync_when_asked(&file, &asked));
            self.syncer = Some(Syncer { ask, done });
        }
        let asked = self.syncer.as_ref().map(|syncer| syncer.ask.try_send(()));
        match asked {
            Some(Err(TrySendError::Disconnected(()))) => {
                // The thread stopped on a failed sync: report it now.
                self.stop()?;
                Err(io::Error::other("the background sync stopped"))
            }
            _ => Ok(()),
        }
    }

    /// Stops the thread once it has done what was asked; its first failure, if any.
    fn stop(&mut self) -> io::Result<()> {
        match self.syncer.take() {
            None => Ok(()),
            Some(Syncer { ask, done }) => {
                drop(ask);
                done.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            }
        }
    }
}

/// A second handle on the file at `path`, for writes around the page cache.
#[cfg(target_os = "linux")]
fn open_direct(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_DIRECT)
        .open(path)
}

/// Writes around the page cache are only asked for on Linux.
#[cfg(not(target_os = "linux"))]
fn open_direct(_path: &Path) -> io::Result<File> {
    Err(io::Error::other("no O_DIRECT here"))
}

/// The thread's work: a sync of the file's data for each request, until the writer is done.
fn sync_when_asked(file: &File, asked: &Receiver<()>) -> io::Result<()> {
    while asked.recv().is_ok() {
        file.sync_data()?;
    }
    Ok(())
}

impl Write for SyncedFile {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if let Some(direct) = &mut self.direct {
            let at = direct.start + direct.filled;
            let taken = bytes.len().min(STAGE - direct.filled);
            direct.stage[at..at + taken].copy_from_slice(&bytes[..taken]);
            direct.filled += taken;
            if direct.filled == STAGE {
                self.write_stage()?;
            }
            return Ok(taken);
        }
        let written = self.file.write(bytes)?;
        self.unsynced += written as u64;
        if self.unsynced >= STEP {
            self.unsynced = 0;
            self.ask()?;
        }
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// A file given up on (a failed write) still waits for its thread, which holds a handle on
/// it, so the file can be removed once this is dropped.
impl Drop for SyncedFile {
    fn drop(&mut self) {
        let _ = self.stop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_synced_on_the_way_holds_every_byte_written() {
        let folder = std::env::temp_dir().join(format!("dti-synced-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let path = folder.join("long.bin");
        let block: Vec<u8> = (0..=255u8).cycle().take(1 << 16).collect();
        let mut file = SyncedFile::new(File::create(&path).unwrap());
        // Past two steps, so the thread starts and is asked more than once.
        let blocks = usize::try_from(2 * STEP / (1 << 16)).unwrap() + 3;
        for _ in 0..blocks {
            file.write_all(&block).unwrap();
        }
        assert!(file.syncer.is_some());
        file.finish().unwrap();
        let read = std::fs::read(&path).unwrap();
        assert_eq!(read.len(), blocks << 16);
        assert!(read.chunks(1 << 16).all(|chunk| chunk == block));
        std::fs::remove_dir_all(&folder).unwrap();
    }

    /// Bytes that differ from block to block and within them, in pieces of uneven sizes that
    /// do not fall on the blocks' edges.
    fn uneven_pieces(total: usize) -> Vec<Vec<u8>> {
        let mut pieces = Vec::new();
        let (mut written, mut size) = (0, 1);
        while written < total {
            let size_now = size.min(total - written);
            pieces.push(
                (written..written + size_now)
                    .map(|i| (i % 251) as u8)
                    .collect(),
            );
            written += size_now;
            size = size * 7 % 10_007 + 1;
        }
        pieces
    }

    #[test]
    fn a_file_written_around_the_page_cache_holds_every_byte_written() {
        let folder = std::env::temp_dir().join(format!("dti-direct-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        // Three blocks and a piece of one, and a file shorter than a block.
        for total in [3 * STAGE + 1234, 100, 0] {
            let path = folder.join(format!("long-{total}.bin"));
            let mut file = SyncedFile::direct(File::create(&path).unwrap(), &path);
            assert_eq!(file.direct.is_some(), cfg!(target_os = "linux"));
            let pieces = uneven_pieces(total);
            for piece in &pieces {
                file.write_all(piece).unwrap();
            }
            assert_eq!(file.direct.is_some(), cfg!(target_os = "linux"));
            file.finish().unwrap();
            assert_eq!(
                std::fs::read(&path).unwrap(),
                pieces.concat(),
                "{total} bytes"
            );
        }
        std::fs::remove_dir_all(&folder).unwrap();
    }

    #[test]
    fn a_file_that_stops_being_written_around_the_cache_holds_every_byte_written() {
        let folder = std::env::temp_dir().join(format!("dti-given-up-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let path = folder.join("long.bin");
        let mut file = SyncedFile::direct(File::create(&path).unwrap(), &path);
        let pieces = uneven_pieces(2 * STAGE + STEP as usize + 999);
        let mut written = 0;
        for piece in &pieces {
            // Part of the way through the second block, as after a write the system refused.
            if written > STAGE + STAGE / 3 && file.direct.is_some() {
                file.give_up_direct().unwrap();
                assert!(file.direct.is_none());
            }
            file.write_all(piece).unwrap();
            written += piece.len();
        }
        // The rest went through the cache, past a step: synced on the way.
        assert!(file.syncer.is_some());
        file.finish().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), pieces.concat());
        std::fs::remove_dir_all(&folder).unwrap();
    }

    #[test]
    fn a_small_file_starts_no_thread() {
        let folder = std::env::temp_dir().join(format!("dti-synced-small-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let path = folder.join("small.txt");
        let mut file = SyncedFile::new(File::create(&path).unwrap());
        file.write_all(b"code,DTI\n").unwrap();
        assert!(file.syncer.is_none());
        file.finish().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"code,DTI\n");
        std::fs::remove_dir_all(&folder).unwrap();
    }
}
