using System.Collections.Concurrent;
using LambdaRegistrator.Aws.Ssm;

namespace LambdaRegistrator.Tests.Fakes;

/// <summary>An in-memory SSM Parameter Store recording calls.</summary>
internal sealed class FakeParameterStore : IParameterStore
{
    public ConcurrentDictionary<string, (string Value, ParameterTier Tier)> Values { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Calls { get; } = new();

    public Task<Parameter?> GetParameterAsync(string name, bool withDecryption = true, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue("GetParameter " + name);
        return Task.FromResult(Values.TryGetValue(name, out var stored) ? new Parameter(name, "SecureString", stored.Value, 1, null, null) : null);
    }

    public Task<long> PutSecureStringAsync(string name, string value, ParameterTier tier, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue("PutParameter " + name);
        Values[name] = (value, tier);
        return Task.FromResult(1L);
    }

    public Task<bool> DeleteParameterAsync(string name, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue("DeleteParameter " + name);
        return Task.FromResult(Values.TryRemove(name, out _));
    }
}
