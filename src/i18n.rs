//! The atlas's languages. English is the source; every other language is an edition under its own
//! path prefix (`/de/…`), made of two kinds of files and nothing else (see README, "Languages"):
//! - `templates/i18n/{code}/*.ftl`: the interface strings, a [Fluent](https://projectfluent.org)
//!   catalogue in one file per part of the site (the same message ids in every language);
//! - `data/{code}/*.json`: the dataset's sentences and labels in that language, each beside its
//!   English original (see `model::translate`).
//!
//! Both are compiled in by `build.rs`. A page being rendered knows its language from [`current`],
//! set for each request by the edition's routes ([`with_language`]), so low-level formatting (month
//! names, numbers, country names) follows it without being handed it.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

/// Files compiled in: (name, text).
type Files = &'static [(&'static str, &'static str)];
/// Files compiled in gzipped: (name, bytes); see [`inflate`].
type GzFiles = &'static [(&'static str, &'static [u8])];

include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// One language: its catalogue, ready to format, and its data translations.
pub struct Language {
    /// BCP 47 code, also the path prefix of its edition (`de` → `/de`); empty prefix for English.
    pub code: &'static str,
    /// The messages that are plain text (most of them), read straight from the compiled-in files.
    plain: HashMap<&'static str, &'static str>,
    /// The others (with placeables, plural forms or terms), which Fluent formats. Keeping only
    /// these in Fluent's syntax tree took the two catalogues from 1.28 MB of memory to 0.2 MB.
    bundle: FluentBundle<FluentResource>,
    /// Every message id of the catalogue, for the completeness check.
    ids: BTreeSet<String>,
    /// The translations of the data files: (file name, gzipped text). Empty for English.
    pub data: GzFiles,
    /// Problems found reading the catalogue (syntax errors, duplicate ids).
    problems: Vec<String>,
}

impl fmt::Debug for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Language").field("code", &self.code).finish()
    }
}

/// A value for a placeable of a message: text, or a number (which also selects plural forms).
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(n as i64)
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Number(i64::from(n))
    }
}
impl From<i32> for Arg {
    fn from(n: i32) -> Arg {
        Arg::Number(i64::from(n))
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Number(n)
    }
}
// Templates pass fields by reference.
macro_rules! by_reference {
    ($($t:ty),*) => {$(
        impl From<&$t> for Arg {
            fn from(n: &$t) -> Arg {
                (*n).into()
            }
        }
    )*};
}
by_reference!(usize, u32, i32, i64, &str);

impl Language {
    fn load(code: &'static str, catalogue: Files, data: GzFiles) -> Language {
        let mut problems = Vec::new();
        let langid: unic_langid::LanguageIdentifier = code.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // The pages escape what they print; Unicode isolation marks would only get in the way of
        // search, copying and tests.
        bundle.set_use_isolating(false);
        let mut ids = BTreeSet::new();
        let mut plain = HashMap::new();
        for (file, text) in catalogue {
            let resource = fluent_syntax::parser::parse_runtime(*text).unwrap_or_else(|(resource, errors)| {
                for e in errors {
                    problems.push(format!("{file}: {e:?}"));
                }
                resource
            });
            // A message that is one piece of text is kept as a slice of the file; the rest go to
            // Fluent, written back out without them (and without the comments).
            let mut rest = ast::Resource { body: Vec::new() };
            for entry in resource.body {
                if let ast::Entry::Message(m) = &entry
                    && !ids.insert(m.id.name.to_string())
                {
                    problems.push(format!("{file}: message `{}` is defined twice", m.id.name));
                }
                match entry {
                    ast::Entry::Message(ast::Message {
                        id,
                        value: Some(ast::Pattern { elements }),
                        attributes,
                        ..
                    }) if attributes.is_empty()
                        && matches!(elements.as_slice(), [ast::PatternElement::TextElement { .. }]) =>
                    {
                        if let [ast::PatternElement::TextElement { value }] = elements.as_slice() {
                            plain.insert(id.name, *value);
                        }
                    }
                    entry @ (ast::Entry::Message(_) | ast::Entry::Term(_)) => rest.body.push(entry),
                    _ => {}
                }
            }
            let source = fluent_syntax::serializer::serialize(&rest);
            let resource = FluentResource::try_new(source).unwrap_or_else(|(resource, errors)| {
                for e in errors {
                    problems.push(format!("{file}: {e:?}"));
                }
                resource
            });
            if let Err(errors) = bundle.add_resource(resource) {
                for e in errors {
                    problems.push(format!("{file}: {e}"));
                }
            }
        }
        Language {
            code,
            plain,
            bundle,
            ids,
            data,
            problems,
        }
    }

