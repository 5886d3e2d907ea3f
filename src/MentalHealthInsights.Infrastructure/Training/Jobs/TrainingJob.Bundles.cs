using MentalHealthInsights.Core.Training.Protocol;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Infrastructure.Training.Jobs;

public sealed partial class TrainingJob
{
    private static Dictionary<string, string> WriteBundles(
        TrainingJobOptions options,
        TrainingReport report,
        TrainingResult result,
        string? commit
    )
    {
        // Filled in when the model bundle lands (issue 3, "Model bundle").
        _ = options;
        _ = report;
        _ = result;
        _ = commit;
        return new Dictionary<string, string>();
    }
}
