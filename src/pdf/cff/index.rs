//! CFF INDEX structures: reading one in place, and writing one from its items.

/// A big-endian unsigned number of `size` bytes (1–4) at the start of `bytes`.
fn unsigned(bytes: &[u8], size: usize) -> Option<u32> {
    Some(bytes.get(..size)?.iter().fold(0u32, |n, &b| (n << 8) | u32::from(b)))
}

/// An INDEX read in place: `count` items addressed by 1-based offsets.
#[derive(Clone, Copy, Default)]
pub(super) struct Index<'a> {
    /// Number of items.
    count: u32,
    /// Bytes per offset (1–4).
    size: usize,
    /// The `count + 1` offsets.
    offsets: &'a [u8],
    /// The items' data, which the offsets address (offset 1 is its first byte).
    data: &'a [u8],
}

impl<'a> Index<'a> {
    /// Reads the INDEX at `at` in `table`; returns it and the offset just past it.
    pub(super) fn read(table: &'a [u8], at: usize) -> Option<(Self, usize)> {
        let count = unsigned(table.get(at..)?, 2)?;
        if count == 0 {
            return Some((Self::default(), at + 2));
        }
        let size = usize::from(*table.get(at + 2)?);
        if !(1..=4).contains(&size) {
            return None;
        }
        let start = at + 3;
        let offsets = table.get(start..start.checked_add((count as usize + 1) * size)?)?;
        let index = Index { count, size, offsets, data: &[] };
        let len = index.offset(count)? as usize;
        let data_start = start + offsets.len();
        let data = table.get(data_start..data_start.checked_add(len)?)?;
        Some((Index { data, ..index }, data_start + len))
    }

    /// Number of items.
    pub(super) fn len(&self) -> u32 {
        self.count
    }

    /// The 0-based data offset of item boundary `i` (0 ..= count).
    fn offset(&self, i: u32) -> Option<u32> {
        unsigned(self.offsets.get(i as usize * self.size..)?, self.size)?.checked_sub(1)
    }

    /// Item `i`, if there is one.
    pub(super) fn get(&self, i: u32) -> Option<&'a [u8]> {
        if i >= self.count {
            return None;
        }
        let (start, end) = (self.offset(i)? as usize, self.offset(i + 1)? as usize);
        self.data.get(start..end)
    }
}

/// Items written one after another, with where each ends, for an INDEX.
#[derive(Default)]
pub(super) struct Items {
    /// The items' bytes, concatenated.
    pub data: Vec<u8>,
    /// Where each item ends in `data`.
    pub ends: Vec<u32>,
}

impl Items {
    /// Ends the item written into `data` since the last end.
    pub(super) fn close(&mut self) -> Option<()> {
        self.ends.push(u32::try_from(self.data.len()).ok()?);
        Some(())
    }

    /// Appends the INDEX of these items to `out`, offsets as small as they can be (an empty
    /// INDEX is its count alone); returns the length of the INDEX's header (count, offset
    /// size and offsets).
    pub(super) fn write(&self, out: &mut Vec<u8>) -> Option<usize> {
        let count = u16::try_from(self.ends.len()).ok()?;
        out.extend(count.to_be_bytes());
        if count == 0 {
            return Some(2);
        }
        let last = u32::try_from(self.data.len()).ok()?.checked_add(1)?;
        let size: usize = match last {
            0..=0xff => 1,
            0x100..=0xffff => 2,
            0x1_0000..=0xff_ffff => 3,
            _ => 4,
        };
        out.push(size as u8);
        for offset in std::iter::once(1).chain(self.ends.iter().map(|end| end + 1)) {
            out.extend(&offset.to_be_bytes()[4 - size..]);
        }
        out.extend(&self.data);
        Some(3 + (self.ends.len() + 1) * size)
    }

    /// The items of `pieces`, one after the other, with the data each piece carries along.
    pub(super) fn join<T>(pieces: Vec<(Items, Vec<T>)>) -> Option<(Items, Vec<T>)> {
        let mut all = Items {
            data: Vec::with_capacity(pieces.iter().map(|(p, _)| p.data.len()).sum()),
            ends: Vec::with_capacity(pieces.iter().map(|(p, _)| p.ends.len()).sum()),
        };
        let mut along = Vec::with_capacity(all.ends.capacity());
        for (piece, more) in pieces {
            let start = u32::try_from(all.data.len()).ok()?;
            for end in piece.ends {
                all.ends.push(end.checked_add(start)?);
            }
            all.data.extend_from_slice(&piece.data);
            along.extend(more);
        }
        Some((all, along))
    }

    /// The items as one INDEX of its own.
    pub(super) fn of(items: &[&[u8]]) -> Option<Vec<u8>> {
        let mut all = Items::default();
        for item in items {
            all.data.extend_from_slice(item);
            all.close()?;
        }
        let mut out = Vec::new();
        all.write(&mut out)?;
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_written_reads_back_with_the_smallest_offsets() {
        // (items, offset size): 300 bytes of data need two-byte offsets; none when empty.
        let cases: [(Vec<&[u8]>, u8); 3] = [(vec![], 0), (vec![b"ab", b"", b"c"], 1), (vec![&[7u8; 300], b"x"], 2)];
        for (items, size) in cases {
            let bytes = Items::of(&items).unwrap();
            let (index, end) = Index::read(&bytes, 0).unwrap();
            assert_eq!(end, bytes.len());
            assert_eq!(index.len() as usize, items.len());
            for (i, item) in items.iter().enumerate() {
                assert_eq!(index.get(i as u32), Some(*item));
            }
            assert_eq!(bytes.get(2).copied().unwrap_or(0), size);
        }
    }
}
