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
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.20.0"),
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
        // Linux process control for the supervisor (pidfd, rlimits, subreaper).
        .target(name: "CProcessControl"),
        // The httpbin-style server on 127.0.0.1 the network fixture routes to.
        .target(name: "LoopbackHTTP", dependencies: [.product(name: "FlyingFox", package: "FlyingFox")]),
        // Snippets → claims → runs → verdicts → snapshots and reports.
        .target(
            name: "Verifier",
            dependencies: ["PythonRuntime", "CProcessControl", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Python")]),
        // The benchmark harness: the guide's performance and memory claims timed here.
        .target(
            name: "Harness",
            dependencies: ["PythonRuntime", "CProcessControl", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Python")]),
        // What people read: JUnit XML, CI annotations, Markdown, the HTML report, merged shards.
        .target(name: "Reports", dependencies: ["Verifier", "Harness"]),
        // The command line.
        .executableTarget(
            name: "guidecheck",
            dependencies: [
                "PythonRuntime",
                "CProcessControl",
                "Verifier",
                "Harness",
                "Reports",
                "LoopbackHTTP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Shared by the test targets: the interpreter every in-process test uses,
        // scratch directories, running the guidecheck binary.
        .target(name: "TestSupport", dependencies: ["PythonRuntime"], path: "Tests/TestSupport"),
        .testTarget(name: "PythonRuntimeTests", dependencies: ["PythonRuntime", "TestSupport"]),
        .testTarget(name: "VerifierTests", dependencies: ["Verifier", "TestSupport"], exclude: ["Corpus"]),
        .testTarget(name: "HarnessTests", dependencies: ["Harness", "TestSupport", "guidecheck"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "TestSupport"], exclude: ["Resources"]),
        .testTarget(name: "CLITests", dependencies: ["guidecheck", "TestSupport"], exclude: ["Corpus"]),
    ],
    swiftLanguageModes: [.v6]
)
