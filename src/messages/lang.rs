//! The language of messages: `--lang`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`).

/// A language messages are printed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// The language a locale or `--lang` value names: Chinese for `zh…`, else English.
    pub fn parse(value: &str) -> Lang {
        if value.trim().to_ascii_lowercase().starts_with("zh") { Lang::Zh } else { Lang::En }
    }
}

/// The language asked for: `flag` (`--lang`) when given, else the first locale variable set
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`, as POSIX orders them).
pub fn from_env(flag: Option<&str>) -> Lang {
    if let Some(flag) = flag {
        return Lang::parse(flag);
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .map_or(Lang::En, |v| Lang::parse(&v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_name_the_language() {
        assert_eq!(Lang::parse("zh_CN.UTF-8"), Lang::Zh);
        assert_eq!(Lang::parse("zh"), Lang::Zh);
        assert_eq!(Lang::parse("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::parse("C"), Lang::En);
    }
}
