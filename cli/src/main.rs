//! The `dti` binary: everything lives in the `dti_cli` library so that it can be tested.

/// mimalloc rather than glibc's allocator: scoring a million units frees and allocates
/// columns of several megabytes, and glibc's heap keeps the freed space (its dynamic mmap
/// threshold rises to the size of the first columns freed, so later ones land in a heap that
/// does not shrink): peak memory 746 MB with glibc, 438 – 453 MB with mimalloc (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    dti_cli::run(std::env::args_os())
}
