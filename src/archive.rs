//! Released dataset versions, kept as they were served: the output of `iskp-atlas export` for each,
//! packed by `data/archive/release.sh` into `data/archive/{version}/` (every file gzipped, and
//! `MANIFEST.sha256` with the SHA-256 of each file's content) and compiled into the binary by
//! `build.rs`. `/v/{version}/…` answers from here; [`RELEASED`] pins each manifest, so an archive
//! cannot change by accident.

use std::collections::BTreeMap;
use std::io::Read;

use sha2::{Digest, Sha256};

include!(concat!(env!("OUT_DIR"), "/archive_files.rs"));

/// Each released version with the SHA-256 of its `MANIFEST.sha256`. A release adds a line; no line
/// ever changes.
pub const RELEASED: &[(&str, &str)] = &[
    (
        "1.0.0",
        "2a69f7d60d44ed4d1e3c38facfa809da686355be2497fb871c01cb29aeb4089d",
    ),
    (
        "1.1.0",
        "065d7350e8f19f99526801fcf632ec50de1da9f9b0c4c668fdb44a287e8c1d94",
    ),
    (
        "1.2.0",
        "f5540cdec071cceb321ac4973ab4fb130c2fc060adf1762600292919ce898010",
    ),
];

/// One archived version: its files (gzipped) by name, e.g. `plots/2022-11-strasbourg.html`.
#[derive(Debug)]
pub struct Version {
    pub name: &'static str,
    pub manifest: &'static str,
    files: BTreeMap<&'static str, &'static [u8]>,
}

/// Every archived version, oldest first.
#[derive(Debug, Default)]
pub struct Archive {
    versions: Vec<Version>,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// `1.10.0` after `1.9.0`.
fn version_key(v: &str) -> Vec<u32> {
    v.split('.').map(|p| p.parse().unwrap_or(0)).collect()
}

impl Archive {
    /// The versions compiled into the binary.
    pub fn embedded() -> Archive {
        Archive::from_files(FILES)
    }

    /// Groups `version/path` entries into versions.
    pub fn from_files(files: &[(&'static str, &'static [u8])]) -> Archive {
        let mut by_version: BTreeMap<&'static str, Version> = BTreeMap::new();
        for &(path, bytes) in files {
            let Some((name, rest)) = path.split_once('/') else {
                continue;
            };
            let version = by_version.entry(name).or_insert_with(|| Version {
                name,
                manifest: "",
                files: BTreeMap::new(),
            });
            if rest == "MANIFEST.sha256" {
                version.manifest = std::str::from_utf8(bytes).unwrap_or_default();
            } else if let Some(file) = rest.strip_suffix(".gz") {
                version.files.insert(file, bytes);
            }
        }
        let mut versions: Vec<Version> = by_version.into_values().collect();
        versions.sort_by_key(|v| version_key(v.name));
        Archive { versions }
    }

    pub fn versions(&self) -> &[Version] {
        &self.versions
    }

    pub fn version(&self, name: &str) -> Option<&Version> {
        self.versions.iter().find(|v| v.name == name)
    }
}

/// The file an address under `/v/{version}/` means: `` → `index.html`, `plots/x` → `plots/x.html`,
/// names with an extension as they are.
pub fn file_name(path: &str) -> String {
    crate::export::file_for(&format!("/{}", path.trim_start_matches('/')))
}

impl Version {
    /// The gzipped bytes of `name`, if the version has it.
    pub fn gzipped(&self, name: &str) -> Option<&'static [u8]> {
        self.files.get(name).copied()
    }

    /// The content of `name`.
    pub fn read(&self, name: &str) -> Option<Vec<u8>> {
        let gz = self.gzipped(name)?;
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(gz).read_to_end(&mut out).ok()?;
        Some(out)
    }

    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.files.keys().copied()
    }

    /// The plots as this version's API served them (`api/plots.json`).
    pub fn plots_json(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(&self.read("api/plots.json")?).ok()
    }

    /// Every problem with this version's content: a file whose SHA-256 is not its manifest's, a
    /// file missing from either side, or a manifest that is not the one [`RELEASED`] pins.
    pub fn verify(&self) -> Vec<String> {
        let mut problems = Vec::new();
        match RELEASED.iter().find(|(name, _)| *name == self.name) {
            None => problems.push(format!("{}: not listed in RELEASED", self.name)),
            Some((_, pinned)) => {
                let actual = sha256_hex(self.manifest.as_bytes());
                if actual != *pinned {
                    problems.push(format!("{}: MANIFEST.sha256 is {actual}, pinned {pinned}", self.name));
                }
            }
        }
        let mut listed = 0;
        for line in self.manifest.lines() {
            let Some((sum, name)) = line.split_once("  ") else {
                problems.push(format!("{}: manifest line '{line}'", self.name));
                continue;
            };
            listed += 1;
            match self.read(name) {
                None => problems.push(format!("{}: {name} is in the manifest but not archived", self.name)),
                Some(body) if sha256_hex(&body) != sum => {
                    problems.push(format!("{}: {name} differs from its manifest", self.name));
                }
                Some(_) => {}
            }
        }
        if listed != self.files.len() {
            problems.push(format!(
                "{}: {} files archived, {listed} in the manifest",
                self.name,
                self.files.len()
            ));
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_map_to_the_exported_files() {
        assert_eq!(file_name(""), "index.html");
        assert_eq!(file_name("/"), "index.html");
        assert_eq!(file_name("plots/2022-11-strasbourg"), "plots/2022-11-strasbourg.html");
        assert_eq!(
            file_name("plots/2022-11-strasbourg.html"),
            "plots/2022-11-strasbourg.html"
        );
        assert_eq!(file_name("api/plots.json"), "api/plots.json");
    }

    #[test]
    fn every_released_version_is_archived_unchanged() {
        let archive = Archive::embedded();
        let names: Vec<&str> = archive.versions().iter().map(|v| v.name).collect();
        let released: Vec<&str> = RELEASED.iter().map(|(v, _)| *v).collect();
        assert_eq!(names, released, "every released version has an archive, and no other");
        for v in archive.versions() {
            assert_eq!(v.verify(), Vec::<String>::new());
            assert!(v.read("index.html").is_some() && v.plots_json().is_some(), "{}", v.name);
        }
    }

    #[test]
    fn a_changed_byte_or_manifest_is_caught() {
        let good = Archive::embedded();
        let v = &good.versions()[0];
        let gz = |body: &[u8]| {
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            std::io::Write::write_all(&mut e, body).expect("gzip");
            e.finish().expect("gzip")
        };
        // The same version with one file's content changed.
        let changed: &'static [u8] = Box::leak(gz(b"<p>not what was served</p>").into_boxed_slice());
        let mut files: Vec<(&'static str, &'static [u8])> = FILES
            .iter()
            .filter(|(p, _)| p.starts_with(&format!("{}/", v.name)))
            .copied()
            .collect();
        let index = format!("{}/index.html.gz", v.name);
        for f in &mut files {
            if f.0 == index {
                f.1 = changed;
            }
        }
        let tampered = Archive::from_files(&files);
        let problems = tampered.versions()[0].verify();
        assert_eq!(problems, [format!("{}: index.html differs from its manifest", v.name)]);
    }
}
