using System.Text.Json;
using LambdaRegistrator.Consul;
using LambdaRegistrator.Consul.ConfigEntries;
using Ownership = LambdaRegistrator.Core.Planning.Ownership;
using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.Reliability.Tests.Infrastructure;

/// <summary>A snapshot of what is in Consul on the registrator's node and in the service-defaults entries, read with a management token.</summary>
internal sealed record ConsulState(IReadOnlyList<ConsulState.Service> Services, IReadOnlyList<ConsulState.Entry> Entries)
{
    public const string Node = "lambdas";

    /// <summary>Service names on the node, sorted (a duplicate name appears twice).</summary>
    public IReadOnlyList<string> ServiceNames => [.. Services.Select(s => s.Name).Order(StringComparer.Ordinal)];

    /// <summary>Config entry names, sorted.</summary>
    public IReadOnlyList<string> EntryNames => [.. Entries.Select(e => e.Name).Order(StringComparer.Ordinal)];

    public static ConsulClient Client(ConsulTarget consul, string? caPem = null) =>
        new(new ConsulClientOptions { Address = consul.Address, Token = consul.ManagementToken, CaCertificatePem = caPem }, ConsulRetryPolicy.None);

    public static async Task<ConsulState> ReadAsync(ConsulTarget consul, ConsulScope scope = default, string? caPem = null)
    {
        using var client = Client(consul, caPem);
        var node = (await client.GetNodeServicesAsync(Node, scope, CancellationToken.None)).Value;
        var entries = (await client.ListServiceDefaultsAsync(scope, null, CancellationToken.None)).Value;
        return new ConsulState(
            [.. node.Services.Select(s => new Service(
                s.Id, s.Service, s.Meta.GetValueOrDefault(Ownership.RegistratorIdKey), s.Meta.GetValueOrDefault(Ownership.FunctionArnKey),
                string.Join(',', s.Tags), s.Meta.Count)).OrderBy(s => s.Id, StringComparer.Ordinal)],
            [.. entries.Select(e => new Entry(
                e.Name, e.Meta.GetValueOrDefault(Ownership.RegistratorIdKey), e.Meta.GetValueOrDefault(Ownership.FunctionArnKey),
                Argument(e, "arn"), Argument(e, "invocationMode"), Argument(e, "payloadPassthrough"), e.ModifyIndex)).OrderBy(e => e.Name, StringComparer.Ordinal)]);
    }

    private static string? Argument(ServiceDefaultsEntry entry, string name)
    {
        var extension = entry.EnvoyExtensions.FirstOrDefault(x => x.Name == EnvoyExtension.AwsLambdaName);
        if (extension is null || !extension.Arguments.TryGetValue(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
    }

    /// <summary>One catalog service on the node.</summary>
    public sealed record Service(string Id, string Name, string? Owner, string? Arn, string Tags, int MetaCount);

    /// <summary>One service-defaults entry.</summary>
    public sealed record Entry(string Name, string? Owner, string? Arn, string? ExtensionArn, string? InvocationMode, string? PayloadPassthrough, ulong ModifyIndex);
}
