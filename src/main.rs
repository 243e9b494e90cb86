//! `iskp-atlas`: load and validate the dataset, then serve it (or only check it).

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use iskp_atlas::config::{Cli, Command, DataArgs, ServeArgs};
use iskp_atlas::model::{DataErrors, Dataset};
use iskp_atlas::{AppState, app};
use tokio::net::TcpListener;
use tracing_subscriber::EnvFilter;

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")))
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    match cli.command {
        None => serve(cli.serve),
        Some(Command::Serve(args)) => serve(args),
        Some(Command::Check(args)) => check(&args),
    }
}

fn load(args: &DataArgs) -> Result<Dataset, DataErrors> {
    match &args.data {
        Some(dir) => Dataset::from_dir(dir),
        None => Dataset::embedded(),
    }
}

fn check(args: &DataArgs) -> ExitCode {
    match load(args) {
        Ok(data) => {
            println!(
                "ok: dataset {} with {} plots and {} sources is valid",
                data.meta.version,
                data.plots.len(),
                data.sources.len()
            );
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprint!("{errors}");
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
    let state = match AppState::new(data, args.base_path.clone(), args.public_url.clone()) {
        Ok(state) => Arc::new(state),
        Err(e) => {
            eprintln!("could not prepare the JSON API: {e}");
            return ExitCode::FAILURE;
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("could not start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async move {
        let listener = match TcpListener::bind(args.bind).await {
            Ok(l) => l,
            Err(e) => {
                eprintln!("could not listen on {}: {e}", args.bind);
                return ExitCode::FAILURE;
            }
        };
        let addr = listener
            .local_addr()
            .map_or_else(|_| args.bind.to_string(), |a| a.to_string());
        tracing::info!("listening on http://{addr}{}/", args.base_path);
        match axum::serve(listener, app(state))
            .with_graceful_shutdown(shutdown_signal())
            .await
        {
            Ok(()) => {
                tracing::info!("stopped");
                ExitCode::SUCCESS
            }
            Err(e) => {
                tracing::error!("server error: {e}");
                ExitCode::FAILURE
            }
        }
    })
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
