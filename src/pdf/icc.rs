//! The CMYK output profile a PDF is written for: the bundled FOGRA39 profile (see `icc/`), or
//! a print shop's own, checked before use (an ICC profile moxcms can read, CMYK, of the
//! output class) and described by its own description tag.

use std::fmt;

/// The bundled CMYK output profile (ICC v2.2, class `prtr`), made from Fogra's FOGRA39L data.
pub(super) const BUNDLED: &[u8] = include_bytes!("../../icc/FOGRA39L_coated.icc");

/// [`BUNDLED`] zlib-compressed as a stream is (by `build.rs`, once).
const BUNDLED_COMPRESSED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/FOGRA39L_coated.icc.zlib"));

/// A CMYK output profile, checked.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct OutputProfile {
    /// The profile's bytes.
    data: &'static [u8],
    /// Whether these are the bundled profile's bytes.
    bundled: bool,
}

impl fmt::Debug for OutputProfile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "OutputProfile({:?}, {} bytes)", self.description(), self.data.len())
    }
}

impl Default for OutputProfile {
    fn default() -> Self {
        OutputProfile { data: BUNDLED, bundled: true }
    }
}

impl OutputProfile {
    /// Checks a profile's bytes: an ICC profile that moxcms reads, with CMYK data and the
    /// output device class; the message says what is wrong.
    pub fn new(data: &'static [u8]) -> Result<Self, String> {
        let header = data.get(..128).ok_or("the file is too short for an ICC profile")?;
        if &header[36..40] != b"acsp" {
            return Err("the file is not an ICC profile (no `acsp` signature)".into());
        }
        let size = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as usize;
        if size != data.len() {
            return Err(format!("the profile says it is {size} bytes long but the file has {}", data.len()));
        }
        if &header[16..20] != b"CMYK" {
            return Err(format!("a {} profile, not CMYK", String::from_utf8_lossy(&header[16..20]).trim()));
        }
        if &header[12..16] != b"prtr" {
            let class = String::from_utf8_lossy(&header[12..16]).into_owned();
            return Err(format!("a profile of class `{class}`, not an output (`prtr`) profile"));
        }
        moxcms::ColorProfile::new_from_slice(data).map_err(|e| format!("the profile cannot be read: {e:?}"))?;
        Ok(OutputProfile { data, bundled: data == BUNDLED })
    }

    /// The profile's bytes.
    pub fn data(&self) -> &'static [u8] {
        self.data
    }

    /// The profile's bytes zlib-compressed, for its stream: the bundled profile's were
    /// compressed when the program was built.
    pub(super) fn compressed(&self) -> std::borrow::Cow<'static, [u8]> {
        match self.bundled {
            true => BUNDLED_COMPRESSED.into(),
            false => super::deflate(self.data).into(),
        }
    }

    /// Whether this is the bundled FOGRA39 profile.
    pub fn is_bundled(&self) -> bool {
        self.bundled
    }

    /// The ICC major version (2 or 4).
    pub fn version(&self) -> u8 {
        self.data.get(8).copied().unwrap_or(0)
    }

    /// The profile's description tag (`desc`), or `CMYK output profile` without one.
    pub fn description(&self) -> String {
        description(self.data).unwrap_or_else(|| "CMYK output profile".into())
    }
}

/// Reads the `desc` tag: a version 2 `textDescriptionType` (ASCII) or a version 4
/// `multiLocalizedUnicodeType` (its first record, UTF-16BE).
fn description(data: &[u8]) -> Option<String> {
    let u32_at = |o: usize| data.get(o..o + 4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize);
    let count = u32_at(128)?;
    let (offset, len) = (0..count.min(1000)).find_map(|i| {
        let at = 132 + 12 * i;
        (data.get(at..at + 4)? == b"desc").then(|| Some((u32_at(at + 4)?, u32_at(at + 8)?)))?
    })?;
    let tag = data.get(offset..offset.checked_add(len)?)?;
    let text = match tag.get(..4)? {
        b"desc" => {
            let n = u32_at(offset + 8)?;
            let bytes = tag.get(12..12 + n)?;
            String::from_utf8_lossy(bytes).trim_end_matches('\0').to_string()
        }
        b"mluc" => {
            let (size, start) = (u32_at(offset + 20)?, u32_at(offset + 24)?);
            let units: Vec<u16> =
                tag.get(start..start + size)?.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
            String::from_utf16_lossy(&units).trim_end_matches('\0').to_string()
        }
        _ => return None,
    };
    let text: String = text.chars().filter(|c| !c.is_control()).collect();
    (!text.trim().is_empty()).then(|| text.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_bundled_profile_is_a_cmyk_output_profile_v2() {
        let p = OutputProfile::default();
        assert!(p.is_bundled());
        assert_eq!(p.version(), 2, "PDF/A-1 needs an ICC version 2 profile");
        assert_eq!(p.description(), "FOGRA39L coated (ISO 12647-2:2004/Amd 1), ArgyllCMS");
        assert_eq!(OutputProfile::new(BUNDLED), Ok(p));
    }

    #[test]
    fn pdf_bundled_profile_compressed_at_build_time_as_at_run_time() {
        assert_eq!(OutputProfile::default().compressed(), super::super::deflate(BUNDLED));
    }

    #[test]
    fn pdf_profiles_that_are_not_cmyk_output_profiles_are_refused() {
        let srgb: &'static [u8] = Box::leak(super::super::srgb::profile().into_boxed_slice());
        assert!(OutputProfile::new(srgb).unwrap_err().contains("not CMYK"));
        assert!(OutputProfile::new(b"not a profile").is_err());
        let mut short = BUNDLED.to_vec();
        short.truncate(2000);
        let short: &'static [u8] = Box::leak(short.into_boxed_slice());
        assert!(OutputProfile::new(short).unwrap_err().contains("bytes long"));
        let mut display = BUNDLED.to_vec();
        display[12..16].copy_from_slice(b"mntr");
        let display: &'static [u8] = Box::leak(display.into_boxed_slice());
        assert!(OutputProfile::new(display).unwrap_err().contains("class `mntr`"));
    }
}
