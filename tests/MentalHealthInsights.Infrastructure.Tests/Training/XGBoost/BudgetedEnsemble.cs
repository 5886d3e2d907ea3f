using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Tests.Training.XGBoost;

/// <summary>A managed ensemble parsed with a given TreeSHAP memory budget; fails the test with the parser's reason.</summary>
internal static class BudgetedEnsemble
{
    public static XGBoostTreeEnsemble Parse(byte[] json, long budget)
    {
        var ensemble = XGBoostTreeEnsemble.TryParseWithTableBudget(json, budget, out var reason);
        Assert.True(ensemble is not null, reason);
        return ensemble;
    }
}
