//! Reading a workbook from bytes, as ingest does for every file a run finds: the format is
//! picked from the first bytes, whatever the extension (the input's length picks one, so
//! real files can seed the corpus unchanged).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let name = ["a.xlsx", "a.xls", "a.ods", "a.xlsb", "a.xlsm"][data.len() % 5];
    let _ = tonghop::ingest::read_bytes(name, data);
});
