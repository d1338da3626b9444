//! Writes a demo backup file with N responses to stdout, for the storage benchmark:
//! `cargo run --release --example gen_backup -- 100000 > big.json`

use serviceflow::domain::{backup, demo};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-22T12:00:00Z")
        .unwrap()
        .to_utc();
    let data = demo::generate(7, n, now, serviceflow::i18n::Lang::Zh);
    let file = backup::export(&data, env!("CARGO_PKG_VERSION"), "bench", now);
    print!("{}", backup::to_json(&file));
}
