//! Workbooks encrypted with Excel's own default password, "VelvetSweatshop". Excel saves a
//! workbook so when its structure is protected (an .xls), or when a program protects it
//! without a password the user chose, and opens it without asking for one: to the agency
//! that sent it, and to the department, it is an ordinary workbook. calamine reads none of
//! them: each was skipped as unreadable or password-protected, its sender asked to send a
//! file that opens fine.
//!
//! Read here: an .xls's RC4 encryption (Excel 97's, and the CryptoAPI one of Excel 2002 and
//! 2003), and an .xlsx's or .xlsb's (ECMA-376 standard encryption, AES in ECB mode; agile
//! encryption, AES in CBC mode, Excel 2010 and later), as [MS-OFFCRYPTO] describes them. A
//! file with a password of the user's own stays encrypted (`Kind::Encrypted`).

use std::io::{Cursor, Read, Write};

use aes::cipher::{generic_array::GenericArray, BlockDecrypt, KeyInit};
use base64::Engine;
use md5::Md5;
use rc4::{consts::U16, Rc4, StreamCipher};
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};

/// The password Excel uses where the user gave none.
const DEFAULT_PASSWORD: &str = "VelvetSweatshop";

/// The workbook's bytes decrypted with Excel's default password: for an .xlsx or .xlsb, its
/// package (a zip); for an .xls, a compound file holding its Workbook stream decrypted.
/// `None` where the file is not encrypted so, or in a way not read here.
pub fn with_default_password(data: &[u8]) -> Option<Vec<u8>> {
    let mut cf = cfb::CompoundFile::open(Cursor::new(data)).ok()?;
    let mut stream = |name: &str| -> Option<Vec<u8>> {
        let mut s = cf.open_stream(name).ok()?;
        let mut out = Vec::new();
        s.read_to_end(&mut out).ok()?;
        Some(out)
    };
    if let (Some(info), Some(package)) = (stream("/EncryptionInfo"), stream("/EncryptedPackage")) {
        return package_plain(&info, &package);
    }
    let book = stream("/Workbook")?;
    let plain = xls_plain(&book)?;
    // (Version 3, 512-byte sectors: calamine reads no root directory in the version 4 file
    // the crate makes by default.)
    let mut out = cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new())).ok()?;
    {
        let mut s = out.create_stream("/Workbook").ok()?;
        s.write_all(&plain).ok()?;
        s.flush().ok()?;
    }
    out.flush().ok()?;
    Some(out.into_inner().into_inner())
}

