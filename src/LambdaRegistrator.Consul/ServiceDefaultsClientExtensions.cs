using LambdaRegistrator.Consul.ConfigEntries;
using LambdaRegistrator.Consul.Http;

namespace LambdaRegistrator.Consul;

/// <summary>Typed service-defaults calls over the generic config-entry methods of <see cref="IConsulClient"/>.</summary>
public static class ServiceDefaultsClientExtensions
{
    /// <summary><c>PUT /v1/config</c> of a service-defaults entry; with <paramref name="cas"/> (0 = create only) returns false when the entry's ModifyIndex no longer matches.</summary>
    public static Task<bool> SetServiceDefaultsAsync(this IConsulClient client, ServiceDefaultsEntry entry, ConsulScope scope, ulong? cas, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(entry);
        return client.SetConfigEntryAsync(ToConfigEntry(entry), scope, cas, cancellationToken);
    }

    /// <summary><c>GET /v1/config/service-defaults/:name</c>; a missing entry yields a null value.</summary>
    public static async Task<QueryResult<ServiceDefaultsEntry?>> GetServiceDefaultsAsync(this IConsulClient client, string name, ConsulScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var result = await client.GetConfigEntryAsync(ServiceDefaultsEntry.KindName, name, scope, cancellationToken).ConfigureAwait(false);
        return new(result.Value is null ? null : FromConfigEntry(result.Value), result.Meta);
    }

    /// <summary><c>GET /v1/config/service-defaults</c>, optionally with a bexpr <paramref name="filter"/>.</summary>
    public static async Task<QueryResult<IReadOnlyList<ServiceDefaultsEntry>>> ListServiceDefaultsAsync(this IConsulClient client, ConsulScope scope, string? filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var result = await client.ListConfigEntriesAsync(ServiceDefaultsEntry.KindName, scope, filter, cancellationToken).ConfigureAwait(false);
        return new([.. result.Value.Select(FromConfigEntry)], result.Meta);
    }

    /// <summary><c>DELETE /v1/config/service-defaults/:name</c>; a missing entry counts as deleted. With <paramref name="cas"/> returns false when the ModifyIndex no longer matches.</summary>
    public static Task<bool> DeleteServiceDefaultsAsync(this IConsulClient client, string name, ConsulScope scope, ulong? cas, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.DeleteConfigEntryAsync(ServiceDefaultsEntry.KindName, name, scope, cas, cancellationToken);
    }

    /// <summary>The generic form of a typed entry (the same JSON on the wire).</summary>
    public static ConfigEntry ToConfigEntry(ServiceDefaultsEntry entry) =>
        ConsulJson.Deserialize<ConfigEntry>(ConsulJson.Serialize(entry)) ?? throw new InvalidOperationException("A service-defaults entry serialized to null.");

    /// <summary>The typed view of a generic service-defaults entry (fields it does not model are dropped).</summary>
    public static ServiceDefaultsEntry FromConfigEntry(ConfigEntry entry) =>
        ConsulJson.Deserialize<ServiceDefaultsEntry>(ConsulJson.Serialize(entry)) ?? throw new InvalidOperationException("A config entry serialized to null.");
}
