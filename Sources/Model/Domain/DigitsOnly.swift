extension Int {
    /// A number written with ASCII digits only: no sign, no spaces. Dates and times in the
    /// store are read with it, so that `-1` or `+1` never pass as a month or an hour.
    init?(digits text: Substring) {
        guard !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return nil
        }
        self.init(text)
    }
}
