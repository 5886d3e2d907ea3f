namespace MentalHealthInsights.Infrastructure.Tests.Storage;

/// <summary>The test classes that share one s3rver (<see cref="S3rverFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class S3rverGroup : ICollectionFixture<S3rverFixture>
{
    public const string Name = "S3rver";
}