fn password() -> Vec<u8> {
    DEFAULT_PASSWORD.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// An .xls's Workbook stream decrypted ([MS-XLS] 2.2.10): every record's data is encrypted
/// but for a few records' and the first four bytes of each sheet's BoundSheet8 record (its
/// position in the stream); the RC4 key changes every 1,024 bytes of the stream, counted
/// from its start, headers included. The FilePass record is blanked, so the stream reads as
/// not encrypted.
fn xls_plain(book: &[u8]) -> Option<Vec<u8>> {
    const FILE_PASS: u16 = 0x002F;
    let record = |at: usize| Some((u16_at(book, at)?, usize::from(u16_at(book, at + 2)?)));
    // The FilePass record follows the first BOF, among the workbook's first records.
    let (mut at, mut pass) = (0, None);
    while let Some((kind, len)) = record(at) {
        if kind == FILE_PASS {
            pass = Some(book.get(at + 4..at + 4 + len)?);
            break;
        }
        // EOF: the workbook's globals end with no FilePass.
        if kind == 0x000A {
            return None;
        }
        at += 4 + len;
    }
    let pass = pass?;
    let key: Box<dyn Fn(u32) -> [u8; 16]> = match (u16_at(pass, 0)?, u16_at(pass, 2)?, u16_at(pass, 4)?) {
        // RC4, Excel 97 ([MS-OFFCRYPTO] 2.3.6): salt, verifier and its MD5 hash.
        (1, 1, 1) => {
            let salt: [u8; 16] = pass.get(6..22)?.try_into().ok()?;
            let (verifier, hash) = (pass.get(22..38)?, pass.get(38..54)?);
            let h0 = Md5::digest(password());
            let mut buf = Vec::with_capacity(16 * 21);
            for _ in 0..16 {
                buf.extend_from_slice(&h0[..5]);
                buf.extend_from_slice(&salt);
            }
            let h1 = Md5::digest(&buf);
            let key =
                move |block: u32| -> [u8; 16] { Md5::new().chain_update(&h1[..5]).chain_update(block.to_le_bytes()).finalize().into() };
            if !verified(&key(0), verifier, hash, |v| Md5::digest(v).to_vec()) {
                return None;
            }
            Box::new(key)
        }
        // RC4 CryptoAPI, Excel 2002 and 2003 ([MS-OFFCRYPTO] 2.3.5): a header naming the key's
        // size, then the salt, verifier and its SHA-1 hash.
        (1, 2..=4, 2) => {
            let header_len = u32_at(pass, 10)? as usize;
            let header = pass.get(14..14 + header_len)?;
            let bits = match u32_at(header, 16)? {
                0 => 40,
                b => b,
            };
            let v = 14 + header_len;
            let salt = pass.get(v + 4..v + 20)?.to_vec();
            let verifier = pass.get(v + 20..v + 36)?;
            let hash = pass.get(v + 40..v + 60)?;
            // Keys other than 40 and 128 bits are not read.
            if bits != 40 && bits != 128 {
                return None;
            }
            let h0 = Sha1::new().chain_update(&salt).chain_update(password()).finalize();
            let key = move |block: u32| -> [u8; 16] {
                let h = Sha1::new().chain_update(h0).chain_update(block.to_le_bytes()).finalize();
                let mut key = [0u8; 16];
                let n = if bits == 40 { 5 } else { 16 };
                key[..n].copy_from_slice(&h[..n]);
                key
            };
            if !verified(&key(0), verifier, hash, |v| Sha1::digest(v).to_vec()) {
                return None;
            }
            Box::new(key)
        }
        _ => return None,
    };
    // The key stream over the whole stream, 1,024 bytes to a key.
    let mut stream = vec![0u8; book.len()];
    for (block, chunk) in stream.chunks_mut(1024).enumerate() {
        Rc4::<U16>::new(&key(block as u32).into()).apply_keystream(chunk);
    }
    let mut plain = book.to_vec();
    // Bytes decrypted with the key stream at their own offsets.
    let xor =
        |plain: &mut [u8], range: std::ops::Range<usize>| plain[range.clone()].iter_mut().zip(&stream[range]).for_each(|(p, k)| *p ^= k);
    let mut at = 0;
    while let Some((kind, len)) = record(at) {
        let data = at + 4..(at + 4 + len).min(book.len());
        match kind {
            FILE_PASS => plain[data].fill(0),
            // BOF, UsrExcl, FileLock, InterfaceHdr, RRDInfo, RRDHead: not encrypted.
            0x0809 | 0x0194 | 0x0195 | 0x00E1 | 0x0196 | 0x0138 => {}
            // BoundSheet8: its sheet's position is not.
            0x0085 => xor(&mut plain, (data.start + 4).min(data.end)..data.end),
            _ => xor(&mut plain, data),
        }
        at += 4 + len;
    }
    Some(plain)
}

/// Whether the default password is the one: the verifier, decrypted, hashes to its hash.
fn verified(key: &[u8; 16], verifier: &[u8], hash: &[u8], digest: impl Fn(&[u8]) -> Vec<u8>) -> bool {
    let mut rc4 = Rc4::<U16>::new(&(*key).into());
    let mut both = [verifier, hash].concat();
    rc4.apply_keystream(&mut both);
    let (verifier, hash) = both.split_at(verifier.len());
    digest(verifier).get(..hash.len()) == Some(hash)
}

/// An encrypted .xlsx's or .xlsb's package: its EncryptionInfo stream says how; its
/// EncryptedPackage stream is the package's size, then the package encrypted.
fn package_plain(info: &[u8], package: &[u8]) -> Option<Vec<u8>> {
    let size = usize::try_from(u64::from_le_bytes(package.get(..8)?.try_into().ok()?)).ok()?;
    let encrypted = package.get(8..)?;
    let mut plain = match (u16_at(info, 0)?, u16_at(info, 2)?) {
        (4, 4) => agile(info.get(8..)?, encrypted)?,
        (2..=4, 2) => standard(info, encrypted)?,
        _ => return None,
    };
    if size > plain.len() {
        return None;
    }
    plain.truncate(size);
    // A wrong key gives noise, not a zip.
    plain.starts_with(b"PK\x03\x04").then_some(plain)
}

/// AES with a key of 128, 192 or 256 bits.
enum Aes {
    A128(aes::Aes128),
    A192(aes::Aes192),
    A256(aes::Aes256),
}

impl Aes {
    fn new(key: &[u8]) -> Option<Aes> {
        Some(match key.len() {
            16 => Aes::A128(aes::Aes128::new_from_slice(key).ok()?),
            24 => Aes::A192(aes::Aes192::new_from_slice(key).ok()?),
            32 => Aes::A256(aes::Aes256::new_from_slice(key).ok()?),
            _ => return None,
        })
    }

    fn decrypt_block(&self, block: &mut [u8]) {
        let block = GenericArray::from_mut_slice(block);
        match self {
            Aes::A128(c) => c.decrypt_block(block),
            Aes::A192(c) => c.decrypt_block(block),
            Aes::A256(c) => c.decrypt_block(block),
        }
    }

    /// Decrypts whole blocks in ECB mode.
    fn ecb(&self, data: &[u8]) -> Vec<u8> {
        let mut out = data[..data.len() / 16 * 16].to_vec();
        out.chunks_mut(16).for_each(|b| self.decrypt_block(b));
        out
    }

    /// Decrypts whole blocks in CBC mode.
    fn cbc(&self, iv: &[u8], data: &[u8]) -> Vec<u8> {
        let mut out = data[..data.len() / 16 * 16].to_vec();
        let mut previous: [u8; 16] = iv.get(..16).and_then(|iv| iv.try_into().ok()).unwrap_or([0; 16]);
        for block in out.chunks_mut(16) {
            let cipher: [u8; 16] = (&*block).try_into().expect("16 bytes");
            self.decrypt_block(block);
            block.iter_mut().zip(previous).for_each(|(b, p)| *b ^= p);
            previous = cipher;
        }
        out
    }
}

/// ECMA-376 standard encryption ([MS-OFFCRYPTO] 2.3.4.5): AES in ECB mode, its key from
/// SHA-1 hashes of the salt and password, 50,000 times over.
fn standard(info: &[u8], encrypted: &[u8]) -> Option<Vec<u8>> {
    let header_len = u32_at(info, 8)? as usize;
    let header = info.get(12..12 + header_len)?;
    let bytes = u32_at(header, 16)? as usize / 8;
    let v = 12 + header_len;
    let salt = info.get(v + 4..v + 20)?;
    let mut h: Vec<u8> = Sha1::new().chain_update(salt).chain_update(password()).finalize().to_vec();
    for i in 0u32..50_000 {
        h = Sha1::new().chain_update(i.to_le_bytes()).chain_update(&h).finalize().to_vec();
    }
    let h = Sha1::new().chain_update(&h).chain_update(0u32.to_le_bytes()).finalize();
    let derive = |pad: u8| {
        let mut buf = [pad; 64];
        buf.iter_mut().zip(h.iter()).for_each(|(b, h)| *b ^= h);
        Sha1::digest(buf)
    };
    let key = [derive(0x36).to_vec(), derive(0x5c).to_vec()].concat();
    Some(Aes::new(key.get(..bytes)?)?.ecb(encrypted))
}

/// The attributes of the XML elements named `name` (by their local name).
fn attributes(xml: &[u8], name: &str) -> Vec<Vec<(String, String)>> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)) if e.local_name().as_ref() == name => {
                out.push(e.attributes().flatten().map(|a| (a.key.local_name().as_ref().to_string(), a.value.to_string())).collect());
            }
            Ok(quick_xml::events::Event::Eof) | Err(_) => return out,
            _ => {}
        }
        buf.clear();
    }
}

