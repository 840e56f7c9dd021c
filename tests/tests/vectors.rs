//! Runs every conformance vector file (and `AVALO_EXTRA_VECTORS`) through the Rust core.

#[test]
fn conformance_vectors() {
    let dirs = avalo_conformance::vector_dirs();
    let files = match avalo_conformance::vector_files(&dirs) {
        Ok(f) => f,
        Err(e) => panic!("cannot list vector files: {e}"),
    };
    let report = avalo_conformance::run_files(&files);
    for f in &report.failures {
        eprintln!("FAIL {f}");
    }
    println!("rust vectors: {} files", files.len());
    println!("{} passed, {} failed", report.passed, report.failures.len());
    assert!(report.passed > 0, "no vector case ran");
    assert!(report.failures.is_empty(), "{} vector cases failed", report.failures.len());
}
