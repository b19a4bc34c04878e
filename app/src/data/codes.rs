//! Codes people type: join codes and receipt codes. Drawn from a CSPRNG in an alphabet without
//! look-alike characters (no 0/O, 1/I/L), so a child copying from a screen cannot mistype them.

use rand::Rng;

const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

fn random_code(len: usize) -> String {
    let mut rng = rand::rngs::OsRng;
    (0..len)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect()
}

/// Eight characters shown as two groups of four, e.g. "K7PQ-M2XD", read out across a room.
///
/// Why eight: 31^8 is about 8.5 × 10^11 codes. With 100 sessions open at once, one guess finds
/// one with a chance of about 1 in 8.5 × 10^9. An address may type 100 wrong codes in 10 minutes
/// (`throttle::JOIN_ADDRESS`), 14,400 a day: about 1 chance in 590,000 a day, and a thousand
/// addresses together would still need well over a year. Six characters (8.9 × 10^8) would
/// give those thousand addresses one session a day.
pub fn join_code() -> String {
    grouped(&random_code(8))
}

/// A join code as typed ("k7pq m2xd" is "K7PQ-M2XD"); codes of sessions opened before codes
/// had eight characters are kept as they were typed.
pub fn typed_join_code(input: &str) -> String {
    let code = normalise(input);
    if code.len() == 8 {
        grouped(&code)
    } else {
        code
    }
}

fn grouped(code: &str) -> String {
    format!("{}-{}", &code[..4], &code[4..])
}

/// Eight characters shown as two groups of four, e.g. "K7PQ-M2XD".
///
/// Why guessing one is impractical: there are 31^8, about 8.5 × 10^11, codes. Even with 100,000
/// receipts kept at once, one guess finds one with a chance of about 1 in 8.5 million. An address
/// may type 20 wrong codes an hour (`throttle::RECEIPT_ADDRESS`), 480 a day: about 1 chance in
/// 18,000 a day, and a thousand addresses together would find one receipt about every 18 days,
/// without choosing whose. A council's real number of receipts is far smaller.
pub fn receipt_code() -> String {
    grouped(&random_code(8))
}

/// A receipt code as a child typed it, in its stored form ("k7pq m2xd" is "K7PQ-M2XD"); `None`
/// when it cannot be one.
pub fn typed_receipt(input: &str) -> Option<String> {
    let code = normalise(input);
    (code.len() == 8).then(|| grouped(&code))
}

/// A staff member's one-time recovery code, e.g. "K7PQM-2XDAB": ten characters, about 49 bits.
pub fn recovery_code() -> String {
    let code = random_code(10);
    format!("{}-{}", &code[..5], &code[5..])
}

/// Upper-cases and drops spaces and dashes, so "k7pq m2xd" finds "K7PQ-M2XD".
pub fn normalise(input: &str) -> String {
    input
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_only_unambiguous_characters() {
        for _ in 0..200 {
            let code = normalise(&join_code()) + &normalise(&receipt_code());
            assert!(code.bytes().all(|b| ALPHABET.contains(&b)), "{code}");
        }
        assert_eq!(receipt_code().len(), 9);
        assert_eq!(join_code().len(), 9);
    }

    #[test]
    fn typed_codes_are_normalised() {
        assert_eq!(normalise(" k7pq-m2xd "), "K7PQM2XD");
        assert_eq!(typed_join_code("k7pq m2xd"), "K7PQ-M2XD");
        assert_eq!(typed_join_code("k7pqm2"), "K7PQM2");
    }
}
