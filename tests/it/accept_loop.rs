//! The accept loop over real sockets (in-process): ready pages it answers itself must be the bytes
//! hyper would have written; slow heads are closed; the connection limit makes room for readers;
//! shutdown closes idle connections.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use iskp_atlas::server::{Options, answers_itself, serve};
use iskp_atlas::state::Editions;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

use crate::helpers::editions;

/// A guard against hanging, never a measurement.
const PATIENCE: Duration = Duration::from_secs(20);

struct Server {
    addr: SocketAddr,
    /// Every edition (English first), as the binary serves them.
    editions: Arc<Editions>,
    stop: Option<oneshot::Sender<()>>,
    done: tokio::task::JoinHandle<()>,
}

async fn start(options: Options) -> Server {
    let editions = Arc::new(
        Editions::new(editions(), String::new(), Some("https://atlas.example".into()), |_| {}).expect("state"),
    );
    let app = iskp_atlas::routes::app_editions(&editions);
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let (tx, rx) = oneshot::channel::<()>();
    let done = tokio::spawn(serve(
        listener,
        app,
        editions.clone(),
        async move {
            let _ = rx.await;
        },
        options,
    ));
    Server {
        addr,
        editions,
        stop: Some(tx),
        done,
    }
}

/// One response from `stream`: its head (the `date` value blanked) and its body.
async fn read_response(stream: &mut TcpStream, head_request: bool) -> (String, Vec<u8>) {
    let mut buf = Vec::new();
    let mut byte = [0u8; 1];
    while !buf.ends_with(b"\r\n\r\n") {
        let n = tokio::time::timeout(PATIENCE, stream.read(&mut byte))
            .await
            .expect("an answer")
            .expect("read");
        assert_ne!(n, 0, "closed before a whole head: {}", String::from_utf8_lossy(&buf));
        buf.push(byte[0]);
    }
    let head = String::from_utf8(buf).expect("ASCII head");
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length: "))
        .map_or(0, |v| v.trim().parse().expect("length"));
    let mut body = vec![
        0u8;
        if head_request || head.starts_with("HTTP/1.1 304") {
            0
        } else {
            length
        }
    ];
    tokio::time::timeout(PATIENCE, stream.read_exact(&mut body))
        .await
        .expect("a body")
        .expect("read");
    let head = head
        .lines()
        .map(|l| if l.starts_with("date: ") { "date: *" } else { l })
        .collect::<Vec<_>>()
        .join("\n");
    (head, body)
}

async fn connect(addr: SocketAddr) -> TcpStream {
    TcpStream::connect(addr).await.expect("connect")
}

/// Whether the peer closes the connection (without another answer) before `PATIENCE` runs out.
async fn closes(stream: &mut TcpStream) -> bool {
    let mut rest = Vec::new();
    match tokio::time::timeout(PATIENCE, stream.read_to_end(&mut rest)).await {
        Ok(Ok(_)) => rest.is_empty(),
        Ok(Err(_)) => true,
        Err(_) => false,
    }
}

fn get(path: &str, extra: &str) -> String {
    format!("GET {path} HTTP/1.1\r\nHost: atlas.example\r\n{extra}\r\n")
}

