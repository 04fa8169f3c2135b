//! Compresses the constant streams every PDF may carry — the bundled FOGRA39 output profile
//! (`icc/`) and the sRGB profile made in `src/pdf/srgb.rs` — once, at build time, with the
//! same `miniz_oxide` and level as the run-time streams, so a build only copies them (a unit
//! test in `src/pdf` checks the bytes against compressing them at run time).

use std::path::Path;

#[allow(dead_code)]
#[path = "src/pdf/srgb.rs"]
mod srgb;

/// The zlib level of `src/pdf/mod.rs` (`LEVEL`).
const LEVEL: u8 = 6;

fn main() {
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    let fogra = std::fs::read("icc/FOGRA39L_coated.icc").expect("icc/FOGRA39L_coated.icc");
    let write = |name: &str, data: &[u8]| {
        let compressed = miniz_oxide::deflate::compress_to_vec_zlib(data, LEVEL);
        std::fs::write(out.join(name), compressed).expect("writes into OUT_DIR");
    };
    write("FOGRA39L_coated.icc.zlib", &fogra);
    write("srgb.icc.zlib", &srgb::profile());
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=icc/FOGRA39L_coated.icc");
    println!("cargo::rerun-if-changed=src/pdf/srgb.rs");
}
