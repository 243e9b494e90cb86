//! Pages that do not depend on their query string, kept ready to send.
//!
//! Each cacheable path (every permanent page, the API documents, the CSV, the assets) has a slot.
//! The first request of the day for a path renders it through the normal handler; the body is kept
//! with its headers, and compressed once per encoding (gzip, brotli) on first demand. Each of the
//! three bodies has its own strong ETag, a hash of its bytes (RFC 9110, 8.8.3: a strong validator
//! names one representation). Later requests that day are answered from the slot: `Accept-Encoding`
//! picks the body, and `If-None-Match` naming that body's ETag gives 304. Entries expire daily because plot pages print today's date as a citation's
//! access date. Slots are swapped with `ArcSwap`, so readers never wait on a lock.

use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, OnceLock};

use arc_swap::ArcSwapOption;
use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use chrono::NaiveDate;
use http_body_util::BodyExt;

use crate::site::today;

/// A rendered response and its compressed forms.
#[derive(Debug)]
pub struct Entry {
    day: NaiveDate,
    headers: HeaderMap,
    identity: Representation,
    gzip: OnceLock<Representation>,
    br: OnceLock<Representation>,
    /// The accept loop's serialised heads, one per encoding (see `server`).
    wire: [OnceLock<Wire>; 3],
}

/// One representation: its bytes and their strong ETag.
#[derive(Debug)]
struct Representation {
    bytes: Bytes,
    etag: HeaderValue,
}

impl Representation {
    /// `suffix` names the encoding in the tag, for people reading headers; the hash alone tells
    /// representations apart.
    fn new(bytes: Bytes, suffix: &str) -> Representation {
        let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        let etag =
            HeaderValue::from_str(&format!("\"{hash:016x}{suffix}\"")).unwrap_or(HeaderValue::from_static("\"0\""));
        Representation { bytes, etag }
    }
}

/// A cached response as the accept loop writes it: the status line and every header but `date`
/// (which the loop adds per request), for a 200 and for a 304, and the body in a file the kernel
/// can send from without copying (where the platform has one).
#[derive(Debug)]
pub struct Wire {
    pub ok: Bytes,
    pub not_modified: Bytes,
    pub body_file: Option<std::fs::File>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Identity,
    Gzip,
    Brotli,
}

impl Entry {
    fn new(day: NaiveDate, headers: HeaderMap, body: Bytes) -> Entry {
        Entry {
            day,
            headers,
            identity: Representation::new(body, ""),
            gzip: OnceLock::new(),
            br: OnceLock::new(),
            wire: Default::default(),
        }
    }

    /// The representation in `encoding`, if it is ready.
    fn ready_body(&self, encoding: Encoding) -> Option<&Representation> {
        match encoding {
            Encoding::Identity => Some(&self.identity),
            Encoding::Gzip => self.gzip.get(),
            Encoding::Brotli => self.br.get(),
        }
    }

    /// The strong ETag of the body in `encoding`, once that body is ready.
    pub fn etag(&self, encoding: Encoding) -> Option<&HeaderValue> {
        self.ready_body(encoding).map(|b| &b.etag)
    }

    /// The accept loop's head for `encoding`, made by `make` on first use.
    pub fn wire(&self, encoding: Encoding, make: impl FnOnce() -> Option<Wire>) -> Option<&Wire> {
        let cell = &self.wire[encoding as usize];
        if let Some(w) = cell.get() {
            return Some(w);
        }
        let _ = cell.set(make()?);
        cell.get()
    }

    /// Whether the body in `encoding` is ready without compressing.
    fn ready(&self, encoding: Encoding) -> bool {
        self.ready_body(encoding).is_some()
    }

    /// The body in `encoding`, compressing it on first use (CPU-heavy: call off the async workers).
    pub fn body(&self, encoding: Encoding) -> &Bytes {
        &self.representation(encoding).bytes
    }

