using MentalHealthInsights.Core.Data.Validation;
using nietras.SeparatedValues;

namespace MentalHealthInsights.Infrastructure.Data;

/// <summary>
/// Shows a Sep row of an unlabelled input (<see cref="UnlabelledHeader"/>) to the dataset
/// validator with the two outcome columns appended as virtual fields (Mental_Health_Condition =
/// "No", Severity empty): such rows have no outcome, and the validator's other rules apply
/// unchanged. The virtual target is a placeholder, never an observed outcome: whoever reads
/// unlabelled records must not use their <c>HasCondition</c> (<c>mhi batch</c> never reads or
/// writes it; <c>mhi monitor</c> drops it). Used by <c>mhi batch</c> and by
/// <see cref="CsvDatasetReader"/> with <see cref="TargetRequirement.Optional"/>.
/// </summary>
internal readonly ref struct UnlabelledRowFields(SepReader.Row row) : IRowFields
{
    /// <summary>The value shown for the virtual Mental_Health_Condition field.</summary>
    public const string VirtualTarget = "No";

    private readonly SepReader.Row row = row;

    // Read before any field: unescaping rewrites quoted rows in place.
    public ReadOnlySpan<char> Text { get; } = row.Span;

    public int Count => row.ColCount + UnlabelledHeader.VirtualColumns;

    public ReadOnlySpan<char> this[int index] =>
        index < row.ColCount ? row[index].Span : Virtual(index - row.ColCount);

    /// <summary>The virtual field <paramref name="past"/> places after the file's last column.</summary>
    public static ReadOnlySpan<char> Virtual(int past) =>
        past == 0 ? VirtualTarget : ReadOnlySpan<char>.Empty;
}