#[tokio::test]
async fn ready_pages_answered_by_the_accept_loop_are_the_bytes_hyper_writes() {
    let server = start(Options::default()).await;
    let css = server.editions.source().site.assets()[0].name.clone();
    let paths = [
        "/plots/2022-11-strasbourg".to_string(),
        "/api/plots.json".to_string(),
        format!("/static/{css}"),
    ];
    for path in &paths {
        // The tags of the three bodies, from answers that also fill the cache.
        let mut tags = Vec::new();
        for accept in ["", "Accept-Encoding: gzip\r\n", "Accept-Encoding: br\r\n"] {
            let mut s = connect(server.addr).await;
            s.write_all(get(path, accept).as_bytes()).await.expect("write");
            let (head, _) = read_response(&mut s, false).await;
            assert!(head.starts_with("HTTP/1.1 200"), "{path}: {head}");
            let tag = head
                .lines()
                .find_map(|l| l.strip_prefix("etag: "))
                .expect("etag")
                .to_string();
            tags.push(tag);
        }
        let (plain, gzip, br) = (&tags[0], &tags[1], &tags[2]);
        let variants: Vec<(&str, String, u16)> = vec![
            ("GET", String::new(), 200),
            ("GET", "Accept-Encoding: gzip, deflate\r\n".into(), 200),
            ("GET", "Accept-Encoding: br, gzip\r\n".into(), 200),
            ("GET", "accept-encoding: BR;q=1, gzip;q=0.5\r\n".into(), 200),
            ("GET", "Accept-Encoding: br;q=0, gzip\r\n".into(), 200),
            ("HEAD", "Accept-Encoding: br\r\n".into(), 200),
            ("GET", format!("If-None-Match: {plain}\r\n"), 304),
            ("HEAD", format!("If-None-Match: {plain}\r\n"), 304),
            (
                "GET",
                format!("Accept-Encoding: gzip\r\nIf-None-Match: W/{gzip}\r\n"),
                304,
            ),
            (
                "GET",
                format!("Accept-Encoding: br\r\nIf-None-Match: \"x\", {plain}, {br}\r\n"),
                304,
            ),
            (
                "GET",
                format!("Accept-Encoding: br\r\nIf-None-Match: \"x\"\r\nIf-None-Match: {br}\r\n"),
                304,
            ),
            ("GET", "Accept-Encoding: br\r\nIf-None-Match: *\r\n".into(), 304),
            // Another body's tag is not this body's.
            (
                "GET",
                format!("Accept-Encoding: br\r\nIf-None-Match: {plain}, {gzip}\r\n"),
                200,
            ),
            ("GET", format!("If-None-Match: {br}\r\n"), 200),
            ("GET", "Connection: keep-alive\r\n".into(), 200),
            ("GET", "Connection: close\r\nAccept-Encoding: gzip\r\n".into(), 200),
        ];
        for (method, extra, status) in variants {
            let request = format!("{method} {path} HTTP/1.1\r\nHost: atlas.example\r\n{extra}\r\n");
            assert!(
                answers_itself(&server.editions, request.as_bytes()),
                "{path} {extra:?}: the accept loop answers it"
            );
            let head_request = method == "HEAD";
            // The accept loop's answer, on a fresh connection.
            let mut ours = connect(server.addr).await;
            ours.write_all(request.as_bytes()).await.expect("write");
            let mine = read_response(&mut ours, head_request).await;
            // hyper's: a query page first hands the connection to hyper, which then answers the
            // same request through the application's fast path.
            let mut theirs = connect(server.addr).await;
            let first = get("/plots?country=DE", "");
            assert!(!answers_itself(&server.editions, first.as_bytes()));
            theirs.write_all(first.as_bytes()).await.expect("write");
            let (head, _) = read_response(&mut theirs, false).await;
            assert!(head.starts_with("HTTP/1.1 200"), "{head}");
            theirs.write_all(request.as_bytes()).await.expect("write");
            let hyper = read_response(&mut theirs, head_request).await;
            assert!(
                mine.0.starts_with(&format!("HTTP/1.1 {status} ")),
                "{path} {extra:?}: {}",
                mine.0
            );
            assert_eq!(mine.0, hyper.0, "{path} {extra:?}: the same head");
            assert_eq!(mine.1, hyper.1, "{path} {extra:?}: the same body");
            if extra.starts_with("Connection: close") {
                assert!(mine.0.contains("\nconnection: close\n"), "{}", mine.0);
                assert!(closes(&mut ours).await, "closed after the answer");
            } else {
                // Keep-alive: the same connection answers again.
                ours.write_all(request.as_bytes()).await.expect("write");
                let again = read_response(&mut ours, head_request).await;
                assert_eq!(again, mine, "{path} {extra:?}: a second request on the connection");
            }
        }
    }
}

