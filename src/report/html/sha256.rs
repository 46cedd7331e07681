//! SHA-256 (FIPS 180-4) and base64 as `const fn`s, just enough for the
//! compiler to put the hashes of the report's fixed inline script and style
//! into its Content-Security-Policy: nothing is hashed at run time.
//! Written here rather than pulling in a crypto crate for two constants.

const K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

/// Byte `i` of `data` padded as SHA-256 requires: `data`, `0x80`, zeros,
/// and the length in bits as a big-endian `u64`, to a multiple of 64 bytes.
const fn padded(data: &[u8], padded_len: usize, i: usize) -> u8 {
    if i < data.len() {
        data[i]
    } else if i == data.len() {
        0x80
    } else if i >= padded_len - 8 {
        ((data.len() as u64) * 8).to_be_bytes()[i - (padded_len - 8)]
    } else {
        0
    }
}

/// The SHA-256 digest of `data`.
pub(crate) const fn sha256(data: &[u8]) -> [u8; 32] {
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let padded_len = (data.len() + 9).div_ceil(64) * 64;
    let mut block = 0;
    while block < padded_len {
        let mut w = [0u32; 64];
        let mut i = 0;
        while i < 16 {
            let at = block + 4 * i;
            w[i] = u32::from_be_bytes([
                padded(data, padded_len, at),
                padded(data, padded_len, at + 1),
                padded(data, padded_len, at + 2),
                padded(data, padded_len, at + 3),
            ]);
            i += 1;
        }
        while i < 64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
            i += 1;
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        let mut i = 0;
        while i < 64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
            i += 1;
        }
        let add = [a, b, c, d, e, f, g, hh];
        let mut i = 0;
        while i < 8 {
            h[i] = h[i].wrapping_add(add[i]);
            i += 1;
        }
        block += 64;
    }
    let mut out = [0u8; 32];
    let mut i = 0;
    while i < 32 {
        out[i] = h[i / 4].to_be_bytes()[i % 4];
        i += 1;
    }
    out
}

/// Standard base64 with padding, into exactly `N` bytes (`N` must be
/// `4 * ceil(data.len() / 3)`).
pub(crate) const fn base64<const N: usize>(data: &[u8]) -> [u8; N] {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    assert!(
        N == data.len().div_ceil(3) * 4,
        "base64: wrong output length"
    );
    let mut out = [b'='; N];
    let mut chunk = 0;
    while chunk * 3 < data.len() {
        let at = chunk * 3;
        let left = data.len() - at;
        let mut n = 0u32;
        let mut k = 0;
        while k < 3 {
            n = (n << 8) | if k < left { data[at + k] as u32 } else { 0 };
            k += 1;
        }
        let mut i = 0;
        while i < 4 {
            if i <= left {
                out[chunk * 4 + i] = ABC[((n >> (18 - 6 * i)) & 63) as usize];
            }
            i += 1;
        }
        chunk += 1;
    }
    out
}

/// A CSP hash source expression for `text`: `'sha256-…'`, the 44
/// base64 bytes of the digest in quotes.
pub(crate) const fn csp_source(text: &str) -> [u8; 8 + 44 + 1] {
    let digest: [u8; 44] = base64(&sha256(text.as_bytes()));
    concat(&[b"'sha256-", &digest, b"'"])
}

/// The bytes of `parts` one after the other, into exactly `N` bytes.
pub(crate) const fn concat<const N: usize>(parts: &[&[u8]]) -> [u8; N] {
    let mut out = [0u8; N];
    let mut at = 0;
    let mut p = 0;
    while p < parts.len() {
        let mut i = 0;
        while i < parts[p].len() {
            out[at] = parts[p][i];
            at += 1;
            i += 1;
        }
        p += 1;
    }
    assert!(at == N, "concat: wrong output length");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(d: [u8; 32]) -> String {
        d.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn sha256_matches_fips_vectors() {
        assert_eq!(
            hex(sha256(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            hex(sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hex(sha256(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
    }

    #[test]
    fn base64_pads() {
        assert_eq!(base64::<0>(b""), *b"");
        assert_eq!(base64::<4>(b"f"), *b"Zg==");
        assert_eq!(base64::<4>(b"fo"), *b"Zm8=");
        assert_eq!(base64::<4>(b"foo"), *b"Zm9v");
        assert_eq!(base64::<8>(b"foobar"), *b"Zm9vYmFy");
        assert_eq!(base64::<8>(b"foob"), *b"Zm9vYg==");
    }

    #[test]
    fn sha256_pads_at_block_edges() {
        // 55 bytes fit one block with the padding, 56 need two.
        assert_eq!(
            hex(sha256(&[b'a'; 55])),
            "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"
        );
        assert_eq!(
            hex(sha256(&[b'a'; 56])),
            "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"
        );
        assert_eq!(
            hex(sha256(&[b'a'; 64])),
            "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"
        );
    }

    #[test]
    fn csp_source_quotes_the_base64_digest() {
        // sha256("") in base64.
        assert_eq!(
            std::str::from_utf8(&csp_source("")).unwrap(),
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
        );
    }

    #[test]
    fn concat_joins_parts() {
        assert_eq!(concat::<5>(&[b"ab", b"", b"cde"]), *b"abcde");
    }
}
