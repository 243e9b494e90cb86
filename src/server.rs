//! The HTTP/1.1 accept loop. `axum::serve` would do, but it sets no timer, so hyper's header-read
//! timeout never applies and a slow client could hold a connection open for ever. Here every
//! connection gets a deadline for its request head, the head's size is bounded (hyper answers 431
//! beyond it), the number of connections is bounded, and shutdown stops accepting, then lets
//! requests in flight finish within a deadline.
//!
//! Each connection starts in a small reader of its own: it reads the request head into a buffer
//! that starts at 1 KiB, and when the head asks for a page the cache holds ready (a plain GET or
//! HEAD over HTTP/1.1, see [`plan`]), it writes the answer itself: a head serialised once per page
//! and encoding from `routes::fast_answer` (the same headers as the application's layers, tested)
//! plus the date, then the body, in one vectored write, and logs the same line the layers would.
//! Any other request, and everything after it on that connection, goes to hyper and the
//! application, which re-read the head from the buffer. A slow or idle client therefore holds a
//! few hundred bytes of buffer rather than hyper's 16 KiB, which is what bounds memory under a
//! flood of slow connections.
//!
//! From 15/16 of the connection limit on, the connections that have waited longest for a request
//! head (slow heads, idle keep-alive) are closed to keep room, so a flood of slow clients cannot
//! lock readers out; at the limit itself, accepting waits for a connection to close.

use std::future::Future;
use std::io::{self, IoSlice};
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant, SystemTime};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::{GracefulShutdown, Watcher};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tower::ServiceExt;

use crate::cache::{self, Encoding, Entry, Wire};
use crate::state::{AppState, Editions};

/// A client must send its whole request head within this time.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// Request line plus headers, in bytes. The longest URL the atlas serves is far shorter.
pub const MAX_HEAD_BYTES: usize = 16 * 1024;
/// At most this many header fields per request.
pub const MAX_HEADERS: usize = 64;
/// How long shutdown waits for requests in flight.
pub const DRAIN_TIMEOUT: Duration = Duration::from_secs(10);
/// Connections served at once unless `--max-connections` says otherwise.
pub const DEFAULT_MAX_CONNECTIONS: usize = 16_384;
/// File descriptors kept free for everything but connections: the listener and the runtime, and
/// the memory files of the cached bodies (one per page and encoding served, about 180).
const RESERVED_FDS: usize = 256;
/// The first read buffer of a connection; it doubles as a head needs, up to [`MAX_HEAD_BYTES`].
const FIRST_BUFFER: usize = 1024;

/// How the accept loop is bounded.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Connections open at once, at most (also held under the process's open-file limit).
    pub max_connections: usize,
    /// How long a client may take to send a request head ([`HEADER_READ_TIMEOUT`]; shorter in tests).
    pub header_timeout: Duration,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            max_connections: DEFAULT_MAX_CONNECTIONS,
            header_timeout: HEADER_READ_TIMEOUT,
        }
    }
}

/// The connection limit in force: the one asked for, held under the open-file limit so that
/// accepting never fails for want of a descriptor.
pub fn effective_limit(requested: usize) -> usize {
    let files = open_file_limit().unwrap_or(usize::MAX);
    requested.min(files.saturating_sub(RESERVED_FDS)).max(1)
}

/// The soft `RLIMIT_NOFILE`, read from `/proc/self/limits` (Linux; `None` elsewhere).
fn open_file_limit() -> Option<usize> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}

/// Connections the kernel may queue before the loop accepts them (capped by `somaxconn`). Under a
/// flood, a short queue fills and drops a reader's SYN, which the reader then resends only a
/// second later.
const LISTEN_BACKLOG: u32 = 4096;

/// Listens on `addr` with a long accept queue (see [`LISTEN_BACKLOG`]).
pub fn bind(addr: std::net::SocketAddr) -> io::Result<TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    #[cfg(unix)]
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(LISTEN_BACKLOG)
}

