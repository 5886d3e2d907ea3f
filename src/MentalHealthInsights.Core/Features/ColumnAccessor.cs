using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Core.Features;

/// <summary>
/// How to read one feature column from a record: exactly one of the two readers is set,
/// matching <see cref="Kind"/>. The readers are static lambdas (cached delegates), so calling
/// them allocates nothing.
/// </summary>
internal sealed record ColumnAccessor(
    FeatureKind Kind,
    Func<MentalHealthRecord, double>? Numeric,
    Func<MentalHealthRecord, string?>? Categorical
);
