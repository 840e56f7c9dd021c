// swift-tools-version:5.9
// A separate Swift package that uses Avalo Core the way an app does: as a package dependency.
// Here it depends on ../../ffi-swift by path (scripts/test-swift-consumer.sh builds and tests
// it in the Swift root). In an app, pin the release instead:
//     .package(url: "<avalo-core git URL>", exact: Version(stringLiteral: avaloCoreVersion))
// (the git tag of a release is the workspace version; scripts/test-packages.sh checks that
// `avaloCoreVersion` below equals it).
import PackageDescription

/// The Avalo Core release this consumer is written against.
let avaloCoreVersion = "0.1.0"

let package = Package(
    name: "SwiftConsumer",
    platforms: [.iOS(.v15), .macOS(.v12)],
    dependencies: [
        .package(path: "../../ffi-swift"),
    ],
    targets: [
        .target(
            name: "ChatPricing",
            dependencies: [.product(name: "AvaloCore", package: "ffi-swift")],
            path: "Sources/ChatPricing"
        ),
        .testTarget(name: "ChatPricingTests", dependencies: ["ChatPricing"], path: "Tests/ChatPricingTests"),
    ]
)
