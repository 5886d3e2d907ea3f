namespace MentalHealthInsights.Infrastructure.Data;

/// <summary>
/// Whether <see cref="CsvDatasetReader"/> needs the outcome column (Mental_Health_Condition).
/// Training and <c>mhi data validate</c> need it (the default); only a caller that can use data
/// without outcomes (<c>mhi monitor</c>'s current file) asks for <see cref="Optional"/>.
/// </summary>
public enum TargetRequirement
{
    /// <summary>The header must name all twelve columns; a row with an empty target is rejected (MissingTarget).</summary>
    Required,

    /// <summary>
    /// As <see cref="Required"/> when the header names Mental_Health_Condition (an empty value is
    /// still rejected). When the header has no such column, the file is read as unlabelled data,
    /// as <c>mhi batch</c> reads its input: User_ID and the nine features are required and
    /// validated as usual, Severity is ignored, and <see cref="Core.Data.ValidationReport.Unlabelled"/>
    /// is set (the records' <c>HasCondition</c> is then a placeholder, not an outcome).
    /// </summary>
    Optional,
}
