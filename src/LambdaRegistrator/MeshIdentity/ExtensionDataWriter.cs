using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using LambdaRegistrator.Aws.Ssm;
using LambdaRegistrator.Consul;
using LambdaRegistrator.Consul.Connect;
using LambdaRegistrator.Core.Configuration;
using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Execution;
using LambdaRegistrator.Logging;
using Microsoft.Extensions.Logging;

namespace LambdaRegistrator.MeshIdentity;

/// <summary>
/// Carries out the plan's mesh-identity steps (<see cref="MeshIdentities"/> decides them): each registered service's
/// identity (Connect leaf + roots) is kept in SSM for the consul-lambda-extension (<c>CONSUL_EXTENSION_DATA_PREFIX</c>),
/// refreshed once less than half of the leaf's lifetime remains, and deleted with the service.
/// </summary>
/// <remarks>
/// Why: refreshing needs the stored certificate's expiry; it is remembered per container, so a warm steady state costs
/// no request, and a cold container reads each parameter once (GetParameter) to learn it.
/// </remarks>
/// <param name="writeGrace">How long SSM writes in flight may run past the deadline token: DEADLINE_MARGIN_MS, as for Consul writes.</param>
internal sealed class ExtensionDataWriter(
    IConsulClient consul, IParameterStore parameters, ParameterTier tier, int maxConcurrency, TimeSpan writeGrace, TimeProvider time, ILogger logger)
{
    // Why: SSM Standard parameters hold at most 4 KB; larger values need the configured tier.
    private const int StandardTierLimit = 4096;

    private readonly ConcurrentDictionary<string, CertificateValidity> _known = new(StringComparer.Ordinal);

    /// <summary>
    /// Carries out the plan's mesh-identity steps: deletes first (already gone counts as deleted), then writes (always)
    /// and refreshes (only when the stored leaf is missing or due).
    /// </summary>
    /// <returns>One secret-free sentence per failure.</returns>
    public async Task<IReadOnlyList<string>> ApplyAsync(IReadOnlyList<MeshIdentityStep> steps, CancellationToken deadline)
    {
        // Why: like the Consul writes, an SSM write already started may use the margin, and no more, so that a slow or
        // throttled SSM cannot keep the invocation running past Lambda's own deadline.
        using var writeDeadline = new WriteDeadline(writeGrace, time, deadline);
        var errors = new List<string>();
        errors.AddRange(await DeleteAsync([.. steps.Where(s => s.Action == MeshIdentityAction.Delete)], deadline, writeDeadline.Token).ConfigureAwait(false));
        if (!deadline.IsCancellationRequested)
        {
            errors.AddRange(await EnsureAsync([.. steps.Where(s => s.Action != MeshIdentityAction.Delete)], deadline, writeDeadline.Token).ConfigureAwait(false));
        }

        return errors;
    }

    private async Task<IReadOnlyList<string>> EnsureAsync(IReadOnlyList<MeshIdentityStep> steps, CancellationToken deadline, CancellationToken writes)
    {
        var errors = new ConcurrentQueue<string>();
        Task<CARootList>? roots = null;
        var rootsGate = new Lock();
        Task<CARootList> Roots()
        {
            lock (rootsGate)
            {
                return roots ??= ReadRootsAsync(deadline);
            }
        }

        try
        {
            await Parallel.ForEachAsync(steps, new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = deadline }, async (step, token) =>
            {
                try
                {
                    if (step.Action == MeshIdentityAction.Refresh && !await IsDueAsync(step.Path, token).ConfigureAwait(false))
                    {
                        return;
                    }

                    await WriteAsync(step.Service, step.Path, await Roots().ConfigureAwait(false), token, writes).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    throw;
                }
#pragma warning disable CA1031 // Why: one service's identity failing must not stop the others; the cause is recorded.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    Log.ExtensionDataFailed(logger, step.Path, exception.Message);
                    errors.Enqueue($"Writing mesh identity {step.Path} failed: {exception.Message}");
                }
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested || writes.IsCancellationRequested)
        {
            errors.Enqueue("The deadline was reached while writing mesh identities; the next sync finishes them.");
        }

        return [.. errors];
    }

    private async Task<IReadOnlyList<string>> DeleteAsync(IReadOnlyList<MeshIdentityStep> steps, CancellationToken deadline, CancellationToken writes)
    {
        var errors = new List<string>();
        foreach (var step in steps)
        {
            var path = step.Path;
            try
            {
                var existed = await parameters.DeleteParameterAsync(path, writes).ConfigureAwait(false);
                _known.TryRemove(path, out _);
                Log.ExtensionDataDeleted(logger, path, existed);
            }
            catch (Aws.AwsServiceException exception)
            {
                Log.ExtensionDataFailed(logger, path, exception.Message);
                errors.Add($"Deleting mesh identity {path} failed: {exception.Message} Its service is deregistered; delete the parameter by hand.");
            }
            catch (OperationCanceledException) when (writes.IsCancellationRequested)
            {
                const string Message = "the delete was still running when the invocation's deadline (DEADLINE_MARGIN_MS after the stop for new writes) was reached";
                Log.ExtensionDataFailed(logger, path, Message);
                errors.Add($"Deleting mesh identity {path}: {Message}. Its service is deregistered; delete the parameter by hand if it remains.");
                break;
            }

            if (deadline.IsCancellationRequested)
            {
                break;
            }
        }

        return errors;
    }

    private async Task<bool> IsDueAsync(string path, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_known.TryGetValue(path, out var validity))
        {
            return validity.IsDue(now);
        }

        var stored = await parameters.GetParameterAsync(path, withDecryption: true, cancellationToken).ConfigureAwait(false);
        if (stored is null || ReadValidity(stored.Value) is not { } read)
        {
            return true;
        }

        _known[path] = read;
        return read.IsDue(now);
    }

    private async Task WriteAsync(ServiceKey key, string path, CARootList roots, CancellationToken cancellationToken, CancellationToken writes)
    {
        // Why: the agent issues leaves for its own datacenter; only partition and namespace select the identity.
        var scope = new Consul.ConsulScope(null, key.Partition, key.Namespace);
        var leaf = (await consul.GetLeafCertAsync(key.Name, scope, cancellationToken).ConfigureAwait(false)).Value;
        var data = new ExtensionData
        {
            PrivateKeyPem = leaf.PrivateKeyPEM,
            CertPem = leaf.CertPEM,
            RootCertPem = RootBundle(roots),
            TrustDomain = roots.TrustDomain,
        };
        var value = JsonSerializer.Serialize(data, ExtensionDataJsonContext.Default.ExtensionData);
        var size = Encoding.UTF8.GetByteCount(value);
        var parameterTier = size <= StandardTierLimit ? ParameterTier.Standard : tier;
        await parameters.PutSecureStringAsync(path, value, parameterTier, writes).ConfigureAwait(false);
        _known[path] = new CertificateValidity(leaf.ValidAfter, leaf.ValidBefore);
        Log.ExtensionDataWritten(logger, path, parameterTier.ToString(), leaf.ValidBefore);
    }

    private async Task<CARootList> ReadRootsAsync(CancellationToken cancellationToken) =>
        (await consul.GetCARootsAsync(cancellationToken).ConfigureAwait(false)).Value;

    // Why: during a CA rotation both the old and the new root are trusted; the active one goes first.
    private static string RootBundle(CARootList roots)
    {
        var active = roots.ActiveRoot;
        var ordered = active is null ? roots.Roots : [active, .. roots.Roots.Where(r => !ReferenceEquals(r, active))];
        return string.Join("\n", ordered.Select(r => r.RootCertPEM.TrimEnd('\n')).Where(p => p.Length > 0)) + "\n";
    }

    private static CertificateValidity? ReadValidity(string storedValue)
    {
        try
        {
            var data = JsonSerializer.Deserialize(storedValue, ExtensionDataJsonContext.Default.ExtensionData);
            if (data is null || string.IsNullOrEmpty(data.CertPem))
            {
                return null;
            }

            using var certificate = X509Certificate2.CreateFromPem(data.CertPem);
            return new CertificateValidity(
                new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero),
                new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero));
        }
        catch (Exception exception) when (exception is JsonException or CryptographicException or ArgumentException)
        {
            return null;
        }
    }
}
