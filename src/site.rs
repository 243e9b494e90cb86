//! What every page needs besides its own data: where the atlas is mounted (base path, public URL),
//! the stylesheet's address, and the dataset version. Built once at start-up, shared read-only.
//!
//! Every address a reader can copy (a citation, a canonical link, the CSV's permalinks, a printed
//! pack) is absolute, built by [`Site::permanent`] from one origin: `--public-url` when it is set.
//! Without it, [`derive_origin`] reads the origin from the request (its `Host`, or with
//! `--trust-forwarded` the proxy's `X-Forwarded-Host`/`-Proto`; the routes refuse a host that is not a
//! valid `host[:port]`) and scopes it to that request only; such pages then vary by host, so they
//! bypass the shared page cache and say `Vary`.

use axum::http::HeaderMap;

use crate::i18n::{Arg, Language};

use crate::model::Dataset;
use crate::model::source::Report;

/// A file served from `/static/`, under a name that changes whenever its content does,
/// so browsers and proxies may cache it for good.
#[derive(Debug)]
pub struct Asset {
    /// Name with a content hash, e.g. `atlas.1f3c9a2e.css`.
    pub name: String,
    pub content_type: &'static str,
    pub body: axum::body::Bytes,
}

impl Asset {
    fn new(stem: &str, ext: &str, content_type: &'static str, body: impl Into<axum::body::Bytes>) -> Asset {
        let body = body.into();
        Asset {
            name: format!("{stem}.{:08x}.{ext}", fnv1a(&body) as u32),
            content_type,
            body,
        }
    }
}

/// The stylesheet as served: comments and runs of whitespace outside strings removed (the source
/// stays commented for its readers). Every page's weight includes it, so this is worth doing:
/// 0.7 KB of brotli per page.
pub fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut quote: Option<char> = None;
    let mut space = false;
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            out.push(c);
            if c == '\\' {
                out.extend(chars.next());
            } else if c == q {
                quote = None;
            }
            continue;
        }
        if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            let mut last = ' ';
            for d in chars.by_ref() {
                if last == '*' && d == '/' {
                    break;
                }
                last = d;
            }
            space = true;
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space
            && !out.ends_with(['{', ';', ',', '}', '('])
            && !matches!(c, '{' | '}' | ';' | ',' | ')')
            && !out.is_empty()
        {
            out.push(' ');
        }
        space = false;
        if c == '"' || c == '\'' {
            quote = Some(c);
        }
        out.push(c);
    }
    out
}

/// FNV-1a: a stable content fingerprint for asset names (not a security hash).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[derive(Debug)]
pub struct Site {
    /// Where this edition's pages are: `""` or `/prefix`, then the language's prefix (`/de`),
    /// without a trailing slash.
    pub base: String,
    /// Where the atlas is mounted, without the language's prefix: the stylesheet and the other
    /// editions are found from here.
    pub root: String,
    /// The edition's language.
    pub lang: &'static Language,
    /// `https://host` when known, for absolute permanent URLs.
    pub public_url: Option<String>,
    pub version: String,
    /// The source report, for the footer of every page.
    pub report: Report,
    /// False when rendering the static export: no server behind the pages, so no forms, and no
    /// access date (the reader adds their own).
    pub live: bool,
    /// Without a public URL: take the origin from a reverse proxy's `X-Forwarded-Host` and
    /// `X-Forwarded-Proto` instead of `Host` (only behind a proxy that sets them itself).
    pub trust_forwarded: bool,
    pub stylesheet: Asset,
    /// The WCAG 2.2 rules (part of `stylesheet`) on their own, for the archived versions' pages.
    pub archive_stylesheet: Asset,
    /// The briefing pack's own layout (mostly for paper), loaded by that page only.
    pub briefing_stylesheet: Asset,
    pub icon: Asset,
}

impl Site {
    pub fn new(base: String, public_url: Option<String>, version: String, report: Report) -> Site {
        Site {
            root: base.clone(),
            base,
            lang: crate::i18n::source(),
            public_url,
            version,
            report,
            live: true,
            trust_forwarded: false,
            stylesheet: Asset::new(
                "atlas",
                "css",
                "text/css; charset=utf-8",
                minify_css(concat!(
                    include_str!("../static/atlas.css"),
                    include_str!("../static/wcag22.css")
                )),
            ),
            archive_stylesheet: Asset::new(
                "wcag22",
                "css",
                "text/css; charset=utf-8",
                minify_css(include_str!("../static/wcag22.css")),
            ),
            briefing_stylesheet: Asset::new(
                "briefing",
                "css",
                "text/css; charset=utf-8",
                minify_css(include_str!("../static/briefing.css")),
            ),
            icon: Asset::new(
                "icon",
                "svg",
                "image/svg+xml",
                &include_bytes!("../static/icon.svg")[..],
            ),
        }
    }

    /// The same site for `lang`'s edition: its pages under the language's prefix.
    pub fn in_language(mut self, lang: &'static Language) -> Site {
        self.base = format!("{}{}", self.root, lang.prefix());
        self.lang = lang;
        self
    }

