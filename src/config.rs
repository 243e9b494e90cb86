//! The command line: `iskp-atlas [serve] [--bind ADDR] [--base-path /prefix] [--public-url URL] [--data DIR]`
//! and `iskp-atlas check [--data DIR]`. Every serving flag has an `ATLAS_*` environment fallback.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// The ISKP Plots Atlas: the seven ISKP-linked terror plots in Europe (2020–2024) from DIIS Report 2025:09.
#[derive(Debug, Parser)]
#[command(name = "iskp-atlas", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Serving flags also work without the `serve` subcommand.
    #[command(flatten)]
    pub serve: ServeArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the atlas over HTTP (the default).
    Serve(ServeArgs),
    /// Validate a dataset and exit: 0 when valid, 1 with every problem listed when not.
    Check(CheckArgs),
    /// Write the atlas as static files (pages, JSON, CSV, assets) into DIR, with relative links
    /// that work from a web server under any path and from a file share.
    Export(ExportArgs),
    /// Ask a running atlas whether it is up (GET /healthz): exit 0 when it answers 200, 1 when not.
    /// For container health checks, where the image holds nothing but this binary.
    Health(HealthArgs),
}

#[derive(Debug, Clone, Args)]
pub struct HealthArgs {
    /// Address the atlas listens on (0.0.0.0 and [::] are asked on loopback).
    #[arg(long, env = "ATLAS_BIND", default_value = "127.0.0.1:3000", value_name = "ADDR")]
    pub bind: SocketAddr,
    /// Path prefix the atlas is served under.
    #[arg(long, env = "ATLAS_BASE_PATH", default_value = "", value_name = "PREFIX", value_parser = parse_base_path)]
    pub base_path: String,
}

#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// Directory to write into (created if missing).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    #[command(flatten)]
    pub site: SiteArgs,
    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// A plain-text copy of the report: also verify that every evidence quotation occurs in its
    /// section and that statements hedge where the report's sentence does.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct DataArgs {
    /// Read the dataset from this directory (dataset.json, plots.json, sources.json, offices.json,
    /// analysis.json) instead of the copy compiled into the binary.
    #[arg(long, env = "ATLAS_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "ATLAS_BIND", default_value = "127.0.0.1:3000", value_name = "ADDR")]
    pub bind: SocketAddr,
    #[command(flatten)]
    pub site: SiteArgs,
    /// Without --public-url: build addresses from a reverse proxy's X-Forwarded-Host and
    /// X-Forwarded-Proto instead of the Host header. Only behind a proxy that always sets them;
    /// off by default, since any client can send them.
    #[arg(long, env = "ATLAS_TRUST_FORWARDED")]
    pub trust_forwarded: bool,
    /// Connections open at once, at most (held under the open-file limit less 256). From 15/16 of
    /// it on, the connections that have waited longest for a request are closed to keep room.
    #[arg(long, env = "ATLAS_MAX_CONNECTIONS", default_value_t = crate::server::DEFAULT_MAX_CONNECTIONS, value_name = "N", value_parser = parse_count)]
    pub max_connections: usize,
    #[command(flatten)]
    pub data: DataArgs,
}

/// Where readers reach the atlas: shared by `serve` and `export`.
#[derive(Debug, Clone, Args)]
pub struct SiteArgs {
    /// Path prefix the atlas is served under behind a reverse proxy, e.g. `/atlas`.
    /// Every link, asset and redirect carries it.
    #[arg(long, env = "ATLAS_BASE_PATH", default_value = "", value_name = "PREFIX", value_parser = parse_base_path)]
    pub base_path: String,
    /// Scheme and host readers reach the atlas at, e.g. `https://intranet.example`: the source of
    /// every absolute address (citations, canonical links, printed packs, CSV and JSON). Without
    /// it, each request's host is used, and pages are not cached.
    #[arg(long, env = "ATLAS_PUBLIC_URL", value_name = "URL", value_parser = parse_public_url)]
    pub public_url: Option<String>,
}

