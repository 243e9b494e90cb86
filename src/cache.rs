//! Pages that do not depend on their query string, kept ready to send.
//!
//! Each cacheable path (every permanent page, the API documents, the CSV, the assets) has a slot.
//! The first request of the day for a path renders it through the normal handler; the body is kept
//! with its headers and an ETag, and compressed once per encoding (gzip, brotli) on first demand.
//! Later requests that day are answered from the slot: `If-None-Match` gives 304, `Accept-Encoding`
//! picks the body. Entries expire daily because plot pages print today's date as a citation's
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
    body: Bytes,
    etag: HeaderValue,
    gzip: OnceLock<Bytes>,
    br: OnceLock<Bytes>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Identity,
    Gzip,
    Brotli,
}

impl Entry {
    fn new(day: NaiveDate, headers: HeaderMap, body: Bytes) -> Entry {
        let hash = body.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        let etag = HeaderValue::from_str(&format!("\"{hash:016x}\"")).unwrap_or(HeaderValue::from_static("\"0\""));
        Entry {
            day,
            headers,
            body,
            etag,
            gzip: OnceLock::new(),
            br: OnceLock::new(),
        }
    }

    /// Whether the body in `encoding` is ready without compressing.
    fn ready(&self, encoding: Encoding) -> bool {
        match encoding {
            Encoding::Identity => true,
            Encoding::Gzip => self.gzip.get().is_some(),
            Encoding::Brotli => self.br.get().is_some(),
        }
    }

    /// The body in `encoding`, compressing it on first use (CPU-heavy: call off the async workers).
    pub fn body(&self, encoding: Encoding) -> &Bytes {
        match encoding {
            Encoding::Identity => &self.body,
            Encoding::Gzip => self.gzip.get_or_init(|| {
                let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
                // Writing to a Vec cannot fail.
                let _ = e.write_all(&self.body);
                e.finish().map(Bytes::from).unwrap_or_else(|_| self.body.clone())
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
                    lgwin: window_bits(self.body.len()),
                    size_hint: self.body.len(),
                    lgblock: 16,
                    ..Default::default()
                };
                match brotli::BrotliCompress(&mut self.body.as_ref(), &mut out, &params) {
                    Ok(_) => Bytes::from(out),
                    Err(_) => self.body.clone(),
                }
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
}

/// The best encoding the client accepts: brotli, then gzip, else none. `q=0` refuses.
pub fn negotiate(headers: &HeaderMap) -> Encoding {
    let Some(accept) = headers.get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok()) else {
        return Encoding::Identity;
    };
    let mut gzip = false;
    let mut br = false;
    for part in accept.split(',') {
        let mut bits = part.split(';');
        let name = bits.next().unwrap_or_default().trim().to_ascii_lowercase();
        let refused = bits.any(|b| {
            let b = b.trim();
            b.strip_prefix("q=")
                .and_then(|q| q.trim().parse::<f32>().ok())
                .is_some_and(|q| q <= 0.0)
        });
        if refused {
            continue;
        }
        match name.as_str() {
            "br" => br = true,
            "gzip" | "x-gzip" => gzip = true,
            "*" => {
                br = true;
                gzip = true;
            }
            _ => {}
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

/// Whether an `If-None-Match` header names this ETag (weak or strong, or `*`).
fn not_modified(headers: &HeaderMap, etag: &HeaderValue) -> bool {
    let Some(inm) = headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let ours = etag.to_str().unwrap_or_default();
    inm.split(',')
        .map(str::trim)
        .any(|t| t == "*" || t == ours || t.strip_prefix("W/") == Some(ours))
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

fn respond(entry: &Entry, method: &Method, request: &HeaderMap) -> Response {
    let mut headers = entry.headers.clone();
    headers.insert(header::ETAG, entry.etag.clone());
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if not_modified(request, &entry.etag) {
        let mut r = Response::new(Body::empty());
        *r.status_mut() = StatusCode::NOT_MODIFIED;
        headers.remove(header::CONTENT_TYPE);
        *r.headers_mut() = headers;
        return r;
    }
    let encoding = negotiate(request);
    match encoding {
        Encoding::Gzip => headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip")),
        Encoding::Brotli => headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("br")),
        Encoding::Identity => headers.remove(header::CONTENT_ENCODING),
    };
    let body = entry.body(encoding).clone();
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
    fn etags_match_strong_weak_and_star() {
        let e = Entry::new(today(), HeaderMap::new(), Bytes::from("x"));
        let tag = e.etag.to_str().expect("ascii").to_string();
        let h = |v: String| {
            let mut m = HeaderMap::new();
            m.insert(header::IF_NONE_MATCH, HeaderValue::from_str(&v).expect("valid"));
            m
        };
        assert!(not_modified(&h(tag.clone()), &e.etag));
        assert!(not_modified(&h(format!("\"other\", W/{tag}")), &e.etag));
        assert!(not_modified(&h("*".into()), &e.etag));
        assert!(!not_modified(&h("\"other\"".into()), &e.etag));
    }
}
