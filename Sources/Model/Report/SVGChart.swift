/// Small charts drawn as inline SVG, styled by the page's CSS classes, so that they follow
/// its light or dark colours and print as they show. Each is a picture of a table printed
/// beside it; its title and description are read out by screen readers.
enum SVGChart {
    struct Series {
        var name: String
        /// The CSS class that colours it.
        var style: String
        var values: [Int]
    }

    struct Bar {
        var label: String
        var value: Double
        /// The figure written at the bar's end.
        var text: String
        var style: String
    }

    /// Bars standing side by side, each made of the series stacked, with a legend.
    static func stacked(id: String, title: String, description: String, categories: [String], series: [Series],
                        notes: [String] = []) -> String {
        let (width, left, top) = (640, 36, 24)
        let slot = Double(width - left - 10) / Double(max(1, categories.count))
        let narrow = slot < 56
        // A narrow chart has a line more under its bars, for the years.
        let (height, bottom) = narrow ? (273, 53) : (260, 40)
        let totals = categories.indices.map { index in series.reduce(0) { $0 + $1.values[index] } }
        // Four steps of a whole number each: the scale reads 0, 2, 4, 6, 8, never 1.5.
        let step = max(1, ((totals.max() ?? 1) + 3) / 4)
        let most = step * 4
        let barWidth = min(48, slot * 0.6)
        let plotHeight = Double(height - bottom - top)
        var body = ""
        for tick in 0...4 {
            let y = Double(top) + plotHeight - plotHeight * Double(tick) / 4
            body += line(x1: Double(left), y1: y, x2: Double(width - 10), y2: y, style: "grid")
            body += text(String(tick * step), x: Double(left - 6), y: y + 4, anchor: "end", style: "axis")
        }
        // Labels and notes as wide as a slot allows: in narrow slots the month alone (its
        // year under it, at the first and at each January) and the note's first word, and
        // with very many, only every so many labelled; nothing runs into its neighbour or off
        // the chart.
        let every = max(1, Int((28 / slot).rounded(.up)))
        for (index, category) in categories.enumerated() {
            let x = Double(left) + slot * Double(index) + (slot - barWidth) / 2
            var y = Double(top) + plotHeight
            for entry in series where entry.values[index] > 0 {
                let barHeight = plotHeight * Double(entry.values[index]) / Double(most)
                y -= barHeight
                body += rect(x: x, y: y, width: barWidth, height: barHeight, style: entry.style,
                             label: "\(category), \(entry.name): \(entry.values[index])")
            }
            let words = category.split(separator: " ")
            if index % every == 0 {
                let label = narrow ? String(words.first ?? "") : category
                body += text(label, x: x + barWidth / 2, y: Double(height - bottom + 16), anchor: "middle", style: "axis")
                if narrow, words.count > 1, index == 0 || words.first == "Jan" {
                    body += text(String(words[1]), x: x + barWidth / 2, y: Double(height - bottom + 29), anchor: "middle", style: "axis")
                }
            }
            if index < notes.count, !notes[index].isEmpty, index % every == 0 {
                let note = narrow ? String(notes[index].split(separator: " ").first ?? "") : notes[index]
                body += text(note, x: x + barWidth / 2, y: y - 5, anchor: "middle", style: "note")
            }
        }
        var legendX = Double(left)
        for entry in series {
            body += rect(x: legendX, y: Double(height - 14), width: 10, height: 10, style: entry.style, label: nil)
            body += text(entry.name, x: legendX + 14, y: Double(height - 5), anchor: "start", style: "axis")
            legendX += 24 + Double(entry.name.count) * 7.2
        }
        return frame(id: id, title: title, description: description, width: width, height: height, body: body)
    }

    /// Bars lying one under another, each with its label before and its figure after.
    /// Bars side by side, one a row, each labelled on its left; a long label is wrapped
    /// at its words onto as many lines as it needs, never cut.
    static func horizontal(id: String, title: String, description: String, bars: [Bar], maximum: Double? = nil) -> String {
        let (width, row, line, left) = (640, 26, 14, 190)
        let labels = bars.map { wrapped($0.label, width: labelCharacters) }
        let height = labels.reduce(8) { $0 + row + line * ($1.count - 1) }
        let most = max(maximum ?? 0, bars.map(\.value).max() ?? 0, 0.000_001)
        let room = Double(width - left - 90)
        var body = ""
        var y = 4.0
        for (bar, label) in zip(bars, labels) {
            for (index, text) in label.enumerated() {
                body += self.text(text, x: Double(left - 8), y: y + 15 + Double(line * index), anchor: "end", style: "axis")
            }
            let length = room * bar.value / most
            body += rect(x: Double(left), y: y + 3, width: length, height: Double(row - 8), style: bar.style,
                         label: "\(bar.label): \(bar.text)")
            body += text(bar.text, x: Double(left) + length + 6, y: y + 15, anchor: "start", style: "axis")
            y += Double(row + line * (label.count - 1))
        }
        return frame(id: id, title: title, description: description, width: width, height: height, body: body)
    }

    /// How many characters of a label fit the room left of the bars, in the chart's type.
    static let labelCharacters = 26

    /// `text` in lines of at most `width` characters, broken between words (a word longer
    /// than a line is broken where it must).
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            var word = String(word)
            while word.count > width {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(word.prefix(width)))
                word = String(word.dropFirst(width))
            }
            if current.isEmpty {
                current = word
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    private static func frame(id: String, title: String, description: String, width: Int, height: Int, body: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" "
            + "aria-labelledby=\"\(id)-title \(id)-desc\"><title id=\"\(id)-title\">\(HTMLText.escaped(title))</title>"
            + "<desc id=\"\(id)-desc\">\(HTMLText.escaped(description))</desc>\(body)</svg>"
    }

    private static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    private static func rect(x: Double, y: Double, width: Double, height: Double, style: String, label: String?) -> String {
        "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(max(0, width)))\" height=\"\(number(max(0, height)))\" "
            + "class=\"\(style)\">" + (label.map { "<title>\(HTMLText.escaped($0))</title>" } ?? "") + "</rect>"
    }

    private static func line(x1: Double, y1: Double, x2: Double, y2: Double, style: String) -> String {
        "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" class=\"\(style)\"/>"
    }

    private static func text(_ content: String, x: Double, y: Double, anchor: String, style: String) -> String {
        "<text x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor)\" class=\"\(style)\">\(HTMLText.escaped(content))</text>"
    }
}

/// Text placed in HTML or SVG.
enum HTMLText {
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in TerminalSafety.visible(text).unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
