using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Monitoring.Alerts;

namespace MentalHealthInsights.Infrastructure.Tests.Monitoring.Alerts;

public sealed class AlertSettingsLoaderTests
{
    private const string Base = "/srv/mhi";

    [Fact]
    public void Parse_FullSection_BuildsPolicyWebhookAndRetraining()
    {
        const string json = """
            {
              "Logging": { "LogLevel": { "Default": "Information" } },
              "Alerts": {
                // comments are allowed
                "coolDownHours": 12,
                "Rules": [
                  { "Name": "f1-drop", "When": "f1_drop > 0.05", "Severity": "critical" },
                  { "Name": "drift", "When": "drift_share >= 0.5" }
                ],
                "Webhook": { "Url": "https://hooks.example.org/T/B/x", "Format": "slack", "MaxAttempts": 3,
                             "TimeoutSeconds": 5, "BaseDelaySeconds": 0.5, "MaxDelaySeconds": 10 },
                "Retraining": { "Enabled": true, "MinimumSeverity": "warning", "DataPath": "labelled",
                                "OutputRoot": "/var/retrain", "Models": ["lr"], "PromotionMargin": 0.02 },
              }
            }
            """;

        var settings = AlertSettingsLoader.Parse(json, Base);

        Assert.Equal(["f1-drop", "drift"], settings.Policy.Rules.Select(r => r.Name));
        Assert.Equal(AlertSeverity.Warning, settings.Policy.Rules[1].Severity);
        Assert.Equal(TimeSpan.FromHours(12), settings.Policy.CoolDown);
        Assert.True(settings.Policy.RetrainOnAlert);
        Assert.Equal(AlertSeverity.Warning, settings.Policy.RetrainMinimumSeverity);
        var hook = settings.Webhook!;
        Assert.Equal(new Uri("https://hooks.example.org/T/B/x"), hook.Url);
        Assert.Equal(WebhookPayloadFormat.Slack, hook.Format);
        Assert.Equal(3, hook.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(5), hook.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(0.5), hook.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(10), hook.MaxDelay);
        var retraining = settings.Retraining!;
        Assert.Equal(Path.GetFullPath("labelled", Base), retraining.DataPath);
        Assert.Equal("/var/retrain", retraining.OutputRoot);
        Assert.Equal(["lr"], retraining.Models);
        Assert.Equal(0.02, retraining.PromotionMargin);
    }

    [Fact]
    public void Parse_SectionAtTheRootWithNothingSet_GivesTheDefaults()
    {
        var settings = AlertSettingsLoader.Parse("{}", Base);

        Assert.Equal(AlertPolicy.Default.Rules, settings.Policy.Rules);
        Assert.Equal(AlertPolicy.Default.CoolDown, settings.Policy.CoolDown);
        Assert.Null(settings.Webhook);
        Assert.Null(settings.Retraining);
    }

    [Fact]
    public void Parse_RetrainingDisabled_HasNoRetrainingOptions()
    {
        var settings = AlertSettingsLoader.Parse(
            """{ "Retraining": { "Enabled": false } }""",
            Base
        );

        Assert.False(settings.Policy.RetrainOnAlert);
        Assert.Null(settings.Retraining);
    }

    [Fact]
    public void Parse_ManyMistakes_ListsEveryOneWithItsPath()
    {
        const string json = """
            { "Alerts": {
                "CoolDownHour": 5,
                "Rules": [ { "Name": "x", "When": "f1_dorp > 1", "Sevrity": "info" }, 7 ],
                "Webhook": { "Url": "not a url", "Format": "teams", "MaxAttempts": "3" },
                "Retraining": { "Enabled": true, "Models": ["svm"] }
            } }
            """;

        var error = Assert.Throws<AlertPolicyException>(() =>
            AlertSettingsLoader.Parse(json, Base)
        );

        string[] expected =
        [
            "Alerts.CoolDownHour is not a known setting",
            "Alerts.Rules[0].Sevrity is not a known setting",
            "Alerts.Rules[1] must be an object",
            "Alerts.Webhook.MaxAttempts must be a number",
            "Alerts.Webhook.Format \"teams\" is not one of json, slack",
            "Alerts.Webhook.Url is required and must be an absolute",
            "Alerts.Retraining.DataPath is required",
            "Alerts.Retraining.OutputRoot is required",
            "Alerts.Retraining.Models must list some of lr, rf, xgb",
            "Alerts: Rule 1 (\"x\"): unknown metric \"f1_dorp\"",
        ];
        Assert.True(expected.Length == error.Problems.Count, string.Join("\n", error.Problems));
        foreach (var start in expected)
        {
            Assert.Contains(error.Problems, p => p.StartsWith(start, StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// A retraining model name that models:/NAME@ALIAS could not address is refused with the
    /// policy, not when an alert fires and the registration fails after training.
    /// </summary>
    [Theory]
    [InlineData("team@model")]
    [InlineData("team/model")]
    [InlineData("team\\u0007model")]
    public void Parse_RetrainingModelNameTheRegistryRefuses_Problem(string name)
    {
        var json = $$"""
            { "Alerts": { "Retraining": {
                "Enabled": true, "DataPath": "d.csv", "OutputRoot": "out", "ModelName": "{{name}}"
            } } }
            """;

        var error = Assert.Throws<AlertPolicyException>(() =>
            AlertSettingsLoader.Parse(json, Base)
        );

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith(
            "Alerts.Retraining.ModelName: Registered model name must not contain '@', '/' or control characters",
            problem,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Parse_NotJson_SaysWhereItBroke()
    {
        var error = Assert.Throws<AlertPolicyException>(() =>
            AlertSettingsLoader.Parse("{\n  \"Alerts\": { \"Rules\": [ }\n}", Base)
        );

        Assert.Contains("not valid JSON (line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_Missing_IsAConfigurationError()
    {
        var error = Assert.Throws<AlertPolicyException>(() =>
            AlertSettingsLoader.LoadFile(
                Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "alerts.json")
            )
        );

        Assert.StartsWith(
            "Cannot read the alert configuration",
            error.Problems[0],
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData("""{ "CoolDownHours": 1, "CoolDownHours": 2 }""", "CoolDownHours")]
    [InlineData(
        """{ "Alerts": { "coolDownHours": 1, "CoolDownHours": 2 } }""",
        "Alerts.CoolDownHours"
    )]
    [InlineData(
        """{ "Rules": [ { "Name": "a", "When": "f1_drop > 0.05", "When": "bogus" } ] }""",
        "Rules[0].When"
    )]
    public void LoadFile_DuplicateKey_RefusedNamingKeyAndFile(string json, string key)
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        try
        {
            var error = Assert.Throws<AlertPolicyException>(() =>
                AlertSettingsLoader.LoadFile(path)
            );

            Assert.Equal(
                $"The alert configuration in '{path}' gives {key} twice (keys are case-insensitive); give each setting once.",
                Assert.Single(error.Problems)
            );
        }
        finally
        {
            File.Delete(path);
        }
    }
}
