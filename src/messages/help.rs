//! The command line's help in the messages' language: about and argument texts looked up
//! in the catalogue's `HELP` table, headings through a help template.

use clap::{Arg, ArgAction, Command};

use super::Lang;
use super::catalogue::HELP;

/// The help template in Chinese: the headings translated, clap's lists kept.
const TEMPLATE: &str = "{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}";

/// `command` with its help texts (and those of its subcommands) in `lang`.
pub fn localize_command(command: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return command;
    }
    let mut command = command
        .help_template(TEMPLATE)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .arg(Arg::new("help").short('h').long("help").action(ArgAction::Help).help("显示帮助").global(true))
        .arg(Arg::new("version").short('V').long("version").action(ArgAction::Version).help("显示版本"))
        .next_help_heading("选项")
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令")
        .after_help("示例：\n  jianbao new issues --date 2021-05-08\n  jianbao import 稿件.docx -o issues/2021/05/articles/01.md\n  jianbao watch issues/2021/05/issue.toml --preview 预览\n  jianbao check issues/2021/05/issue.toml --pages 4\n  jianbao build issues/2021/05/issue.toml\n\n退出状态：0 成功，1 输入有误，2 用法有误。");
    let parent = command.get_name().to_string();
    command = command.override_usage(format!("{parent} [选项] <命令>"));
    let names: Vec<String> = command.get_subcommands().map(|c| c.get_name().to_string()).collect();
    for name in names {
        command = command.mut_subcommand(name, |sub| {
            let usage = usage(&parent, &sub);
            localize_texts(sub.help_template(TEMPLATE).override_usage(usage))
        });
    }
    localize_texts(command)
}

/// A subcommand's usage line with `[选项]` for clap's `[OPTIONS]`: `jianbao build [选项] <MANIFEST>`.
fn usage(parent: &str, command: &Command) -> String {
    let mut out = format!("{parent} {}", command.get_name());
    if command.get_arguments().any(|a| !a.is_positional() && !a.is_hide_set()) {
        out.push_str(" [选项]");
    }
    for arg in command.get_positionals() {
        let name = arg
            .get_value_names()
            .and_then(|names| names.first())
            .map_or_else(|| arg.get_id().as_str().to_uppercase(), ToString::to_string);
        let many = arg.get_num_args().is_some_and(|n| n.max_values() > 1);
        let dots = if many { "..." } else { "" };
        if arg.is_required_set() {
            out.push_str(&format!(" <{name}>{dots}"));
        } else {
            out.push_str(&format!(" [{name}]{dots}"));
        }
    }
    out
}

/// A command's about and argument texts in Chinese.
fn localize_texts(mut command: Command) -> Command {
    if let Some(about) = command.get_about().map(ToString::to_string) {
        command = command.about(zh(&about));
    }
    let ids: Vec<String> = command.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        command = command.mut_arg(id, localize_arg);
    }
    command
}

/// An argument's help in Chinese, under a Chinese heading, its default and possible values
/// said in Chinese instead of clap's `[default: …]` and `[possible values: …]`.
fn localize_arg(arg: Arg) -> Arg {
    let heading = if arg.is_positional() { "参数" } else { "选项" };
    let Some(help) = arg.get_help().map(ToString::to_string) else { return arg };
    let mut text = zh(&help);
    let defaults: Vec<String> = arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() {
        text.push_str(&format!("［默认：{}］", defaults.join("、")));
    }
    let values: Vec<String> = arg.get_possible_values().iter().map(|v| v.get_name().to_string()).collect();
    if !values.is_empty() && !arg.is_hide_possible_values_set() && arg.get_action().takes_values() {
        text.push_str(&format!("［可选：{}］", values.join("、")));
    }
    arg.help(text).help_heading(heading).hide_default_value(true).hide_possible_values(true)
}

/// The Chinese of a help text, or the text itself when the table lacks it.
fn zh(english: &str) -> String {
    HELP.iter().find(|(en, _)| *en == english).map_or_else(|| english.to_string(), |(_, zh)| (*zh).to_string())
}

/// The language the arguments ask for with `--lang X` or `--lang=X`, if any.
pub fn lang_argument(args: &[String]) -> Option<String> {
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "--lang" {
            return iter.next().cloned();
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            return Some(value.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_help_text_is_translated() {
        let command = Command::new("t").about("Print this message or the help of the given subcommand(s)");
        let zh = localize_command(command, Lang::Zh);
        assert_eq!(zh.get_about().map(ToString::to_string).as_deref(), Some("显示本说明或所给子命令的说明"));
        assert_eq!(lang_argument(&["x".into(), "--lang=zh".into()]).as_deref(), Some("zh"));
    }
}