/// A whole number of at least 1.
pub fn parse_count(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("'{s}' must be a whole number of at least 1")),
    }
}

/// `""` or `/segment[/segment…]`, without a trailing slash.
pub fn parse_base_path(s: &str) -> Result<String, String> {
    let trimmed = s.trim_end_matches('/');
    if trimmed.is_empty() {
        return Ok(String::new());
    }
    let ok_char = |c: char| c.is_ascii_alphanumeric() || "-._~/".contains(c);
    if !trimmed.starts_with('/') || trimmed.contains("//") || !trimmed.chars().all(ok_char) {
        return Err(format!(
            "'{s}' must look like /atlas or /tools/atlas (letters, digits, - . _ ~)"
        ));
    }
    if trimmed.split('/').any(|seg| seg == "." || seg == "..") {
        return Err(format!("'{s}' must not contain . or .. segments"));
    }
    Ok(trimmed.to_string())
}

/// `http(s)://host[:port]`, without a trailing slash or a path (the base path is added separately).
pub fn parse_public_url(s: &str) -> Result<String, String> {
    let trimmed = s.trim_end_matches('/');
    let rest = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"))
        .ok_or_else(|| format!("'{s}' must start with http:// or https://"))?;
    let host_ok = !rest.is_empty() && rest.chars().all(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(c));
    if !host_ok {
        return Err(format!(
            "'{s}' must be a scheme and host only, e.g. https://intranet.example"
        ));
    }
    Ok(trimmed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths_are_normalised_or_refused() {
        assert_eq!(parse_base_path("").as_deref(), Ok(""));
        assert_eq!(parse_base_path("/").as_deref(), Ok(""));
        assert_eq!(parse_base_path("/atlas/").as_deref(), Ok("/atlas"));
        assert_eq!(parse_base_path("/tools/atlas").as_deref(), Ok("/tools/atlas"));
        for bad in ["atlas", "/a//b", "/a/../b", "/a b", "/\"x", "/<x>"] {
            assert!(parse_base_path(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn public_urls_are_scheme_and_host() {
        assert_eq!(
            parse_public_url("https://intra.example/").as_deref(),
            Ok("https://intra.example")
        );
        assert_eq!(
            parse_public_url("http://10.0.0.5:8080").as_deref(),
            Ok("http://10.0.0.5:8080")
        );
        for bad in ["intra.example", "ftp://x", "https://x/path", "https://", "https://x\"y"] {
            assert!(parse_public_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn serving_flags_work_with_and_without_the_subcommand() {
        let cli =
            Cli::try_parse_from(["iskp-atlas", "--bind", "127.0.0.1:8080", "--base-path", "/atlas"]).expect("parses");
        assert!(cli.command.is_none());
        assert_eq!(cli.serve.bind.port(), 8080);
        assert_eq!(cli.serve.site.base_path, "/atlas");
        assert_eq!(cli.serve.max_connections, crate::server::DEFAULT_MAX_CONNECTIONS);
        let cli = Cli::try_parse_from(["iskp-atlas", "--max-connections", "500"]).expect("parses");
        assert_eq!(cli.serve.max_connections, 500);
        for bad in ["0", "-1", "many"] {
            assert!(
                Cli::try_parse_from(["iskp-atlas", "--max-connections", bad]).is_err(),
                "{bad}"
            );
        }
        let cli = Cli::try_parse_from(["iskp-atlas", "serve", "--bind", "127.0.0.1:0"]).expect("parses");
        assert!(matches!(cli.command, Some(Command::Serve(ref a)) if a.bind.port() == 0));
        let cli = Cli::try_parse_from(["iskp-atlas", "check", "--data", "/tmp/x"]).expect("parses");
        assert!(matches!(cli.command, Some(Command::Check(ref a)) if a.data.data.is_some()));
        let cli = Cli::try_parse_from(["iskp-atlas", "export", "/tmp/out", "--base-path", "/atlas"]).expect("parses");
        assert!(matches!(cli.command, Some(Command::Export(ref a)) if a.site.base_path == "/atlas"));
    }
}
