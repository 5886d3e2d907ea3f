namespace MentalHealthInsights.Server.Tests.Fixtures;

/// <summary>Test classes that serve the trained models share one training run.</summary>
[CollectionDefinition(Name)]
public sealed class TrainedModelGroup : ICollectionFixture<TrainedModelFixture>
{
    public const string Name = "trained models";
}
