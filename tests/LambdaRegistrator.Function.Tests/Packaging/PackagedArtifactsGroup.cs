namespace LambdaRegistrator.Function.Tests.Packaging;

/// <summary>Tests of the built zips share one packaging run and do not run in parallel with each other.</summary>
[CollectionDefinition(Name)]
public sealed class PackagedArtifactsGroup : ICollectionFixture<PackagedArtifacts>
{
    public const string Name = "Packaged artifacts";
}
