namespace LambdaRegistrator.ConsulSimulator.Filtering;

/// <summary>A <c>filter</c> expression that go-bexpr would refuse to compile.</summary>
internal sealed class FilterSyntaxException : Exception
{
    public FilterSyntaxException(string message) : base(message)
    {
    }
}