#[tokio::test]
async fn requests_the_accept_loop_does_not_answer_itself_go_to_hyper() {
    let server = start(Options::default()).await;
    let path = "/plots/2022-11-strasbourg";
    // Fill the cache.
    let mut s = connect(server.addr).await;
    s.write_all(get(path, "").as_bytes()).await.expect("write");
    read_response(&mut s, false).await;
    assert!(answers_itself(&server.editions, get(path, "").as_bytes()));
    for (request, status) in [
        (format!("GET {path} HTTP/1.0\r\n\r\n"), "HTTP/1.0 200"),
        (format!("GET {path}?x=1 HTTP/1.1\r\nHost: a\r\n\r\n"), "HTTP/1.1 200"),
        (
            format!("POST {path} HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n"),
            "HTTP/1.1 405",
        ),
        (format!("get {path} HTTP/1.1\r\nHost: a\r\n\r\n"), "HTTP/1.1 405"),
        (
            format!("GET {path} HTTP/1.1\r\nHost: a\r\nConnection: upgrade\r\n\r\n"),
            "HTTP/1.1 200",
        ),
        (
            format!("GET {path} HTTP/1.1\r\nHost: a\r\nX: \x01\r\n\r\n"),
            "HTTP/1.1 400",
        ),
        ("GET /missing HTTP/1.1\r\nHost: a\r\n\r\n".to_string(), "HTTP/1.1 404"),
        // A head of exactly the largest size, still unfinished (so that nothing is left unread
        // when the server closes).
        (oversized_head(path), "HTTP/1.1 431"),
        (
            format!(
                "GET {path} HTTP/1.1\r\nHost: a\r\n{}\r\n",
                (0..70).map(|i| format!("X-{i}: v\r\n")).collect::<String>()
            ),
            "HTTP/1.1 431",
        ),
    ] {
        assert!(!answers_itself(&server.editions, request.as_bytes()), "{request:.60}");
        let mut s = connect(server.addr).await;
        s.write_all(request.as_bytes()).await.expect("write");
        let (head, _) = read_response(&mut s, false).await;
        assert!(head.starts_with(status), "{request:.60}: {head}");
    }
}

fn oversized_head(path: &str) -> String {
    let start = format!("GET {path} HTTP/1.1\r\nHost: a\r\nX-Long: ");
    let fill = iskp_atlas::server::MAX_HEAD_BYTES - start.len();
    format!("{start}{}", "a".repeat(fill))
}

#[tokio::test]
async fn a_head_sent_too_slowly_is_closed_without_an_answer() {
    let server = start(Options {
        header_timeout: Duration::from_millis(300),
        ..Options::default()
    })
    .await;
    let mut slow = connect(server.addr).await;
    slow.write_all(b"GET / HTTP/1.1\r\nHost: atlas.example\r\n")
        .await
        .expect("write");
    assert!(closes(&mut slow).await, "closed, and nothing written");
    // A head that arrives in pieces within the time is answered, however it is cut.
    let mut pieces = connect(server.addr).await;
    for piece in ["GET /hea", "lthz HTTP/1.1\r\nHo", "st: atlas.example\r\n", "\r", "\n"] {
        pieces.write_all(piece.as_bytes()).await.expect("write");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (head, body) = read_response(&mut pieces, false).await;
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert_eq!(body, b"ok");
}

#[tokio::test]
async fn at_the_connection_limit_the_longest_waiting_connection_makes_room() {
    let server = start(Options {
        max_connections: 3,
        ..Options::default()
    })
    .await;
    let mut slow = Vec::new();
    for _ in 0..3 {
        let mut s = connect(server.addr).await;
        s.write_all(b"GET / HTTP/1.1\r\n").await.expect("write");
        slow.push(s);
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // A reader arriving now is answered...
    let mut reader = connect(server.addr).await;
    reader.write_all(get("/healthz", "").as_bytes()).await.expect("write");
    let (head, _) = read_response(&mut reader, false).await;
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    // ...because the slow connection that waited longest was closed.
    assert!(closes(&mut slow[0]).await, "the oldest slow connection was closed");
}

#[tokio::test]
async fn shutdown_closes_idle_connections_and_returns() {
    let mut server = start(Options::default()).await;
    let mut idle = connect(server.addr).await;
    idle.write_all(get("/healthz", "").as_bytes()).await.expect("write");
    read_response(&mut idle, false).await;
    let mut partial = connect(server.addr).await;
    partial.write_all(b"GET / HTTP/1.1\r\n").await.expect("write");
    tokio::time::sleep(Duration::from_millis(50)).await;
    let _ = server.stop.take().expect("running").send(());
    tokio::time::timeout(PATIENCE, &mut server.done)
        .await
        .expect("serve returns")
        .expect("no panic");
    assert!(closes(&mut idle).await);
    assert!(closes(&mut partial).await);
}