    fn representation(&self, encoding: Encoding) -> &Representation {
        let body = &self.identity.bytes;
        match encoding {
            Encoding::Identity => &self.identity,
            Encoding::Gzip => self.gzip.get_or_init(|| {
                let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
                // Writing to a Vec cannot fail.
                let _ = e.write_all(body);
                Representation::new(e.finish().map(Bytes::from).unwrap_or_else(|_| body.clone()), "-gzip")
            }),
            Encoding::Brotli => self.br.get_or_init(|| {
                let mut out = Vec::new();
                // Quality 10 with a window just large enough for the body (64 or 128 KiB): a long
                // page's evidence repeats quotations and section names far apart, which a 64 KiB
                // window cannot reach (/offices: 41 KB with it, 24.7 KB with 128 KiB; 256 KiB saves
                // 0.1 KB more for 2.6 MB of peak RSS). Blocks stay at 64 KiB: the encoder's working
                // memory grows with the block. (Quality 11 took 18-26 MB of RSS under load against
                // 16-18 MB at 10; quality 9 allocates larger tables, 36 MB.)
                let params = brotli::enc::BrotliEncoderParams {
                    quality: 10,
                    lgwin: window_bits(body.len()),
                    size_hint: body.len(),
                    lgblock: 16,
                    ..Default::default()
                };
                let out = match brotli::BrotliCompress(&mut body.as_ref(), &mut out, &params) {
                    Ok(_) => Bytes::from(out),
                    Err(_) => body.clone(),
                };
                Representation::new(out, "-br")
            }),
        }
    }
}

/// Brotli's window for a body of `len` bytes: the smallest power of two that holds it, 2^16 or
/// 2^17 (128 KiB; a larger one gains the longest page 0.4% for 2.6 MB of peak memory).
fn window_bits(len: usize) -> i32 {
    let bits = usize::BITS - len.saturating_sub(1).leading_zeros();
    bits.clamp(16, 17) as i32
}

/// One slot per cacheable path (including the base path). The key set is fixed at start-up.
#[derive(Debug, Default)]
pub struct PageCache {
    slots: HashMap<String, ArcSwapOption<Entry>>,
}

impl PageCache {
    pub fn new(paths: impl IntoIterator<Item = String>) -> PageCache {
        PageCache {
            slots: paths.into_iter().map(|p| (p, ArcSwapOption::empty())).collect(),
        }
    }

    pub fn paths(&self) -> impl Iterator<Item = &String> {
        self.slots.keys()
    }

    /// Empties `path`'s slot; the next request renders it again.
    pub fn forget(&self, path: &str) {
        if let Some(slot) = self.slots.get(path) {
            slot.store(None);
        }
    }
}

/// The best encoding the client accepts: brotli, then gzip, else none. `q=0` refuses.
pub fn negotiate(headers: &HeaderMap) -> Encoding {
    negotiate_value(headers.get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok()))
}

/// [`negotiate`] over the value of the first `Accept-Encoding` header, if it is visible ASCII.
pub fn negotiate_value(accept: Option<&str>) -> Encoding {
    let Some(accept) = accept else {
        return Encoding::Identity;
    };
    let mut gzip = false;
    let mut br = false;
    for part in accept.split(',') {
        let mut bits = part.split(';');
        let name = bits.next().unwrap_or_default().trim();
        let refused = bits.any(|b| {
            let b = b.trim();
            b.strip_prefix("q=")
                .and_then(|q| q.trim().parse::<f32>().ok())
                .is_some_and(|q| q <= 0.0)
        });
        if refused {
            continue;
        }
        if name.eq_ignore_ascii_case("br") {
            br = true;
        } else if name.eq_ignore_ascii_case("gzip") || name.eq_ignore_ascii_case("x-gzip") {
            gzip = true;
        } else if name == "*" {
            br = true;
            gzip = true;
        }
    }
    if br {
        Encoding::Brotli
    } else if gzip {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

/// Whether the `If-None-Match` headers name this ETag: `*`, or the tag itself in a list, strong or
/// weakened by a proxy (`W/"…"`): RFC 9110's weak comparison, which `If-None-Match` uses. Several
/// header lines count as one list.
fn not_modified(headers: &HeaderMap, etag: &HeaderValue) -> bool {
    let values = headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok());
    if_none_match(values, etag.to_str().unwrap_or_default())
}

/// [`not_modified`] over the header values as text.
pub fn if_none_match<'a>(values: impl IntoIterator<Item = &'a str>, etag: &str) -> bool {
    values.into_iter().flat_map(|v| v.split(',')).map(str::trim).any(|t| {
        let opaque = t.strip_prefix("W/").unwrap_or(t);
        t == "*" || opaque == etag
    })
}

