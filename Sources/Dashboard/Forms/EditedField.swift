import Model

/// A field of a value as a form shows it and takes it back: one entry for both, named as in
/// the value's field table, so a field cannot be shown but not saved, or saved but not shown.
struct EditedField<Root>: Sendable {
    /// The field's name in the value's table (`OrderDetails.mergeFields` and the like).
    let name: String
    let make: @Sendable (Root) -> FormField
    /// Puts what was typed back into the value; nil for a field its form takes itself.
    let take: (@Sendable (Form, inout Root, CalendarDay) throws(FormError) -> Void)?

    static func text(_ name: String, _ id: FieldID, _ label: String, _ path: WritableKeyPath<Root, String> & Sendable,
                     hint: String = "", required what: String? = nil) -> Self {
        Self(name: name, make: { FormField(id, label, $0[keyPath: path], hint: hint) }) { form, root, _ throws(FormError) in
            if let what { _ = try form.required(id, what).get() }
            root[keyPath: path] = form[id]
        }
    }

    /// Comma-separated entries.
    static func list(_ name: String, _ id: FieldID, _ label: String, _ path: WritableKeyPath<Root, [String]> & Sendable,
                     hint: String) -> Self {
        Self(name: name, make: { FormField(id, label, $0[keyPath: path].joined(separator: ", "), hint: hint) }) { form, root, _ throws(FormError) in
            root[keyPath: path] = form.list(id)
        }
    }

    /// One of `options`, each a value and how the form writes it.
    static func choice<Value: Equatable & Sendable>(
        _ name: String, _ id: FieldID, _ label: String, _ path: WritableKeyPath<Root, Value> & Sendable,
        options: [(value: Value, text: String)], hint: String = "") -> Self {
        Self(name: name, make: { root in
            let text = options.first { $0.value == root[keyPath: path] }?.text ?? options[0].text
            return FormField(id, label, text, kind: .choice(options.map(\.text)), hint: hint)
        }) { form, root, _ throws(FormError) in
            if let option = options.first(where: { $0.text == form[id] }) { root[keyPath: path] = option.value }
        }
    }

    /// A day: YYYY-MM-DD, today, +3d...; empty for none.
    static func day(_ name: String, _ id: FieldID, _ label: String, _ path: WritableKeyPath<Root, CalendarDay?> & Sendable,
                    hint: String) -> Self {
        Self(name: name, make: { FormField(id, label, $0[keyPath: path]?.description ?? "", hint: hint) }) { form, root, today throws(FormError) in
            root[keyPath: path] = try form.date(id, today: today).get()
        }
    }

    /// A day that must be given; `missing` says so when it is not.
    static func day(_ name: String, _ id: FieldID, _ label: String, _ path: WritableKeyPath<Root, CalendarDay> & Sendable,
                    hint: String, missing: String) -> Self {
        Self(name: name, make: { FormField(id, label, $0[keyPath: path].description, hint: hint) }) { form, root, today throws(FormError) in
            guard let day = try form.date(id, today: today).get() else { throw FormError(field: id, message: missing) }
            root[keyPath: path] = day
        }
    }

    static func wholeNumber(_ name: String, _ id: FieldID, _ label: String, _ path: WritableKeyPath<Root, Int?> & Sendable,
                            in range: ClosedRange<Int>, hint: String = "") -> Self {
        Self(name: name, make: { FormField(id, label, $0[keyPath: path].map(String.init) ?? "", hint: hint) }) { form, root, _ throws(FormError) in
            root[keyPath: path] = try form.wholeNumber(id, in: range).get()
        }
    }

    static func number(_ name: String, _ id: FieldID, _ label: String, _ path: WritableKeyPath<Root, Double?> & Sendable,
                       in range: ClosedRange<Double>, hint: String = "") -> Self {
        Self(name: name, make: { FormField(id, label, $0[keyPath: path].map(PlainNumber.text) ?? "", hint: hint) }) {
            form, root, _ throws(FormError) in
            root[keyPath: path] = try form.number(id, in: range).get()
        }
    }
}

extension Array {
    /// Takes every field of a form back into `root`, stopping at the first that is refused.
    func take<Root>(_ form: Form, into root: inout Root, today: CalendarDay) throws(FormError) where Element == EditedField<Root> {
        for field in self { try field.take?(form, &root, today) }
    }
}
