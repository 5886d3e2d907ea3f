using System.Globalization;
using System.Text.Json;
using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Core.Training.Protocol;
using MentalHealthInsights.Infrastructure.Monitoring.Retraining;
using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Monitoring.Alerts;

/// <summary>
/// Reads and validates the "Alerts" section of a JSON configuration file (an appsettings-style
/// file whose root holds "Alerts", or a file that is the section itself). Property names are
/// case-insensitive; an unknown property is an error (a misspelt setting would otherwise be
/// silently ignored). Every problem is reported at once, with its JSON path, in an
/// <see cref="AlertPolicyException"/>, so a service refuses to start with a clear message.
/// </summary>
public static partial class AlertSettingsLoader
{
    /// <summary>The section name.</summary>
    public const string SectionName = "Alerts";

    private static readonly string[] SectionKeys =
    [
        "CoolDownHours",
        "Rules",
        "Webhook",
        "Retraining",
    ];
    private static readonly string[] RuleKeys = ["Name", "When", "Severity"];
    private static readonly string[] WebhookKeys =
    [
        "Url",
        "Format",
        "MaxAttempts",
        "TimeoutSeconds",
        "BaseDelaySeconds",
        "MaxDelaySeconds",
    ];
    private static readonly string[] RetrainingKeys =
    [
        "Enabled",
        "MinimumSeverity",
        "DataPath",
        "OutputRoot",
        "Models",
        "TrackingUri",
        "ModelName",
        "PromotionMargin",
        "JobStore",
        "SchedulerName",
    ];