    /// An interface string of the edition's language (see `templates/i18n/`).
    pub fn t(&self, id: &str) -> String {
        self.lang.t(id)
    }

    /// The interface string `{prefix}{key}`, for a value's label (`certainty-` + `reported`).
    pub fn tk(&self, prefix: &str, key: &str) -> String {
        self.lang.t(&format!("{prefix}{key}"))
    }

    /// An interface string with one value in it.
    pub fn t1(&self, id: &str, name: &str, value: impl Into<Arg>) -> String {
        self.lang.message(id, &[(name, value.into())])
    }

    /// An interface string with two values in it.
    pub fn t2(&self, id: &str, a: &str, a_value: impl Into<Arg>, b: &str, b_value: impl Into<Arg>) -> String {
        self.lang.message(id, &[(a, a_value.into()), (b, b_value.into())])
    }

    /// A whole number as the edition's language writes it (1,066 / 1.066).
    pub fn number(&self, n: impl Into<i64>) -> String {
        self.lang.number(n.into())
    }

    /// The same page in every edition, for the language switch and `hreflang` links: `path` is the
    /// page's address without base path or language prefix (its `Head::path`).
    pub fn editions(&self, path: &str) -> Vec<Edition> {
        crate::i18n::languages()
            .iter()
            .map(|lang| {
                let path = if path.is_empty() { "/" } else { path };
                let url = format!("{}{}{path}", self.root, lang.prefix());
                Edition {
                    code: lang.code,
                    name: lang.name(),
                    absolute: self
                        .origin()
                        .map(|o| format!("{o}{url}"))
                        .unwrap_or_else(|| url.clone()),
                    url,
                    current: std::ptr::eq(lang, self.lang),
                }
            })
            .collect()
    }

    /// A link to one of the atlas's own pages: `path` starts with `/`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// `scheme://host` readers reach the atlas at: `--public-url`, or else the one
    /// [`with_origin`] set for the request being answered. `None` only in a static export
    /// made without a public URL.
    pub fn origin(&self) -> Option<String> {
        self.public_url
            .clone()
            .or_else(|| REQUEST_ORIGIN.try_with(Clone::clone).ok())
    }

    /// The permanent, shareable form of `path`: absolute whenever the origin is known.
    pub fn permanent(&self, path: &str) -> String {
        format!("{}{}{path}", self.origin().unwrap_or_default(), self.base)
    }

    /// The absolute address of `path` to print for readers, when the origin is known; `None` in a
    /// static export made without a public URL (and for an empty path: a page without an address).
    pub fn address(&self, path: &str) -> Option<String> {
        self.origin()
            .filter(|_| !path.is_empty())
            .map(|origin| format!("{origin}{}{path}", self.base))
    }

    /// Whether addresses on a page depend on the request (no public URL, a live server).
    pub fn origin_varies(&self) -> bool {
        self.public_url.is_none() && self.live
    }

    /// Where an asset is served (under the mount point, not the edition: one copy for all).
    fn asset_url(&self, asset: &Asset) -> String {
        format!("{}/static/{}", self.root, asset.name)
    }

    pub fn stylesheet_url(&self) -> String {
        self.asset_url(&self.stylesheet)
    }

    pub fn archive_stylesheet_url(&self) -> String {
        self.asset_url(&self.archive_stylesheet)
    }

    pub fn briefing_stylesheet_url(&self) -> String {
        self.asset_url(&self.briefing_stylesheet)
    }

    pub fn icon_url(&self) -> String {
        self.asset_url(&self.icon)
    }

    pub fn assets(&self) -> [&Asset; 4] {
        [
            &self.stylesheet,
            &self.archive_stylesheet,
            &self.briefing_stylesheet,
            &self.icon,
        ]
    }

    /// HSTS only makes sense, and is only safe, when readers reach the atlas over https.
    pub fn https(&self) -> bool {
        self.public_url.as_deref().is_some_and(|u| u.starts_with("https://"))
    }
}

/// One edition of a page, for the language switch.
#[derive(Debug, Clone)]
pub struct Edition {
    pub code: &'static str,
    /// The language's name in itself.
    pub name: String,
    /// The page's address in that edition (for links).
    pub url: String,
    /// The same, absolute when the origin is known (for `hreflang`).
    pub absolute: String,
    /// Whether this is the edition being shown.
    pub current: bool,
}

tokio::task_local! {
    /// `scheme://host` of the request being answered, when no public URL is set.
    static REQUEST_ORIGIN: String;
}

