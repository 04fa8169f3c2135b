//! Subsetting a CID-keyed CFF program: the glyphs used, their subroutines written out, and the
//! font and private DICTs they need.
//!
//! The output is the `CFF ` table the `subsetter` crate writes for the same glyphs, byte for byte
//! (a test holds them equal), but made straight from bytes to bytes: `subsetter` collects every
//! subroutine of the font into vectors and decompiles each glyph into a vector of instructions,
//! which was two fifths of the model issue's instructions. Anything other than a well-formed
//! CID-keyed CFF with a top-level `FontMatrix` or none anywhere (what the bundled faces are) is
//! left to `subsetter`: [`subset`] answers `None`.

mod charstring;
mod dict;
mod index;

use charstring::{Flattener, Subroutines};
use dict::{Number, Operator, entries, write_int, write_int5, write_operator};
use index::{Index, Items};
use rayon::prelude::*;

/// Glyphs written out in one piece of work on the pool: a piece takes about 0.1 ms.
const PIECE: usize = 128;

/// The first string id past the standard strings.
const FIRST_SID: u16 = 391;

/// A font DICT of the FDArray, with what the subset keeps of it.
struct FontDict<'a> {
    /// The Private DICT.
    private: &'a [u8],
    /// Its local subroutines.
    subroutines: Subroutines<'a>,
    /// `FontName`, a SID.
    name: Option<u16>,
    /// `FontMatrix`.
    matrix: Option<[Number; 6]>,
}

/// What the Top DICT says that the subset uses.
#[derive(Default)]
struct Top {
    /// `Notice`, `Copyright` and `FontName` SIDs.
    notice: Option<u16>,
    copyright: Option<u16>,
    name: Option<u16>,
    /// `FontMatrix` and `FontBBox`.
    matrix: Option<[Number; 6]>,
    bbox: Option<[Number; 4]>,
    /// Offsets of the CharStrings INDEX, the FDArray INDEX and the FDSelect.
    char_strings: Option<usize>,
    fd_array: Option<usize>,
    fd_select: Option<usize>,
    /// Whether the font is CID-keyed.
    ros: bool,
}

/// A SID operand.
fn sid(entry: &dict::Entry) -> Option<u16> {
    u16::try_from(entry.one()?.integer()?).ok()
}

impl Top {
    /// Reads the Top DICT.
    fn read(data: &[u8]) -> Option<Top> {
        let mut top = Top::default();
        for entry in entries(data)? {
            match entry.op {
                dict::NOTICE => top.notice = Some(sid(&entry)?),
                dict::COPYRIGHT => top.copyright = Some(sid(&entry)?),
                dict::FONT_NAME => top.name = Some(sid(&entry)?),
                dict::CHAR_STRINGS => top.char_strings = Some(entry.one()?.offset()?),
                dict::FD_ARRAY => top.fd_array = Some(entry.one()?.offset()?),
                dict::FD_SELECT => top.fd_select = Some(entry.one()?.offset()?),
                dict::FONT_MATRIX => top.matrix = Some(entry.exactly()?),
                dict::FONT_BBOX => top.bbox = Some(entry.exactly()?),
                dict::ROS => top.ros = true,
                _ => {}
            }
        }
        Some(top)
    }
}

/// Reads a font DICT of the FDArray; `table` is the whole CFF table.
fn font_dict<'a>(table: &'a [u8], data: &[u8]) -> Option<FontDict<'a>> {
    let mut dict = FontDict { private: &[], subroutines: Subroutines::new(Index::default()), name: None, matrix: None };
    for entry in entries(data)? {
        match entry.op {
            dict::PRIVATE => {
                let [len, start] = entry.exactly::<2>()?;
                let start = start.offset()?;
                dict.private = table.get(start..start.checked_add(len.offset()?)?)?;
                let subrs = entries(dict.private)?.into_iter().find(|e| e.op == dict::SUBRS);
                dict.subroutines = Subroutines::new(match subrs {
                    Some(subrs) => Index::read(table, start.checked_add(subrs.one()?.offset()?)?)?.0,
                    None => Index::default(),
                });
            }
            dict::FONT_NAME => dict.name = Some(sid(&entry)?),
            dict::FONT_MATRIX => dict.matrix = Some(entry.exactly()?),
            _ => {}
        }
    }
    Some(dict)
}

