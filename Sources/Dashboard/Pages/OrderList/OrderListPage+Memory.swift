import Model

extension OrderListPage {
    /// What an order list keeps of its own.
    struct Memory: PageMemory {
        var focus: Focus = .queue
        /// Index into the selected order's shown steps, in display order.
        var selectedStep = 0
        /// The first row of the list on screen.
        var queueScroll = 0
        /// Rows the detail pane is scrolled beyond where the part in focus puts it; back to
        /// 0 whenever the order, the step or the focus changes.
        var detailScroll = 0
        var showsHiddenSteps = false
        /// The search being typed, while `/` is active.
        var searchField: TextField?
        /// The order, step and focus the detail pane last followed.
        var detailFollows: AppState.DetailPlace?
    }
}

/// The order list in view, as its page keeps it.
extension AppState {
    private var list: OrderListPage.Memory {
        get { memories[OrderListPage.Memory.self, of: view] }
        set { memories[OrderListPage.Memory.self, of: view] = newValue }
    }

    var focus: Focus { get { list.focus } set { list.focus = newValue } }
    var selectedStep: Int { get { list.selectedStep } set { list.selectedStep = newValue } }
    var queueScroll: Int { get { list.queueScroll } set { list.queueScroll = newValue } }
    var detailScroll: Int { get { list.detailScroll } set { list.detailScroll = newValue } }
    var showsHiddenSteps: Bool { get { list.showsHiddenSteps } set { list.showsHiddenSteps = newValue } }
    var searchField: TextField? { get { list.searchField } set { list.searchField = newValue } }
    var detailFollows: DetailPlace? { get { list.detailFollows } set { list.detailFollows = newValue } }

    /// The selected order's steps as shown, with their sections.
    var shownSteps: [(section: ChecklistSection, step: ChecklistStep)] {
        selectedOrder?.checklist.steps(includingHidden: showsHiddenSteps) ?? []
    }

    var selectedStepEntry: (section: ChecklistSection, step: ChecklistStep)? {
        let steps = shownSteps
        return steps.indices.contains(selectedStep) ? steps[selectedStep] : nil
    }

    /// The orders the list has on screen.
    var ordersOnScreen: ArraySlice<Int> {
        let ids = queue.orderIDs
        return ids[min(queueScroll, ids.count)..<min(queueScroll + layout.queueRows, ids.count)]
    }

    /// What the detail pane follows: the order, the step and the focus.
    struct DetailPlace: Equatable, Sendable {
        var order: Int?
        var step: Int
        var focus: Focus
    }

    var detailPlace: DetailPlace { DetailPlace(order: selectedOrder?.id, step: selectedStep, focus: focus) }
}
