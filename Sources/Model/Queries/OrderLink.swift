/// How one order names another it is linked to: its number and title, or that it is gone.
public enum OrderLink {
    public static func text(to id: Int, in document: StoreDocument) -> String {
        let name = document.shortID(ofNumber: id)
        return document.order(id: id).map { "\(name) “\($0.title)”" } ?? "\(name) (deleted)"
    }
}