/// The font DICT a glyph uses, from the FDSelect (format 0 or 3) at `select`.
fn select(table: &[u8], select: usize, glyphs: u32, gid: u16) -> Option<u8> {
    let u16_at = |at: usize| table.get(at..at + 2).map(|b| u16::from_be_bytes([b[0], b[1]]));
    match *table.get(select)? {
        0 if u32::from(gid) < glyphs => table.get(select + 1 + usize::from(gid)).copied(),
        3 => {
            // Ranges (first glyph, font DICT) sorted by first glyph, then a sentinel glyph.
            let ranges = usize::from(u16_at(select + 1)?);
            let first = |r: usize| u16_at(select + 3 + 3 * r);
            if ranges == 0 || gid < first(0)? || gid >= first(ranges)? {
                return None;
            }
            let (mut low, mut high) = (0, ranges);
            while high - low > 1 {
                let mid = (low + high) / 2;
                if first(mid)? <= gid { low = mid } else { high = mid }
            }
            table.get(select + 3 + 3 * low + 2).copied()
        }
        _ => None,
    }
}

/// Strings of the subset, given new SIDs in the order they are first asked for.
struct Strings<'a> {
    /// The font's String INDEX.
    old: Index<'a>,
    /// The subset's strings, in SID order from [`FIRST_SID`].
    new: Vec<&'a [u8]>,
}

impl<'a> Strings<'a> {
    /// The new SID of a string.
    fn add(&mut self, string: &'a [u8]) -> u16 {
        let at = self.new.iter().position(|s| *s == string).unwrap_or_else(|| {
            self.new.push(string);
            self.new.len() - 1
        });
        FIRST_SID + at as u16
    }

    /// The new SID of an old one that is not a standard string (those are dropped).
    fn keep(&mut self, sid: Option<u16>) -> Option<Option<u16>> {
        match sid {
            Some(sid) if sid >= FIRST_SID => Some(Some(self.add(self.old.get(u32::from(sid - FIRST_SID))?))),
            _ => Some(None),
        }
    }
}

/// Where a five-byte offset placeholder is in the output, and the DICT operator it is for.
type Placeholder = (usize, Operator);

/// Writes the Top DICT INDEX, with the new SIDs of `Adobe` and `Identity` (the registry and
/// ordering) and of the copyright, notice and font name kept; returns where its offset
/// placeholders are.
fn write_top(top: &Top, ros: [u16; 2], kept: [Option<u16>; 3], out: &mut Vec<u8>) -> Option<Vec<Placeholder>> {
    let [adobe, identity] = ros;
    let [copyright, notice, name] = kept;
    let mut dict = Vec::new();
    write_int(i32::from(adobe), &mut dict);
    write_int(i32::from(identity), &mut dict);
    write_int(0, &mut dict);
    write_operator(dict::ROS, &mut dict);
    for (sid, op) in [(copyright, dict::COPYRIGHT), (notice, dict::NOTICE), (name, dict::FONT_NAME)] {
        if let Some(sid) = sid {
            write_int(i32::from(sid), &mut dict);
            write_operator(op, &mut dict);
        }
    }
    let (thousandth, zero) = (Number::Real(0.001), Number::Int(0));
    for n in top.matrix.unwrap_or([thousandth, zero, zero, thousandth, zero, zero]) {
        n.write(&mut dict)?;
    }
    write_operator(dict::FONT_MATRIX, &mut dict);
    for n in top.bbox.unwrap_or([zero; 4]) {
        n.write(&mut dict)?;
    }
    write_operator(dict::FONT_BBOX, &mut dict);
    let mut placeholders = Vec::new();
    let mut placeholder = |op, dict: &mut Vec<u8>| {
        placeholders.push((dict.len(), op));
        write_int5(0, dict);
        write_operator(op, dict);
    };
    placeholder(dict::CHARSET, &mut dict);
    placeholder(dict::CHAR_STRINGS, &mut dict);
    write_int(i32::from(u16::MAX), &mut dict);
    write_operator(dict::CID_COUNT, &mut dict);
    placeholder(dict::FD_ARRAY, &mut dict);
    placeholder(dict::FD_SELECT, &mut dict);
    let index = Items::of(&[&dict])?;
    let start = out.len() + index.len() - dict.len();
    out.extend(index);
    Some(placeholders.into_iter().map(|(at, op)| (start + at, op)).collect())
}

/// Writes the Private DICT without its `Subrs`; every operand in its shortest form.
fn write_private(private: &[u8], out: &mut Vec<u8>) -> Option<()> {
    for entry in entries(private)?.into_iter().filter(|e| e.op != dict::SUBRS) {
        for n in entry.operands {
            n.write(out)?;
        }
        write_operator(entry.op, out);
    }
    Some(())
}