    /// The message `id`, with `args` in its placeables. A missing message (which the check and
    /// start-up refuse) shows its id rather than nothing.
    pub fn message(&self, id: &str, args: &[(&str, Arg)]) -> String {
        if let Some(text) = self.plain.get(id) {
            return (*text).to_string();
        }
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let v = match value {
                Arg::Text(s) => FluentValue::from(s.clone()),
                Arg::Number(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, v);
        }
        let mut errors = vec![];
        let text = self
            .bundle
            .format_pattern(pattern, (!args.is_empty()).then_some(&fluent_args), &mut errors);
        text.into_owned()
    }

    /// The message `id`, without arguments.
    pub fn t(&self, id: &str) -> String {
        self.message(id, &[])
    }

    /// The path prefix of this language's edition: `""` for English, `/de` for German.
    pub fn prefix(&self) -> String {
        if self.is_source() {
            String::new()
        } else {
            format!("/{}", self.code)
        }
    }

    /// Whether this is the atlas's source language (English), whose text every other translates.
    pub fn is_source(&self) -> bool {
        std::ptr::eq(self, source())
    }

    /// The language's name in itself, for the language switch (`Deutsch`).
    pub fn name(&self) -> String {
        self.t("language-name")
    }

    /// The OpenGraph locale, e.g. `de_DE`.
    pub fn og_locale(&self) -> String {
        self.t("language-locale")
    }

    /// A month's name (1–12).
    pub fn month(&self, month: u32) -> String {
        self.t(&format!("month-{month}"))
    }

    /// A whole number with the language's group separator (1,066 / 1.066).
    pub fn number(&self, n: i64) -> String {
        let digits = n.unsigned_abs().to_string();
        let sep = self.t("number-group-separator");
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(&sep);
            }
            out.push(c);
        }
        if n < 0 { format!("−{out}") } else { out }
    }

    /// Every message id of this language's catalogue.
    pub fn ids(&self) -> &BTreeSet<String> {
        &self.ids
    }
}

/// The text of a data file compiled in gzipped (`build.rs` wrote it from valid UTF-8).
pub fn inflate(gz: &[u8]) -> String {
    use std::io::Read;
    let mut text = String::new();
    let _ = flate2::read::GzDecoder::new(gz).read_to_string(&mut text);
    text
}

/// The dataset's files as compiled in: (name, gzipped text).
pub fn embedded_data() -> GzFiles {
    DATA
}

static ALL: LazyLock<Vec<Language>> = LazyLock::new(|| {
    LANGUAGES
        .iter()
        .map(|(code, catalogue, data)| Language::load(code, catalogue, data))
        .collect()
});

/// Every language, the source (English) first.
pub fn languages() -> &'static [Language] {
    &ALL
}

/// English: the language the dataset is written in.
pub fn source() -> &'static Language {
    &ALL[0]
}

/// The language with this code.
pub fn language(code: &str) -> Option<&'static Language> {
    ALL.iter().find(|l| l.code == code)
}

tokio::task_local! {
    static CURRENT: &'static Language;
}

/// The language of the page being rendered: the request's edition, or English outside a request.
pub fn current() -> &'static Language {
    CURRENT.try_with(|l| *l).unwrap_or_else(|_| source())
}

/// The message `id` in the current language (for code that builds text without a `Site`).
pub fn text(id: &str) -> String {
    current().t(id)
}

/// The message `id` in the current language, with an item's name as its `$name`.
pub fn named(id: &str, name: &str) -> String {
    current().message(id, &[("name", name.into())])
}

