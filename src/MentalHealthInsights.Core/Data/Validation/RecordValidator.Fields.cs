using System.Globalization;
using System.Runtime.CompilerServices;

namespace MentalHealthInsights.Core.Data.Validation;

public sealed partial class RecordValidator
{
    // U+FFFD is what a replacing UTF-8 decoder produces for every invalid byte sequence.
    private const char ReplacementChar = '\uFFFD';

    // Indexes into DatasetSchema.Columns (and into the per-column counters).
    private const int UserIdColumn = 0;
    private const int AgeColumn = 1;
    private const int GenderColumn = 2;
    private const int OccupationColumn = 3;
    private const int CountryColumn = 4;
    private const int TargetColumn = 5;
    private const int SeverityColumn = 6;
    private const int ConsultationColumn = 7;
    private const int StressColumn = 8;
    private const int SleepColumn = 9;
    private const int WorkColumn = 10;
    private const int ActivityColumn = 11;

    private const int NumericCount = 4;

    // Arrays (not IReadOnlyList) for the hot path; the elements are the schema's own string
    // instances, so records share them instead of allocating.
    private static readonly string[] Genders = [.. DatasetSchema.Genders];
    private static readonly string[] Occupations = [.. DatasetSchema.Occupations];
    private static readonly string[] Countries = [.. DatasetSchema.Countries];
    private static readonly string[] SeverityLevels = [.. DatasetSchema.SeverityLevels];
    private static readonly string[] StressLevels = [.. DatasetSchema.StressLevels];

    private static readonly int[] NumericColumns =
    [
        AgeColumn,
        SleepColumn,
        WorkColumn,
        ActivityColumn,
    ];

    private enum NumberStatus : byte
    {
        Ok,
        Missing,
        Unparsable,
        NonFinite,
        OutOfRange,
    }

    // The per-row checks are compiled once, optimised, when first called (AggressiveOptimization):
    // their instantiations over each parser's row type are not in the ReadyToRun image, so they
    // would otherwise start unoptimised and be compiled again on the tiered JIT's thread while a
    // million-row batch runs (measured: that thread's CPU and the batch's fell with it).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private RowRejection? CheckNumbers<TRow>(TRow row, ref ParsedRow p)
        where TRow : IRowFields, allows ref struct
    {
        Span<NumberStatus> status = stackalloc NumberStatus[NumericCount];
        status[0] = ParseNumber(row[fieldOf[AgeColumn]], options.Age, out p.Age);
        status[1] = ParseNumber(row[fieldOf[SleepColumn]], options.SleepHours, out p.SleepHours);
        status[2] = ParseNumber(row[fieldOf[WorkColumn]], options.WorkHours, out p.WorkHours);
        status[3] = ParseNumber(
            row[fieldOf[ActivityColumn]],
            options.PhysicalActivityHours,
            out p.ActivityHours
        );

        // Reason first, then column: an unparsable Work_Hours outranks an out-of-range Age.
        return FirstWith(status, NumberStatus.Unparsable, RejectReason.UnparsableNumber)
            ?? FirstWith(status, NumberStatus.NonFinite, RejectReason.NonFiniteNumber)
            ?? FirstWith(status, NumberStatus.OutOfRange, RejectReason.OutOfRange)
            ?? MarkMissingNumbers(status, ref p);
    }

    private static RowRejection? FirstWith(
        ReadOnlySpan<NumberStatus> status,
        NumberStatus wanted,
        RejectReason reason
    )
    {
        var i = status.IndexOf(wanted);
        return i < 0 ? null : new(reason, DatasetSchema.Columns[NumericColumns[i]]);
    }

