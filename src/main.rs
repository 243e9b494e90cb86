//! `iskp-atlas`: load and validate the dataset, then serve it (or only check it).

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use iskp_atlas::config::{CheckArgs, Cli, Command, DataArgs, ExportArgs, HealthArgs, ServeArgs};
use iskp_atlas::model::{Coverage, DataError, DataErrors, DataFiles, Dataset, quotes};
use iskp_atlas::routes::app_editions;
use iskp_atlas::state::{AppState, Editions};
use tracing_subscriber::EnvFilter;

/// jemalloc returns freed memory to the system (settings in .cargo/config.toml); glibc's allocator
/// kept the 35 MB that a flood of slow connections had used, fragmented, after it ended (README,
/// Performance).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    // Purging by jemalloc's own thread, so memory goes back even while the process is idle (also
    // in .cargo/config.toml's settings; this holds for a build without them).
    let _ = tikv_jemalloc_ctl::background_thread::write(true);
    let cli = Cli::parse();
    // Serving logs each request; the one-shot commands only warnings.
    let default_level = if matches!(cli.command, None | Some(Command::Serve(_))) {
        "info"
    } else {
        "warn"
    };
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_level)))
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    match cli.command {
        None => serve(cli.serve),
        Some(Command::Serve(args)) => serve(args),
        Some(Command::Check(args)) => check(&args),
        Some(Command::Export(args)) => export(args),
        Some(Command::Health(args)) => health(&args),
    }
}

/// `GET {base}/healthz` on the local listener; success only for a 200 within two seconds.
fn health(args: &HealthArgs) -> ExitCode {
    use std::io::{Read, Write};
    use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpStream};
    use std::time::Duration;
    let mut addr = args.bind;
    if addr.ip().is_unspecified() {
        let loopback = match addr.ip() {
            IpAddr::V4(_) => IpAddr::V4(Ipv4Addr::LOCALHOST),
            IpAddr::V6(_) => IpAddr::V6(Ipv6Addr::LOCALHOST),
        };
        addr = SocketAddr::new(loopback, addr.port());
    }
    let timeout = Duration::from_secs(2);
    let answer = TcpStream::connect_timeout(&addr, timeout).and_then(|mut s| {
        s.set_read_timeout(Some(timeout))?;
        write!(s, "GET {}/healthz HTTP/1.0\r\nHost: {addr}\r\n\r\n", args.base_path)?;
        let mut out = String::new();
        s.read_to_string(&mut out)?;
        Ok(out)
    });
    match answer {
        Ok(text) if text.starts_with("HTTP/1.1 200") || text.starts_with("HTTP/1.0 200") => {
            println!("ok: {addr}{}/healthz answered 200", args.base_path);
            ExitCode::SUCCESS
        }
        Ok(text) => {
            eprintln!("{addr}: {}", text.lines().next().unwrap_or("no answer"));
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("{addr}: {e}");
            ExitCode::FAILURE
        }
    }
}

fn load(args: &DataArgs) -> Result<Vec<(Dataset, Coverage)>, DataErrors> {
    let files = match &args.data {
        Some(dir) => DataFiles::read_dir(dir)?,
        None => DataFiles::embedded(),
    };
    let problems = iskp_atlas::i18n::catalogue_problems();
    if !problems.is_empty() {
        return Err(DataErrors(
            problems
                .into_iter()
                .map(|p| DataError {
                    file: "templates/i18n".into(),
                    item: None,
                    field: "-".into(),
                    message: p,
                })
                .collect(),
        ));
    }
    Dataset::editions(files)
}

