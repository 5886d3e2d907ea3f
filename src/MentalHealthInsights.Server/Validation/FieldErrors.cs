namespace MentalHealthInsights.Server.Validation;

/// <summary>
/// Field errors of one record or request, by field name (RFC 7807 <c>errors</c> member). Created
/// lazily so valid requests allocate nothing. Messages name rules, never the submitted value.
/// </summary>
internal sealed class FieldErrors
{
    /// <summary>
    /// At most this many fields are listed (then one <see cref="MoreKey"/> entry), and a message is
    /// listed once per field: a request of many bad items (a labels body holds up to 1 MiB of them)
    /// used to get a 400 over twenty times its own size.
    /// </summary>
    public const int MaxFields = 100;

    /// <summary>The entry saying that more fields had errors than are listed.</summary>
    public const string MoreKey = "$more";

    private Dictionary<string, List<string>>? _errors;
    private bool _truncated;

    public bool HasErrors => _errors is { Count: > 0 };

    public int Count => _errors?.Count ?? 0;

    public void Add(string field, string message)
    {
        _errors ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!_errors.TryGetValue(field, out var list))
        {
            if (_errors.Count == MaxFields)
            {
                _truncated = true;
                return;
            }
            list = [];
            _errors[field] = list;
        }
        if (!list.Contains(message))
        {
            list.Add(message);
        }
    }

    public void Clear()
    {
        _errors?.Clear();
        _truncated = false;
    }

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
        if (_truncated)
        {
            result[MoreKey] =
            [
                string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"more fields have errors; the first {MaxFields} are listed"
                ),
            ];
        }
        return result;
    }
}
