// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Fritekst",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "fritekst", targets: ["fritekst"]),
        .library(name: "FritekstPipeline", targets: ["FritekstPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
    ],
    targets: [
        // C: ICU behind an ICU-free header (see shared/design/system-libraries.md, section 1).
        .target(name: "CNoICU",
                linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]),
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),          // no .pc file
        .systemLibrary(name: "CHunspell", pkgConfig: "hunspell", providers: [.apt(["libhunspell-dev", "hunspell-no"])]),
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CReadStat", providers: [.apt(["libreadstat-dev"])]),   // no .pc file

        .target(name: "FritekstCore", swiftSettings: swiftSettings),
        .target(name: "FritekstIngest",
                dependencies: ["FritekstCore", "CLibXML2", "CReadStat",
                               .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                swiftSettings: swiftSettings),
        .target(name: "FritekstText", dependencies: ["FritekstCore", "CNoICU"], swiftSettings: swiftSettings),
        .target(name: "FritekstMorphology", dependencies: ["CStemmer", "CHunspell"], swiftSettings: swiftSettings),
        .target(name: "FritekstLexicon", dependencies: ["FritekstCore", "FritekstIngest", "FritekstText", "FritekstMorphology", "Yams"],
                swiftSettings: swiftSettings),
        .target(name: "FritekstCoding", dependencies: ["FritekstCore", "FritekstText", "FritekstLexicon"],
                swiftSettings: swiftSettings),
        .target(name: "FritekstPrivacy", dependencies: ["FritekstCore"], swiftSettings: swiftSettings),
        .target(name: "FritekstAnalysis", dependencies: ["FritekstCore", "FritekstCoding"], swiftSettings: swiftSettings),
        .target(name: "FritekstReport", dependencies: ["FritekstCore", "FritekstAnalysis", "FritekstCoding", "FritekstLexicon", "FritekstPrivacy", "CXlsxWriter", "CReadStat"],
                swiftSettings: swiftSettings),
        .target(name: "FritekstPipeline",
                dependencies: ["FritekstCore", "FritekstIngest", "FritekstText", "FritekstMorphology", "FritekstLexicon", "FritekstCoding",
                               "FritekstAnalysis", "FritekstReport", "FritekstPrivacy", "Yams",
                               .product(name: "Logging", package: "swift-log")],
                swiftSettings: swiftSettings),
        .executableTarget(name: "fritekst-bench", dependencies: ["FritekstPipeline", "FritekstText", "FritekstCore"],
                          path: "Benchmarks/fritekst-bench", swiftSettings: swiftSettings),
        .executableTarget(name: "fritekst-ingest-bench", dependencies: ["FritekstIngest", "FritekstCore"],
                          path: "Benchmarks/fritekst-ingest-bench", swiftSettings: swiftSettings),
        // libFuzzer harnesses (scripts/fuzz builds them with -sanitize=fuzzer,address -parse-as-library).
        .target(name: "FuzzSupport", path: "Fuzz/FuzzSupport", swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzCSV", dependencies: ["FritekstIngest", "FritekstCore", "FuzzSupport"], path: "Fuzz/FuzzCSV",
                          swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzXLSX", dependencies: ["FritekstIngest", "FritekstCore", "FuzzSupport"], path: "Fuzz/FuzzXLSX",
                          swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzCodebook", dependencies: ["FritekstLexicon", "FritekstCore", "FuzzSupport"], path: "Fuzz/FuzzCodebook",
                          swiftSettings: swiftSettings),
        .executableTarget(name: "fritekst",
                          dependencies: ["FritekstPipeline", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                                         .product(name: "Logging", package: "swift-log")],
                          swiftSettings: swiftSettings),

        .testTarget(name: "FritekstCoreTests", dependencies: ["FritekstCore"]),
        .testTarget(name: "FritekstIngestTests", dependencies: ["FritekstIngest", "FritekstReport", "CReadStat"]),
        .testTarget(name: "FritekstTextTests", dependencies: ["FritekstText"]),
        .testTarget(name: "FritekstMorphologyTests", dependencies: ["FritekstMorphology"], resources: [.copy("Resources")]),
        .testTarget(name: "FritekstLexiconTests", dependencies: ["FritekstLexicon"]),
        .testTarget(name: "FritekstCodingTests", dependencies: ["FritekstCoding", "FritekstLexicon", "FritekstText"]),
        .testTarget(name: "FritekstAnalysisTests", dependencies: ["FritekstAnalysis"]),
        .testTarget(name: "FritekstReportTests", dependencies: ["FritekstReport", "FritekstCore", "FritekstCoding", "FritekstLexicon", "FritekstPrivacy", "FritekstText"]),
        .testTarget(name: "FritekstPrivacyTests", dependencies: ["FritekstPrivacy"], exclude: ["Resources"]),
        .testTarget(name: "EndToEndTests", dependencies: ["FritekstPipeline"]),
    ],
    swiftLanguageModes: [.v6]
)