/// Serves `app` (built over `editions`) on `listener` until `shutdown` resolves, then drains.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    editions: Arc<Editions>,
    shutdown: impl Future<Output = ()>,
    options: Options,
) {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(options.header_timeout)
        .max_buf_size(MAX_HEAD_BYTES)
        .max_headers(MAX_HEADERS)
        .keep_alive(true);
    let limit = effective_limit(options.max_connections);
    tracing::info!(
        "at most {limit} connections at once (--max-connections {})",
        options.max_connections
    );
    let (high_water, batch) = (limit - (limit / 16).max(1).min(limit - 1), (limit / 64).max(1));
    let conns = Arc::new(Conns::new());
    let ctx = Arc::new(Shared {
        editions,
        app,
        http,
        header_timeout: options.header_timeout,
    });
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    'accept: loop {
        // From 15/16 of the limit on, keep room for newcomers: close the connections that have
        // waited longest for a request head, a batch at a time, without waiting for them (so that
        // accepting keeps pace with a flood, and a reader queued behind it is reached soon).
        if conns.live.load(Ordering::Acquire) >= high_water && conns.dying.load(Ordering::Acquire) == 0 {
            conns.evict(batch);
        }
        // At the limit itself: wait until one closes.
        while conns.live.load(Ordering::Acquire) >= limit {
            if conns.dying.load(Ordering::Acquire) == 0 {
                conns.evict(batch);
            }
            tokio::select! {
                () = conns.closed.notified() => {}
                () = tokio::time::sleep(Duration::from_millis(100)) => {}
                () = &mut shutdown => break 'accept,
            }
        }
        let (stream, _peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(conn) => conn,
                Err(e) => {
                    // Out of file descriptors and the like: make room if we can, and back off
                    // briefly rather than spin.
                    tracing::warn!("accept failed: {e}");
                    conns.evict(16);
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let io = Watched::new(stream, &conns);
        tokio::spawn(connection(io, ctx.clone(), graceful.watcher()));
    }
    drop(listener);
    conns.stop();
    tokio::select! {
        () = graceful.shutdown() => tracing::info!("all connections closed"),
        () = tokio::time::sleep(DRAIN_TIMEOUT) => tracing::warn!("gave up waiting for connections after {DRAIN_TIMEOUT:?}"),
    }
}

/// What every connection reads.
struct Shared {
    /// Every edition; a request is the one's whose path prefix it has.
    editions: Arc<Editions>,
    app: Router,
    http: hyper::server::conn::http1::Builder,
    header_timeout: Duration,
}

/// One connection: ready pages answered here; at the first other request, hyper takes over.
async fn connection(mut io: Watched, ctx: Arc<Shared>, watcher: Watcher) {
    let mut buf: Vec<u8> = Vec::new();
    let deadline = tokio::time::sleep(ctx.header_timeout);
    tokio::pin!(deadline);
    loop {
        // A new request head: its clock starts now (as hyper's does).
        deadline
            .as_mut()
            .reset(tokio::time::Instant::now() + ctx.header_timeout);
        // The head is parsed again only when a read brings a line end (or is its first): a client
        // sending a head a byte at a time cannot make the parsing quadratic.
        let mut parse = true;
        let answer = loop {
            if parse {
                match plan(&ctx.editions, &buf) {
                    Plan::Answer(answer) => break answer,
                    Plan::Hyper => {
                        handoff(io, buf, &ctx, watcher).await;
                        return;
                    }
                    Plan::More => {}
                }
            }
            if buf.len() >= MAX_HEAD_BYTES {
                // hyper answers an oversized head with 431.
                handoff(io, buf, &ctx, watcher).await;
                return;
            }
            if buf.capacity() - buf.len() < 256 {
                let grow = buf.capacity().max(FIRST_BUFFER);
                buf.reserve_exact(grow.min(MAX_HEAD_BYTES - buf.len()));
            }
            let room = buf.capacity().min(MAX_HEAD_BYTES) - buf.len();
            let mut limited = (&mut io).take(room as u64);
            tokio::select! {
                biased;
                read = limited.read_buf(&mut buf) => match read {
                    Ok(0) | Err(_) => return,
                    Ok(n) => parse = buf.len() == n || buf[buf.len() - n..].contains(&b'\n'),
                },
                // No answer to a head that took too long, as with hyper: the connection closes.
                () = &mut deadline => return,
            }
        };
        if send(&mut io, &answer).await.is_err() {
            return;
        }
        buf.drain(..answer.head_len);
        if answer.close {
            let _ = io.shutdown().await;
            return;
        }
    }
}

/// Writes an answer: the head (with the date) and the body, the body from its memory file by
/// `sendfile` where there is one (no copy into the socket: the largest cost of a large page).
async fn send(io: &mut Watched, answer: &Answer) -> io::Result<()> {
    let Some(wire) = answer.entry.wire(answer.encoding, || None) else {
        return Err(io::ErrorKind::NotFound.into());
    };
    let head = if answer.not_modified {
        &wire.not_modified
    } else {
        &wire.ok
    };
    let date = http_date();
    let close: &[u8] = if answer.close { b"connection: close\r\n" } else { b"" };
    let body: &[u8] = if answer.send_body {
        answer.entry.body(answer.encoding)
    } else {
        b""
    };
    #[cfg(target_os = "linux")]
    if let Some(file) = wire.body_file.as_ref().filter(|_| body.len() >= SENDFILE_FROM) {
        return sendfile::send(io, [head, close, &date], file, body.len()).await;
    }
    write_all(io, [head, close, &date, body]).await
}

/// Bodies at least this large are sent from their memory file.
#[cfg(target_os = "linux")]
const SENDFILE_FROM: usize = 4096;

#[cfg(target_os = "linux")]
mod sendfile {
    use std::fs::File;
    use std::io::{self, IoSlice, Write};

    use tokio::io::Interest;

    use super::Watched;

    /// A memory file holding `body`, for `sendfile`.
    pub fn memory_file(body: &[u8]) -> Option<File> {
        let fd = rustix::fs::memfd_create("iskp-atlas-body", rustix::fs::MemfdFlags::CLOEXEC).ok()?;
        let mut file = File::from(fd);
        file.write_all(body).ok()?;
        Some(file)
    }

    /// The head's `parts` with `MSG_MORE` (so they leave in the body's first segment), then `len`
    /// bytes of `file` by `sendfile`.
    pub async fn send(io: &mut Watched, parts: [&[u8]; 3], file: &File, len: usize) -> io::Result<()> {
        io.busy();
        let stream = &io.io;
        let mut slices = parts.map(IoSlice::new);
        let mut slices: &mut [IoSlice<'_>] = &mut slices;
        IoSlice::advance_slices(&mut slices, 0);
        while !slices.is_empty() {
            stream.writable().await?;
            match stream.try_io(Interest::WRITABLE, || {
                let mut control = rustix::net::SendAncillaryBuffer::default();
                rustix::net::sendmsg(stream, slices, &mut control, rustix::net::SendFlags::MORE)
                    .map_err(io::Error::from)
            }) {
                Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
                Ok(n) => IoSlice::advance_slices(&mut slices, n),
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
                Err(e) => return Err(e),
            }
        }
        let mut offset = 0u64;
        let len = len as u64;
        while offset < len {
            stream.writable().await?;
            let remaining = usize::try_from(len - offset).unwrap_or(usize::MAX);
            match stream.try_io(Interest::WRITABLE, || {
                rustix::fs::sendfile(stream, file, Some(&mut offset), remaining).map_err(io::Error::from)
            }) {
                Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}

/// Hands the connection to hyper, which reads `buf` first, then the socket.
async fn handoff(io: Watched, buf: Vec<u8>, ctx: &Arc<Shared>, watcher: Watcher) {
    let io = Prefixed {
        prefix: Bytes::from(buf),
        io,
    };
    let shared = ctx.clone();
    let service = hyper::service::service_fn(move |req: Request<Incoming>| {
        // Only with a public URL: without one, pages are not shared and the layers also check the
        // Host and say `Vary: Host`, for the assets too.
        let state = shared.editions.for_path(req.uri().path());
        let fast = (!state.site.origin_varies())
            .then(|| crate::routes::fast_answer(state, &req))
            .flatten();
        let app = shared.app.clone();
        async move {
            match fast {
                Some(response) => Ok(response),
                None => app.oneshot(req.map(Body::new)).await,
            }
        }
    });
    let conn = ctx.http.serve_connection(TokioIo::new(io), service);
    // Boxed: hyper's connection state is large, and only connections that reach it should pay
    // for it.
    if let Err(e) = Box::pin(watcher.watch(conn)).await {
        tracing::debug!("connection ended: {e}");
    }
}

/// Writes every part, however the socket splits it.
async fn write_all(io: &mut Watched, parts: [&[u8]; 4]) -> io::Result<()> {
    let mut slices = parts.map(IoSlice::new);
    let mut slices: &mut [IoSlice<'_>] = &mut slices;
    IoSlice::advance_slices(&mut slices, 0);
    while !slices.is_empty() {
        let n = io.write_vectored(slices).await?;
        if n == 0 {
            return Err(io::ErrorKind::WriteZero.into());
        }
        IoSlice::advance_slices(&mut slices, n);
    }
    Ok(())
}

/// What to do with the bytes read so far.
enum Plan {
    /// The head is not complete yet.
    More,
    /// A request the accept loop does not answer itself (or a malformed one): hyper's.
    Hyper,
    Answer(Answer),
}

/// A ready page, as the accept loop sends it.
struct Answer {
    /// Bytes of the request head, to drop from the buffer once answered.
    head_len: usize,
    entry: Arc<Entry>,
    encoding: Encoding,
    not_modified: bool,
    send_body: bool,
    /// The client asked to close (`Connection: close`): say so, and close after the answer.
    close: bool,
}

/// Reads the request head in `buf`. A page is answered here only when nothing about the request
/// could make hyper or the layers answer differently: GET or HEAD, HTTP/1.1, a path without a
/// query that the cache holds ready in the negotiated encoding, no body or upgrade, and a
/// `Connection` header, if any, of `keep-alive` or `close`. Everything else is hyper's.
fn plan(editions: &Editions, buf: &[u8]) -> Plan {
    if buf.is_empty() {
        return Plan::More;
    }
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut req = httparse::Request::new(&mut headers);
    let started = Instant::now();
    let head_len = match req.parse(buf) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => return Plan::More,
        Err(_) => return Plan::Hyper,
    };
    let (Some(method), Some(path), Some(1)) = (req.method, req.path, req.version) else {
        return Plan::Hyper;
    };
    let head_only = match method {
        "GET" => false,
        "HEAD" => true,
        _ => return Plan::Hyper,
    };
    let state = editions.for_path(path);
    if state.site.origin_varies() || !path.starts_with('/') || path.contains(['?', '#']) {
        return Plan::Hyper;
    }
    let mut accept = None;
    let mut close = None;
    let mut if_none_match = false;
    for h in req.headers.iter() {
        let name = h.name;
        if name.eq_ignore_ascii_case("accept-encoding") {
            // As `HeaderMap::get`: the first one, if it is visible ASCII.
            if accept.is_none() {
                accept = Some(visible_ascii(h.value));
            }
        } else if name.eq_ignore_ascii_case("if-none-match") {
            if_none_match = true;
        } else if name.eq_ignore_ascii_case("connection") {
            let value = visible_ascii(h.value).unwrap_or_default().trim();
            if close.is_some() {
                return Plan::Hyper;
            } else if value.eq_ignore_ascii_case("close") {
                close = Some(true);
            } else if value.eq_ignore_ascii_case("keep-alive") {
                close = Some(false);
            } else {
                return Plan::Hyper;
            }
        } else if name.eq_ignore_ascii_case("content-length")
            || name.eq_ignore_ascii_case("transfer-encoding")
            || name.eq_ignore_ascii_case("expect")
            || name.eq_ignore_ascii_case("upgrade")
        {
            return Plan::Hyper;
        }
    }
    let encoding = cache::negotiate_value(accept.flatten());
    let Some(entry) = cache::ready_entry(&state.cache, path, encoding) else {
        return Plan::Hyper;
    };
    let Some(etag) = entry.etag(encoding).and_then(|t| t.to_str().ok()) else {
        return Plan::Hyper;
    };
    let not_modified = if_none_match
        && cache::if_none_match(
            req.headers
                .iter()
                .filter(|h| h.name.eq_ignore_ascii_case("if-none-match"))
                .filter_map(|h| visible_ascii(h.value)),
            etag,
        );
    if entry.wire(encoding, || wire(state, path, encoding, &entry)).is_none() {
        return Plan::Hyper;
    }
    let status = if not_modified { 304 } else { 200 };
    tracing::info!(
        target: "iskp_atlas::routes",
        method = %method,
        uri = %path,
        status,
        latency = ?started.elapsed(),
        "finished processing request (cached)"
    );
    Plan::Answer(Answer {
        head_len,
        entry,
        encoding,
        not_modified,
        send_body: !(head_only || not_modified),
        close: close.unwrap_or(false),
    })
}

/// Whether the accept loop answers a request with this head itself, without hyper (for tests: the
/// answer must then be the one hyper would have written).
pub fn answers_itself(editions: &Editions, head: &[u8]) -> bool {
    matches!(plan(editions, head), Plan::Answer(_))
}

/// A header value as `HeaderValue::to_str` gives it: only visible ASCII (and tabs).
fn visible_ascii(value: &[u8]) -> Option<&str> {
    value
        .iter()
        .all(|&b| b == b'\t' || (0x20..0x7f).contains(&b))
        .then(|| std::str::from_utf8(value).ok())
        .flatten()
}

/// The heads of `entry`'s answers in `encoding`, taken from `routes::fast_answer` (so from the
/// same code, and with the same headers, as every other cached answer) and written as hyper
/// writes them. `None` if the answer is not the entry's (replaced in between) or has a header
/// hyper would treat specially.
fn wire(state: &AppState, path: &str, encoding: Encoding, entry: &Entry) -> Option<Wire> {
    let etag = entry.etag(encoding)?;
    let ask = |if_none_match: Option<&HeaderValue>| {
        let mut req = axum::http::Request::get(path);
        match encoding {
            Encoding::Identity => {}
            Encoding::Gzip => req = req.header(header::ACCEPT_ENCODING, "gzip"),
            Encoding::Brotli => req = req.header(header::ACCEPT_ENCODING, "br"),
        }
        if let Some(tag) = if_none_match {
            req = req.header(header::IF_NONE_MATCH, tag);
        }
        let req = req.body(()).ok()?;
        // Not a reader's request: no log line.
        tracing::subscriber::with_default(tracing::subscriber::NoSubscriber::default(), || {
            crate::routes::fast_answer(state, &req)
        })
    };
    let ok = ask(None)?;
    let not_modified = ask(Some(etag))?;
    let same = |r: &Response, status| r.status() == status && r.headers().get(header::ETAG) == Some(etag);
    if !same(&ok, StatusCode::OK) || !same(&not_modified, StatusCode::NOT_MODIFIED) {
        return None;
    }
    #[cfg(target_os = "linux")]
    let body_file = sendfile::memory_file(entry.body(encoding));
    #[cfg(not(target_os = "linux"))]
    let body_file = None;
    Some(Wire {
        ok: serialise(&ok)?,
        not_modified: serialise(&not_modified)?,
        body_file,
    })
}

/// Status line and headers as hyper writes them (lower-case names, in the map's order), without
/// the `date` hyper adds last.
fn serialise(response: &Response) -> Option<Bytes> {
    let special = [
        header::DATE,
        header::CONNECTION,
        header::TRANSFER_ENCODING,
        header::TRAILER,
    ];
    if special.iter().any(|h| response.headers().contains_key(h)) {
        return None;
    }
    let status = response.status();
    let mut out = Vec::with_capacity(1024);
    out.extend_from_slice(b"HTTP/1.1 ");
    out.extend_from_slice(status.as_str().as_bytes());
    out.push(b' ');
    out.extend_from_slice(status.canonical_reason()?.as_bytes());
    out.extend_from_slice(b"\r\n");
    for (name, value) in response.headers() {
        out.extend_from_slice(name.as_str().as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(value.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    Some(Bytes::from(out))
}

/// `date: …\r\n\r\n`, the last header and the end of the head, formatted once a second per thread.
fn http_date() -> [u8; 39] {
    use std::cell::Cell;
    thread_local! {
        static CACHED: Cell<(u64, [u8; 39])> = const { Cell::new((u64::MAX, [0; 39])) };
    }
    let now = SystemTime::now();
    let secs = now.duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    CACHED.with(|c| {
        let (at, line) = c.get();
        if at == secs {
            return line;
        }
        let mut line = [0u8; 39];
        let text = format!("date: {}\r\n\r\n", httpdate::fmt_http_date(now));
        if text.len() == line.len() {
            line.copy_from_slice(text.as_bytes());
        }
        c.set((secs, line));
        line
    })
}

/// Every open connection, for the limit, for closing the longest-waiting ones, and for shutdown.
struct Conns {
    live: AtomicUsize,
    /// Told to close, not closed yet.
    dying: AtomicUsize,
    /// When the limit was last reported (`now()`), to keep the log short under a flood.
    warned: AtomicU64,
    slots: Mutex<Vec<Arc<Slot>>>,
    /// Signalled whenever a connection closes.
    closed: Notify,
    stopping: AtomicBool,
    epoch: Instant,
}

/// A connection as the registry sees it.
#[derive(Default)]
struct Slot {
    /// When it began waiting for its current request head (milliseconds since `epoch`, plus one);
    /// 0 while a request is being answered.
    since: AtomicU64,
    /// [`OPEN`], [`KILLED`] (told to close) or [`CLOSED`].
    state: AtomicU8,
    waker: Mutex<Option<Waker>>,
}

const OPEN: u8 = 0;
const KILLED: u8 = 1;
const CLOSED: u8 = 2;

impl Conns {
    fn new() -> Conns {
        Conns {
            live: AtomicUsize::new(0),
            dying: AtomicUsize::new(0),
            warned: AtomicU64::new(0),
            slots: Mutex::new(Vec::new()),
            closed: Notify::new(),
            stopping: AtomicBool::new(false),
            epoch: Instant::now(),
        }
    }

    fn register(&self) -> Arc<Slot> {
        let slot = Arc::new(Slot::default());
        let live = self.live.fetch_add(1, Ordering::AcqRel) + 1;
        let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        // Closed connections leave their slot behind; sweep them out now and then.
        if slots.len() >= 2 * live.max(64) {
            slots.retain(|s| Arc::strong_count(s) > 1);
        }
        slots.push(slot.clone());
        slot
    }

    /// Closes up to `n` of the connections that have waited longest for a request head.
    fn evict(&self, n: usize) {
        let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        slots.retain(|s| Arc::strong_count(s) > 1);
        let mut waiting: Vec<(u64, &Arc<Slot>)> = slots
            .iter()
            .filter(|s| s.state.load(Ordering::Relaxed) == OPEN)
            .map(|s| (s.since.load(Ordering::Relaxed), s))
            .filter(|(since, _)| *since != 0)
            .collect();
        if waiting.len() > n {
            waiting.select_nth_unstable_by_key(n, |(since, _)| *since);
            waiting.truncate(n);
        }
        let now = self.now();
        if !waiting.is_empty() && now.saturating_sub(self.warned.swap(now, Ordering::Relaxed)) >= 10_000 {
            tracing::warn!(
                "at the connection limit: closing the connections that waited longest for a request (reported every 10 s at most)"
            );
        }
        for (_, slot) in waiting {
            // Counted first, so that a connection closing meanwhile never takes `dying` below 0.
            self.dying.fetch_add(1, Ordering::AcqRel);
            if slot
                .state
                .compare_exchange(OPEN, KILLED, Ordering::AcqRel, Ordering::Acquire)
                .is_ok()
            {
                slot.wake();
            } else {
                self.dying.fetch_sub(1, Ordering::AcqRel);
            }
        }
    }

    /// Drops the slots of closed connections, and the registry's spare room.
    fn sweep(&self) {
        let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        slots.retain(|s| Arc::strong_count(s) > 1);
        if slots.capacity() > 4 * slots.len() + 64 {
            slots.shrink_to_fit();
        }
    }

    /// Shutdown: every connection closes when it next waits for a request.
    fn stop(&self) {
        self.stopping.store(true, Ordering::Relaxed);
        let slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        for slot in slots.iter() {
            slot.wake();
        }
    }

    fn now(&self) -> u64 {
        u64::try_from(self.epoch.elapsed().as_millis()).unwrap_or(u64::MAX - 1) + 1
    }
}

impl Slot {
    fn wake(&self) {
        let waker = self.waker.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(w) = waker {
            w.wake();
        }
    }
}

/// A connection's socket, counted while open. Reading marks it as waiting for a request (until it
/// next writes); a connection told to close (at the limit, or at shutdown) reads end-of-stream.
struct Watched {
    io: TcpStream,
    slot: Arc<Slot>,
    conns: Arc<Conns>,
}

impl Watched {
    fn new(io: TcpStream, conns: &Arc<Conns>) -> Watched {
        Watched {
            io,
            slot: conns.register(),
            conns: conns.clone(),
        }
    }

    fn closing(&self) -> bool {
        self.slot.state.load(Ordering::Relaxed) == KILLED || self.conns.stopping.load(Ordering::Relaxed)
    }
}

impl Drop for Watched {
    fn drop(&mut self) {
        if self.slot.state.swap(CLOSED, Ordering::AcqRel) == KILLED {
            self.conns.dying.fetch_sub(1, Ordering::AcqRel);
        }
        let live = self.conns.live.fetch_sub(1, Ordering::AcqRel) - 1;
        self.conns.closed.notify_one();
        // As connections close (after a flood, say), let go of their slots too.
        if live.is_power_of_two() || live == 0 {
            self.conns.sweep();
        }
    }
}

impl AsyncRead for Watched {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        if this.closing() {
            return Poll::Ready(Ok(()));
        }
        if this.slot.since.load(Ordering::Relaxed) == 0 {
            this.slot.since.store(this.conns.now(), Ordering::Relaxed);
        }
        let polled = Pin::new(&mut this.io).poll_read(cx, buf);
        if polled.is_pending() {
            {
                let mut waker = this.slot.waker.lock().unwrap_or_else(|e| e.into_inner());
                if !waker.as_ref().is_some_and(|w| w.will_wake(cx.waker())) {
                    *waker = Some(cx.waker().clone());
                }
            }
            // Told to close between the check above and the waker's registration.
            if this.closing() {
                return Poll::Ready(Ok(()));
            }
        }
        polled
    }
}

impl Watched {
    /// Answering: no longer waiting for a request.
    fn busy(&self) {
        if self.slot.since.load(Ordering::Relaxed) != 0 {
            self.slot.since.store(0, Ordering::Relaxed);
        }
    }
}

impl AsyncWrite for Watched {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        self.busy();
        Pin::new(&mut self.get_mut().io).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        self.busy();
        Pin::new(&mut self.get_mut().io).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_shutdown(cx)
    }
}

/// The connection as hyper reads it: the bytes the accept loop already read, then the socket.
struct Prefixed {
    prefix: Bytes,
    io: Watched,
}

impl AsyncRead for Prefixed {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        if !this.prefix.is_empty() {
            let n = this.prefix.len().min(buf.remaining());
            buf.put_slice(&this.prefix.split_to(n));
            return Poll::Ready(Ok(()));
        }
        Pin::new(&mut this.io).poll_read(cx, buf)
    }
}

impl AsyncWrite for Prefixed {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().io).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().io).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_shutdown(cx)
    }
}
