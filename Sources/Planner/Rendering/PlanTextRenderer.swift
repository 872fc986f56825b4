/// Renders a plan for people, in Terraform's habits.
public enum PlanTextRenderer {
    /// The plan as text; ANSI colour only when `color` (the CLI passes isatty(stdout)).
    public static func render(_ plan: Plan, color: Bool = false) -> String {
        plan.isEmpty ? "No changes.\n" : plan.summary.line + "\n"
    }
}
