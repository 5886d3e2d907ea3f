using System.Globalization;

namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>
/// The validated alert policy: rules, the de-duplication cool-down and the retraining switch.
/// Created once at start-up by <see cref="Create"/>, which reports every problem at once.
/// </summary>
public sealed record AlertPolicy
{
    /// <summary>The longest accepted cool-down (a year).</summary>
    public const double MaxCoolDownHours = 8760;

    private AlertPolicy(
        IReadOnlyList<AlertRule> rules,
        TimeSpan coolDown,
        bool retrainOnAlert,
        AlertSeverity retrainMinimumSeverity
    )
    {
        Rules = rules;
        CoolDown = coolDown;
        RetrainOnAlert = retrainOnAlert;
        RetrainMinimumSeverity = retrainMinimumSeverity;
    }

    /// <summary>The rules, in configuration order, with unique names.</summary>
    public IReadOnlyList<AlertRule> Rules { get; }

    /// <summary>How long a rule that stays breached stays quiet after alerting (see <see cref="AlertDeduplicator"/>).</summary>
    public TimeSpan CoolDown { get; }

    /// <summary>True when an alert may start retraining.</summary>
    public bool RetrainOnAlert { get; }

    /// <summary>The least severity that starts retraining.</summary>
    public AlertSeverity RetrainMinimumSeverity { get; }

    /// <summary>
    /// The policy, used when none is configured: F1 (measured or estimated) more than
    /// 0.05 below the reference (critical), dataset drift (warning), prediction drift (warning),
    /// fairness gap above 0.1 (critical).
    /// </summary>
    public static IReadOnlyList<AlertRuleOptions> DefaultRules { get; } =
    [
        new()
        {
            Name = "f1-drop",
            When = "f1_drop > 0.05",
            Severity = "critical",
        },
        new()
        {
            Name = "dataset-drift",
            When = "dataset_drift == 1",
            Severity = "warning",
        },
        new()
        {
            Name = "prediction-drift",
            When = "prediction_drift == 1",
            Severity = "warning",
        },
        new()
        {
            Name = "fairness-gap",
            When = "fairness_gap > 0.1",
            Severity = "critical",
        },
    ];

    /// <summary>The default policy (<see cref="DefaultRules"/>, a week's cool-down, no retraining).</summary>
    public static AlertPolicy Default { get; } = Create(new AlertPolicyOptions());

    /// <summary>
    /// Validates <paramref name="options"/>; throws <see cref="AlertPolicyException"/> listing
    /// every problem (rule by position and name) when any is found.
    /// </summary>
    public static AlertPolicy Create(AlertPolicyOptions options)
    {
        var policy = TryCreate(options, out var problems);
        return policy ?? throw new AlertPolicyException(problems);
    }

    /// <summary>Validates <paramref name="options"/>; returns null and every problem when invalid.</summary>
    public static AlertPolicy? TryCreate(
        AlertPolicyOptions options,
        out IReadOnlyList<string> problems
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        var found = new List<string>();
        var configured = options.Rules is { Count: > 0 } ? options.Rules : DefaultRules;
        var rules = new List<AlertRule>(configured.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < configured.Count; i++)
        {
            var rule = ValidateRule(configured[i], i + 1, names, found);
            if (rule is not null)
            {
                rules.Add(rule);
            }
        }

        if (
            !double.IsFinite(options.CoolDownHours)
            || options.CoolDownHours < 0
            || options.CoolDownHours > MaxCoolDownHours
        )
        {
            found.Add(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"CoolDownHours must be between 0 and {MaxCoolDownHours} (got {options.CoolDownHours})."
                )
            );
        }

        var retrainSeverity = AlertSeverity.Critical;
        if (
            options.RetrainMinimumSeverity is not null
            && !TryParseSeverity(options.RetrainMinimumSeverity, out retrainSeverity)
        )
        {
            found.Add(
                $"RetrainMinimumSeverity \"{options.RetrainMinimumSeverity}\" is not one of info, warning, critical."
            );
        }

        problems = found;
        return found.Count > 0
            ? null
            : new AlertPolicy(
                rules,
                TimeSpan.FromHours(options.CoolDownHours),
                options.RetrainOnAlert,
                retrainSeverity
            );
    }

    /// <summary>Parses "info", "warning" or "critical" (any case).</summary>
    public static bool TryParseSeverity(string? text, out AlertSeverity severity)
    {
        severity = AlertSeverity.Warning;
        var trimmed = text?.Trim();
        if (string.Equals(trimmed, "info", StringComparison.OrdinalIgnoreCase))
        {
            severity = AlertSeverity.Info;
            return true;
        }
        if (string.Equals(trimmed, "warning", StringComparison.OrdinalIgnoreCase))
        {
            severity = AlertSeverity.Warning;
            return true;
        }
        if (string.Equals(trimmed, "critical", StringComparison.OrdinalIgnoreCase))
        {
            severity = AlertSeverity.Critical;
            return true;
        }
        return false;
    }

    /// <summary>The configuration spelling of a severity ("info", "warning", "critical").</summary>
    public static string SeverityName(AlertSeverity severity) =>
        severity switch
        {
            AlertSeverity.Info => "info",
            AlertSeverity.Critical => "critical",
            _ => "warning",
        };

    /// <summary>
    /// The spelling of a status ("fired", "suppressed") in every store, the JSON output, the
    /// CLI and the dashboard.
    /// </summary>
    public static string StatusName(AlertStatus status) =>
        status == AlertStatus.Fired ? "fired" : "suppressed";

    private static AlertRule? ValidateRule(
        AlertRuleOptions? options,
        int position,
        HashSet<string> names,
        List<string> problems
    )
    {
        if (options is null)
        {
            problems.Add($"Rule {position} is empty.");
            return null;
        }

        var label = string.IsNullOrWhiteSpace(options.Name)
            ? $"Rule {position}"
            : $"Rule {position} (\"{options.Name}\")";
        var before = problems.Count;
        var name = options.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            problems.Add($"{label} has no Name.");
        }
        else if (
            name.Length > 64
            || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        )
        {
            problems.Add(
                $"{label}: Name may hold only letters, digits, '-', '_' and '.' (at most 64)."
            );
        }
        else if (!names.Add(name))
        {
            problems.Add($"{label}: another rule has the same Name; names must be unique.");
        }

        var parsed = AlertConditionParser.TryParse(options.When, out var conditionError);
        if (parsed is null)
        {
            problems.Add($"{label}: When {conditionError}");
        }
        else if (!AlertMetricNames.IsKnown(parsed.Value.Metric))
        {
            problems.Add(
                $"{label}: unknown metric \"{parsed.Value.Metric}\" in When; known metrics: {string.Join(", ", AlertMetricNames.All)}, and {AlertMetricNames.ColumnDriftPrefix}COLUMN for a feature column."
            );
        }

        var severity = AlertSeverity.Warning;
        if (options.Severity is not null && !TryParseSeverity(options.Severity, out severity))
        {
            problems.Add(
                $"{label}: Severity \"{options.Severity}\" is not one of info, warning, critical."
            );
        }

        return problems.Count > before || parsed is null
            ? null
            : new AlertRule(
                name!,
                parsed.Value.Metric,
                parsed.Value.Comparison,
                parsed.Value.Threshold,
                severity
            );
    }
}