fn check(args: &CheckArgs) -> ExitCode {
    let editions = match load(&args.data) {
        Ok(editions) => editions,
        Err(errors) => {
            eprint!("{errors}");
            return ExitCode::FAILURE;
        }
    };
    let data = &editions[0].0;
    let mut unfaithful = 0;
    for (edition, coverage) in &editions[1..] {
        let language = edition.language;
        let strings = language.ids().len();
        println!(
            "ok: {} edition: interface strings {strings}/{strings} (100%), dataset strings {}/{} ({}%), statements {}/{} ({}%)",
            language.code,
            coverage.translated,
            coverage.strings,
            percent(coverage.translated, coverage.strings),
            coverage.statements_translated,
            coverage.statements,
            percent(coverage.statements_translated, coverage.statements),
        );
        let problems = iskp_atlas::model::translate::faithfulness(data, edition);
        for problem in &problems {
            eprintln!("  {problem}");
        }
        unfaithful += problems.len();
    }
    if unfaithful > 0 {
        eprintln!("{unfaithful} translated statement(s) do not keep their English original's hedges, numbers or terms");
        return ExitCode::FAILURE;
    }
    println!(
        "ok: dataset {} with {} plots and {} sources is valid",
        data.meta.version,
        data.plots.len(),
        data.sources.len()
    );
    let Some(path) = &args.report else {
        println!(
            "quotations not verified: {} statements carry evidence; pass --report FILE (a plain-text copy of the report) to check them",
            data.statements().len()
        );
        return ExitCode::SUCCESS;
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{}: cannot read the report: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let report = match quotes::ReportText::parse(&text, &data.meta.sections) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let result = quotes::check(data, &report);
    for problem in &result.problems {
        eprintln!("  {problem}");
    }
    println!(
        "{} statements, {} quotations checked against {}; {} statements rest on a hedged sentence of the report ({} state it plainly, with a reason given)",
        result.statements,
        result.quotations,
        path.display(),
        result.hedged,
        result.exceptions
    );
    if result.problems.is_empty() {
        println!("ok: every quotation is the report's, and every hedge is kept");
        ExitCode::SUCCESS
    } else {
        eprintln!("{} problem(s) with the evidence", result.problems.len());
        ExitCode::FAILURE
    }
}

fn percent(part: usize, whole: usize) -> usize {
    (part * 100).checked_div(whole).unwrap_or(100)
}

fn runtime() -> Result<tokio::runtime::Runtime, ExitCode> {
    tokio::runtime::Builder::new_multi_thread()
        // Only compression runs on the blocking pool; one thread there keeps its working memory in
        // one malloc arena instead of one per thread, and leaves both cores to requests.
        .max_blocking_threads(1)
        .enable_all()
        .build()
        .map_err(|e| {
            eprintln!("could not start the runtime: {e}");
            ExitCode::FAILURE
        })
}

fn export(args: ExportArgs) -> ExitCode {
    let data = match load(&args.data) {
        Ok(data) => data,
        Err(errors) => {
            eprint!("{errors}");
            return ExitCode::FAILURE;
        }
    };
    let rt = match runtime() {
        Ok(rt) => rt,
        Err(code) => return code,
    };
    match rt.block_on(iskp_atlas::export::export(
        data.into_iter().map(|(d, _)| d).collect(),
        args.site.base_path,
        args.site.public_url,
        &args.dir,
    )) {
        Ok(report) => {
            println!(
                "wrote {} files ({} bytes) to {}",
                report.files.len(),
                report.bytes,
                args.dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("export failed: {e}");
            ExitCode::FAILURE
        }
    }
}

fn serve(args: ServeArgs) -> ExitCode {
    let data = match load(&args.data) {
        Ok(data) => data,
        Err(errors) => {
            eprint!("{errors}");
            eprintln!("not serving: fix the data above, or run `iskp-atlas check` to list the problems");
            return ExitCode::FAILURE;
        }
    };
    let datasets = data.into_iter().map(|(d, _)| d).collect();
    let trust_forwarded = args.trust_forwarded;
    let editions = match Editions::new(
        datasets,
        args.site.base_path.clone(),
        args.site.public_url.clone(),
        |site| {
            site.trust_forwarded = trust_forwarded;
        },
    ) {
        Ok(editions) => Arc::new(editions),
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let runtime = match runtime() {
        Ok(rt) => rt,
        Err(code) => return code,
    };
    runtime.block_on(async move {
        let listener = match iskp_atlas::server::bind(args.bind) {
            Ok(l) => l,
            Err(e) => {
                eprintln!("could not listen on {}: {e}", args.bind);
                return ExitCode::FAILURE;
            }
        };
        let addr = listener
            .local_addr()
            .map_or_else(|_| args.bind.to_string(), |a| a.to_string());
        tracing::info!("listening on http://{addr}{}/", args.site.base_path);
        if args.site.public_url.is_none() {
            tracing::warn!(
                "no --public-url (ATLAS_PUBLIC_URL) set: citations and printed addresses take their host from each request{}, \
                 and pages are rendered per request instead of cached; set it to the address readers use",
                if args.trust_forwarded { " (X-Forwarded-Host/-Proto, trusted)" } else { " (Host)" }
            );
        }
        let app = app_editions(&editions);
        tokio::spawn(warm_up(editions.source().clone(), app.clone()));
        let options = iskp_atlas::server::Options {
            max_connections: args.max_connections,
            ..Default::default()
        };
        iskp_atlas::server::serve(listener, app, editions, shutdown_signal(), options).await;
        tracing::info!("stopped");
        ExitCode::SUCCESS
    })
}

/// Renders every cacheable page in the background and compresses it with brotli, which every
/// current browser accepts, so the first readers of the day do not wait for it. Gzip bodies, for
/// the few clients without brotli, are made on their first request: keeping one for every page
/// would hold about 0.4 MB that brotli readers never use.
///
/// The brotli encoder's working memory grows with the page (1.8 MB for a 14 KB document, 4.5 MB
/// for a page over 64 KB), so the pages are cached largest first: the largest working memory is
/// needed while the cache still holds little. A first pass renders each page once, only to learn
/// its size (rendering takes about a millisecond; README, Performance, for the peak RSS).
async fn warm_up(state: Arc<AppState>, app: axum::Router) {
    use axum::body::HttpBody;
    use tower::ServiceExt;
    // Without a public URL only the assets are shared between readers (see `site`).
    let assets = state.site.url("/static/");
    let paths: Vec<String> = state
        .cache
        .paths()
        .filter(|p| !state.site.origin_varies() || p.starts_with(&assets))
        .cloned()
        .collect();
    let get = |path: &str, encoding: Option<&'static str>| {
        let mut req = axum::http::Request::get(path);
        if let Some(e) = encoding {
            req = req.header("accept-encoding", e);
        }
        let app = app.clone();
        let req = req.body(axum::body::Body::empty());
        async move {
            match req {
                Ok(req) => app.oneshot(req).await.ok(),
                Err(_) => None,
            }
        }
    };
    let mut sized = Vec::with_capacity(paths.len());
    for path in paths {
        let size = get(&path, None)
            .await
            .and_then(|r| r.body().size_hint().exact())
            .unwrap_or(0);
        state.cache.forget(&path);
        sized.push((size, path));
    }
    sized.sort_by_key(|s| std::cmp::Reverse(s.0));
    for (_, path) in sized {
        let _ = get(&path, Some("br")).await;
    }
    tracing::debug!("cache warmed");
}

/// Resolves on Ctrl-C or SIGTERM; in-flight requests then finish before `serve` returns.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
