import Model
import TestSupport
import Testing

extension EndToEnd {
    /// The report as a reader sees it: written by the real binary, rendered in a real browser.
    @Suite struct ReportEndToEndTests: OnADemoStore {
        let demo: DemoStoreFolder

        /// Chromium, headless, with a screen of its own size; fails with the reason when it is not there.
        private func chromium(_ arguments: [String]) throws -> Command.Result {
            let result = Command.run(["/usr/bin/env", "chromium", "--headless", "--no-sandbox", "--disable-gpu",
                                      "--hide-scrollbars", "--user-data-dir=\(folder.file("browser"))"] + arguments,
                                     environment: ["HOME": folder.path, "PATH": ProcessEnvironment.current["PATH"] ?? "/usr/bin:/bin"])
            guard result.status != 127 else {
                throw TestFailure("chromium is not installed (.ci/run installs it: apt-get install chromium)")
            }
            return result
        }

        /// At 1280 px, at 600 px and printed: no table runs past its column, no chart label past
        /// its chart (measured as the page is parsed, at its end: a load event may come after
        /// the DOM is dumped). Printed: the page's print rules applied on screen, at the width
        /// an A4 page leaves between its margins (210 - 2 x 14 mm, 688 px at 96 px an inch).
        private func expectNothingRunsOver(_ html: String, name: String) throws {
            let measure = """
                <script>(() => { const out = [];
                for (const t of document.querySelectorAll('table')) { if (t.getBoundingClientRect().right > t.parentElement.getBoundingClientRect().right + 1) out.push(t.querySelector('caption').textContent); }
                for (const svg of document.querySelectorAll('svg')) { const v = svg.viewBox.baseVal;
                  for (const text of svg.querySelectorAll('text')) { const b = text.getBBox(); if (b.x < v.x - 0.5 || b.x + b.width > v.x + v.width + 0.5) out.push(text.textContent); } }
                document.body.setAttribute('data-overflow', JSON.stringify(out)); })();</script>
                """
            let measured = folder.file("measured.html")
            try FileText.write(html.replacingOccurrences(of: "</body>", with: measure + "</body>"), to: measured)
            let printed = folder.file("printed.html")
            try #require(html.contains("@media print{"))
            try FileText.write(html.replacingOccurrences(of: "@media print{", with: "@media all{")
                .replacingOccurrences(of: "</body>", with: measure + "</body>"), to: printed)
            for (how, width, file) in [("at 1280 px", 1280, measured), ("at 600 px", 600, measured), ("printed on A4", 688, printed)] {
                let dom = try chromium(["--window-size=\(width),2400", "--dump-dom", "file://\(file)"])
                #expect(dom.output.contains("data-overflow=\"[]\""),
                        "\(name), \(how): \(dom.output.split(separator: "<").first { $0.contains("data-overflow") } ?? "not measured")")
            }
        }

        @Test func theReportRendersInARealBrowserWithEveryChart() throws {
            let fours = try TmuxSession.binary()
            let page = folder.file("report.html")
            let written = Command.run([fours, "report", "--store", demo.store, "--from", "2026-06-01", "--out", page])
            #expect(written.status == 0 && written.output.hasPrefix("Wrote \(page): Learning & Development: the partnership story"),
                    "\(written.output)")
            let html = try #require(FileText.read(page))

            let shot = folder.file("report.png")
            _ = try chromium(["--window-size=1000,2400", "--screenshot=\(shot)", "file://\(page)"])
            let blankPage = folder.file("blank.html")
            try FileText.write("<!DOCTYPE html><html><body></body></html>", to: blankPage)
            let blankShot = folder.file("blank.png")
            _ = try chromium(["--window-size=1000,2400", "--screenshot=\(blankShot)", "file://\(blankPage)"])
            let (size, blank) = (FileText.read(shot)?.utf8.count ?? 0, FileText.read(blankShot)?.utf8.count ?? 0)
            #expect(blank > 0 && size > blank * 5, "the rendered page is not blank (\(size) bytes against \(blank) for a blank one)")

            try expectNothingRunsOver(html, name: "one store")
            // A department's report, with a chart of its teams (their names long: the files').
            let other = folder.file("operations.json")
            try FileText.write(try #require(FileText.read(demo.store)), to: other)
            let department = Command.run([fours, "report", "--store", demo.store, "--store", other, "--from", "2026-06-01", "--out", page])
            #expect(department.status == 0, "\(department.output)")
            let departmentHTML = try #require(FileText.read(page))
            #expect(departmentHTML.contains("<svg") && departmentHTML.contains("id=\"teams-title\""))
            try expectNothingRunsOver(departmentHTML, name: "two stores")
            try FileText.write(html, to: page)

            let rendered = try chromium(["--dump-dom", "file://\(page)"])
            #expect(rendered.status == 0)
            #expect(rendered.output.contains("<h2>The period at a glance</h2>"))
            for title in ["The spectrum over time", "How orders arrived", "4S completion", "Delivered, measured and valued",
                          "Stakeholders who moved", "Touchpoints kept and missed", "The three R's", "Decisions at intake"] {
                #expect(rendered.output.contains("<h2>\(title.replacingOccurrences(of: "'", with: "&#39;"))</h2>")
                            || rendered.output.contains("<h2>\(title)</h2>"), "\(title) is on the page")
                #expect(html.contains("-title\">\(title.replacingOccurrences(of: "'", with: "&#39;"))</title>"),
                        "\(title) has a chart with its title")
            }

            let json = Command.run([fours, "report", "--store", demo.store, "--format", "json"])
            #expect(json.status == 0)
            _ = try JSONReader.parse(Array(json.output.utf8))
            let markdown = Command.run([fours, "report", "--store", demo.store, "--format", "markdown"])
            #expect(markdown.output.contains("\n## Decisions at intake\n"))
            let backwards = Command.run([fours, "report", "--store", demo.store, "--from", "2026-12-01", "--to", "2026-11-01"])
            #expect(backwards.status == 1 && backwards.output.contains("--from 2026-12-01 is after --to 2026-11-01"))
        }
    }
}
