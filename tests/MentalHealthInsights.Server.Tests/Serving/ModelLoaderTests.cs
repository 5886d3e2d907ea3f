using MentalHealthInsights.Infrastructure.Scoring.Bundles;
using MentalHealthInsights.Infrastructure.Training.XGBoost;
using MentalHealthInsights.Server.Serving;
using MentalHealthInsights.Server.Tests.Fixtures;

namespace MentalHealthInsights.Server.Tests.Serving;

/// <summary>
/// The server's load probe explains a record, so a model's lazily built explanation state (an
/// XGBoost model's TreeSHAP tables) is built while loading, not in the first request.
/// </summary>
[Collection(TrainedModelGroup.Name)]
public sealed class ModelLoaderTests(TrainedModelFixture models)
{
    [Fact]
    public void Load_BundleReaderAlone_LeavesTheTreeShapTablesUnbuilt()
    {
        using var bundle = ModelBundleReader.Load(models.XgbBundle);

        Assert.False(Evaluator(bundle.Model).ShapTablesBuilt);
    }

    [Fact]
    public async Task LoadAsync_XGBoostBundle_BuildsTheTreeShapTablesBeforeServing()
    {
        var loader = new ModelLoader(
            new ServingOptions { Model = models.XgbBundle },
            TimeProvider.System
        );

        var served = await loader.LoadAsync(CancellationToken.None);
        try
        {
            Assert.True(Evaluator(served.Bundle.Model).ShapTablesBuilt);
        }
        finally
        {
            served.Release();
        }
    }

    private static XGBoostTreeEnsemble Evaluator(object model) =>
        Assert.IsType<XGBoostBinaryModel>(model).Evaluator
        ?? throw new InvalidOperationException("the test model has no managed evaluator");
}
