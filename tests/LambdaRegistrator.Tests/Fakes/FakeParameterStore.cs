using LambdaRegistrator.Core.Configuration;
using System.Collections.Concurrent;
using LambdaRegistrator.Aws.Ssm;

namespace LambdaRegistrator.Tests.Fakes;

/// <summary>An in-memory SSM Parameter Store recording calls.</summary>
internal sealed class FakeParameterStore : IParameterStore
{
    public ConcurrentDictionary<string, (string Value, ParameterTier Tier)> Values { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>Awaited before every put and delete with the call and the token it was given (e.g. to hold a write in flight).</summary>
    public Func<string, CancellationToken, Task>? WriteGate { get; set; }

    public Task<Parameter?> GetParameterAsync(string name, bool withDecryption = true, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue("GetParameter " + name);
        return Task.FromResult(Values.TryGetValue(name, out var stored) ? new Parameter(name, "SecureString", stored.Value, 1, null, null) : null);
    }

    public async Task<long> PutSecureStringAsync(string name, string value, ParameterTier tier, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue("PutParameter " + name);
        if (WriteGate is { } gate)
        {
            await gate("PutParameter " + name, cancellationToken).ConfigureAwait(false);
        }

        Values[name] = (value, tier);
        return 1L;
    }

    public async Task<bool> DeleteParameterAsync(string name, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue("DeleteParameter " + name);
        if (WriteGate is { } gate)
        {
            await gate("DeleteParameter " + name, cancellationToken).ConfigureAwait(false);
        }

        return Values.TryRemove(name, out _);
    }
}
