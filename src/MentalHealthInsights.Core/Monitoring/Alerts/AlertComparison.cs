namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>The comparison of a rule's condition: <c>metric OPERATOR threshold</c>.</summary>
public enum AlertComparison
{
    /// <summary><c>&gt;</c></summary>
    GreaterThan,

    /// <summary><c>&gt;=</c></summary>
    GreaterThanOrEqual,

    /// <summary><c>&lt;</c></summary>
    LessThan,

    /// <summary><c>&lt;=</c></summary>
    LessThanOrEqual,

    /// <summary><c>==</c> (exact: meant for the 1/0 verdict metrics)</summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,
}
