//! A small sRGB ICC profile (version 2.1, display class, matrix and tone curves) made here,
//! for RGB pictures that carry no profile of their own: under a CMYK output intent PDF/X-4
//! and PDF/A take RGB only as a calibrated (ICCBased) space. Version 2 because PDF/A-1
//! (PDF 1.4) does not take version 4 profiles; built from the IEC 61966-2-1 numbers, so there
//! is no file to license and the bytes never change. `build.rs` makes and compresses it when
//! the program is built (`image::SRGB_COMPRESSED`).

/// The profile's description.
const DESCRIPTION: &str = "sRGB IEC61966-2.1 (jianbao)";

/// Entries of each tone curve.
const CURVE_POINTS: usize = 1024;

/// The primaries of sRGB adapted to D50 (Bradford), as the ICC profile connection space wants.
const COLORANTS: [[f64; 3]; 3] = [
    [0.436_074_7, 0.222_504_5, 0.013_932_2],
    [0.385_064_9, 0.716_878_6, 0.097_104_5],
    [0.143_080_4, 0.060_616_9, 0.714_173_3],
];

/// The media white point: D65, the display's white.
const WHITE: [f64; 3] = [0.950_455, 1.0, 1.089_058];

/// The profile connection space's illuminant, D50.
const D50: [f64; 3] = [0.964_2, 1.0, 0.824_9];

/// The profile's bytes.
pub(super) fn profile() -> Vec<u8> {
    let mut tags: Vec<([u8; 4], Vec<u8>)> = vec![
        (*b"desc", description()),
        (*b"cprt", text("No copyright, use freely")),
        (*b"wtpt", xyz(WHITE)),
        (*b"rXYZ", xyz(COLORANTS[0])),
        (*b"gXYZ", xyz(COLORANTS[1])),
        (*b"bXYZ", xyz(COLORANTS[2])),
    ];
    let curve = curve();
    tags.extend([(*b"rTRC", curve.clone()), (*b"gTRC", curve.clone()), (*b"bTRC", curve)]);

    let table_len = 4 + 12 * tags.len();
    let mut data = Vec::new();
    let mut entries = Vec::new();
    let mut offsets: Vec<(usize, usize)> = Vec::new();
    for (i, (tag, body)) in tags.iter().enumerate() {
        // The three tone curves share one copy.
        let shared = (i > 0 && tags[i - 1].1 == *body).then(|| offsets[i - 1]);
        let (offset, len) = shared.unwrap_or_else(|| {
            let offset = 128 + table_len + data.len();
            data.extend_from_slice(body);
            while data.len() % 4 != 0 {
                data.push(0);
            }
            (offset, body.len())
        });
        offsets.push((offset, len));
        entries.extend_from_slice(tag);
        entries.extend_from_slice(&(offset as u32).to_be_bytes());
        entries.extend_from_slice(&(len as u32).to_be_bytes());
    }
    let size = 128 + table_len + data.len();
    let mut out = Vec::with_capacity(size);
    out.extend_from_slice(&(size as u32).to_be_bytes());
    out.extend_from_slice(&[0; 4]); // preferred CMM
    out.extend_from_slice(&[2, 0x10, 0, 0]); // version 2.1
    out.extend_from_slice(b"mntrRGB XYZ ");
    out.extend_from_slice(&[0x07, 0xce, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]); // 1998-01-01 00:00:00
    out.extend_from_slice(b"acsp");
    out.extend_from_slice(&[0; 24]); // platform, flags, manufacturer, model, attributes
    out.extend_from_slice(&[0; 4]); // rendering intent: perceptual
    out.extend_from_slice(&xyz_numbers(D50));
    out.extend_from_slice(&[0; 4]); // creator
    out.extend_from_slice(&[0; 44]); // profile ID (none in version 2) and reserved
    out.extend_from_slice(&(tags.len() as u32).to_be_bytes());
    out.extend_from_slice(&entries);
    out.extend_from_slice(&data);
    out
}

/// A `textDescriptionType` with the ASCII description and empty Unicode and ScriptCode parts.
fn description() -> Vec<u8> {
    let mut out = b"desc\0\0\0\0".to_vec();
    out.extend_from_slice(&(DESCRIPTION.len() as u32 + 1).to_be_bytes());
    out.extend_from_slice(DESCRIPTION.as_bytes());
    out.push(0);
    out.extend_from_slice(&[0; 8]); // Unicode language code and count
    out.extend_from_slice(&[0; 3]); // ScriptCode code and count
    out.extend_from_slice(&[0; 67]);
    out
}

/// A `textType`.
fn text(value: &str) -> Vec<u8> {
    let mut out = b"text\0\0\0\0".to_vec();
    out.extend_from_slice(value.as_bytes());
    out.push(0);
    out
}

/// An `XYZType` with one value.
fn xyz(value: [f64; 3]) -> Vec<u8> {
    let mut out = b"XYZ \0\0\0\0".to_vec();
    out.extend_from_slice(&xyz_numbers(value));
    out
}

/// Three `s15Fixed16Number`s.
fn xyz_numbers(value: [f64; 3]) -> Vec<u8> {
    value.iter().flat_map(|v| ((v * 65536.0).round() as i32).to_be_bytes()).collect()
}

/// The sRGB transfer curve as a `curveType` table.
fn curve() -> Vec<u8> {
    let mut out = b"curv\0\0\0\0".to_vec();
    out.extend_from_slice(&(CURVE_POINTS as u32).to_be_bytes());
    for i in 0..CURVE_POINTS {
        let v = i as f64 / (CURVE_POINTS - 1) as f64;
        let linear = if v <= 0.040_45 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) };
        out.extend_from_slice(&((linear * 65535.0).round() as u16).to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_srgb_profile_reads_back_as_srgb() {
        let data = profile();
        assert_eq!(u32::from_be_bytes([data[0], data[1], data[2], data[3]]) as usize, data.len());
        assert_eq!(&data[12..20], b"mntrRGB ");
        assert_eq!(&data[36..40], b"acsp");
        assert_eq!(data[8], 2);
        assert_eq!(data, profile(), "the same bytes every time");
        // moxcms reads it and maps sRGB red through it to sRGB red.
        let read = moxcms::ColorProfile::new_from_slice(&data).expect("a readable profile");
        let to = moxcms::ColorProfile::new_srgb();
        let t = read
            .create_transform_8bit(moxcms::Layout::Rgb, &to, moxcms::Layout::Rgb, Default::default())
            .expect("a transform");
        let mut out = [0u8; 6];
        t.transform(&[255, 0, 0, 128, 128, 128], &mut out).expect("converts");
        assert!(out[0] >= 250 && out[1] <= 5 && out[2] <= 5, "{out:?}");
        assert!(out[3..].iter().all(|&v| v.abs_diff(128) <= 2), "{out:?}");
    }

    #[test]
    fn pdf_srgb_profile_compressed_at_build_time_as_at_run_time() {
        assert_eq!(super::super::image::SRGB_COMPRESSED, super::super::deflate(&profile()));
    }
}
