// swift-tools-version:6.0
import PackageDescription

// The stages, each a target that sees only the stages before it:
//   C modules → PythonRuntime → PythonSyntax → Reader → Runner → Judge
//   → Verifier (the pipeline) → Reports → guidecheck (the CLI);
// Harness (benchmarks) beside the pipeline. GuideModel holds the plain data the
// stages pass to one another. docs/architecture.md draws the picture.
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
    ],
    targets: [
        // The C API of the libpython Debian's libpython3-dev provides.
        .systemLibrary(
            name: "CPython",
            path: "Sources/CPython",
            pkgConfig: "python3-embed",
            providers: [.apt(["libpython3-dev"])]),
        // The CommonMark reference parser Debian's libcmark-dev provides.
        .systemLibrary(name: "CMark", path: "Sources/CMark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        // Linux process control for the supervisor (pidfd, rlimits, subreaper).
        .target(name: "CProcessControl"),
        // The interpreter on its own thread, the GIL token, owned references,
        // exceptions as Swift errors, output capture, scripts as __main__.
        .target(name: "PythonRuntime", dependencies: ["CPython"]),
        // How guidecheck cuts a program into chunks and statements, written once
        // in Python and shared by the reader (which reads claims off statements)
        // and the runner (which instruments the same statements).
        .target(name: "PythonSyntax", dependencies: ["PythonRuntime"], resources: [.copy("Python")]),
        // Plain data every stage passes on: programs, claims and where they are,
        // probe plans, runs, verdicts.
        .target(name: "GuideModel"),
        // The user's YAML files (manifest, checks, benchmark catalog) read strictly:
        // unknown keys are errors with the file, the line and the nearest valid key.
        .target(name: "StrictYAML", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Source → Reading: snippet folders and their manifest, guides, the claim
        // rules for comments.
        .target(
            name: "Reader",
            dependencies: ["GuideModel", "PythonSyntax", "CMark", "StrictYAML", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Python")]),
        // RunRequest → [ModeRun]: forked, supervised, isolated runs. Knows nothing of claims.
        .target(
            name: "Runner",
            dependencies: ["GuideModel", "PythonSyntax", "CProcessControl"],
            resources: [.copy("Python")]),
        // Worker processes of guidecheck's own that speak JSON lines: the
        // verifier's and the benchmark harness's.
        .target(name: "Workers", dependencies: ["CProcessControl"]),
        // (claims, runs) → verdicts.
        .target(name: "Judge", dependencies: ["GuideModel"]),
        // The pipeline: snippets → jobs on workers (read, then run) → judged results.
        .target(name: "Verifier", dependencies: ["GuideModel", "Reader", "Runner", "Judge", "Workers"]),
        // The benchmark harness: the guide's performance and memory claims timed here.
        .target(
            name: "Harness",
            dependencies: ["GuideModel", "PythonRuntime", "PythonSyntax", "Workers", "StrictYAML", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Python")]),
        // The httpbin-style server on 127.0.0.1 the network fixture routes to.
        .target(name: "LoopbackHTTP", dependencies: ["CProcessControl"]),
        // What people read: the JSON documents, expected/ files, errata, JUnit XML,
        // CI annotations, Markdown, the HTML report, merged shards.
        .target(name: "Reports", dependencies: ["GuideModel", "Reader", "Judge", "Verifier", "Harness", "CProcessControl"]),
        // The command line.
        .executableTarget(
            name: "guidecheck",
            dependencies: [
                "PythonRuntime",
                "CProcessControl",
                "GuideModel",
                "Reader",
                "Runner",
                "Judge",
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
        .testTarget(
            name: "VerifierTests",
            dependencies: ["GuideModel", "Reader", "Runner", "Judge", "Verifier", "Reports", "Workers", "TestSupport"],
            exclude: ["Corpus"]),
        .testTarget(name: "HarnessTests", dependencies: ["Harness", "Reports", "TestSupport", "guidecheck"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "TestSupport"], exclude: ["Resources"]),
        .testTarget(name: "LoopbackHTTPTests", dependencies: ["LoopbackHTTP", "PythonRuntime", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["guidecheck", "TestSupport"], exclude: ["Corpus"]),
    ],
    swiftLanguageModes: [.v6]
)