    /// <summary>Loads <paramref name="path"/>; a missing or unreadable file is an <see cref="AlertPolicyException"/> too.</summary>
    public static AlertSettings LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AlertPolicyException(
                $"Cannot read the alert configuration '{path}': {ex.Message}"
            );
        }
        if (JsonDuplicateKeys.Find(text, StringComparer.OrdinalIgnoreCase) is { } duplicate)
        {
            throw new AlertPolicyException(DuplicateMessage(duplicate, $" in '{path}'"));
        }
        return Parse(text, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    private static string DuplicateMessage(string key, string where) =>
        $"The alert configuration{where} gives {key} twice (keys are case-insensitive); give each setting once.";

    /// <summary>
    /// Parses JSON text. Relative paths in "Retraining" are resolved against
    /// <paramref name="baseDirectory"/> (the configuration file's folder).
    /// </summary>
    public static AlertSettings Parse(string json, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (JsonDuplicateKeys.Find(json, StringComparer.OrdinalIgnoreCase) is { } duplicate)
        {
            throw new AlertPolicyException(DuplicateMessage(duplicate, ""));
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(
                json,
                new JsonDocumentOptions
                {
                    CommentHandling = JsonCommentHandling.Skip,
                    AllowTrailingCommas = true,
                }
            );
        }
        catch (JsonException ex)
        {
            throw new AlertPolicyException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The alert configuration is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})."
                )
            );
        }

        using (document)
        {
            var problems = new List<string>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new AlertPolicyException("The alert configuration must be a JSON object.");
            }
            var section = Property(root, SectionName) is { } found ? found : root;
            var prefix = Property(root, SectionName) is null ? "" : SectionName + ".";
            if (section.ValueKind != JsonValueKind.Object)
            {
                throw new AlertPolicyException($"\"{SectionName}\" must be a JSON object.");
            }
            CheckKeys(section, SectionKeys, prefix.TrimEnd('.'), problems);

            var rules = ReadRules(section, prefix, problems);
            var coolDown =
                ReadNumber(section, "CoolDownHours", prefix, problems)
                ?? new AlertPolicyOptions().CoolDownHours;
            var webhook = ReadWebhook(section, prefix, problems);
            var (retrainEnabled, retrainSeverity, retraining) = ReadRetraining(
                section,
                prefix,
                baseDirectory,
                problems
            );

            var policy = AlertPolicy.TryCreate(
                new AlertPolicyOptions
                {
                    Rules = rules,
                    CoolDownHours = coolDown,
                    RetrainOnAlert = retrainEnabled,
                    RetrainMinimumSeverity = retrainSeverity,
                },
                out var policyProblems
            );
            var where = prefix.Length == 0 ? "" : SectionName + ": ";
            problems.AddRange(policyProblems.Select(p => where + p));
            if (problems.Count > 0)
            {
                throw new AlertPolicyException(problems);
            }
            return new AlertSettings(policy!, webhook, retrainEnabled ? retraining : null);
        }
    }

    private static List<AlertRuleOptions>? ReadRules(
        JsonElement section,
        string prefix,
        List<string> problems
    )
    {
        if (
            Property(section, "Rules") is not { } rulesElement
            || rulesElement.ValueKind == JsonValueKind.Null
        )
        {
            return null;
        }
        if (rulesElement.ValueKind != JsonValueKind.Array)
        {
            problems.Add(
                $"{prefix}Rules must be an array of {{ \"Name\", \"When\", \"Severity\" }} objects."
            );
            return null;
        }
        var rules = new List<AlertRuleOptions>();
        var index = 0;
        foreach (var item in rulesElement.EnumerateArray())
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"{prefix}Rules[{index++}]");
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{path} must be an object.");
                continue;
            }
            CheckKeys(item, RuleKeys, path, problems);
            rules.Add(
                new AlertRuleOptions
                {
                    Name = ReadString(item, "Name", path + ".", problems),
                    When = ReadString(item, "When", path + ".", problems),
                    Severity = ReadString(item, "Severity", path + ".", problems),
                }
            );
        }
        if (rules.Count == 0)
        {
            problems.Add(
                $"{prefix}Rules is empty; remove it to use the default rules, or list at least one rule."
            );
        }
        return rules;
    }

    private static WebhookOptions? ReadWebhook(
        JsonElement section,
        string prefix,
        List<string> problems
    )
    {
        if (
            Property(section, "Webhook") is not { } element
            || element.ValueKind == JsonValueKind.Null
        )
        {
            return null;
        }
        var path = prefix + "Webhook";
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path} must be an object with at least \"Url\".");
            return null;
        }
        CheckKeys(element, WebhookKeys, path, problems);
        var inner = path + ".";
        var url = ReadString(element, "Url", inner, problems);
        var format = ReadString(element, "Format", inner, problems);
        var defaults = new WebhookOptions { Url = new Uri("http://127.0.0.1/") };
        var payload = WebhookPayloadFormat.Json;
        if (format is not null)
        {
            if (string.Equals(format, "slack", StringComparison.OrdinalIgnoreCase))
            {
                payload = WebhookPayloadFormat.Slack;
            }
            else if (!string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{inner}Format \"{format}\" is not one of json, slack.");
            }
        }
        var maxAttempts = ReadNumber(element, "MaxAttempts", inner, problems);
        var timeout = ReadNumber(element, "TimeoutSeconds", inner, problems);
        var baseDelay = ReadNumber(element, "BaseDelaySeconds", inner, problems);
        var maxDelay = ReadNumber(element, "MaxDelaySeconds", inner, problems);
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            problems.Add(
                $"{inner}Url is required and must be an absolute http:// or https:// URL."
            );
            return null;
        }
        var options = defaults with
        {
            Url = uri,
            Format = payload,
            MaxAttempts = (int)Math.Clamp(maxAttempts ?? defaults.MaxAttempts, -1, 1000),
            AttemptTimeout = Seconds(timeout, defaults.AttemptTimeout),
            BaseDelay = Seconds(baseDelay, defaults.BaseDelay),
            MaxDelay = Seconds(maxDelay, defaults.MaxDelay),
        };
        problems.AddRange(options.FindProblems().Select(p => prefix + p));
        return options;
    }

    private static (
        bool Enabled,
        string? Severity,
        TrainingJobRetrainingOptions? Options
    ) ReadRetraining(
        JsonElement section,
        string prefix,
        string baseDirectory,
        List<string> problems
    )
    {
        if (
            Property(section, "Retraining") is not { } element
            || element.ValueKind == JsonValueKind.Null
        )
        {
            return (false, null, null);
        }
        var path = prefix + "Retraining";
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path} must be an object.");
            return (false, null, null);
        }
        CheckKeys(element, RetrainingKeys, path, problems);
        var inner = path + ".";
        var enabled =
            Property(element, "Enabled") is { } flag && ReadBool(flag, inner + "Enabled", problems);
        var severity = ReadString(element, "MinimumSeverity", inner, problems);
        if (!enabled)
        {
            return (false, severity, null);
        }
        var data = ReadString(element, "DataPath", inner, problems);
        var output = ReadString(element, "OutputRoot", inner, problems);
        if (string.IsNullOrWhiteSpace(data))
        {
            problems.Add(
                $"{inner}DataPath is required when retraining is enabled (a labelled CSV or a folder of them)."
            );
        }
        if (string.IsNullOrWhiteSpace(output))
        {
            problems.Add($"{inner}OutputRoot is required when retraining is enabled.");
        }
        List<string>? models = null;
        if (Property(element, "Models") is { ValueKind: JsonValueKind.Array } array)
        {
            models =
            [
                .. array
                    .EnumerateArray()
                    .Select(m => m.ValueKind == JsonValueKind.String ? m.GetString()! : ""),
            ];
            var unknown = models
                .Where(m =>
                    !Training.TrainerRegistry.ModelNames.Contains(m, StringComparer.Ordinal)
                )
                .ToList();
            if (unknown.Count > 0 || models.Count == 0)
            {
                problems.Add(
                    $"{inner}Models must list some of {string.Join(", ", Training.TrainerRegistry.ModelNames)}."
                );
            }
        }
        else if (Property(element, "Models") is { ValueKind: not JsonValueKind.Null })
        {
            problems.Add($"{inner}Models must be an array of model names.");
        }
        var margin = ReadNumber(element, "PromotionMargin", inner, problems) ?? 0.01;
        if (margin is < 0 or > 1)
        {
            problems.Add($"{inner}PromotionMargin must lie in [0, 1].");
        }
        // Checked here by the registries' rule, not when an alert fires and registration fails.
        var modelName =
            ReadString(element, "ModelName", inner, problems) ?? "mental-health-classifier";
        try
        {
            RegistryValidation.ValidateModelName(modelName);
        }
        catch (TrackingException ex)
        {
            problems.Add($"{inner}ModelName: {ex.Message}");
        }
        if (string.IsNullOrWhiteSpace(data) || string.IsNullOrWhiteSpace(output))
        {
            return (true, severity, null);
        }
        return (
            true,
            severity,
            new TrainingJobRetrainingOptions
            {
                DataPath = Path.GetFullPath(data, baseDirectory),
                OutputRoot = Path.GetFullPath(output, baseDirectory),
                Models = models,
                TrackingUri = ReadString(element, "TrackingUri", inner, problems),
                ModelName = modelName,
                PromotionMargin = margin,
                Protocol = new TrainingOptions(),
                Queue = ReadString(element, "JobStore", inner, problems) is { Length: > 0 } jobStore
                    ? new Pipelines.Configuration.SchedulerSettings
                    {
                        JobStore = jobStore,
                        InstanceName =
                            ReadString(element, "SchedulerName", inner, problems) ?? "mhi",
                    }
                    : null,
            }
        );
    }
}