/// `host[:port]` as a URL may hold it: a DNS name (letters, digits, hyphens, dots), an IPv4
/// address, or an IPv6 literal in brackets, and an optional port of 1–65535.
pub fn valid_host(hostport: &str) -> bool {
    let (host, port) = match hostport.rsplit_once(':') {
        Some((h, p)) if h.starts_with('[') == h.ends_with(']') && !p.contains(']') => (h, Some(p)),
        _ => (hostport, None),
    };
    let port_ok = port.is_none_or(|p| {
        (1..=5).contains(&p.len())
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|n| (1..=65535).contains(&n))
    });
    let host_ok = match host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        Some(v6) => v6.parse::<std::net::Ipv6Addr>().is_ok(),
        None => {
            !host.is_empty()
                && host.len() <= 253
                && host.split('.').all(|label| {
                    !label.is_empty()
                        && label.len() <= 63
                        && !label.starts_with('-')
                        && !label.ends_with('-')
                        && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                })
        }
    };
    host_ok && port_ok
}

/// The origin of a request, from `Host` (or a trusted proxy's forwarded headers); `None` when the
/// host is missing or not a valid `host[:port]`.
pub fn derive_origin(headers: &HeaderMap, trust_forwarded: bool) -> Option<String> {
    let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    // A chain of proxies lists hosts left to right; the first is the one the reader used.
    let forwarded = |name: &str| get(name).and_then(|v| v.split(',').next()).map(str::trim);
    let host = if trust_forwarded {
        forwarded("x-forwarded-host").or_else(|| get("host"))
    } else {
        get("host")
    }?;
    let https = trust_forwarded && forwarded("x-forwarded-proto").is_some_and(|p| p.eq_ignore_ascii_case("https"));
    let scheme = if https { "https" } else { "http" };
    valid_host(host).then(|| format!("{scheme}://{}", host.to_ascii_lowercase()))
}

/// Runs `future` (the rest of a request's handling) with `origin` as the origin of every address
/// [`Site::permanent`] builds.
pub async fn with_origin<F: std::future::Future>(origin: String, future: F) -> F::Output {
    REQUEST_ORIGIN.scope(origin, future).await
}

/// Today's date (UTC), for access dates in citations and the briefing pack's cover.
pub fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

/// The permanent pages (no query string), without the base path: the sitemap's list, and the
/// pages of the static export.
pub fn permanent_paths(data: &Dataset) -> Vec<String> {
    let mut paths: Vec<String> = [
        "/",
        "/plots",
        "/offices",
        "/patterns",
        "/policy",
        "/method",
        "/sources",
        "/changelog",
        "/map",
        "/timeline",
        "/network",
    ]
    .map(String::from)
    .to_vec();
    paths.extend(data.plots.iter().map(|p| p.path()));
    paths.extend(data.plots.iter().map(|p| format!("{}/changes", p.path())));
    paths.extend(data.org.nodes.iter().map(|n| n.path()));
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_names_addresses_or_bracketed_v6_with_an_optional_port() {
        for good in [
            "atlas",
            "intranet.example",
            "a-b.c-d.example:8080",
            "10.0.0.5",
            "10.0.0.5:3000",
            "[::1]",
            "[::1]:3000",
            "[2001:db8::1]:443",
        ] {
            assert!(valid_host(good), "{good}");
        }
        for bad in [
            "",
            ":80",
            "host:",
            "host:0",
            "host:65536",
            "host:8a",
            "-a.example",
            "a-.example",
            "a..b",
            "a b",
            "a/b",
            "a@b",
            "[::1",
            "::1",
            "[nonsense]",
            "host:80:80",
            "é.example",
        ] {
            assert!(!valid_host(bad), "{bad}");
        }
    }

    #[test]
    fn the_stylesheet_loses_comments_and_spaces_but_not_strings() {
        let css = "/* why */\na  b ,  c {\n  content: \" <\"  attr(href) \">\";  /* x */ margin: 0 1px ;\n}\n@media (max-width: 40rem) { p { x: calc(1rem + 2px); } }";
        assert_eq!(
            minify_css(css),
            "a b,c{content: \" <\" attr(href) \">\";margin: 0 1px;}@media (max-width: 40rem){p{x: calc(1rem + 2px);}}"
        );
    }

    #[test]
    fn asset_names_follow_content() {
        let a = Asset::new("atlas", "css", "text/css", &b"body{}"[..]);
        let b = Asset::new("atlas", "css", "text/css", &b"body{ }"[..]);
        assert!(a.name.starts_with("atlas.") && a.name.ends_with(".css"));
        assert_ne!(a.name, b.name);
        assert_eq!(a.name, Asset::new("atlas", "css", "text/css", &b"body{}"[..]).name);
    }

    fn report() -> Report {
        Dataset::embedded().expect("valid data").meta.report
    }

    #[test]
    fn links_carry_the_base_path_and_permanent_urls_the_host() {
        let site = Site::new(
            "/atlas".into(),
            Some("https://intra.example".into()),
            "1.0.0".into(),
            report(),
        );
        assert_eq!(site.url("/plots/x"), "/atlas/plots/x");
        assert_eq!(site.permanent("/plots/x"), "https://intra.example/atlas/plots/x");
        let site = Site::new(String::new(), None, "1.0.0".into(), report());
        assert_eq!(site.permanent("/"), "/");
        assert!(site.stylesheet_url().starts_with("/static/atlas."));
    }
}
