/// How one order names another it is linked to: its number and title, or that it is gone.
public enum OrderLink {
    public static func text(to id: Int, in document: StoreDocument) -> String {
        document.order(id: id).map { "#\($0.id) “\($0.title)”" } ?? "#\(id) (deleted)"
    }
}
