namespace LambdaRegistrator.Aws.Tests;

/// <summary>A jitter source that always returns the same fraction, so backoff delays are exact.</summary>
internal sealed class FixedRandom(double value) : Random
{
    public override double NextDouble() => value;
}
