/// Where each part of the dashboard goes for a terminal size. Shared by the views and by
/// `update`, which needs the queue's height for paging and scrolling.
struct Layout: Equatable, Sendable {
    static let minimumSize = Size(width: 60, height: 16)
    /// From this width on, the detail pane sits beside the queue instead of below it.
    static let sideBySideWidth = 150

    let size: Size
    let header: Rect
    let queue: Rect
    let detail: Rect
    let footer: Rect
    let isSideBySide: Bool

    /// `queueLength` lets a short queue give its spare rows to the detail pane.
    init(size: Size, queueLength: Int = .max) {
        self.size = size
        let body = Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 2))
        header = Rect(x: 0, y: 0, width: size.width, height: 1)
        footer = Rect(x: 0, y: max(0, size.height - 1), width: size.width, height: 1)
        isSideBySide = size.width >= Self.sideBySideWidth
        if isSideBySide {
            let queueWidth = size.width * 11 / 20
            queue = Rect(x: 0, y: body.y, width: queueWidth, height: body.height)
            detail = Rect(x: queueWidth + 1, y: body.y, width: size.width - queueWidth - 1, height: body.height)
        } else {
            let queueHeight = max(5, min(body.height * 2 / 5 - 1, queueLength) + 1)
            queue = Rect(x: 0, y: body.y, width: size.width, height: queueHeight)
            detail = Rect(x: 0, y: body.y + queueHeight + 1, width: size.width,
                          height: max(0, body.height - queueHeight - 1))
        }
    }

    var isTooSmall: Bool {
        size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
    }

    /// Rows of orders the queue shows (its first row is the column titles).
    var queueRows: Int { max(0, queue.height - 1) }
}

extension Layout {
    /// The line between the list and the detail: down the middle side by side, across when stacked.
    func drawDivider(into screen: inout Screen) {
        if isSideBySide {
            for y in queue.y..<queue.maxY { screen.put("│", x: queue.maxX, y: y, style: Theme.border) }
        } else {
            screen.put(String(repeating: "─", count: size.width), x: 0, y: queue.maxY, style: Theme.border)
        }
    }
}
