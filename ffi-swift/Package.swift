// swift-tools-version:5.9
// The Swift package of Avalo Core: the UniFFI-generated bindings (AvaloCore) over the Rust
// library (C module AvaloCoreFFI), their XCTest tests, and the conformance runner.
//
// Here (Linux) AvaloCoreFFI is a system library: its module map links `libavalo_ffi`, found
// with `-Xlinker -L<dir>` (see scripts/test-swift.sh). In an iOS app, replace it with a
// `.binaryTarget` pointing at the XCFramework (see README.md).
import PackageDescription

let package = Package(
    name: "AvaloCore",
    platforms: [.iOS(.v15), .macOS(.v12)],
    products: [
        .library(name: "AvaloCore", targets: ["AvaloCore"]),
    ],
    targets: [
        .systemLibrary(name: "AvaloCoreFFI", path: "Sources/AvaloCoreFFI"),
        .target(name: "AvaloCore", dependencies: ["AvaloCoreFFI"], path: "Sources/AvaloCore"),
        .executableTarget(name: "AvaloConformance", dependencies: ["AvaloCore"], path: "Sources/AvaloConformance"),
        .testTarget(name: "AvaloCoreTests", dependencies: ["AvaloCore"], path: "Tests/AvaloCoreTests"),
    ]
)
