// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "guidecheck",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "guidecheck", targets: ["guidecheck"]),
        .library(name: "PythonRuntime", targets: ["PythonRuntime"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The C API of the libpython Debian's libpython3-dev provides.
        .systemLibrary(
            name: "CPython",
            path: "Sources/CPython",
            pkgConfig: "python3-embed",
            providers: [.apt(["libpython3-dev"])]),
        // The interpreter on its own thread, the GIL token, owned references,
        // exceptions as Swift errors, output capture, scripts as __main__.
        .target(name: "PythonRuntime", dependencies: ["CPython"]),
        // The command line.
        .executableTarget(
            name: "guidecheck",
            dependencies: [
                "PythonRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(name: "PythonRuntimeTests", dependencies: ["PythonRuntime"]),
        .testTarget(name: "CLITests", dependencies: ["guidecheck"]),
    ],
    swiftLanguageModes: [.v6]
)
