//! The manager PIN that guards leaving the kiosk. Only a salted PBKDF2-HMAC-SHA256 hash is
//! kept, and wrong attempts wait longer each time.

use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// About 0.2 s a check in wasm, which does not annoy a manager. It does not make a copied hash
/// safe: measured natively at 44 ms a guess on one core, all 10,000 four-digit PINs fall in
/// about 7 minutes and all 1,000,000 six-digit ones in about 12 hours. The hash only ever sits
/// in this device's storage; the waits below are what protect the kiosk, and 6 digits are
/// recommended.
pub const ROUNDS: u32 = 100_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinHash {
    pub salt: String,
    pub rounds: u32,
    pub hash: String,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn derive(pin: &str, salt: &str, rounds: u32) -> [u8; 32] {
    let mut out = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<Sha256>(pin.as_bytes(), salt.as_bytes(), rounds, &mut out);
    out
}

/// 4 to 8 digits.
pub fn is_valid(pin: &str) -> bool {
    (4..=8).contains(&pin.len()) && pin.chars().all(|c| c.is_ascii_digit())
}

/// A PIN anyone would try first: one digit repeated, a run up or down, or a repeated pair.
pub fn is_weak(pin: &str) -> bool {
    let d: Vec<i8> = pin.bytes().map(|b| b as i8 - b'0' as i8).collect();
    let steps: Vec<i8> = d.windows(2).map(|w| w[1] - w[0]).collect();
    let same_step = |s: i8| steps.iter().all(|x| *x == s);
    let pairs = d.len().is_multiple_of(2) && d.chunks(2).all(|c| c == &d[..2]);
    same_step(0) || same_step(1) || same_step(-1) || pairs
}

pub fn hash(pin: &str, salt: &[u8; 16], rounds: u32) -> PinHash {
    let salt = hex(salt);
    let hash = hex(&derive(pin, &salt, rounds));
    PinHash { salt, rounds, hash }
}

pub fn verify(pin: &str, stored: &PinHash) -> bool {
    let got = hex(&derive(pin, &stored.salt, stored.rounds));
    // Compare every byte, so the time taken says nothing about how much matched.
    got.len() == stored.hash.len()
        && got
            .bytes()
            .zip(stored.hash.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// Seconds to wait before the next attempt after `failures` wrong ones: 0, 1, 2, 4 … 60.
pub fn wait_after(failures: u32) -> u32 {
    match failures {
        0 => 0,
        n => 2u32.saturating_pow(n - 1).min(60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_right_pin_verifies() {
        let stored = hash("2468", &[7; 16], 1_000);
        assert!(verify("2468", &stored));
        assert!(!verify("2469", &stored));
        assert!(!verify("", &stored));
        assert_ne!(
            stored.hash,
            hash("2468", &[8; 16], 1_000).hash,
            "the salt changes the hash"
        );
        assert!(!stored.hash.contains("2468"));
    }

    #[test]
    fn pbkdf2_matches_the_rfc_7914_vector() {
        // RFC 7914 §11: PBKDF2-HMAC-SHA256("passwd", "salt", 1, 64) starts 55 ac 04 6e 56 e3 08 9f.
        let mut out = [0u8; 8];
        pbkdf2::pbkdf2_hmac::<Sha256>(b"passwd", b"salt", 1, &mut out);
        assert_eq!(hex(&out), "55ac046e56e3089f");
    }

    #[test]
    fn weak_pins_are_the_first_guesses() {
        for weak in [
            "0000", "1111", "1234", "4321", "123456", "987654", "1212", "252525",
        ] {
            assert!(is_weak(weak), "{weak}");
        }
        for fine in ["2468", "1357", "802491", "1231", "12121"] {
            assert!(!is_weak(fine), "{fine}");
        }
    }

    #[test]
    fn pins_and_waits() {
        assert!(is_valid("0000") && is_valid("12345678"));
        assert!(!is_valid("123") && !is_valid("123456789") && !is_valid("12a4"));
        assert_eq!(
            (1..=8).map(wait_after).collect::<Vec<_>>(),
            [1, 2, 4, 8, 16, 32, 60, 60]
        );
        assert_eq!(wait_after(0), 0);
        assert_eq!(wait_after(40), 60);
    }
}