/// Runs `future` (a request's handling) with `language` as [`current`].
pub async fn with_language<F: std::future::Future>(language: &'static Language, future: F) -> F::Output {
    CURRENT.scope(language, future).await
}

/// Runs `f` synchronously with `language` as [`current`] (for code outside a request: tests, the
/// export's own text).
pub fn in_language<R>(language: &'static Language, f: impl FnOnce() -> R) -> R {
    CURRENT.sync_scope(language, f)
}

/// What is wrong with the catalogues: syntax errors, duplicate ids, and any id one language has and
/// another lacks (named with both languages), so no page shows a missing string.
pub fn catalogue_problems() -> Vec<String> {
    let mut problems: Vec<String> = ALL.iter().flat_map(|l| l.problems.iter().cloned()).collect();
    let source = source();
    for lang in ALL.iter().skip(1) {
        for id in source.ids.difference(&lang.ids) {
            problems.push(format!(
                "templates/i18n/{}/: message `{id}` is missing (templates/i18n/en/ has it)",
                lang.code
            ));
        }
        for id in lang.ids.difference(&source.ids) {
            problems.push(format!(
                "templates/i18n/{}/: message `{id}` has no English original in templates/i18n/en/",
                lang.code
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_comes_first_and_every_catalogue_is_complete() {
        assert_eq!(source().code, "en");
        assert!(languages().len() >= 2, "at least English and German");
        assert_eq!(catalogue_problems(), Vec::<String>::new());
    }

    #[test]
    fn numbers_and_months_follow_the_language() {
        let de = language("de").expect("German");
        assert_eq!(source().number(1066), "1,066");
        assert_eq!(de.number(1066), "1.066");
        assert_eq!(de.number(12), "12");
        assert_eq!(de.month(12), "Dezember");
        assert_eq!(source().month(3), "March");
        assert_eq!(de.prefix(), "/de");
        assert_eq!(source().prefix(), "");
    }

    #[test]
    fn the_current_language_is_scoped() {
        let de = language("de").expect("German");
        assert_eq!(current().code, "en");
        assert_eq!(in_language(de, || current().code), "de");
        assert_eq!(current().code, "en");
    }

    #[test]
    fn every_message_reads_as_fluent_formats_it_from_the_catalogue_file() {
        // The plain messages are kept apart from Fluent, and the others written back out for it:
        // both must give what Fluent gives from the files as written.
        for (lang, (code, catalogue, _)) in languages().iter().zip(LANGUAGES) {
            let mut whole = FluentBundle::new_concurrent(vec![code.parse().expect("a language tag")]);
            whole.set_use_isolating(false);
            for (_, text) in *catalogue {
                let resource = FluentResource::try_new(text.to_string()).expect("the catalogue parses");
                whole.add_resource(resource).expect("no duplicate ids");
            }
            let args = [
                ("count", Arg::Number(3)),
                ("name", Arg::Text("X".into())),
                ("n", Arg::Number(2)),
            ];
            for id in lang.ids() {
                let pattern = whole.get_message(id).and_then(|m| m.value()).expect("a value");
                let mut fluent_args = FluentArgs::new();
                fluent_args.set("count", 3);
                fluent_args.set("name", "X");
                fluent_args.set("n", 2);
                let expected = whole.format_pattern(pattern, Some(&fluent_args), &mut vec![]);
                assert_eq!(lang.message(id, &args), expected, "{code}: {id}");
            }
            assert!(
                lang.plain.len() > lang.ids().len() / 2,
                "{code}: most messages are plain text"
            );
        }
    }

    #[test]
    fn plural_forms_follow_the_number() {
        assert_eq!(source().message("n-plots", &[("count", Arg::Number(1))]), "1 plot");
        assert_eq!(source().message("n-plots", &[("count", Arg::Number(7))]), "7 plots");
        let de = language("de").expect("German");
        assert_eq!(de.message("n-plots", &[("count", Arg::Number(1))]), "1 Anschlagsplan");
        assert_eq!(de.message("n-plots", &[("count", Arg::Number(7))]), "7 Anschlagspläne");
    }
}
