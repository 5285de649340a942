// swift-tools-version: 6.2
import PackageDescription

let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "fours",
    products: [
        .executable(name: "fours", targets: ["Dashboard"]),
        .executable(name: "fours-reliability", targets: ["Reliability"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(
            name: "CNcurses",
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),
        .target(name: "Model", swiftSettings: strict),
        .executableTarget(
            name: "Dashboard",
            dependencies: [
                "Model", "CNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .target(name: "TestSupport", dependencies: ["Model"], path: "Tests/TestSupport", swiftSettings: strict),
        .executableTarget(
            name: "Reliability",
            dependencies: ["Model", "TestSupport", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Tests/Reliability",
            swiftSettings: strict
        ),
        .testTarget(name: "ModelTests", dependencies: ["Model", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "Model", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "EndToEndTests", dependencies: ["Model", "TestSupport"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
