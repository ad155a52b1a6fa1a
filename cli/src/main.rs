//! The `dti` binary: everything lives in the `dti_cli` library so that it can be tested.

fn main() -> std::process::ExitCode {
    dti_cli::run(std::env::args_os())
}