/// The cached answer to `request`, when there is one ready to send as it is: a GET or HEAD without
/// a query, for a shared path whose entry is today's and whose body in the negotiated encoding is
/// already compressed. Anything else (`None`) goes through the application, which fills the cache.
pub fn ready_answer<B>(cache: &PageCache, shared: bool, request: &axum::http::Request<B>) -> Option<Response> {
    let method = request.method();
    if !(method == Method::GET || method == Method::HEAD) || request.uri().query().is_some() || !shared {
        return None;
    }
    let entry = cache.slots.get(request.uri().path())?.load_full()?;
    if entry.day != today() || !entry.ready(negotiate(request.headers())) {
        return None;
    }
    Some(respond(&entry, method, request.headers()))
}

/// Compresses the entry's body for `encoding` on the blocking pool if it is not ready yet, so a
/// brotli pass (tens of milliseconds) never stalls the workers that answer other requests.
pub async fn prepare(entry: &Arc<Entry>, encoding: Encoding) {
    if !entry.ready(encoding) {
        let e = entry.clone();
        let _ = tokio::task::spawn_blocking(move || {
            e.body(encoding);
        })
        .await;
    }
}

/// Today's entry for `path`, with its body in `encoding` ready to send: what the accept loop
/// answers itself (the conditions of [`ready_answer`] without a request to read them from).
pub fn ready_entry(cache: &PageCache, path: &str, encoding: Encoding) -> Option<Arc<Entry>> {
    let entry = cache.slots.get(path)?.load_full()?;
    (entry.day == today() && entry.ready(encoding)).then_some(entry)
}

fn respond(entry: &Entry, method: &Method, request: &HeaderMap) -> Response {
    let encoding = negotiate(request);
    let representation = entry.representation(encoding);
    let mut headers = entry.headers.clone();
    headers.insert(header::ETAG, representation.etag.clone());
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if not_modified(request, &representation.etag) {
        let mut r = Response::new(Body::empty());
        *r.status_mut() = StatusCode::NOT_MODIFIED;
        headers.remove(header::CONTENT_TYPE);
        *r.headers_mut() = headers;
        return r;
    }
    match encoding {
        Encoding::Gzip => headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip")),
        Encoding::Brotli => headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("br")),
        Encoding::Identity => headers.remove(header::CONTENT_ENCODING),
    };
    let body = representation.bytes.clone();
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
    let body = if method == Method::HEAD {
        Body::empty()
    } else {
        Body::from(body)
    };
    let mut r = Response::new(body);
    *r.headers_mut() = headers;
    r
}

