//! Compiles the archived dataset versions (`data/archive/{version}/`, packed by
//! `data/archive/release.sh`) into the binary, so `/v/{version}/…` needs no files at run time.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join("archive");
    println!("cargo::rerun-if-changed=data/archive");
    let mut files = Vec::new();
    // Each version is a directory; the tools beside them are not served.
    if let Ok(entries) = fs::read_dir(&root) {
        for entry in entries.flatten().filter(|e| e.path().is_dir()) {
            walk(&entry.path(), &mut files);
        }
    }
    files.sort();
    let mut code = String::from(
        "/// Every file of every archived version: (path under `data/archive`, bytes).\npub static FILES: &[(&str, &[u8])] = &[\n",
    );
    for path in files {
        let rel = path
            .strip_prefix(&root)
            .expect("under data/archive")
            .to_string_lossy()
            .replace('\\', "/");
        let _ = writeln!(code, "    ({rel:?}, include_bytes!({:?})),", path.display().to_string());
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("archive_files.rs");
    fs::write(out, code).expect("write the archive index");
    languages();
}

/// `data/{rel}` gzipped into `OUT_DIR/data/{rel}.gz`, for `include_bytes!`. The dataset is compiled
/// in compressed: read once at start-up, its 1 MB of JSON would otherwise stay mapped in the
/// running process (about 0.2 MB this way; README, Performance).
fn gzipped(manifest: &Path, rel: &str) -> PathBuf {
    use std::io::Write as _;
    let source = manifest.join("data").join(rel);
    println!("cargo::rerun-if-changed=data/{rel}");
    let text = fs::read(&source).unwrap_or_else(|e| panic!("{}: {e}", source.display()));
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("data")
        .join(format!("{rel}.gz"));
    fs::create_dir_all(out.parent().expect("a directory")).expect("create OUT_DIR/data");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&text).expect("compress in memory");
    fs::write(&out, gz.finish().expect("compress in memory")).expect("write the compressed data file");
    out
}

/// Compiles every language into the binary: its interface catalogue, the Fluent files of
/// `templates/i18n/{code}/` (one per part of the site), and, for every language but English (the
/// source), its translations of the data files, `data/{code}/*.json`. A new language needs only
/// those files.
fn languages() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let catalogues = manifest.join("templates").join("i18n");
    println!("cargo::rerun-if-changed=templates/i18n");
    let files_in = |dir: &Path, ext: &str| -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = fs::read_dir(dir)
            .map(|d| {
                d.flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == ext))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
    };
    let mut codes: Vec<String> = fs::read_dir(&catalogues)
        .expect("templates/i18n")
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    // English first: it is the source every other language translates.
    codes.sort_by_key(|c| (c != "en", c.clone()));
    let mut code = String::from(
        "/// Every language: (code, [(catalogue file, text)], [(data file, its translation, gzipped)]).\npub static LANGUAGES: &[(&str, Files, GzFiles)] = &[\n",
    );
    for lang in codes {
        let _ = write!(code, "    ({lang:?}, &[");
        let dir = catalogues.join(&lang);
        println!("cargo::rerun-if-changed=templates/i18n/{lang}");
        for file in files_in(&dir, "ftl") {
            let name = format!(
                "templates/i18n/{lang}/{}",
                file.file_name().expect("a file").to_string_lossy()
            );
            let _ = write!(code, "({name:?}, include_str!({:?})), ", file.display().to_string());
        }
        code.push_str("], &[");
        println!("cargo::rerun-if-changed=data/{lang}");
        for file in files_in(&manifest.join("data").join(&lang), "json") {
            let name = file.file_name().expect("a file").to_string_lossy().into_owned();
            let gz = gzipped(manifest, &format!("{lang}/{name}"));
            let _ = write!(code, "({name:?}, include_bytes!({:?})), ", gz.display().to_string());
        }
        code.push_str("]),\n");
    }
    code.push_str("];\n");
    // The source language's data files, gzipped too.
    code.push_str("/// The dataset's files: (name, gzipped JSON).\npub static DATA: GzFiles = &[\n");
    // Every JSON file at the top of data/: the files `model::FILES` names.
    println!("cargo::rerun-if-changed=data");
    for file in files_in(&manifest.join("data"), "json") {
        let name = file.file_name().expect("a file").to_string_lossy().into_owned();
        let gz = gzipped(manifest, &name);
        let _ = writeln!(code, "    ({name:?}, include_bytes!({:?})),", gz.display().to_string());
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("languages.rs");
    fs::write(out, code).expect("write the language index");
}
