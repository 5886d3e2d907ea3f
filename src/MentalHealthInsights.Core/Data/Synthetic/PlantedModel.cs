namespace MentalHealthInsights.Core.Data.Synthetic;

/// <summary>
/// The logistic model planted in <see cref="SignalKind.Planted"/> data, public so that anyone can
/// check that training recovers it (docs/synthetic-data.md lists the same numbers):
/// <code>
/// logit = Intercept
///       + StressMedium·[Stress = Medium] + StressHigh·[Stress = High]
///       + SleepHoursPerHour·(Sleep − SleepHoursCenter)
///       + WorkHoursPerHour·(Work − WorkHoursCenter)
///       + PhysicalActivityPerHour·(Activity − PhysicalActivityCenter)
///       + ConsultationHistoryYes·[Consultation = Yes]
///       + AgePerYear·(Age − AgeCenter)
///       + OccupationHealthcare·[Occupation = Healthcare]
/// P(Mental_Health_Condition = Yes) = 1 / (1 + e^(−logit))
/// </code>
/// Stress, sleep, work hours and physical activity are the four main effects: each moves the
/// logit by 0.79–0.94 per standard deviation of the generated feature (stress: High vs Low
/// dummy), while the three minor effects move it by at most 0.15. The centres are the means of
/// the generated marginals, so the intercept keeps the prevalence near 50 %.
/// </summary>
public static class PlantedModel
{
    /// <summary>Log-odds of a Low-stress, non-consulting, non-Healthcare person at the centres.</summary>
    public const double Intercept = -1.2;

    /// <summary>Added to the logit when Stress_Level is Medium (reference: Low).</summary>
    public const double StressMedium = 1.0;

    /// <summary>Added to the logit when Stress_Level is High (reference: Low).</summary>
    public const double StressHigh = 2.0;

    /// <summary>Per hour of sleep per day above <see cref="SleepHoursCenter"/>: short sleep raises risk.</summary>
    public const double SleepHoursPerHour = -0.5;

    /// <summary>Per work hour per week above <see cref="WorkHoursCenter"/>: long hours raise risk.</summary>
    public const double WorkHoursPerHour = 0.06;

    /// <summary>Per hour of physical activity per week above <see cref="PhysicalActivityCenter"/>: activity lowers risk.</summary>
    public const double PhysicalActivityPerHour = -0.25;

    /// <summary>Minor effect: added when Consultation_History is Yes.</summary>
    public const double ConsultationHistoryYes = 0.3;

    /// <summary>Minor effect: per year of age above <see cref="AgeCenter"/> (younger people are at slightly higher risk).</summary>
    public const double AgePerYear = -0.01;

    /// <summary>Minor effect: added when Occupation is Healthcare.</summary>
    public const double OccupationHealthcare = 0.25;

    /// <summary>Centre of Sleep_Hours (the mean of the generated 4.0–10.0 range).</summary>
    public const double SleepHoursCenter = 7.0;

    /// <summary>Centre of Work_Hours (the mean of the generated 30–80 range).</summary>
    public const double WorkHoursCenter = 55.0;

    /// <summary>Centre of Physical_Activity_Hours (the mean of the generated 0–10 range).</summary>
    public const double PhysicalActivityCenter = 5.0;

    /// <summary>Centre of Age (the mean of the generated 18–65 range).</summary>
    public const double AgeCenter = 41.5;

    /// <summary>
    /// The same model's intercept when the numeric features enter uncentred, i.e. what a logistic
    /// regression on the raw columns should recover (0.665).
    /// </summary>
    public const double UncenteredIntercept =
        Intercept
        - (SleepHoursPerHour * SleepHoursCenter)
        - (WorkHoursPerHour * WorkHoursCenter)
        - (PhysicalActivityPerHour * PhysicalActivityCenter)
        - (AgePerYear * AgeCenter);

    /// <summary>
    /// A person with the condition has Medium severity from this probability of the condition
    /// on (Low below it). Chosen so that Low, Medium and High each hold about a third of the
    /// positives.
    /// </summary>
    public const double SeverityMediumFrom = 0.60;

    /// <summary>A person with the condition has High severity from this probability of the condition on.</summary>
    public const double SeverityHighFrom = 0.83;

    /// <summary>
    /// The planted log-odds of the condition for <paramref name="record"/>. Defined for complete
    /// records (generated ones always are); a missing value contributes nothing, i.e. counts as
    /// its centre or as the reference category.
    /// </summary>
    public static double Logit(MentalHealthRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Logit(
            record.Age,
            record.Occupation,
            record.ConsultationHistory,
            record.StressLevel,
            record.SleepHours,
            record.WorkHours,
            record.PhysicalActivityHours
        );
    }

    /// <summary>The planted probability of the condition for <paramref name="record"/>, in (0, 1).</summary>
    public static double Probability(MentalHealthRecord record) => Sigmoid(Logit(record));

    /// <summary>
    /// The severity the generator assigns: "None" without the condition; otherwise Low, Medium or
    /// High by <paramref name="probability"/> against <see cref="SeverityMediumFrom"/> and
    /// <see cref="SeverityHighFrom"/>.
    /// </summary>
    public static string SeverityFor(bool hasCondition, double probability) =>
        !hasCondition ? DatasetSchema.SeverityLevels[0]
        : probability >= SeverityHighFrom ? DatasetSchema.SeverityLevels[3]
        : probability >= SeverityMediumFrom ? DatasetSchema.SeverityLevels[2]
        : DatasetSchema.SeverityLevels[1];

    internal static double Logit(
        double age,
        string? occupation,
        bool? consultationHistory,
        string? stressLevel,
        double sleepHours,
        double workHours,
        double physicalActivityHours
    )
    {
        var logit = Intercept;
        if (string.Equals(stressLevel, "Medium", StringComparison.Ordinal))
        {
            logit += StressMedium;
        }
        else if (string.Equals(stressLevel, "High", StringComparison.Ordinal))
        {
            logit += StressHigh;
        }

        logit += Centered(sleepHours, SleepHoursCenter) * SleepHoursPerHour;
        logit += Centered(workHours, WorkHoursCenter) * WorkHoursPerHour;
        logit += Centered(physicalActivityHours, PhysicalActivityCenter) * PhysicalActivityPerHour;
        logit += Centered(age, AgeCenter) * AgePerYear;
        if (consultationHistory == true)
        {
            logit += ConsultationHistoryYes;
        }

        if (string.Equals(occupation, "Healthcare", StringComparison.Ordinal))
        {
            logit += OccupationHealthcare;
        }

        return logit;
    }

    internal static double Sigmoid(double logit) => 1.0 / (1.0 + Math.Exp(-logit));

    private static double Centered(double value, double center) =>
        double.IsFinite(value) ? value - center : 0.0;
}
