namespace MentalHealthInsights.Server.Validation;

/// <summary>
/// Field errors of one record or request, by field name (RFC 7807 <c>errors</c> member). Created
/// lazily so valid requests allocate nothing. Messages name rules, never the submitted value.
/// </summary>
internal sealed class FieldErrors
{
    private Dictionary<string, List<string>>? _errors;

    public bool HasErrors => _errors is { Count: > 0 };

    public int Count => _errors?.Count ?? 0;

    public void Add(string field, string message)
    {
        _errors ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!_errors.TryGetValue(field, out var list))
        {
            list = [];
            _errors[field] = list;
        }
        list.Add(message);
    }

    public void Clear() => _errors?.Clear();

    /// <summary>The field names with errors, comma-separated (safe to log: names, never values).</summary>
    public string FieldList => _errors is null ? string.Empty : string.Join(",", _errors.Keys);

    /// <summary>The errors in the shape of ValidationProblemDetails.Errors.</summary>
    public Dictionary<string, string[]> ToDictionary()
    {
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (_errors is not null)
        {
            foreach (var (field, messages) in _errors)
            {
                result[field] = [.. messages];
            }
        }
        return result;
    }
}