    private static RowRejection? MarkMissingNumbers(
        ReadOnlySpan<NumberStatus> status,
        ref ParsedRow p
    )
    {
        for (var i = 0; i < status.Length; i++)
        {
            if (status[i] == NumberStatus.Missing)
            {
                p.MissingMask |= 1 << NumericColumns[i];
            }
        }

        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static NumberStatus ParseNumber(
        ReadOnlySpan<char> raw,
        NumericRange range,
        out double value
    )
    {
        var text = raw.Trim();
        if (text.IsEmpty)
        {
            value = double.NaN;
            return NumberStatus.Missing;
        }

        if (
            !SimpleDecimal.TryParse(text, out value)
            && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
        )
        {
            value = double.NaN;
            return NumberStatus.Unparsable;
        }

        if (!double.IsFinite(value))
        {
            return NumberStatus.NonFinite;
        }

        return range.Contains(value) ? NumberStatus.Ok : NumberStatus.OutOfRange;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private RowRejection? CheckClosedCategories<TRow>(TRow row, ref ParsedRow p)
        where TRow : IRowFields, allows ref struct
    {
        var severity = row[fieldOf[SeverityColumn]].Trim();
        if (severity.IsEmpty)
        {
            p.MissingMask |= 1 << SeverityColumn;
        }
        else if ((p.Severity = Match(severity, SeverityLevels)) is null)
        {
            return new(RejectReason.InvalidCategory, DatasetSchema.Severity);
        }

        var consultation = row[fieldOf[ConsultationColumn]].Trim();
        if (consultation.IsEmpty)
        {
            p.MissingMask |= 1 << ConsultationColumn;
        }
        else if ((p.ConsultationHistory = ParseYesNo(consultation)) is null)
        {
            return new(RejectReason.InvalidCategory, DatasetSchema.ConsultationHistory);
        }

        var stress = row[fieldOf[StressColumn]].Trim();
        if (stress.IsEmpty)
        {
            p.MissingMask |= 1 << StressColumn;
        }
        else if ((p.StressLevel = Match(stress, StressLevels)) is null)
        {
            return new(RejectReason.InvalidCategory, DatasetSchema.StressLevel);
        }

        return null;
    }

    // Touches no state: TryValidate commits the row's masks to the counts.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private MentalHealthRecord Build<TRow>(TRow row, ref ParsedRow p)
        where TRow : IRowFields, allows ref struct
    {
        // Open lists never reject, so they are only read for rows that are kept.
        var gender = OpenCategory(row[fieldOf[GenderColumn]], Genders, GenderColumn, ref p);
        var occupation = OpenCategory(
            row[fieldOf[OccupationColumn]],
            Occupations,
            OccupationColumn,
            ref p
        );
        var country = OpenCategory(row[fieldOf[CountryColumn]], Countries, CountryColumn, ref p);

        return new MentalHealthRecord
        {
            // The one string a row allocates.
            UserId = row[fieldOf[UserIdColumn]].Trim().ToString(),
            Age = p.Age,
            Gender = gender,
            Occupation = occupation,
            Country = country,
            HasCondition = p.HasCondition,
            Severity = p.Severity,
            ConsultationHistory = p.ConsultationHistory,
            StressLevel = p.StressLevel,
            SleepHours = p.SleepHours,
            WorkHours = p.WorkHours,
            PhysicalActivityHours = p.ActivityHours,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string OpenCategory(
        ReadOnlySpan<char> raw,
        string[] known,
        int column,
        ref ParsedRow p
    )
    {
        var text = raw.Trim();
        if (text.IsEmpty)
        {
            p.MissingMask |= 1 << column;
            return DatasetSchema.Other;
        }

        if (Match(text, known) is { } canonical)
        {
            return canonical;
        }

        // "Other" is the canonical bucket itself (Gender's list does not name it), not an unknown.
        if (!text.Equals(DatasetSchema.Other, StringComparison.OrdinalIgnoreCase))
        {
            p.UnknownMask |= 1 << column;
        }

        return DatasetSchema.Other;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? Match(ReadOnlySpan<char> text, string[] canonical)
    {
        // Most files already use the canonical spelling: try the cheap exact comparison first.
        foreach (var candidate in canonical)
        {
            if (text.SequenceEqual(candidate))
            {
                return candidate;
            }
        }

        foreach (var candidate in canonical)
        {
            if (text.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool? ParseYesNo(ReadOnlySpan<char> text)
    {
        if (text.SequenceEqual("Yes"))
        {
            return true;
        }

        if (text.SequenceEqual("No"))
        {
            return false;
        }

        if (text.Equals("Yes", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return text.Equals("No", StringComparison.OrdinalIgnoreCase) ? false : null;
    }

    // Everything learned about a row while checking it, so nothing is parsed twice.
    private struct ParsedRow
    {
        public double Age;
        public double SleepHours;
        public double WorkHours;
        public double ActivityHours;
        public bool HasCondition;
        public string? Severity;
        public bool? ConsultationHistory;
        public string? StressLevel;
        public int MissingMask;
        public int UnknownMask;

        // Set for a row that passed every other check, when duplicates are rejected.
        public UserIdKey UserId;
    }
}
