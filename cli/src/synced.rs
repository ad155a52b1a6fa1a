//! A file made durable while it is written: every output file is synced before it replaces
//! the old one (the atomic write of [`crate::output`]), and for a long output (a million
//! units' CSV, over a gigabyte) that one sync at the end waited for the whole file to reach
//! the disk. [`SyncedFile`] asks a thread of its own to sync what has been written each time
//! another [`STEP`] bytes have gone in, so the disk works while the rest is computed and the
//! last sync has little left to wait for. Small files never start the thread.

use std::fs::File;
use std::io::{self, Write};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::thread::JoinHandle;

/// Bytes written between two requests to sync (a megabyte in the tests, which write past it).
const STEP: u64 = if cfg!(test) { 1 << 20 } else { 64 << 20 };

/// A file being written, synced in the background every [`STEP`] bytes; [`SyncedFile::finish`]
/// syncs the rest and reports any failure of the background syncs.
pub(crate) struct SyncedFile {
    file: File,
    /// Bytes written since the last request to sync.
    unsynced: u64,
    syncer: Option<Syncer>,
}

/// The thread that syncs, and how to ask it to.
struct Syncer {
    /// Holds at most one request: a request still waiting covers every write before it.
    ask: SyncSender<()>,
    done: JoinHandle<io::Result<()>>,
}

impl SyncedFile {
    pub(crate) fn new(file: File) -> SyncedFile {
        SyncedFile {
            file,
            unsynced: 0,
            syncer: None,
        }
    }

    /// Waits for the background syncs, then syncs the file's data and metadata: when this
    /// returns `Ok`, everything written is on the disk, as after [`File::sync_all`].
    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.stop()?;
        self.file.sync_all()
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

/// The thread's work: a sync of the file's data for each request, until the writer is done.
fn sync_when_asked(file: &File, asked: &Receiver<()>) -> io::Result<()> {
    while asked.recv().is_ok() {
        file.sync_data()?;
    }
    Ok(())
}

impl Write for SyncedFile {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
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
