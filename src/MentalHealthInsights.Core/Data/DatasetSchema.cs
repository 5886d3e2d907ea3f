namespace MentalHealthInsights.Core.Data;

/// <summary>
/// The "Comprehensive Mental Health Insights" schema: column names, canonical category
/// spellings and the role of every column. The single source of truth for ingestion,
/// generation, EDA and (later) features.
/// </summary>
public static class DatasetSchema
{
    public const string UserId = "User_ID";
    public const string Age = "Age";
    public const string Gender = "Gender";
    public const string Occupation = "Occupation";
    public const string Country = "Country";
    public const string MentalHealthCondition = "Mental_Health_Condition";
    public const string Severity = "Severity";
    public const string ConsultationHistory = "Consultation_History";
    public const string StressLevel = "Stress_Level";
    public const string SleepHours = "Sleep_Hours";
    public const string WorkHours = "Work_Hours";
    public const string PhysicalActivityHours = "Physical_Activity_Hours";

    /// <summary>The canonical category used for values outside a known list.</summary>
    public const string Other = "Other";

    /// <summary>All twelve columns, in the public dataset's order (the order files are written in).</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        UserId,
        Age,
        Gender,
        Occupation,
        Country,
        MentalHealthCondition,
        Severity,
        ConsultationHistory,
        StressLevel,
        SleepHours,
        WorkHours,
        PhysicalActivityHours,
    ];

    /// <summary>Numeric columns (missing values allowed, imputed later).</summary>
    public static IReadOnlyList<string> NumericColumns { get; } =
    [Age, SleepHours, WorkHours, PhysicalActivityHours];

    /// <summary>Categorical columns that are model features.</summary>
    public static IReadOnlyList<string> CategoricalColumns { get; } =
    [Gender, Occupation, Country, ConsultationHistory, StressLevel];

    /// <summary>Known genders; an unknown value is mapped to <see cref="Other"/> and counted.</summary>
    public static IReadOnlyList<string> Genders { get; } =
    ["Female", "Male", "Non-binary", "Prefer not to say"];

    /// <summary>Known occupations (includes <see cref="Other"/>).</summary>
    public static IReadOnlyList<string> Occupations { get; } =
    ["IT", "Healthcare", "Engineering", "Finance", "Sales", "Education", Other];

    /// <summary>Known countries (includes <see cref="Other"/>).</summary>
    public static IReadOnlyList<string> Countries { get; } =
    ["USA", "UK", "Canada", "Germany", "India", "Australia", Other];

    /// <summary>Severity levels. Severity is an outcome: it leaks the target and is never a feature.</summary>
    public static IReadOnlyList<string> SeverityLevels { get; } = ["None", "Low", "Medium", "High"];

    /// <summary>Stress levels, in increasing order.</summary>
    public static IReadOnlyList<string> StressLevels { get; } = ["Low", "Medium", "High"];

    /// <summary>Values of the binary Yes/No columns.</summary>
    public static IReadOnlyList<string> YesNo { get; } = ["Yes", "No"];
}
