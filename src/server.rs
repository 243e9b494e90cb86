//! The HTTP/1.1 accept loop. `axum::serve` would do, but it sets no timer, so hyper's header-read
//! timeout never applies and a slow client could hold a connection open for ever. Here every
//! connection gets a deadline for its request head, the head's size is bounded (hyper answers 431
//! beyond it), and shutdown stops accepting, then lets requests in flight finish within a deadline.
//!
//! A page the cache holds ready is answered here, before the application's layers
//! (`routes::fast_answer`: the same headers and log line); everything else goes through them.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tower::ServiceExt;

use crate::state::Editions;

/// A client must send its whole request head within this time.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// Request line plus headers, in bytes. The longest URL the atlas serves is far shorter.
pub const MAX_HEAD_BYTES: usize = 16 * 1024;
/// At most this many header fields per request.
pub const MAX_HEADERS: usize = 64;
/// How long shutdown waits for requests in flight.
pub const DRAIN_TIMEOUT: Duration = Duration::from_secs(10);

/// Serves `app` (built over `editions`) on `listener` until `shutdown` resolves, then drains.
pub async fn serve(listener: TcpListener, app: Router, editions: Arc<Editions>, shutdown: impl Future<Output = ()>) {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(HEADER_READ_TIMEOUT)
        .max_buf_size(MAX_HEAD_BYTES)
        .max_headers(MAX_HEADERS)
        .keep_alive(true);
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, _peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(conn) => conn,
                Err(e) => {
                    // Out of file descriptors and the like: back off briefly rather than spin.
                    tracing::warn!("accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let (app, editions) = (app.clone(), editions.clone());
        let service = hyper::service::service_fn(move |req: Request<Incoming>| {
            let fast = crate::routes::fast_answer(editions.for_path(req.uri().path()), &req);
            let app = app.clone();
            async move {
                match fast {
                    Some(response) => Ok(response),
                    None => app.oneshot(req.map(Body::new)).await,
                }
            }
        });
        let conn = http.serve_connection(TokioIo::new(stream), service);
        let watched = graceful.watch(conn);
        tokio::spawn(async move {
            if let Err(e) = watched.await {
                tracing::debug!("connection ended: {e}");
            }
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => tracing::info!("all connections closed"),
        () = tokio::time::sleep(DRAIN_TIMEOUT) => tracing::warn!("gave up waiting for connections after {DRAIN_TIMEOUT:?}"),
    }
}
