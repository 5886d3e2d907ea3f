using System.Text.Json.Serialization;
using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Infrastructure.Data;

/// <summary>
/// Source-generated (reflection-free) JSON metadata for <see cref="ValidationReport"/>:
/// camelCase property names, indented, enums as names, LF line breaks, nulls written.
/// Dictionary keys (reason codes, column names) are written exactly as they are.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    NewLine = "\n",
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never
)]
[JsonSerializable(typeof(ValidationReport))]
internal sealed partial class ValidationReportJsonContext : JsonSerializerContext;
