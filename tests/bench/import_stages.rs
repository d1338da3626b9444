//! Import benchmark, natively: how long each step of checking a backup takes, beside its
//! peers on the same file in the same run: a scan that only checks the syntax (the floor of
//! any first pass) and a parse into one `Value` tree (what the first step did before).
//! Each step runs as one task in the page, so each is a freeze there (wasm is slower still).
//!   cargo run --release --example gen_backup -- 100000 > /tmp/big.json
//!   cargo run --release --example import_stages -- /tmp/big.json
// A native benchmark, never in the wasm: the standard sorts are fine here (clippy.toml).
#![allow(clippy::disallowed_methods)]

use serviceflow::domain::{import, merge, Data};
use std::time::{Duration, Instant};

/// The median of five runs of `f`, and its last result.
fn timed<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut runs = Vec::new();
    let mut out = None;
    for _ in 0..5 {
        let t = Instant::now();
        out = Some(f());
        runs.push(t.elapsed());
    }
    runs.sort();
    (runs[2], out.expect("ran"))
}

fn ms(d: Duration) -> String {
    format!("{:8.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: import_stages BACKUP.json");
    let bytes = std::fs::read(path).expect("readable file");
    let (scan, _) = timed(|| serde_json::from_slice::<serde::de::IgnoredAny>(&bytes).is_ok());
    let (tree, _) = timed(|| serde_json::from_slice::<serde_json::Value>(&bytes).is_ok());
    let (begin, _) = timed(|| import::begin(&bytes).is_ok());
    let mut checking = import::begin(&bytes).expect("a valid backup");
    let (mut read, mut slice) = (Duration::ZERO, Duration::ZERO);
    loop {
        let t = Instant::now();
        let done = checking.read(1_000);
        slice = slice.max(t.elapsed());
        read += t.elapsed();
        if done {
            break;
        }
    }
    let t = Instant::now();
    let backup = checking.finish(&Data::default()).expect("a valid backup");
    let finish = t.elapsed();
    let (empty, _) = timed(|| merge::preview(&Data::default(), &backup.data));
    let (again, _) = timed(|| merge::preview(&backup.data, &backup.data));
    let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64();
    println!(
        "file                                {:.1} MB",
        bytes.len() as f64 / 1e6
    );
    println!("peer: syntax scan only            {}", ms(scan));
    println!("peer: parse into one Value tree   {}", ms(tree));
    println!(
        "begin (header, shape, split)      {}  {:.2}× the scan, {:.2}× the tree",
        ms(begin),
        ratio(begin, scan),
        ratio(begin, tree)
    );
    println!(
        "read, all slices                  {}  (longest slice of 1,000: {})",
        ms(read),
        ms(slice).trim()
    );
    println!("finish (ids, references, meaning) {}", ms(finish));
    println!("preview onto an empty device      {}", ms(empty));
    println!("preview onto the same records     {}", ms(again));
}
