import Glibc

/// taskwarrior beside fours, when it is installed: the same commands a script runs, on as
/// many tasks as the store has orders, each task a line and an annotation (about 370 bytes,
/// where a generated order is about 2.5 KB).
extension BenchmarkRuns {
    func taskwarrior(tasks count: Int) -> BenchmarkFigures? {
        let data = "\(folder)/taskwarrior-\(count)"
        let settings = "\(folder)/taskrc-\(count)"
        let environment = ["TASKRC": settings, "HOME": folder, "PATH": "/usr/bin:/bin:/usr/local/bin", "LANG": "C.UTF-8"]
        guard let version = ProgramRun.run(["task", "--version"], environment: environment), version.succeeded,
              mkdir(data, 0o700) == 0,
              (try? BenchmarkFile.write("data.location=\(data)\nconfirmation=off\nverbose=nothing\nhooks=off\n", to: settings)) != nil,
              (try? BenchmarkFile.write(Self.pendingTasks(count), to: "\(data)/pending.data")) != nil else { return nil }
        // Its version as it printed it, but for white space and anything a terminal would act on.
        let printed = version.output.filter { ("!"..."~").contains($0) }
        var figures = BenchmarkFigures(name: "taskwarrior \(printed)", program: .peer, items: count)
        var status = stat()
        if stat("\(data)/pending.data", &status) == 0 { figures.fileMB = Double(status.st_size) / 1_048_576 }
        for _ in 0..<runs {
            time(commands: { round in
                [("command: list", ["task", "list"]), ("command: show", ["task", "2", "info"]),
                 ("command: note", ["task", "2", "annotate", "Benchmark note \(round)"]),
                 ("command: tick", ["task", "2", round % 2 == 0 ? "start" : "stop"]),
                 ("completion", ["task", "_ids"])]
            }, environment: environment, into: &figures)
        }
        return figures
    }

    /// taskwarrior's own file of pending tasks, one task a line.
    private static func pendingTasks(_ count: Int) -> String {
        let entered = 1_764_000_000
        return (1...count).map { number in
            let hex = String(number, radix: 16)
            let uuid = String(repeating: "0", count: 8 - hex.count) + hex + "-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
            return "[annotation_\(entered):\"Agreed with the stakeholder: short videos spread over the year, not one long session (\(number))\" "
                + "description:\"Re-shoot the forklift safety videos for the warehouse shift leads, same length (\(number))\" "
                + "entry:\"\(entered)\" modified:\"\(entered)\" priority:\"H\" project:\"training.safety\" "
                + "status:\"pending\" tags:\"safety,video\" uuid:\"\(uuid)\"]\n"
        }.joined()
    }
}
