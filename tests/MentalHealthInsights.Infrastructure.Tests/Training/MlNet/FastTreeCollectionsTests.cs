using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Infrastructure.Training.MlNet;
using Microsoft.ML;

namespace MentalHealthInsights.Infrastructure.Tests.Training.MlNet;

/// <summary>
/// Tests that count the process's garbage collections run alone: a collection another test
/// causes would count as theirs.
/// </summary>
[CollectionDefinition(nameof(GarbageCollectionCounts), DisableParallelization = true)]
public sealed class GarbageCollectionCounts;

/// <summary>
/// FastTree's forced full collections are turned off without changing a model: the field ML.NET
/// reads is found (an ML.NET upgrade that renames it fails here), the saved model is byte for
/// byte the one a fit with the collections writes, and a forest fit no longer collects.
/// </summary>
[Collection(nameof(GarbageCollectionCounts))]
public sealed class FastTreeCollectionsTests
{
    private static readonly FeatureMatrix Training = PlantedData.Create(400, seed: 41);

    [Fact]
    public void Disable_FastForestTrainer_FindsAndClearsTheField()
    {
        var trainer = SmallForest.Trainer(new MLContext(seed: 1));
        Assert.True(FastTreeCollections.Allowed(trainer));

        Assert.True(FastTreeCollections.Disable(trainer));

        Assert.False(FastTreeCollections.Allowed(trainer));
    }

    [Fact]
    public void Disable_SameData_ByteIdenticalModel()
    {
        var withCollections = Saved(disable: false);
        var without = Saved(disable: true);

        Assert.Equal(withCollections, without);
    }

    [Fact]
    public void RandomForestTrainerFit_InducesNoFullCollections()
    {
        var hyperParameters = RandomForestTrainer.Defaults.With("numberOfTrees", 10);
        // The first fit in the process loads and compiles ML.NET; count only later ones.
        Fit(hyperParameters);
        var before = GC.CollectionCount(2);

        for (var i = 0; i < 3; i++)
        {
            Fit(hyperParameters);
        }

        // With ML.NET's default each fit forces at least three (nine here); these fits of a
        // few kilobytes cause none on their own.
        Assert.True(
            GC.CollectionCount(2) - before < 3,
            $"{GC.CollectionCount(2) - before} full collections in three forest fits."
        );
    }

    private static void Fit(HyperParameters hyperParameters)
    {
        using var model = new RandomForestTrainer().Fit(
            Training,
            hyperParameters,
            3,
            CancellationToken.None
        );
    }

    private static byte[] Saved(bool disable)
    {
        var ml = new MLContext(seed: 7);
        var data = new FeatureMatrixDataView(Training);
        var trainer = SmallForest.Trainer(ml);
        if (disable)
        {
            Assert.True(FastTreeCollections.Disable(trainer));
        }

        return MlNetZip.Save(ml, trainer.Fit(data), data.Schema, []);
    }
}
