//! The real `iskp-atlas` binary: serving on port 0, stopping on SIGTERM, refusing bad data.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_iskp-atlas");

fn raw_get(addr: &str, path: &str) -> String {
    raw_request(addr, "GET", path, "")
}

/// A copy of the data directory in a fresh temporary folder.
fn data_copy(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for f in iskp_atlas::model::FILES {
        std::fs::copy(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data").join(f),
            dir.join(f),
        )
        .expect("copy");
    }
    // Each language's translations, in their own directory.
    for language in iskp_atlas::i18n::languages().iter().filter(|l| !l.is_source()) {
        let from = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("data")
            .join(language.code);
        std::fs::create_dir_all(dir.join(language.code)).expect("temp dir");
        for entry in std::fs::read_dir(&from).expect("translations").flatten() {
            std::fs::copy(entry.path(), dir.join(language.code).join(entry.file_name())).expect("copy");
        }
    }
    dir
}

#[cfg(unix)]
#[test]
fn the_binary_serves_on_port_0_and_stops_cleanly_on_sigterm() {
    let mut child = Command::new(BIN)
        .args(["--bind", "127.0.0.1:0"])
        .env("RUST_LOG", "info")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the binary");
    let stderr = child.stderr.take().expect("stderr");
    let mut lines = BufReader::new(stderr).lines();
    let addr = loop {
        let line = lines.next().expect("the server printed its address").expect("line");
        if let Some(rest) = line.split("listening on http://").nth(1) {
            break rest.trim_end_matches('/').to_string();
        }
    };
    let health = raw_get(&addr, "/healthz");
    assert!(health.starts_with("HTTP/1.1 200") && health.ends_with("ok"), "{health}");
    // The health check a container runs, with nothing but the binary.
    let probe = Command::new(BIN)
        .args(["health", "--bind", &addr])
        .output()
        .expect("run");
    assert!(probe.status.success(), "{}", String::from_utf8_lossy(&probe.stderr));
    let closed = Command::new(BIN)
        .args(["health", "--bind", "127.0.0.1:9"])
        .output()
        .expect("run");
    assert!(!closed.status.success(), "nothing listens on port 9");
    let page = raw_get(&addr, "/plots/2022-11-strasbourg");
    assert!(
        page.starts_with("HTTP/1.1 200") && page.contains("Strasbourg, France"),
        "{}",
        &page[..200.min(page.len())]
    );

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    // Drain the log so the child never blocks on a full pipe while shutting down.
    std::thread::spawn(move || lines.for_each(drop));
    let exit = child.wait().expect("wait");
    assert!(exit.success(), "exit status after SIGTERM: {exit:?}");
}

#[test]
fn check_accepts_the_shipped_data() {
    let out = Command::new(BIN)
        .args(["check", "--data", concat!(env!("CARGO_MANIFEST_DIR"), "/data")])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("7 plots and 83 sources is valid"));
}

