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
}
