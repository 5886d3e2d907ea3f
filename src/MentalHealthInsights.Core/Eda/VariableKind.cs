namespace MentalHealthInsights.Core.Eda;

/// <summary>Whether a variable is analysed as numeric or categorical.</summary>
public enum VariableKind
{
    /// <summary>A real-valued column (missing values are NaN).</summary>
    Numeric,

    /// <summary>A column of levels (missing values form their own level).</summary>
    Categorical,
}
