using System.Globalization;
using System.Text;

namespace MentalHealthInsights.Core.Tracking.Search;

/// <summary>
/// Parses the subset of MLflow's search syntax that every adapter supports: clauses
/// <c>identifier comparator value</c> joined by <c>AND</c> (case-insensitive). Identifiers are
/// <c>metrics.k</c>, <c>params.k</c>, <c>tags.k</c>, <c>attributes.k</c> (MLflow's synonyms
/// <c>metric</c>, <c>param</c>, <c>parameter(s)</c>, <c>tag</c>, <c>attribute</c>, <c>attr</c>,
/// <c>run</c> too) or a bare attribute name; a key may be quoted with backticks or double quotes
/// (<c>metrics.`my key`</c>) and may contain dots (<c>tags.mlflow.parentRunId</c>). Strings are
/// quoted with <c>'</c> or <c>"</c> (a doubled quote escapes itself); numbers are unquoted.
/// Metrics take numbers and <c>= != &gt; &gt;= &lt; &lt;=</c>; params and tags take strings and
/// <c>= != LIKE ILIKE</c>. <c>OR</c>, parentheses and <c>IN</c> are not supported. Errors are
/// <see cref="TrackingException"/>s with <see cref="TrackingErrorCode.InvalidParameterValue"/>.
/// </summary>
public static class SearchFilterParser
{
    /// <summary>The clauses of <paramref name="filter"/>; empty for null or blank.</summary>
    public static IReadOnlyList<SearchFilterClause> ParseFilter(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return [];
        }
        var scanner = new Scanner(filter);
        var clauses = new List<SearchFilterClause>();
        while (true)
        {
            clauses.Add(ParseClause(scanner));
            scanner.SkipWhitespace();
            if (scanner.AtEnd)
            {
                return clauses;
            }
            var word = scanner.ReadWord();
            if (word.Equals("OR", StringComparison.OrdinalIgnoreCase))
            {
                throw scanner.Error("OR is not supported; combine clauses with AND");
            }
            if (!word.Equals("AND", StringComparison.OrdinalIgnoreCase))
            {
                throw scanner.Error($"expected AND, found '{word}'");
            }
        }
    }

    /// <summary>The order clauses, each like <c>metrics.auc DESC</c>; empty for null.</summary>
    public static IReadOnlyList<SearchOrderClause> ParseOrderBy(IEnumerable<string>? orderBy)
    {
        var clauses = new List<SearchOrderClause>();
        foreach (var text in orderBy ?? [])
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            var scanner = new Scanner(text);
            var (keyType, key) = ParseIdentifier(scanner);
            scanner.SkipWhitespace();
            var ascending = true;
            if (!scanner.AtEnd)
            {
                var direction = scanner.ReadWord();
                if (direction.Equals("DESC", StringComparison.OrdinalIgnoreCase))
                {
                    ascending = false;
                }
                else if (!direction.Equals("ASC", StringComparison.OrdinalIgnoreCase))
                {
                    throw scanner.Error($"expected ASC or DESC, found '{direction}'", "order_by");
                }
                scanner.SkipWhitespace();
                if (!scanner.AtEnd)
                {
                    throw scanner.Error("unexpected text after the direction", "order_by");
                }
            }
            clauses.Add(new SearchOrderClause(keyType, key, ascending));
        }
        return clauses;
    }

    private static SearchFilterClause ParseClause(Scanner scanner)
    {
        var (keyType, key) = ParseIdentifier(scanner);
        scanner.SkipWhitespace();
        var comparator = ParseComparator(scanner);
        scanner.SkipWhitespace();
        var (value, number) = ParseValue(scanner);
        var clause = new SearchFilterClause(keyType, key, comparator, value, number);
        switch (keyType)
        {
            case SearchKeyType.Metric when number is null:
                throw scanner.Error($"metric '{key}' must be compared with a number, unquoted");
            case SearchKeyType.Metric
                when comparator is SearchComparator.Like or SearchComparator.ILike:
                throw scanner.Error($"LIKE and ILIKE do not apply to metric '{key}'");
            case SearchKeyType.Param or SearchKeyType.Tag when number is not null:
                throw scanner.Error(
                    $"{keyType.ToString().ToLowerInvariant()} '{key}' must be compared with a quoted string"
                );
            case SearchKeyType.Param or SearchKeyType.Tag when !clause.IsStringComparator:
                throw scanner.Error(
                    $"{keyType.ToString().ToLowerInvariant()} '{key}' supports only =, !=, LIKE and ILIKE"
                );
            default:
                return clause;
        }
    }

    private static (SearchKeyType KeyType, string Key) ParseIdentifier(Scanner scanner)
    {
        scanner.SkipWhitespace();
        if (scanner.AtEnd)
        {
            throw scanner.Error("expected an identifier");
        }
        if (scanner.Current is '`' or '"')
        {
            return (SearchKeyType.Attribute, scanner.ReadQuoted());
        }
        var start = scanner.Position;
        while (!scanner.AtEnd && (char.IsLetterOrDigit(scanner.Current) || scanner.Current == '_'))
        {
            scanner.Advance();
        }
        var head = scanner.Slice(start);
        if (head.Length == 0)
        {
            throw scanner.Error($"unexpected character '{scanner.Current}'");
        }
        if (scanner.AtEnd || scanner.Current != '.')
        {
            return (SearchKeyType.Attribute, head);
        }
        var keyType = head.ToLowerInvariant() switch
        {
            "metric" or "metrics" => SearchKeyType.Metric,
            "param" or "params" or "parameter" or "parameters" => SearchKeyType.Param,
            "tag" or "tags" => SearchKeyType.Tag,
            "attribute" or "attributes" or "attr" or "run" => SearchKeyType.Attribute,
            _ => throw scanner.Error(
                $"invalid entity type '{head}'; expected metrics, params, tags or attributes"
            ),
        };
        scanner.Advance();
        if (!scanner.AtEnd && scanner.Current is '`' or '"')
        {
            return (keyType, scanner.ReadQuoted());
        }
        start = scanner.Position;
        while (
            !scanner.AtEnd
            && !char.IsWhiteSpace(scanner.Current)
            && scanner.Current is not ('=' or '!' or '<' or '>' or '\'' or '"')
        )
        {
            scanner.Advance();
        }
        var key = scanner.Slice(start);
        if (key.Length == 0)
        {
            throw scanner.Error($"missing key after '{head}.'");
        }
        return (keyType, key);
    }

    private static SearchComparator ParseComparator(Scanner scanner)
    {
        if (scanner.AtEnd)
        {
            throw scanner.Error("expected a comparator");
        }
        if (scanner.TryConsume("!="))
        {
            return SearchComparator.NotEqual;
        }
        if (scanner.TryConsume(">="))
        {
            return SearchComparator.GreaterOrEqual;
        }
        if (scanner.TryConsume("<="))
        {
            return SearchComparator.LessOrEqual;
        }
        if (scanner.TryConsume("="))
        {
            return SearchComparator.Equal;
        }
        if (scanner.TryConsume(">"))
        {
            return SearchComparator.Greater;
        }
        if (scanner.TryConsume("<"))
        {
            return SearchComparator.Less;
        }
        var word = scanner.ReadWord();
        return word.ToUpperInvariant() switch
        {
            "LIKE" => SearchComparator.Like,
            "ILIKE" => SearchComparator.ILike,
            _ => throw scanner.Error($"invalid comparator '{word}'"),
        };
    }

    private static (string Value, double? Number) ParseValue(Scanner scanner)
    {
        if (scanner.AtEnd)
        {
            throw scanner.Error("expected a value");
        }
        if (scanner.Current is '\'' or '"')
        {
            return (scanner.ReadQuoted(), null);
        }
        var text = scanner.ReadWord();
        if (
            !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
        )
        {
            throw scanner.Error($"expected a quoted string or a number, found '{text}'");
        }
        return (text, number);
    }

    private sealed class Scanner(string text)
    {
        public int Position { get; private set; }

        public bool AtEnd => Position >= text.Length;

        public char Current => text[Position];

        public void Advance() => Position++;

        public string Slice(int start) => text[start..Position];

        public void SkipWhitespace()
        {
            while (!AtEnd && char.IsWhiteSpace(Current))
            {
                Position++;
            }
        }

        public bool TryConsume(string token)
        {
            if (string.CompareOrdinal(text, Position, token, 0, token.Length) != 0)
            {
                return false;
            }
            Position += token.Length;
            return true;
        }

        // A run of non-space characters (a keyword or an unquoted number).
        public string ReadWord()
        {
            var start = Position;
            while (!AtEnd && !char.IsWhiteSpace(Current))
            {
                Position++;
            }
            return Slice(start);
        }

        // A quoted run; the opening quote character closes it, doubled it stands for itself.
        public string ReadQuoted()
        {
            var quote = Current;
            Position++;
            var builder = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw Error($"unterminated {quote}-quoted text");
                }
                var c = Current;
                Position++;
                if (c != quote)
                {
                    builder.Append(c);
                }
                else if (!AtEnd && Current == quote)
                {
                    builder.Append(quote);
                    Position++;
                }
                else
                {
                    return builder.ToString();
                }
            }
        }

        public TrackingException Error(string reason, string what = "filter") =>
            new(
                TrackingErrorCode.InvalidParameterValue,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Invalid {what} '{text}' at position {Position}: {reason}."
                )
            );
    }
}