fn hash(algorithm: &str, parts: &[&[u8]]) -> Option<Vec<u8>> {
    fn run<D: Digest>(parts: &[&[u8]]) -> Vec<u8> {
        let mut d = D::new();
        parts.iter().for_each(|p| d.update(p));
        d.finalize().to_vec()
    }
    Some(match algorithm {
        "SHA1" | "SHA-1" => run::<Sha1>(parts),
        "SHA256" => run::<Sha256>(parts),
        "SHA384" => run::<Sha384>(parts),
        "SHA512" => run::<Sha512>(parts),
        _ => return None,
    })
}

/// `bytes` cut or padded (with 0x36) to `len` bytes, as agile encryption sizes its keys and
/// initialisation vectors.
fn sized(mut bytes: Vec<u8>, len: usize) -> Vec<u8> {
    bytes.resize(len, 0x36);
    bytes
}

/// Agile encryption ([MS-OFFCRYPTO] 2.3.4.10): an XML description; the package's key
/// encrypted with one derived from the password, and the package in segments of 4,096 bytes,
/// each in CBC mode with its own initialisation vector.
fn agile(xml: &[u8], encrypted: &[u8]) -> Option<Vec<u8>> {
    let b64 = |v: &str| base64::engine::general_purpose::STANDARD.decode(v.trim()).ok();
    let find = |attrs: &[(String, String)], name: &str| attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let key_data = attributes(xml, "keyData").into_iter().next()?;
    // The password's key encryptor (a certificate's has no spin count).
    let encryptor = attributes(xml, "encryptedKey").into_iter().find(|a| a.iter().any(|(k, _)| k == "spinCount"))?;
    let spin: u32 = find(&encryptor, "spinCount")?.parse().ok()?;
    let algorithm = find(&encryptor, "hashAlgorithm")?;
    let salt = b64(&find(&encryptor, "saltValue")?)?;
    let key_bytes = find(&encryptor, "keyBits")?.parse::<usize>().ok()? / 8;
    let mut h = hash(&algorithm, &[&salt, &password()])?;
    // (A file may ask for more rounds than any program makes: not spent on.)
    if spin > 10_000_000 {
        return None;
    }
    for i in 0..spin {
        h = hash(&algorithm, &[&i.to_le_bytes(), &h])?;
    }
    const KEY_VALUE_BLOCK: [u8; 8] = [0x14, 0x6e, 0x0b, 0xe7, 0xab, 0xac, 0xd0, 0xd6];
    let key = sized(hash(&algorithm, &[&h, &KEY_VALUE_BLOCK])?, key_bytes);
    let secret = Aes::new(&key)?.cbc(&salt, &b64(&find(&encryptor, "encryptedKeyValue")?)?);
    let data_bytes = find(&key_data, "keyBits")?.parse::<usize>().ok()? / 8;
    let data_salt = b64(&find(&key_data, "saltValue")?)?;
    let data_algorithm = find(&key_data, "hashAlgorithm")?;
    let block_size: usize = find(&key_data, "blockSize")?.parse().ok()?;
    let cipher = Aes::new(secret.get(..data_bytes)?)?;
    let mut plain = Vec::with_capacity(encrypted.len());
    for (i, segment) in encrypted.chunks(4096).enumerate() {
        let iv = sized(hash(&data_algorithm, &[&data_salt, &(i as u32).to_le_bytes()])?, block_size);
        plain.extend(cipher.cbc(&iv, segment));
    }
    Some(plain)
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader};

    /// Workbooks of the shared corpus encrypted with the default password, each kind of
    /// encryption read here, decrypted: their first sheet's first texts are the ones
    /// msoffcrypto-tool's decryption gives (read with python-calamine).
    #[test]
    fn the_corpus_s_workbooks_with_the_default_password_are_read() {
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/third-party");
        let cases: &[(&str, &[&str])] = &[
            // RC4, Excel 97
            ("exceldatareader/TestExcel_2040.xls", &["Name", "Id", "Education", "Kathiravan"]),
            ("exceldatareader/protectedsheet-xxx.xls", &["x"]),
            ("calamine/issue_385.xls", &[]),
            // RC4 CryptoAPI
            ("phpspreadsheet/Reader/XLS/pwtest3.xls", &["x"]),
            ("phpspreadsheet/Reader/XLS/pwtest.xls", &[]),
            // agile (AES-256, SHA-512) and standard (AES-128, SHA-1) encryption
            ("exceldatareader/Test_git_issue289.xlsx", &["aaaaaaa"]),
            ("poi/poifs/protect.xlsx", &["При запуске пробной версии Office 2007"]),
        ];
        for (name, want) in cases {
            let data = std::fs::read(corpus.join(name)).unwrap();
            let plain = with_default_password(&data).unwrap_or_else(|| panic!("{name}: not decrypted"));
            let cursor = Cursor::new(&plain[..]);
            let mut book = if name.ends_with(".xls") {
                calamine::Sheets::Xls(calamine::Xls::new(cursor).unwrap())
            } else {
                calamine::Sheets::Xlsx(calamine::Xlsx::new(cursor).unwrap())
            };
            let first = book.sheet_names()[0].clone();
            let range = book.worksheet_range(&first).unwrap();
            let texts: Vec<String> =
                range.rows().take(3).flatten().filter_map(|d| if let Data::String(t) = d { Some(t.clone()) } else { None }).collect();
            assert!(texts.len() >= want.len(), "{name}: {texts:?}");
            for (got, want) in texts.iter().zip(want.iter()) {
                assert!(got.starts_with(want), "{name}: {got:?}, not {want:?}");
            }
        }
        // A password of the user's own: not decrypted.
        for name in ["poi/password.xls", "calamine/pass_protected.xlsx"] {
            let data = std::fs::read(corpus.join(name)).unwrap();
            assert_eq!(with_default_password(&data), None, "{name}");
        }
    }

    #[test]
    fn a_file_not_encrypted_is_not_decrypted() {
        assert_eq!(with_default_password(b"not a compound file"), None);
        let mut cf = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
        cf.create_stream("/Workbook").unwrap().write_all(&[0x09, 0x08, 0, 0, 0x0A, 0, 0, 0]).unwrap();
        cf.flush().unwrap();
        assert_eq!(with_default_password(&cf.into_inner().into_inner()), None);
    }
}