/// The `CFF ` table of a subset of a CID-keyed CFF font: `gids` are the glyphs kept, in their
/// new order (`.notdef` first). `None` when the font is not one this handles.
///
/// With `parallel`, the glyphs are written out in pieces on the thread pool (the bytes are the
/// same).
pub(super) fn subset(table: &[u8], gids: &[u16], parallel: bool) -> Option<Vec<u8>> {
    if *table.first()? != 1 {
        return None;
    }
    let names_start = usize::from(*table.get(2)?);
    let (_, names_end) = Index::read(table, names_start)?;
    let (tops, strings_start) = Index::read(table, names_end)?;
    let top = Top::read(tops.get(0)?)?;
    let (old_strings, global_start) = Index::read(table, strings_start)?;
    let (global, _) = Index::read(table, global_start)?;
    let (char_strings, _) = Index::read(table, top.char_strings?)?;
    let glyphs = char_strings.len();
    if !top.ros || glyphs == 0 || glyphs > u32::from(u16::MAX) {
        return None;
    }
    let (fd_array, _) = Index::read(table, top.fd_array?)?;
    let dicts: Vec<FontDict> =
        (0..fd_array.len()).map(|i| font_dict(table, fd_array.get(i)?)).collect::<Option<_>>()?;
    if top.matrix.is_none() && dicts.iter().any(|d| d.matrix.is_some()) {
        return None;
    }
    let fd_select = top.fd_select?;

    let flatten = |gids: &[u16]| {
        let mut fds: Vec<u8> = Vec::with_capacity(gids.len());
        let mut flat = Items { data: Vec::with_capacity(gids.len() * 256), ends: Vec::with_capacity(gids.len()) };
        let mut flattener = Flattener::new(Subroutines::new(global));
        for &gid in gids {
            let fd = select(table, fd_select, glyphs, gid)?;
            let dict = dicts.get(usize::from(fd))?;
            flattener.flatten(char_strings.get(u32::from(gid))?, dict.subroutines, &mut flat.data)?;
            flat.close()?;
            fds.push(fd);
        }
        Some((flat, fds))
    };
    let (flat, fds) = match parallel && gids.len() > PIECE {
        true => Items::join(gids.par_chunks(PIECE).map(flatten).collect::<Option<Vec<_>>>()?)?,
        false => flatten(gids)?,
    };
    let mut used: Vec<u8> = fds.clone();
    used.sort_unstable();
    used.dedup();

    let mut strings = Strings { old: old_strings, new: Vec::new() };
    // The order `subsetter` gives the strings their SIDs in.
    let ros = [strings.add(b"Adobe"), strings.add(b"Identity")];
    let (copyright, name) = (strings.keep(top.copyright)?, strings.keep(top.name)?);
    let notice = strings.keep(top.notice)?;
    let fd_names: Vec<Option<u16>> =
        used.iter().map(|&fd| strings.keep(dicts[usize::from(fd)].name)).collect::<Option<_>>()?;

    let mut out = Vec::with_capacity(flat.data.len() + 4096);
    out.extend([1, 0, 4, 4]);
    out.extend_from_slice(table.get(names_start..names_end)?);
    let placeholders = write_top(&top, ros, [copyright, notice, name], &mut out)?;
    out.extend(Items::of(&strings.new)?);
    Items::default().write(&mut out)?;

    let mut offsets: Vec<(Operator, usize)> = vec![(dict::CHARSET, out.len())];
    match gids.len() {
        1 => out.push(0),
        n => {
            out.extend([2, 0, 1]);
            out.extend(u16::try_from(n - 2).ok()?.to_be_bytes());
        }
    }
    let mut privates = Vec::with_capacity(used.len());
    for &fd in &used {
        let start = out.len();
        write_private(dicts[usize::from(fd)].private, &mut out)?;
        privates.push((out.len() - start, start));
    }
    offsets.push((dict::FD_SELECT, out.len()));
    out.push(0);
    out.extend(fds.iter().map(|fd| used.partition_point(|u| u < fd) as u8));

    offsets.push((dict::FD_ARRAY, out.len()));
    let mut font_dicts = Items::default();
    let (one, zero) = (Number::Int(1), Number::Int(0));
    for (&fd, (&(len, start), name)) in used.iter().zip(privates.iter().zip(&fd_names)) {
        let data = &mut font_dicts.data;
        for n in dicts[usize::from(fd)].matrix.unwrap_or([one, zero, zero, one, zero, zero]) {
            n.write(data)?;
        }
        write_operator(dict::FONT_MATRIX, data);
        write_int5(i32::try_from(len).ok()?, data);
        write_int5(i32::try_from(start).ok()?, data);
        write_operator(dict::PRIVATE, data);
        if let Some(name) = name {
            write_int(i32::from(*name), data);
            write_operator(dict::FONT_NAME, data);
        }
        font_dicts.close()?;
    }
    font_dicts.write(&mut out)?;

    offsets.push((dict::CHAR_STRINGS, out.len()));
    flat.write(&mut out)?;

    for (at, op) in placeholders {
        let (_, value) = offsets.iter().find(|(o, _)| *o == op)?;
        let bytes = i32::try_from(*value).ok()?.to_be_bytes();
        out.get_mut(at + 1..at + 5)?.copy_from_slice(&bytes);
    }
    Some(out)
}

#[cfg(test)]
mod tests;