#[test]
fn bad_data_never_serves_and_the_error_names_file_plot_and_field() {
    let dir = data_copy("broken");
    let plots = dir.join("plots.json");
    let text = std::fs::read_to_string(&plots)
        .expect("read")
        .replacen("\"cell_size\": 5,", "\"cell_size\": 6,", 1);
    std::fs::write(&plots, text).expect("write");
    for args in [vec!["check"], vec!["--bind", "127.0.0.1:0"]] {
        let out = Command::new(BIN)
            .args(&args)
            .arg("--data")
            .arg(&dir)
            .output()
            .expect("run");
        assert!(!out.status.success(), "{args:?} accepted broken data");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("plots.json"), "{err}");
        assert!(err.contains("plot \"2020-04-north-rhine-westphalia\""), "{err}");
        assert!(err.contains("field `nationalities`"), "{err}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// A stand-in for the report, made from the dataset's own quotations: each section's heading,
/// then each quotation as a sentence of its own. The real report is not part of the project.
fn report_of_quotations(data: &iskp_atlas::model::Dataset) -> String {
    let mut text = String::from("FRONT MATTER\n\n");
    for section in &data.meta.sections {
        text.push_str(&section.heading);
        text.push_str("\n\n");
        for st in data.statements() {
            for ev in st.statement.evidence.iter().filter(|e| e.section == section.id) {
                text.push_str(&ev.quote);
                text.push_str(".\n\n");
            }
        }
    }
    text
}

fn check_report(report: &str, name: &str) -> (bool, String, String) {
    let path = std::env::temp_dir().join(format!("atlas-report-{name}-{}.txt", std::process::id()));
    std::fs::write(&path, report).expect("write");
    let out = Command::new(BIN)
        .arg("check")
        .arg("--report")
        .arg(&path)
        .output()
        .expect("run");
    std::fs::remove_file(&path).ok();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn check_report_verifies_every_quotation_and_hedge() {
    let data = iskp_atlas::model::Dataset::embedded().expect("valid");
    let report = report_of_quotations(&data);
    let (ok, stdout, stderr) = check_report(&report, "faithful");
    assert!(ok, "{stderr}");
    let statements = data.statements().len();
    assert!(
        stdout.contains(&format!("{statements} statements,")) && stdout.contains("every quotation is the report's"),
        "{stdout}"
    );

    // A quotation the report does not hold is named by file, item and field.
    let stras = data.plot("2022-11-strasbourg").expect("plot");
    let quote = &stras.summary.statements()[0].evidence[0].quote;
    let (ok, _, stderr) = check_report(&report.replace(quote.as_str(), "something else"), "missing");
    assert!(!ok);
    assert!(
        stderr.contains("plots.json: plot \"2022-11-strasbourg\": field `summary[0].evidence[0].quote`")
            && stderr.contains("is not in section"),
        "{stderr}"
    );

    // A statement that does not hedge, over a sentence that now does, breaks the hedge rule.
    let plain = data
        .statements()
        .into_iter()
        .find(|s| {
            s.statement.hedge_exception.is_none()
                && !iskp_atlas::model::quotes::statement_hedges(&s.statement.text)
                && s.statement.evidence.len() == 1
        })
        .expect("a plain statement");
    let q = &plain.statement.evidence[0].quote;
    let hedged = report.replace(&format!("{q}.\n"), &format!("Reportedly, {q}.\n"));
    let (ok, _, stderr) = check_report(&hedged, "hedge");
    assert!(!ok);
    assert!(
        stderr.contains("the report hedges (reportedly) but the statement does not"),
        "{stderr}"
    );
}

#[test]
fn check_without_the_report_says_quotations_were_not_verified_and_a_missing_file_fails() {
    let out = Command::new(BIN).arg("check").output().expect("run");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("quotations not verified"));
    let out = Command::new(BIN)
        .args(["check", "--report", "/nonexistent/report.txt"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read the report"));
}

/// Sends one raw request with extra header lines and returns the whole answer.
fn raw_request(addr: &str, method: &str, path: &str, extra: &str) -> String {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\n{extra}Connection: close\r\n\r\n"
    )
    .expect("write");
    let mut out = Vec::new();
    stream.read_to_end(&mut out).expect("read");
    String::from_utf8_lossy(&out).into_owned()
}

fn head_of(answer: &str) -> Vec<String> {
    answer
        .split("\r\n\r\n")
        .next()
        .unwrap_or_default()
        .lines()
        .skip(1)
        .map(|l| l.to_ascii_lowercase())
        .filter(|l| !l.starts_with("date:"))
        .collect()
}

#[cfg(unix)]
#[test]
fn a_cached_page_answered_before_the_layers_carries_every_header_they_add() {
    let mut child = Command::new(BIN)
        .args(["--bind", "127.0.0.1:0", "--public-url", "https://atlas.example"])
        .env("RUST_LOG", "info")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the binary");
    let mut lines = BufReader::new(child.stderr.take().expect("stderr")).lines();
    let addr = loop {
        let line = lines.next().expect("address").expect("line");
        if let Some(rest) = line.split("listening on http://").nth(1) {
            break rest.trim_end_matches('/').to_string();
        }
    };
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let path = "/plots/2023-12-cologne-vienna";
    // The first answer fills the cache (through the layers); the next ones come from it.
    let first = raw_request(&addr, "GET", path, "Accept-Encoding: br\r\n");
    let second = raw_request(&addr, "GET", path, "Accept-Encoding: br\r\n");
    assert!(second.starts_with("HTTP/1.1 200"), "{second}");
    assert_eq!(head_of(&first), head_of(&second), "the same headers either way");
    let head = head_of(&second);
    for want in [
        "content-encoding: br",
        "vary: accept-encoding",
        "cache-control: no-cache",
        "x-content-type-options: nosniff",
        "referrer-policy: no-referrer",
        "strict-transport-security: max-age=31536000",
        "content-type: text/html; charset=utf-8",
    ] {
        assert!(head.iter().any(|h| h == want), "{want} missing from {head:?}");
    }
    assert!(
        head.iter()
            .any(|h| h.starts_with("content-security-policy: default-src 'none'"))
    );
    let etag = head
        .iter()
        .find_map(|h| h.strip_prefix("etag: "))
        .expect("etag")
        .to_string();
    // The tag names the brotli body: 304 for a client that gets brotli, the identity body for one
    // that does not.
    let not_modified = raw_request(
        &addr,
        "GET",
        path,
        &format!("Accept-Encoding: br\r\nIf-None-Match: {etag}\r\n"),
    );
    assert!(not_modified.starts_with("HTTP/1.1 304"), "{not_modified}");
    let other_body = raw_request(&addr, "GET", path, &format!("If-None-Match: {etag}\r\n"));
    assert!(other_body.starts_with("HTTP/1.1 200"), "{other_body}");
    assert!(!head_of(&other_body).iter().any(|h| h == &format!("etag: {etag}")));
    let head_only = raw_request(&addr, "HEAD", path, "");
    assert!(
        head_only.starts_with("HTTP/1.1 200") && head_only.ends_with("\r\n\r\n"),
        "{head_only}"
    );
    // Every answer is logged, the cached ones too.
    let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
    let _ = child.wait();
    let log: Vec<String> = rx.try_iter().collect();
    let cached = log
        .iter()
        .filter(|l| l.contains("(cached)") && l.contains(path))
        .count();
    assert!(cached >= 3, "{log:#?}");
}