/// Middleware: answer cacheable GET/HEAD requests from the cache, filling it on first use each day.
/// Answers from the cache when it can, else renders through `next` and keeps the result.
/// `shared` says whether the response may be shared between readers at all (see `routes`).
pub async fn serve_cached(cache: &PageCache, shared: bool, request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let cacheable = (method == Method::GET || method == Method::HEAD) && request.uri().query().is_none();
    let Some(slot) = (cacheable && shared)
        .then(|| cache.slots.get(request.uri().path()))
        .flatten()
    else {
        return next.run(request).await;
    };
    let day = today();
    if let Some(entry) = slot.load_full().filter(|e| e.day == day) {
        prepare(&entry, negotiate(request.headers())).await;
        return respond(&entry, &method, request.headers());
    }
    let request_headers = request.headers().clone();
    // Render through the handler as a GET, so a HEAD first request fills the cache too.
    let (mut parts, body) = request.into_parts();
    parts.method = Method::GET;
    let response = next.run(Request::from_parts(parts, body)).await;
    if response.status() != StatusCode::OK {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(collected) = body.collect().await else {
        return Response::from_parts(parts, Body::empty());
    };
    let mut headers = parts.headers;
    headers.remove(header::CONTENT_LENGTH);
    let entry = Arc::new(Entry::new(day, headers, collected.to_bytes()));
    slot.store(Some(entry.clone()));
    prepare(&entry, negotiate(&request_headers)).await;
    respond(&entry, &method, &request_headers)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn encodings_are_negotiated_by_preference_and_refusal() {
        assert_eq!(negotiate(&headers(&[])), Encoding::Identity);
        assert_eq!(
            negotiate(&headers(&[("accept-encoding", "gzip, deflate, br")])),
            Encoding::Brotli
        );
        assert_eq!(negotiate(&headers(&[("accept-encoding", "gzip")])), Encoding::Gzip);
        assert_eq!(
            negotiate(&headers(&[("accept-encoding", "br;q=0, gzip;q=0.5")])),
            Encoding::Gzip
        );
        assert_eq!(
            negotiate(&headers(&[("accept-encoding", "identity")])),
            Encoding::Identity
        );
        assert_eq!(negotiate(&headers(&[("accept-encoding", "*")])), Encoding::Brotli);
    }

    #[test]
    fn compressed_bodies_decode_to_the_original() {
        let body = Bytes::from("<p>".repeat(2000));
        let e = Entry::new(today(), HeaderMap::new(), body.clone());
        let mut out = Vec::new();
        let mut gz = flate2::read::GzDecoder::new(e.body(Encoding::Gzip).as_ref());
        std::io::Read::read_to_end(&mut gz, &mut out).expect("gzip");
        assert_eq!(out, body);
        let mut out = Vec::new();
        brotli::BrotliDecompress(&mut e.body(Encoding::Brotli).as_ref(), &mut out).expect("brotli");
        assert_eq!(out, body);
        assert!(e.body(Encoding::Brotli).len() < body.len() / 10);
    }

    #[test]
    fn the_brotli_window_fits_the_body_within_bounds() {
        assert_eq!(window_bits(0), 16);
        assert_eq!(window_bits(40_000), 16);
        assert_eq!(window_bits(65_536), 16);
        assert_eq!(window_bits(65_537), 17);
        assert_eq!(window_bits(100_000), 17);
        assert_eq!(window_bits(5_000_000), 17);
    }

    #[test]
    fn etags_match_strong_weak_lists_and_star() {
        let e = Entry::new(today(), HeaderMap::new(), Bytes::from("x"));
        let etag = e.etag(Encoding::Identity).expect("identity is always ready").clone();
        let tag = etag.to_str().expect("ascii").to_string();
        let h = |values: &[String]| {
            let mut m = HeaderMap::new();
            for v in values {
                m.append(header::IF_NONE_MATCH, HeaderValue::from_str(v).expect("valid"));
            }
            m
        };
        assert!(not_modified(&h(std::slice::from_ref(&tag)), &etag));
        assert!(not_modified(&h(&[format!("W/{tag}")]), &etag));
        assert!(not_modified(&h(&[format!("\"other\", W/{tag}")]), &etag));
        assert!(not_modified(&h(&[format!("\"other\",{tag}")]), &etag));
        assert!(
            not_modified(&h(&["\"other\"".into(), tag.clone()]), &etag),
            "two header lines are one list"
        );
        assert!(not_modified(&h(&["*".into()]), &etag));
        assert!(!not_modified(&h(&["\"other\"".into()]), &etag));
        assert!(
            !not_modified(&h(&[tag.trim_matches('"').to_string()]), &etag),
            "an unquoted tag is not the tag"
        );
        assert!(!not_modified(&h(&[]), &etag));
    }

    #[test]
    fn each_encoding_has_its_own_strong_etag() {
        let e = Entry::new(today(), HeaderMap::new(), Bytes::from("<p>".repeat(500)));
        assert!(e.etag(Encoding::Gzip).is_none(), "not before the body is compressed");
        e.body(Encoding::Gzip);
        e.body(Encoding::Brotli);
        let tags: Vec<String> = [Encoding::Identity, Encoding::Gzip, Encoding::Brotli]
            .map(|enc| e.etag(enc).expect("ready").to_str().expect("ascii").to_string())
            .to_vec();
        for t in &tags {
            assert!(
                t.starts_with('"') && t.ends_with('"') && !t.starts_with("W/"),
                "strong: {t}"
            );
        }
        assert!(tags[1].ends_with("-gzip\"") && tags[2].ends_with("-br\""), "{tags:?}");
        assert_ne!(tags[0], tags[1]);
        assert_ne!(tags[0], tags[2]);
        assert_ne!(tags[1], tags[2]);
        // The same bytes give the same tag (another replica, or tomorrow's unchanged page).
        let again = Entry::new(today(), HeaderMap::new(), Bytes::from("<p>".repeat(500)));
        assert_eq!(
            again.etag(Encoding::Identity).map(|v| v.to_str().ok()),
            Some(Some(tags[0].as_str()))
        );
    }
}
